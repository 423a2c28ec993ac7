import Domain
import Fluent
import FluentSQL
import Vapor

/// The figures the seeds report, computed from the records: the funnel per unit or per person
/// (visits → leads → accepted → signed → producing, for leads submitted in the period) and a
/// resident office's month. Counting rules are `Domain`'s; here are only the queries.
enum PipelineFigures {
    /// Who a funnel row belongs to: a unit, or a person within a unit.
    enum Grouping: Sendable {
        case unit(scope: JurisdictionCode)
        case person(unit: UUID)
    }

    struct Row: Sendable {
        var id: UUID
        var funnel: Funnel
    }

    /// Which records a funnel count reads: a jurisdiction's, some units', or every unit's.
    enum Records: Sendable {
        case jurisdiction(JurisdictionCode)
        case units([UUID])
        case all
    }

    private struct VisitRow: Decodable {
        var unit: UUID, who: UUID, ckey: String
    }

    private struct LeadRow: Decodable {
        var unit: UUID, who: UUID, leads: Int, accepted: Int, signed: Int, producing: Int
    }

    static let noFunnel = Funnel(visits: 0, leads: 0, accepted: 0, signed: 0, producing: 0)

    static func funnels(_ grouping: Grouping, from: CivilDate, through: CivilDate, on db: any Database) async throws -> [Row] {
        switch grouping {
        case .unit(let scope):
            return try await count(.jurisdiction(scope), from: from, through: through, on: db).compactMap { unit, people in
                people[nil].map { Row(id: unit, funnel: $0) }
            }
        case .person(let unit):
            let people = try await count(.units([unit]), from: from, through: through, on: db)[unit] ?? [:]
            return people.compactMap { who, funnel in who.map { Row(id: $0, funnel: funnel) } }
        }
    }

    /// The one count of the funnel, for leads submitted and visits made in the period: per unit,
    /// its own funnel (key nil: its visits are distinct enterprises over the whole unit) and each
    /// of its people's. The page, the kept tallies (`FunnelTallies`) and the tests all read it.
    static func count(_ records: Records, from: CivilDate, through: CivilDate, on db: any Database) async throws
        -> [UUID: [UUID?: Funnel]]
    {
        let (from, through) = (from.description, through.description)
        let (visitWhere, leadWhere): (SQLQueryString, SQLQueryString)
        switch records {
        case .jurisdiction(let scope):
            visitWhere = " AND a.jurisdiction_code >= \(bind: scope.prefix) AND a.jurisdiction_code < \(bind: scope.prefix + "~")"
            leadWhere = " AND l.jurisdiction_code >= \(bind: scope.prefix) AND l.jurisdiction_code < \(bind: scope.prefix + "~")"
        case .units(let units):
            guard !units.isEmpty else { return [:] }
            (visitWhere, leadWhere) = (" AND a.unit_id IN (\(binds: units))", " AND l.submitter_unit_id IN (\(binds: units))")
        case .all:
            (visitWhere, leadWhere) = ("", "")
        }
        let visits = try await db.sql.raw(
            """
            SELECT a.unit_id AS unit, a.owner_id AS who, a.counterpart_key AS ckey FROM activities a
            WHERE a.kind = 'enterpriseVisit' AND a.occurred_on >= \(bind: from) AND a.occurred_on <= \(bind: through)\(visitWhere)
            """
        ).all(decoding: VisitRow.self)
        let leads = try await db.sql.raw(
            """
            SELECT l.submitter_unit_id AS unit, l.submitter_id AS who, COUNT(*) AS leads,
              SUM(CASE WHEN l.status = 'accepted' THEN 1 ELSE 0 END) AS accepted,
              SUM(CASE WHEN p.verified_signed_on IS NOT NULL THEN 1 ELSE 0 END) AS signed,
              SUM(CASE WHEN p.verified_stage = 'producing' THEN 1 ELSE 0 END) AS producing
            FROM leads l LEFT JOIN projects p ON p.lead_id = l.id
            WHERE l.submitted_on >= \(bind: from) AND l.submitted_on <= \(bind: through) AND l.status <> 'merged'\(leadWhere)
            GROUP BY l.submitter_unit_id, l.submitter_id
            """
        ).all(decoding: LeadRow.self)
        var funnels: [UUID: [UUID?: Funnel]] = [:]
        func visited(_ rows: [VisitRow]) -> Int {
            ActivityTally.visited(rows.map { ActivityTally.Fact(kind: .enterpriseVisit, counterpart: $0.ckey) }).enterprises
        }
        for (unit, rows) in Dictionary(grouping: visits, by: \.unit) {
            funnels[unit, default: [:]][nil, default: noFunnel].visits = visited(rows)
            for (who, own) in Dictionary(grouping: rows, by: \.who) {
                funnels[unit, default: [:]][who, default: noFunnel].visits = visited(own)
            }
        }
        for lead in leads {
            for who in [lead.who, nil] {
                var funnel = funnels[lead.unit, default: [:]][who, default: noFunnel]
                funnel.leads += lead.leads
                funnel.accepted += lead.accepted
                funnel.signed += lead.signed
                funnel.producing += lead.producing
                funnels[lead.unit, default: [:]][who] = funnel
            }
        }
        return funnels
    }

