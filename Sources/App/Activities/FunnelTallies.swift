import Domain
import Fluent
import FluentSQL
import Vapor

/// The funnel's kept tallies (visits → leads → accepted → signed → producing) per unit and year,
/// and per person within the unit, so the funnel page reads a few rows instead of a year of visits
/// and leads. A unit's tallies are recounted from its records, by the same rules as
/// `PipelineFigures.funnels`, whenever a write has marked them stale (`StaleTallies`): the
/// figures are always those of counting every row.
enum FunnelTallies {
    static let schema = "funnel_tallies"
    /// The `person_id` of a unit's own row (its visits are distinct enterprises over the whole unit).
    static let unitRow = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    private struct Stored: Decodable {
        var unitID: UUID, personID: UUID, visits: Int, leads: Int, accepted: Int, signed: Int, producing: Int
        enum CodingKeys: String, CodingKey {
            case visits, leads, accepted, signed, producing
            case unitID = "unit_id", personID = "person_id"
        }
    }

    private struct VisitRow: Decodable {
        var unit: UUID, who: UUID, ckey: String
    }

    private struct LeadRow: Decodable {
        var unit: UUID, who: UUID, leads: Int, accepted: Int, signed: Int, producing: Int
    }

    private struct Mark: Decodable {
        var unitID: UUID, token: String
        enum CodingKeys: String, CodingKey {
            case token
            case unitID = "unit_id"
        }
    }

