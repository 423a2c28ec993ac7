import Domain
import Fluent
import FluentSQL
import Vapor

extension EnterpriseSearch {
    enum Sort: String, CaseIterable, Sendable {
        /// 最近更新 (the default)
        case updated
        case name
        /// 注册资本 (CNY entries only compare; others sort last)
        case capital
    }

    /// What the registry is narrowed to besides the words, kept in the URL.
    struct Filter: Sendable, Equatable {
        /// A region code of the reader's jurisdiction or its start (a district, a town).
        var region = ""
        /// A GB/T 4754 code or its start.
        var industry = ""
        var attracted: Bool?
        /// Bounds of the registered capital in CNY minor units (typed in 万元; foreign capital is not compared).
        var minCapital: Int64?
        var maxCapital: Int64?
        var sort = Sort.updated
        var descending = true

        init() {}

        /// Every value checked; a wrong one is a 400 naming its parameter.
        init(_ request: Request) throws {
            region = request.queryText("region")
            if !region.isEmpty, region.count > 12 || !region.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw Request.invalidQuery("region", region, expected: "行政区划代码", "a region code")
            }
            industry = try request.queryIndustry()
            switch request.queryText("attracted") {
            case "": attracted = nil
            case "1": attracted = true
            case "0": attracted = false
            case let other: throw Request.invalidQuery("attracted", other, expected: " 1 或 0", "1 or 0")
            }
            (minCapital, maxCapital) = (try request.queryWan("min"), try request.queryWan("max"))
            sort = try request.queryChoice("sort", Sort.self) ?? .updated
            descending = try request.queryDescending()
        }

        var isEmpty: Bool { self == Filter() }

