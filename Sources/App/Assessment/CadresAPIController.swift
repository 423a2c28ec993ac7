import Domain
import Vapor

/// `GET /api/v1/cadres?year=` (the cadres of the units one reads, in their places within their
/// unit, with what is credited to each), `GET /api/v1/reserve-pool` (every record, oldest first, and
/// who is in now) and `POST /api/v1/reserve-pool` (the bureau adds a record: 201).
struct CadresAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.cadres.pattern, use: cadres)
        api.get(APIRoute.reservePool.pattern, use: pool)
        api.post(APIRoute.reservePool.pattern, use: add)
    }

    struct Cadre: Content {
        var personID: UUID
        var name: String
        var post: String
        var unitID: UUID
        var unitName: String
        var place: Int
        /// Fen credited by the projects' splits.
        var contractInvestment: Int64
        var projectsSigned: Int
        var visits: Int
        var leads: Int
        var leadsAccepted: Int
        var workOrders: Int
    }

    struct CadrePage: Content {
        var year: Int
        var through: String
        var rankRule: String
        var cadres: [Cadre]
    }

    func cadres(_ request: Request) async throws -> CadrePage {
        let year = try AssessmentUnits.year(request, results: true)
        let (rows, figures) = try await CadreFigures.rows(request, year: year, units: try await AssessmentUnits.visible(request))
        return CadrePage(
            year: year, through: figures.through.description, rankRule: CadreLine.rankRule,
            cadres: rows.map { row in
                Cadre(
                    personID: row.person.id, name: row.person.name, post: row.person.post, unitID: row.person.unit.id,
                    unitName: row.person.unit.name, place: row.place, contractInvestment: row.line.contract,
                    projectsSigned: row.line.signings, visits: row.line.visits, leads: row.line.leads,
                    leadsAccepted: row.line.leadsAccepted,
                    workOrders: row.line.workOrders)
            })
    }

    struct Record: Content {
        var id: UUID
        var sequence: Int64
        var personID: String
        var personName: String
        var unitName: String
        var year: Int
        var action: String
        var source: String
        var reason: String
        var decidedBy: String
        var decidedOn: String
        var recordedBy: String
        var recordedAt: Int64

        init(_ r: ReservePoolService.Record) {
            let e = r.entry
            (id, sequence, personID, personName, unitName) = (r.id, e.sequence, e.person, r.personName, r.unitName)
            (year, action, source, reason, decidedBy, decidedOn) = (
                e.year, e.action.rawValue, e.source.rawValue, e.reason, e.decidedBy, e.decidedOn.description
            )
            (recordedBy, recordedAt) = (r.recordedBy, r.recordedAt)
        }
    }

    struct Pool: Content {
        /// The people whose latest record enters them.
        var current: [String]
        var records: [Record]
    }

    func pool(_ request: Request) async throws -> Pool {
        let records = try await ReservePoolService(request: request).records()
        let current = ReservePool.current(records.map(\.entry))
        return Pool(current: current.values.sorted { $0.sequence < $1.sequence }.map(\.person), records: records.map(Record.init))
    }

    struct AddBody: Content {
        var personID: UUID
        var year: Int
        var action: String
        var source: String
        var reason: String
        var decidedBy: String
        var decidedOn: String
    }

    func add(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let body = try request.decodeForm(AddBody.self)
        let input = try CadresWebController.input([
            "person": body.personID.uuidString, "year": String(body.year), "action": body.action, "source": body.source,
            "reason": body.reason, "decidedBy": body.decidedBy, "decidedOn": body.decidedOn,
        ])
        return try .created(Record(try await ReservePoolService(request: request).add(input)))
    }
}
