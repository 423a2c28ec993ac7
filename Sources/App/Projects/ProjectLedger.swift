import Domain
import Fluent
import FluentSQL
import Vapor

/// 项目台账: every project of the scope as a table, with the filters a bureau asks of its Excel
/// ledger (keyword, host, verified stage, industry, amount, date of 入库), sortable columns, the
/// number of projects and the totals of the filtered set. Amounts compare and sum in CNY at the
/// month's rate (acceptance month for the intended investment, verified signing month for the
/// contract, arrival month for funds); a month without a rate is named, never guessed. Only what
/// the bureau verified counts as contract or funds (`ProjectFacts`).
enum ProjectLedger {
    static let perPage = 30

    enum Sort: String, CaseIterable, Sendable {
        case since, accepted, amount, activity, title
    }

    struct Filter: Sendable, Equatable {
        var keyword = ""
        var hostUnit: UUID?
        /// One enterprise's projects (its page's 360° view links here).
        var enterprise: UUID?
        var stage: ProjectStage?
        /// A GB/T 4754 code or its start (C, C39, C3971).
        var industry = ""
        /// Bounds of the intended investment in CNY minor units (typed in 万元).
        var minAmount: Int64?
        var maxAmount: Int64?
        var acceptedFrom: CivilDate?
        var acceptedTo: CivilDate?
        var majorOnly = false
        var mine = false
        var sort = Sort.since
        var descending = true
        var page = 1

        /// The filter as the URL keeps it, so a ledger can be bookmarked and sent.
        var query: [String: String] {
            return [
                "q": keyword, "host": hostUnit?.uuidString ?? "", "enterprise": enterprise?.uuidString ?? "",
                "stage": stage?.rawValue ?? "", "industry": industry,
                "min": ListQuery.wanText(minAmount), "max": ListQuery.wanText(maxAmount), "from": acceptedFrom?.description ?? "",
                "to": acceptedTo?.description ?? "", "major": majorOnly ? "1" : "", "mine": mine ? "1" : "",
                "sort": sort == .since ? "" : sort.rawValue, "dir": descending ? "" : "asc",
            ]
        }
    }

    /// A row of the ledger; the API answers it as it is (`ProjectLedger.PageDTO`).
    struct Row: Content {
        var id: UUID
        var title: String
        var enterpriseName: String
        var industryCode: String
        var stage: ProjectStage
        var verifiedStage: ProjectStage
        var stageSince: String
        var acceptedOn: String
        var investment: Money
        var verifiedContract: Money?
        var verifiedSignedOn: String?
        var isMajor: Bool
        var hostName: String
        var lastActivityOn: String
        /// Verified funds in CNY at each arrival month's rate (filled after the page's rows are
        /// read), and the months left out for want of a rate.
        var fundsVerified = Money(minorUnits: 0)
        var fundsMissingRates: [String] = []

        init(_ row: any SQLRow) throws {
            let r = RowReader(row)
            (id, title, enterpriseName) = (try r.uuid("id"), try r.string("title"), try r.string("enterprise_name"))
            (industryCode, stageSince, acceptedOn) = (
                try r.string("industry_code"), try r.string("stage_since"), try r.string("accepted_on")
            )
            (stage, verifiedStage) = (try r.value("stage", as: ProjectStage.self), try r.value("verified_stage", as: ProjectStage.self))
            investment = Money(
                minorUnits: try r.int64("investment_minor"), currency: try r.value("investment_currency", as: Currency.self))
            if let minor = try r.optionalInt64("verified_contract_minor") {
                let currency = try r.optionalString("verified_contract_currency").flatMap(Currency.init(rawValue:)) ?? .cny
                verifiedContract = Money(minorUnits: minor, currency: currency)
            }
            verifiedSignedOn = try r.optionalString("verified_signed_on")
            (isMajor, hostName, lastActivityOn) = (try r.bool("is_major"), try r.string("host_name"), try r.string("last_activity_on"))
        }
    }

    /// The filtered set's count and totals, each in CNY with the foreign amounts and missing months.
    struct Totals: Sendable {
        var count: Int
        var investment: ExchangeRates.Total
        var contract: ExchangeRates.Total
        var funds: ExchangeRates.Total
    }

