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

    /// Counts a year for the given units (nil: every unit) by `PipelineFigures.count` and stores the rows.
    static func recount(year: Int, units: [UUID]?, on db: any Database) async throws {
        let (from, through) = (CivilDate(year: year, month: 1, day: 1)!, CivilDate(year: year, month: 12, day: 31)!)
        let funnels = try await PipelineFigures.count(units.map { .units($0) } ?? .all, from: from, through: through, on: db)
        let codes = try await jurisdictions(of: units ?? Array(funnels.keys), on: db)
        if let units {
            try await db.sql.raw("DELETE FROM funnel_tallies WHERE year = \(bind: year) AND unit_id IN (\(binds: units))").run()
        } else {
            try await db.sql.raw("DELETE FROM funnel_tallies WHERE year = \(bind: year)").run()
        }
        let rows = funnels.flatMap { unit, people in people.map { (unit, $0.key ?? unitRow, $0.value) } }
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
