import Domain
import Fluent
import FluentSQL
import Vapor

/// 干部实绩: each cadre of the units a person reads, with the results the year's verified tally
/// credits them (`ProgressFigures.year`, the count the progress page and the seats read), their
/// visits, leads and the work orders they raised that year, placed within their unit.
enum CadreFigures {
    struct Cadre: Sendable {
        var id: UUID
        var name: String
        var post: String
        var unit: AssessmentUnits.Row
    }

    struct Row: Sendable {
        var person: Cadre
        var place: Int
        var line: CadreLine
    }

    /// The active people of the units (cadres and whoever holds a share of a project).
    static func people(of units: [AssessmentUnits.Row], on db: any Database) async throws -> [Cadre] {
        guard !units.isEmpty else { return [] }
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try await db.sql.raw(
            """
            SELECT id, name, post, unit_id, roles FROM persons
            WHERE active = \(bind: true) AND unit_id IN (\(binds: units.map(\.id))) ORDER BY name, id
            """
        ).all().compactMap { row in
            let r = RowReader(row)
            let roles = Set(try r.string("roles").split(separator: ",").compactMap { Role(rawValue: String($0)) })
            guard roles.contains(.cadre) || roles.contains(.bureau) || roles.contains(.host), let unit = byID[try r.uuid("unit_id")] else {
                return nil
            }
            return Cadre(id: try r.uuid("id"), name: try r.string("name"), post: try r.string("post"), unit: unit)
        }
    }

    /// Per person, how many rows of `table` they own in the year (`column` names the owner,
    /// `date` the day), with an optional extra condition.
    static func counts(
        _ table: String, owner column: String, date: String, year: Int, people: [UUID], extra: SQLQueryString? = nil,
        on db: any Database
    ) async throws -> [UUID: Int] {
        guard !people.isEmpty else { return [:] }
        let (first, last) = ("\(year)-01-01", "\(year)-12-31")
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: column) AS owner, COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) IN (\(binds: people)) AND \(unsafeRaw: date) >= \(bind: first) AND \(unsafeRaw: date) <= \(bind: last)"
        if let extra { query = query + " AND " + extra }
        query = query + " GROUP BY \(unsafeRaw: column)"
        var counts: [UUID: Int] = [:]
        for row in try await db.sql.raw(query).all() {
            let r = RowReader(row)
            counts[try r.uuid("owner")] = try r.int("n")
        }
        return counts
    }

    /// The year's rows of the units' cadres, each unit's cadres in their places (`CadreLine.ranked`).
    static func rows(_ request: Request, year: Int, units: [AssessmentUnits.Row]) async throws -> (
        rows: [Row], figures: ProgressFigures.Year
    ) {
        let user = try request.authorize(.read, .assessment)
        let figures = try await ProgressFigures.year(request, scope: user.scope, year: year)
        let people = try await people(of: units, on: request.db)
        let ids = people.map(\.id)
        let db = request.db
        let visits = try await counts("activities", owner: "owner_id", date: "occurred_on", year: year, people: ids, on: db)
        let leads = try await counts("leads", owner: "submitter_id", date: "submitted_on", year: year, people: ids, on: db)
        let accepted = try await counts(
            "leads", owner: "submitter_id", date: "submitted_on", year: year, people: ids, extra: "status = 'accepted'", on: db)
        let orders = try await counts("work_orders", owner: "requester_id", date: "submitted_on", year: year, people: ids, on: db)
        var rows: [Row] = []
        for unit in units {
            let mine = people.filter { $0.unit.id == unit.id }
            let lines = mine.map { person in
                let key = person.id.uuidString
                return CadreLine(
                    person: key, name: person.name, contract: figures.tally.figure(person: key, .contractInvestment).done,
                    signings: Int(figures.tally.figure(person: key, .projectsSigned).done), visits: visits[person.id] ?? 0,
                    leads: leads[person.id] ?? 0, leadsAccepted: accepted[person.id] ?? 0, workOrders: orders[person.id] ?? 0)
            }
            let byKey = Dictionary(mine.map { ($0.id.uuidString, $0) }, uniquingKeysWith: { a, _ in a })
            rows += CadreLine.ranked(lines).compactMap { place, line in
                byKey[line.person].map { Row(person: $0, place: place, line: line) }
            }
        }
        return (rows, figures)
    }

    /// One person whose results the reader may see (their unit's results: `readUnitResults`), or 404.
    static func readable(_ request: Request, _ id: UUID) async throws -> Cadre {
        guard let person = try await Person.find(id, on: request.db) else { throw AppError.notFound }
        let unit = try await AssessmentUnits.readable(request, person.$unit.id)
        return Cadre(id: id, name: person.name, post: person.post, unit: unit)
    }
}