    static let columns = """
        p.id, p.title, p.enterprise_name, p.industry_code, p.stage, p.verified_stage, p.stage_since, p.accepted_on,
        p.investment_minor, p.investment_currency, p.verified_contract_minor, p.verified_contract_currency, p.verified_signed_on,
        p.is_major, p.last_activity_on, u.name AS host_name
        """

    /// The intended investment in CNY minor units at the acceptance month's rate (NULL without a
    /// rate): divided before it is multiplied, so no amount a project may hold overflows a bigint.
    static let amountCNY: SQLQueryString =
        "(CASE WHEN p.investment_currency = 'CNY' THEN p.investment_minor ELSE p.investment_minor / 10000 * ri.rate END)"
    static let rateJoin: SQLQueryString =
        " LEFT JOIN exchange_rates ri ON ri.currency = p.investment_currency AND ri.month = SUBSTR(p.accepted_on, 1, 7)"

    /// The board's scope (the jurisdiction, or "mine") narrowed by the ledger's filters.
    /// A record of the enterprise: tied to its registry entry, or typed with its folded name or its
    /// USCC before the tie was made (leads and projects keep both).
    static func ofEnterprise(_ alias: String, _ id: UUID) -> SQLQueryString {
        let a = alias
        return """
            (\(unsafeRaw: a).enterprise_id = \(bind: id) OR \(unsafeRaw: a).name_key = (SELECT e.name_key FROM enterprises e WHERE e.id = \(bind: id)) \
            OR \(unsafeRaw: a).uscc = (SELECT e.uscc FROM enterprises e WHERE e.id = \(bind: id)))
            """
    }

    static func conditions(_ user: CurrentUser, _ filter: Filter) -> SQLQueryString {
        let board = ProjectBoard.Filter(hostUnit: filter.hostUnit, majorOnly: filter.majorOnly, mine: filter.mine)
        var sql = ProjectBoard.conditions(user, board, indexOrdered: filter.sort == .since)
        if let enterprise = filter.enterprise { sql = sql + " AND " + Self.ofEnterprise("p", enterprise) }
        if !filter.keyword.isEmpty {
            sql =
                sql + " AND "
                + ListQuery.keyword(
                    filter.keyword, in: ["p.title", "p.enterprise_name"], uscc: "p.uscc",
                    folded: ("p.name_key", NameNormalizer.key(for: filter.keyword)))
        }
        if let stage = filter.stage { sql = sql + " AND p.verified_stage = \(bind: stage.rawValue)" }
        if !filter.industry.isEmpty { sql = sql + " AND p.industry_code LIKE \(bind: filter.industry + "%")" }
        return sql + ListQuery.range("p.accepted_on", filter.acceptedFrom?.description, filter.acceptedTo?.description)
            + ListQuery.range(amountCNY, filter.minAmount, filter.maxAmount)
    }

    static func needsRates(_ filter: Filter) -> Bool { filter.minAmount != nil || filter.maxAmount != nil || filter.sort == .amount }

    static func order(_ filter: Filter) -> SQLQueryString {
        let dir: SQLQueryString = filter.descending ? " DESC" : " ASC"
        switch filter.sort {
        case .since: return "p.stage_since\(dir), p.id\(dir)"
        case .accepted: return "p.accepted_on\(dir), p.id\(dir)"
        case .activity: return "p.last_activity_on\(dir), p.id\(dir)"
        case .title: return "p.title\(dir), p.id\(dir)"
        // a project without a rate for its month sorts last either way
        case .amount: return "(\(amountCNY) IS NULL), \(amountCNY)\(dir), p.id\(dir)"
        }
    }