    /// The funnel of a jurisdiction's units, or of a unit's people, for a year.
    static func rows(_ grouping: PipelineFigures.Grouping, year: Int, request: Request) async throws -> [PipelineFigures.Row] {
        try await refresh(year: year, request: request)
        let condition: SQLQueryString =
            switch grouping {
            case .unit(let scope):
                "person_id = \(bind: unitRow) AND jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")"
            case .person(let unit): "unit_id = \(bind: unit) AND person_id <> \(bind: unitRow)"
            }
        return try await request.db.sql.raw("SELECT * FROM funnel_tallies WHERE year = \(bind: year) AND \(condition)")
            .all(decoding: Stored.self).map { row in
                let id: UUID = if case .unit = grouping { row.unitID } else { row.personID }
                return PipelineFigures.Row(
                    id: id,
                    funnel: Funnel(
                        visits: row.visits, leads: row.leads, accepted: row.accepted, signed: row.signed, producing: row.producing))
            }
    }

    /// Recounts the units a write marked since the last recount (usually none or a few).
    static func refresh(year: Int, request: Request) async throws {
        let marks = try await request.db.sql.raw("SELECT unit_id, token FROM stale_tallies WHERE year = \(bind: year)")
            .all(decoding: Mark.self)
        guard !marks.isEmpty else { return }
        try await request.application.writeTransaction { db in
            try await recount(year: year, units: marks.map(\.unitID), on: db)
            for mark in marks {
                try await db.sql.raw(
                    "DELETE FROM stale_tallies WHERE unit_id = \(bind: mark.unitID) AND year = \(bind: year) AND token = \(bind: mark.token)"
                ).run()
            }
        }
    }

    /// Every year's tallies from the records (a migration, the demo city after it is written).
    static func rebuild(on db: any Database) async throws {
        struct Year: Decodable { var year: String }
        let years = try await db.sql.raw(
            """
            SELECT DISTINCT SUBSTR(occurred_on, 1, 4) AS year FROM activities WHERE kind = 'enterpriseVisit'
            UNION SELECT DISTINCT SUBSTR(submitted_on, 1, 4) AS year FROM leads
            """
        ).all(decoding: Year.self).compactMap { Int($0.year) }
        try await db.sql.raw("DELETE FROM funnel_tallies").run()
        try await db.sql.raw("DELETE FROM stale_tallies").run()
        for year in years.sorted() { try await recount(year: year, units: nil, on: db) }
    }

    /// Counts a year for the given units (nil: every unit) and stores the rows.
    static func recount(year: Int, units: [UUID]?, on db: any Database) async throws {
        let (from, through) = ("\(year)-01-01", "\(year)-12-31")
        let visitUnits: SQLQueryString = units.map { " AND a.unit_id IN (\(binds: $0))" } ?? ""
        let leadUnits: SQLQueryString = units.map { " AND l.submitter_unit_id IN (\(binds: $0))" } ?? ""
        let visits = try await db.sql.raw(
            """
            SELECT a.unit_id AS unit, a.owner_id AS who, a.counterpart_key AS ckey FROM activities a
            WHERE a.kind = 'enterpriseVisit' AND a.occurred_on >= \(bind: from) AND a.occurred_on <= \(bind: through)\(visitUnits)
            """
        ).all(decoding: VisitRow.self)
        let leads = try await db.sql.raw(
            """
            SELECT l.submitter_unit_id AS unit, l.submitter_id AS who, COUNT(*) AS leads,
              SUM(CASE WHEN l.status = 'accepted' THEN 1 ELSE 0 END) AS accepted,
              SUM(CASE WHEN p.verified_signed_on IS NOT NULL THEN 1 ELSE 0 END) AS signed,
              SUM(CASE WHEN p.verified_stage = 'producing' THEN 1 ELSE 0 END) AS producing
            FROM leads l LEFT JOIN projects p ON p.lead_id = l.id
            WHERE l.submitted_on >= \(bind: from) AND l.submitted_on <= \(bind: through) AND l.status <> 'merged'\(leadUnits)
            GROUP BY l.submitter_unit_id, l.submitter_id
            """
        ).all(decoding: LeadRow.self)
        // (unit, person) → funnel; the unit's own row under `unitRow`
        var funnels: [UUID: [UUID: Funnel]] = [:]
        let empty = Funnel(visits: 0, leads: 0, accepted: 0, signed: 0, producing: 0)
        func visited(_ rows: [VisitRow]) -> Int {
            ActivityTally.visited(rows.map { ActivityTally.Fact(kind: .enterpriseVisit, counterpart: $0.ckey) }).enterprises
        }
        for (unit, rows) in Dictionary(grouping: visits, by: \.unit) {
            funnels[unit, default: [:]][unitRow, default: empty].visits = visited(rows)
            for (who, own) in Dictionary(grouping: rows, by: \.who) {
                funnels[unit, default: [:]][who, default: empty].visits = visited(own)
            }
        }
        for lead in leads {
            for who in [lead.who, unitRow] {
                var funnel = funnels[lead.unit, default: [:]][who, default: empty]
                funnel.leads += lead.leads
                funnel.accepted += lead.accepted
                funnel.signed += lead.signed
                funnel.producing += lead.producing
                funnels[lead.unit, default: [:]][who] = funnel
            }
        }
        let codes = try await jurisdictions(of: units ?? Array(funnels.keys), on: db)
        if let units {
            try await db.sql.raw("DELETE FROM funnel_tallies WHERE year = \(bind: year) AND unit_id IN (\(binds: units))").run()
        } else {
            try await db.sql.raw("DELETE FROM funnel_tallies WHERE year = \(bind: year)").run()
        }
        let rows = funnels.flatMap { unit, people in people.map { (unit, $0.key, $0.value) } }
        for start in stride(from: 0, to: rows.count, by: 200) {
            var values: [SQLQueryString] = []
            for (unit, person, f) in rows[start..<min(start + 200, rows.count)] {
                values.append(
                    """
                    (\(bind: year), \(bind: unit), \(bind: person), \(bind: codes[unit] ?? ""), \(bind: f.visits), \(bind: f.leads),
                     \(bind: f.accepted), \(bind: f.signed), \(bind: f.producing))
                    """)
            }
            try await db.sql.raw(
                """
                INSERT INTO funnel_tallies (year, unit_id, person_id, jurisdiction_code, visits, leads, accepted, signed, producing)
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT (year, unit_id, person_id) DO UPDATE SET jurisdiction_code = excluded.jurisdiction_code,
                  visits = excluded.visits, leads = excluded.leads, accepted = excluded.accepted, signed = excluded.signed,
                  producing = excluded.producing
                """
            ).run()
        }
    }

    private static func jurisdictions(of units: [UUID], on db: any Database) async throws -> [UUID: String] {
        struct Row: Decodable {
            var id: UUID
            var code: String
        }
        var codes: [UUID: String] = [:]
        for start in stride(from: 0, to: units.count, by: 500) {
            let part = Array(units[start..<min(start + 500, units.count)])
            for row in try await db.sql.raw("SELECT id, jurisdiction_code AS code FROM units WHERE id IN (\(binds: part))")
                .all(decoding: Row.self)
            {
                codes[row.id] = row.code
            }
        }
        return codes
    }
}
