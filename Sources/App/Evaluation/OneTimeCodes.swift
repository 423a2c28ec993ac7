import Domain
import Fluent
import FluentSQL
import Foundation

/// What 双百双评's ballots and the monthly survey's answers share: a one-time code kept only as
/// its digest bound to its campaign (or month), found by trying each one open, spent by deleting
/// its row; and answers counted only as sums — one statement per campaign adds the batch's
/// 满意 / 基本满意 / 不满意 / 不了解 to every counted row at once, so no row is ever one ballot's.
enum OneTimeCodes {
    /// Where a kind of code and its counts live (constants, never input).
    struct Tables: Sendable {
        /// The codes' table, keyed by `digest`.
        var codes: String
        /// The counts' table, its row key and the column naming the campaign (or month).
        var counts: String
        var row: String
        var owner: String

        static let ballots = Tables(codes: "evaluation_codes", counts: "evaluation_units", row: "unit_id", owner: "campaign_id")
        static let surveys = Tables(codes: "satisfaction_codes", counts: "satisfaction_cells", row: "id", owner: "survey_id")
    }

    /// The open campaign (of `open`, by id) an unused typed code belongs to, its digest and its
    /// row (for the columns asked besides the digest); nil when it is no one's.
    static func find(_ code: String, among open: [UUID], in tables: Tables, columns: String = "digest", on db: any Database)
        async throws -> (owner: UUID, digest: String, row: any SQLRow)?
    {
        let digests = Dictionary(uniqueKeysWithValues: open.map { (BallotCode.digest(code, campaign: $0.uuidString), $0) })
        guard !digests.isEmpty,
            let row = try await db.sql.raw(
                "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: tables.codes) WHERE digest IN (\(binds: Array(digests.keys)))"
            ).first(),
            let digest = try? RowReader(row).string("digest"), let owner = digests[digest]
        else { return nil }
        return (owner, digest, row)
    }

    /// Spends the codes in one statement: true for each spent here; false for one already gone
    /// (used, or its campaign closed) or sent twice in the batch.
    static func spend(_ digests: [String], in tables: Tables, on db: any Database) async throws -> [Bool] {
        guard !digests.isEmpty else { return [] }
        let spent = Set(
            try await db.sql.raw(
                "DELETE FROM \(unsafeRaw: tables.codes) WHERE digest IN (\(binds: digests)) RETURNING digest"
            ).all().map { try RowReader($0).string("digest") })
        var seen = Set<String>()
        return digests.map { spent.contains($0) && seen.insert($0).inserted }
    }

    /// Adds the answers to the counts of every row of `owner` in one statement: `rows` the counted
    /// rows with the key each answer names them by; each answer a key → choice.
    static func add(
        _ answers: [[String: BallotChoice]], rows: [(id: UUID, key: String)], owner: UUID, in tables: Tables, on db: any Database
    ) async throws {
        func column(_ choice: BallotChoice) -> SQLQueryString {
            let sums = rows.map { row in (row.id, answers.filter { $0[row.key] == choice }.count) }.filter { $0.1 > 0 }
            guard !sums.isEmpty else { return "0" }
            var cases: SQLQueryString = "CASE \(unsafeRaw: tables.row)"
            for (id, n) in sums { cases.appendInterpolation(" WHEN \(bind: id) THEN \(bind: n)" as SQLQueryString) }
            cases.appendLiteral(" ELSE 0 END")
            return cases
        }
        // every row is written whatever it was given: not even which rows changed tells a ballot apart
        try await db.sql.raw(
            """
            UPDATE \(unsafeRaw: tables.counts) SET satisfied = satisfied + \(column(.satisfied)),
              basically_satisfied = basically_satisfied + \(column(.basicallySatisfied)),
              dissatisfied = dissatisfied + \(column(.dissatisfied)), not_known = not_known + \(column(.unknown))
            WHERE \(unsafeRaw: tables.owner) = \(bind: owner)
            """
        ).run()
    }
}
