import Domain
import Fluent
import FluentSQL
import Foundation

/// Search by any part of the name, a former name, the USCC or the legal representative, within a
/// jurisdiction, newest first. Indexed on both engines (see `SearchGrams`, migration 004); the
/// final substring check makes the index a filter, never the judge.
struct EnterpriseSearch: Sendable {
    var query: String
    var scope: JurisdictionCode
    var page: Int
    var per: Int
    /// The registry's filters beside the words: region, industry, attracted or not, capital range.
    var filter = Filter()

    struct Page: Sendable {
        var items: [EnterpriseDTO]
        var hasMore: Bool
    }

    func run(on db: any Database) async throws -> Page {
        let folded = SearchGrams.foldedQuery(query)
        if !filter.isEmpty { return try await filteredPage(folded, on: db) }
        if let prefix = Self.usccPrefix(folded), db.sql.dialect.name == "sqlite" {
            let page = try await usccPrefixPage(prefix, on: db)
            if !page.items.isEmpty || self.page > 1 { return page }
        }
        let lower = scope.prefix
        let upper = scope.prefix + "~"
        let limit = per + 1
        let offset = (page - 1) * per
        let sqlite = db.sql.dialect.name == "sqlite"
        let columns = EnterpriseRow.qualifiedColumns
        let query: SQLQueryString
        if folded.isEmpty {
            // on SQLite "+region_code" keeps the planner from sorting every row of a wide range:
            // it walks the updated_at index backwards and stops after one page
            let region = sqlite ? "+enterprises.region_code" : "enterprises.region_code"
            query = """
                SELECT \(unsafeRaw: columns) FROM enterprises WHERE \(unsafeRaw: region) >= \(bind: lower) AND \(unsafeRaw: region) < \(bind: upper)
                ORDER BY enterprises.updated_at DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
        } else if let uscc = try? USCC(validating: self.query) {
            query = """
                SELECT \(unsafeRaw: columns) FROM enterprises WHERE enterprises.uscc = \(bind: uscc.value)
                AND enterprises.region_code >= \(bind: lower) AND enterprises.region_code < \(bind: upper)
                """
        } else if sqlite {
            query = """
                SELECT \(unsafeRaw: columns) FROM enterprise_search JOIN enterprises ON enterprises.rowid = enterprise_search.rowid
                WHERE enterprise_search MATCH \(bind: Self.matchExpression(folded))
                  AND enterprises.search_text LIKE \(bind: "%" + folded + "%")
                  AND enterprises.region_code >= \(bind: lower) AND enterprises.region_code < \(bind: upper)
                ORDER BY enterprise_search.rowid DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
        } else {
            let grams = Self.grams(folded)
            query = """
                SELECT \(unsafeRaw: columns) FROM enterprises
                WHERE (\(bind: grams.count) < 1 OR search_gram_array @> string_to_array(\(bind: grams.joined(separator: " ")), ' '))
                  AND search_text LIKE \(bind: "%" + folded + "%")
                  AND region_code >= \(bind: lower) AND region_code < \(bind: upper)
                ORDER BY updated_at DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
        }
        let rows = try await db.sql.raw(query).all(decoding: EnterpriseRow.self)
        return Page(items: rows.prefix(per).map(\.dto), hasMore: rows.count > per)
    }

    /// A query that looks like the start of a 统一社会信用代码 (a digit first, letters and digits,
    /// at least four): its character pairs (9199…) are in nearly every code, so the B-tree index
    /// on the code answers it instead.
    static func usccPrefix(_ folded: String) -> String? {
        guard folded.count >= 4, folded.count <= 18, let first = folded.first, first.isASCII, first.isNumber,
            folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return folded.uppercased()
    }

    private func usccPrefixPage(_ prefix: String, on db: any Database) async throws -> Page {
        let rows = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: EnterpriseRow.columns) FROM enterprises
            WHERE uscc >= \(bind: prefix) AND uscc < \(bind: prefix + "~")
              AND region_code >= \(bind: scope.prefix) AND region_code < \(bind: scope.prefix + "~")
            ORDER BY uscc LIMIT \(bind: per + 1) OFFSET \(bind: (page - 1) * per)
            """
        ).all(decoding: EnterpriseRow.self)
        return Page(items: rows.prefix(per).map(\.dto), hasMore: rows.count > per)
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