    /// The resident office's month in the seed's terms [004], from its own and its teams' work.
    static func residentMonth(office: UUID, month: String, on db: any Database, rates: ExchangeRates) async throws -> ResidentMonth {
        struct IDRow: Decodable { var id: UUID }
        struct KindRow: Decodable {
            var kind: String
            var ckey: String
        }
        struct MoneyRow: Decodable {
            var minor: Int64
            var currency: String
            var day: String
        }
        struct FundsRow: Decodable {
            var minor: Int64
            var currency: String
            var day: String
            /// 1 when verified (an integer on both engines; PostgreSQL does not read it as a boolean)
            var verified: Int
        }
        let units = try await db.sql.raw("SELECT id FROM units WHERE id = \(bind: office) OR parent_id = \(bind: office)")
            .all(decoding: IDRow.self).map(\.id)
        let (first, last) = (month + "-01", month + "-31")
        let facts = try await db.sql.raw(
            """
            SELECT kind, counterpart_key AS ckey FROM activities
            WHERE unit_id IN (\(binds: units)) AND occurred_on >= \(bind: first) AND occurred_on <= \(bind: last)
            """
        ).all(decoding: KindRow.self).compactMap { row in
            ActivityKind(rawValue: row.kind).map { ActivityTally.Fact(kind: $0, counterpart: row.ckey) }
        }
        let visited = ActivityTally.visited(facts)
        let attracted: SQLQueryString = "SELECT project_id FROM project_attractors WHERE unit_id IN (\(binds: units))"
        let introduced = try await db.sql.raw(
            "SELECT id FROM projects WHERE id IN (\(attracted)) AND accepted_on >= \(bind: first) AND accepted_on <= \(bind: last)"
        ).all(decoding: IDRow.self).count
        // counted: the signings and funds the bureau verified; pending: what is reported and waits
        let contracts = try await db.sql.raw(
            """
            SELECT verified_contract_minor AS minor, verified_contract_currency AS currency, verified_signed_on AS day FROM projects
            WHERE id IN (\(attracted)) AND verified_signed_on >= \(bind: first) AND verified_signed_on <= \(bind: last)
              AND verified_contract_minor IS NOT NULL
            """
        ).all(decoding: MoneyRow.self)
        // reported signings of the month; which of them wait for verification is ProjectFacts' rule
        struct SigningRow: Decodable {
            var minor: Int64, currency: String, day: String
            var verifiedMinor: Int64?, verifiedCurrency: String?, verifiedDay: String?
            enum CodingKeys: String, CodingKey {
                case minor, currency, day
                case verifiedMinor = "verified_contract_minor", verifiedCurrency = "verified_contract_currency"
                case verifiedDay = "verified_signed_on"
            }
            func signing(_ minor: Int64?, _ currency: String?, _ day: String?) -> ProjectFacts.Signing? {
                guard let minor, let on = day.flatMap({ CivilDate($0) }) else { return nil }
                return .init(on: on, contract: Money(minorUnits: minor, currency: Currency(rawValue: currency ?? "") ?? .cny))
            }
        }
        let pendingContracts = try await db.sql.raw(
            """
            SELECT contract_minor AS minor, contract_currency AS currency, signed_on AS day, verified_contract_minor,
              verified_contract_currency, verified_signed_on FROM projects
            WHERE id IN (\(attracted)) AND signed_on >= \(bind: first) AND signed_on <= \(bind: last) AND contract_minor IS NOT NULL
            """
        ).all(decoding: SigningRow.self).filter {
            ProjectFacts.pendingSigning(
                verified: $0.signing($0.verifiedMinor, $0.verifiedCurrency, $0.verifiedDay),
                reported: $0.signing($0.minor, $0.currency, $0.day))
                != nil
        }.map { MoneyRow(minor: $0.minor, currency: $0.currency, day: $0.day) }
        let funds = try await db.sql.raw(
            """
            SELECT amount_minor AS minor, currency, arrived_on AS day,
              CASE WHEN verified_by IS NULL THEN 0 ELSE 1 END AS verified FROM funds_arrivals
            WHERE project_id IN (\(attracted)) AND arrived_on >= \(bind: first) AND arrived_on <= \(bind: last)
            """
        ).all(decoding: FundsRow.self)
        func total(_ rows: [MoneyRow]) -> Money {
            rates.total(
                rows.compactMap { r in
                    CivilDate(r.day).map { (Money(minorUnits: r.minor, currency: Currency(rawValue: r.currency) ?? .cny), $0) }
                }
            )
            .cny
        }
        func fundsRows(verified: Bool) -> [MoneyRow] {
            funds.filter { ($0.verified != 0) == verified }.map { MoneyRow(minor: $0.minor, currency: $0.currency, day: $0.day) }
        }
        return ResidentMonth(
            enterprisesVisited: visited.enterprises, chambersVisited: visited.chambers, projectsIntroduced: introduced,
            contractAmount: total(contracts), fundsArrived: total(fundsRows(verified: true)), pendingContract: total(pendingContracts),
            pendingFunds: total(fundsRows(verified: false)))
    }
}