    /// A page of the ledger; one row more than the page tells of a next page.
    static func rows(_ user: CurrentUser, _ filter: Filter, rates: ExchangeRates, per: Int = perPage, on db: any Database) async throws
        -> [Row]
    {
        let join = needsRates(filter) ? rateJoin : ""
        var rows = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM projects p JOIN units u ON u.id = p.host_unit_id\(join)
            WHERE \(conditions(user, filter)) ORDER BY \(order(filter))
            LIMIT \(bind: per + 1) OFFSET \(bind: (filter.page - 1) * per)
            """
        ).all().map(Row.init)
        guard !rows.isEmpty else { return rows }
        // the page's verified funds in one query, converted by the Domain's rate table
        var funds: [UUID: [(money: Money, date: CivilDate)]] = [:]
        for row in try await db.sql.raw(
            """
            SELECT project_id, amount_minor, currency, arrived_on FROM funds_arrivals
            WHERE verified_by IS NOT NULL AND project_id IN (\(binds: rows.map(\.id)))
            """
        ).all() {
            let r = RowReader(row)
            guard let date = CivilDate(try r.string("arrived_on")) else { continue }
            let money = Money(minorUnits: try r.int64("amount_minor"), currency: try r.value("currency", as: Currency.self))
            funds[try r.uuid("project_id"), default: []].append((money, date))
        }
        for index in rows.indices {
            let total = rates.total(funds[rows[index].id] ?? [])
            (rows[index].fundsVerified, rows[index].fundsMissingRates) = (total.cny, total.missingMonths)
        }
        return rows
    }

    /// The count and totals of the whole filtered set: sums grouped by currency and month in the
    /// database (cast back to bigint: PostgreSQL sums bigints as numeric), converted here.
    static func totals(_ user: CurrentUser, _ filter: Filter, rates: ExchangeRates, on db: any Database) async throws -> Totals {
        let join = filter.minAmount != nil || filter.maxAmount != nil ? rateJoin : ""
        let scope = conditions(user, filter)
        func sums(_ query: SQLQueryString) async throws -> (count: Int, total: ExchangeRates.Total) {
            try await ListQuery.sums(query, rates: rates, on: db.sql)
        }
        let investment = try await sums(
            """
            SELECT p.investment_currency AS currency, SUBSTR(p.accepted_on, 1, 7) AS month, CAST(SUM(p.investment_minor) AS BIGINT) AS minor,
              COUNT(*) AS n
            FROM projects p\(join) WHERE \(scope) GROUP BY p.investment_currency, SUBSTR(p.accepted_on, 1, 7)
            """)
        let contract = try await sums(
            """
            SELECT p.verified_contract_currency AS currency, SUBSTR(p.verified_signed_on, 1, 7) AS month,
              CAST(SUM(p.verified_contract_minor) AS BIGINT) AS minor, COUNT(*) AS n
            FROM projects p\(join) WHERE \(scope) AND p.verified_contract_minor IS NOT NULL AND p.verified_signed_on IS NOT NULL
            GROUP BY p.verified_contract_currency, SUBSTR(p.verified_signed_on, 1, 7)
            """)
        let funds = try await sums(
            """
            SELECT f.currency AS currency, SUBSTR(f.arrived_on, 1, 7) AS month, CAST(SUM(f.amount_minor) AS BIGINT) AS minor, COUNT(*) AS n
            FROM funds_arrivals f JOIN projects p ON p.id = f.project_id\(join)
            WHERE \(scope) AND f.verified_by IS NOT NULL GROUP BY f.currency, SUBSTR(f.arrived_on, 1, 7)
            """)
        return Totals(count: investment.count, investment: investment.total, contract: contract.total, funds: funds.total)
    }
}

extension ProjectLedger {
    typealias Page = ListPage<Filter, Row, Totals>

    /// The page's rows, and the totals of the filtered set (kept 30 s per filter and scope, and
    /// forgotten by this process at any write, like the board's figures).
    static func read(_ request: Request) async throws -> Page {
        let user = try request.authorize(.read, .project)
        let filter = try Filter(request)
        let rates = try await ExchangeRate.table(request)
        let rows = try await Self.rows(user, filter, rates: rates, on: request.db)
        var whole = filter
        (whole.page, whole.sort, whole.descending) = (1, .since, true)
        let key =
            ProjectBoard.cacheKey + "ledger|\(user.scope.value)|\(whole.query.cacheKey)"
            + "|\(filter.mine ? user.personID.uuidString + user.unitID.uuidString : "")"
        let db = request.application.figuresDB
        let totals = try await request.application.shortCache.value(key, ttl: 30) {
            try await Self.totals(user, filter, rates: rates, on: db)
        }
        return Page(filter: filter, read: rows, per: perPage, totals: totals)
    }
}
