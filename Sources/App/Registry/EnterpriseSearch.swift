import Domain
import Fluent
import FluentSQL
import Foundation

/// Search by any part of the name, a former name, the USCC or the legal representative, within a
/// jurisdiction, newest first. Indexed on both engines (see `SearchGrams`, migration 004); the
/// final substring check makes the index a filter, never the judge.
struct EnterpriseSearch {
    var query: String
    var scope: JurisdictionCode
    var page: Int
    var per: Int

    struct Page: Sendable {
        var items: [Enterprise]
        var hasMore: Bool
    }

    func run(on db: any Database) async throws -> Page {
        let folded = SearchGrams.foldedQuery(query)
        let lower = scope.prefix
        let upper = scope.prefix + "~"
        let offset = (page - 1) * per
        let rows: [Enterprise]
        if folded.isEmpty, db.sql.dialect.name == "sqlite" {
            // "+region_code" keeps SQLite from sorting every row of a wide range: it walks the
            // updated_at index backwards and stops after one page
            rows = try await db.sql.raw(
                """
                SELECT * FROM enterprises WHERE +region_code >= \(bind: lower) AND +region_code < \(bind: upper)
                ORDER BY updated_at DESC LIMIT \(bind: per + 1) OFFSET \(bind: offset)
                """
            ).all(decodingFluent: Enterprise.self)
        } else if folded.isEmpty {
            rows = try await Enterprise.query(on: db).within(\.$regionCode, scope)
                .sort(\.$updatedAt, .descending).range(offset..<(offset + per + 1)).all()
        } else if let uscc = try? USCC(validating: query) {
            rows = try await Enterprise.query(on: db).filter(\.$uscc == uscc.value)
                .within(\.$regionCode, scope).all()
        } else if db.sql.dialect.name == "sqlite" {
            rows = try await db.sql.raw(
                """
                SELECT enterprises.* FROM enterprise_search JOIN enterprises ON enterprises.rowid = enterprise_search.rowid
                WHERE enterprise_search MATCH \(bind: Self.matchExpression(folded))
                  AND enterprises.search_text LIKE \(bind: "%" + folded + "%")
                  AND enterprises.region_code >= \(bind: lower) AND enterprises.region_code < \(bind: upper)
                ORDER BY enterprise_search.rowid DESC LIMIT \(bind: per + 1) OFFSET \(bind: offset)
                """
            ).all(decodingFluent: Enterprise.self)
        } else {
            let grams = Self.grams(folded)
            rows = try await db.sql.raw(
                """
                SELECT * FROM enterprises
                WHERE (\(bind: grams.count) < 1 OR search_gram_array @> string_to_array(\(bind: grams.joined(separator: " ")), ' '))
                  AND search_text LIKE \(bind: "%" + folded + "%")
                  AND region_code >= \(bind: lower) AND region_code < \(bind: upper)
                ORDER BY updated_at DESC LIMIT \(bind: per + 1) OFFSET \(bind: offset)
                """
            ).all(decodingFluent: Enterprise.self)
        }
        return Page(items: Array(rows.prefix(per)), hasMore: rows.count > per)
    }

    /// The query's distinct pairs (at most eight: the substring check does the rest). A single
    /// character has no pair; the caller then relies on the substring check alone.
    static func grams(_ folded: String) -> [String] {
        guard folded.count > 1 else { return [] }
        var seen = Set<String>()
        return SearchGrams.grams(folded).filter { seen.insert($0).inserted }.prefix(8).map { $0 }
    }

    /// FTS5: all pairs must be present; a single character matches pairs that start with it.
    static func matchExpression(_ folded: String) -> String {
        let pairs = grams(folded)
        if pairs.isEmpty { return "\"\(folded)\"*" }
        return pairs.map { "\"\($0)\"" }.joined(separator: " AND ")
    }
}