        var query: [String: String] {
            [
                "region": region, "industry": industry, "attracted": attracted.map { $0 ? "1" : "0" } ?? "",
                "min": ListQuery.wanText(minCapital), "max": ListQuery.wanText(maxCapital),
                "sort": sort == .updated ? "" : sort.rawValue, "dir": descending ? "" : "asc",
            ]
        }
    }

    /// The count of the filtered set and its registered capital by currency ("共 N 家"). Words
    /// typed in the search box are counted up to `wordsBound` only ("2000 家以上", no capital then):
    /// a broad word (科技, a common surname) holds a fifth of a city's registry, and summing it
    /// afresh for each new word was what a search box full of people waited on.
    struct Totals: Sendable {
        var count: Int
        var capital: [Money]
        var capped = false
    }

    static let wordsBound = 2_000

    /// Words and filters together: the words as a substring of the folded search text (the
    /// filters narrow the set first), the scope and the filters, in the order asked.
    /// `regionColumn` is "+e.region_code" where SQLite must not take the region index (an export
    /// walking the primary key).
    func conditions(_ folded: String, regionColumn: String = "e.region_code") -> SQLQueryString {
        // a region outside the reader's jurisdiction holds nothing of it (never the whole of it)
        guard let region = regionWithinScope else { return "1 = 0" }
        let column = regionColumn
        var sql: SQLQueryString = "\(unsafeRaw: column) >= \(bind: region) AND \(unsafeRaw: column) < \(bind: region + "~")"
        if !folded.isEmpty {
            if let uscc = try? USCC(validating: query) {
                sql = sql + " AND e.uscc = \(bind: uscc.value)"
            } else {
                sql = sql + " AND e.search_text LIKE \(bind: "%" + ListQuery.likeEscaped(folded) + "%") ESCAPE '!'"
            }
        }
        if !filter.industry.isEmpty { sql = sql + " AND e.industry_code LIKE \(bind: filter.industry + "%")" }
        if let attracted = filter.attracted { sql = sql + " AND e.attracted = \(bind: attracted)" }
        if let min = filter.minCapital {
            sql = sql + " AND e.registered_capital_currency = 'CNY' AND e.registered_capital_minor >= \(bind: min)"
        }
        if let max = filter.maxCapital {
            sql = sql + " AND e.registered_capital_currency = 'CNY' AND e.registered_capital_minor <= \(bind: max)"
        }
        return sql
    }

    /// The region the filter narrows to: its own when it lies inside the scope, the scope when it
    /// is wider (or none); nil when it lies outside — a county asking for another's district.
    var regionWithinScope: String? {
        if filter.region.hasPrefix(scope.prefix) { return filter.region }
        if scope.prefix.hasPrefix(filter.region) { return scope.prefix }
        return nil
    }

    func order() -> SQLQueryString {
        let dir: SQLQueryString = filter.descending ? " DESC" : " ASC"
        switch filter.sort {
        case .updated: return "e.updated_at\(dir), e.id\(dir)"
        case .name: return "e.name\(dir), e.id\(dir)"
        case .capital:
            return "(e.registered_capital_currency <> 'CNY'), e.registered_capital_minor\(dir), e.id\(dir)"
        }
    }

    func filteredPage(_ folded: String, on db: any Database) async throws -> Page {
        let columns = EnterpriseRow.columns.split(separator: ",").map { "e." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let rows = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM enterprises e WHERE \(conditions(folded))
            ORDER BY \(order()) LIMIT \(bind: per + 1) OFFSET \(bind: (page - 1) * per)
            """
        ).all(decoding: EnterpriseRow.self)
        return Page(items: rows.prefix(per).map(\.dto), hasMore: rows.count > per)
    }

    /// How many enterprises the words and filters hold, and their registered capital by currency.
    func totals(on db: any Database) async throws -> Totals {
        let folded = SearchGrams.foldedQuery(query)
        // words are looked up in the search index first (as the page's rows are), then checked as a
        // substring: a substring check alone read every entry of the scope (0.28 s on a
        // province-sized city for each new word)
        var from: SQLQueryString = "enterprises e"
        var words: SQLQueryString = ""
        if !folded.isEmpty, (try? USCC(validating: query)) == nil {
            let grams = Self.grams(folded)
            if db.sql.dialect.name == "sqlite" {
                from = "enterprise_search JOIN enterprises e ON e.rowid = enterprise_search.rowid"
                words = " AND enterprise_search MATCH \(bind: Self.matchExpression(folded))"
            } else if !grams.isEmpty {
                words = " AND e.search_gram_array @> string_to_array(\(bind: grams.joined(separator: " ")), ' ')"
            }
        }
        // words read at most one entry past the bound, summed in the same statement: under the
        // bound the sums are the whole set's, past it the count stops there
        let held: SQLQueryString =
            folded.isEmpty
            ? "SELECT e.registered_capital_currency AS currency, e.registered_capital_minor AS minor FROM \(from) WHERE \(conditions(folded))"
            : """
            SELECT e.registered_capital_currency AS currency, e.registered_capital_minor AS minor FROM \(from) WHERE \(conditions(folded))\(words)
            LIMIT \(bind: Self.wordsBound + 1)
            """
        var count = 0
        var capital: [Money] = []
        for row in try await db.sql.raw(
            """
            SELECT currency, CAST(SUM(minor) AS BIGINT) AS minor, COUNT(*) AS n FROM (\(held)) AS held
            GROUP BY currency ORDER BY currency
            """
        ).all() {
            let r = RowReader(row)
            count += try r.int("n")
            if let currency = Currency(rawValue: try r.string("currency")) {
                capital.append(Money(minorUnits: try r.optionalInt64("minor") ?? 0, currency: currency))
            }
        }
        if count > Self.wordsBound, !folded.isEmpty { return Totals(count: Self.wordsBound, capital: [], capped: true) }
        return Totals(count: count, capital: capital)
    }

    /// The totals as the pages read them: kept 30 s per scope, words and filter, forgotten by this
    /// process at any write.
    func cachedTotals(_ request: Request) async throws -> Totals {
        var unsorted = filter
        (unsorted.sort, unsorted.descending) = (.updated, true)
        let key = ShortCache.writeSensitive + "enterprises|\(scope.value)|\(query)|\(unsorted.query.cacheKey)"
        let db = request.application.figuresDB
        let search = self
        return try await request.application.shortCache.value(key, ttl: 30) { try await search.totals(on: db) }
    }
}

extension EnterpriseSearch {
    /// The whole filtered registry in chunks for an export, by id after the last one read: a
    /// province's million entries are walked once along the primary key instead of being sorted
    /// again for every chunk (an export in the screen's order would be quadratic). The file's
    /// header row carries an auto-filter, so Excel sorts it as the reader likes.
    func exportChunk(after last: UUID?, limit: Int, on db: any Database) async throws -> [EnterpriseDTO] {
        let folded = SearchGrams.foldedQuery(query)
        let columns = EnterpriseRow.columns.split(separator: ",").map { "e." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        // a city's or a province's registry is walked along the primary key (on SQLite "+" keeps the
        // planner off the region index, which would sort the whole range again for every chunk);
        // a district's or a town's is read by its region and sorted, a few thousand rows
        let region = regionWithinScope ?? scope.prefix
        let walk = db.sql.dialect.name == "sqlite" && region.count < 6
        var sql: SQLQueryString =
            "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM enterprises e WHERE "
            + conditions(folded, regionColumn: walk ? "+e.region_code" : "e.region_code")
        if let last { sql = sql + " AND e.id > \(bind: last)" }
        sql = sql + " ORDER BY e.id LIMIT \(bind: limit)"
        return try await db.sql.raw(sql).all(decoding: EnterpriseRow.self).map(\.dto)
    }
}
