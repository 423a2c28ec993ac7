import Domain
import Fluent
import FluentSQL
import Vapor

/// 到位资金台账: every funds arrival of the projects in scope, newest first — what a bureau's monthly
/// 到位资金 sheet lists — with its verification: the filtered set's verified total (what every
/// figure counts) and, apart, what waits for verification; a foreign amount in its own currency,
/// converted at its month's rate, a month without a rate named, never guessed.
enum FundsLedger {
    static let perPage = 50

    enum Status: String, CaseIterable, Sendable {
        case verified, pending

        func label(_ lang: Lang) -> String {
            switch self {
            case .verified: lang("已核验", "Verified")
            case .pending: lang("待核验", "Pending")
            }
        }
    }

    struct Filter: Sendable, Equatable {
        var keyword = ""
        var hostUnit: UUID?
        var status: Status?
        var from: CivilDate?
        var to: CivilDate?
        var mine = false
        var descending = true
        var page = 1

        var query: [String: String] {
            [
                "q": keyword, "host": hostUnit?.uuidString ?? "", "status": status?.rawValue ?? "", "from": from?.description ?? "",
                "to": to?.description ?? "", "mine": mine ? "1" : "", "dir": descending ? "" : "asc",
            ]
        }

        /// The filter a request asks for: every value checked, a wrong one a 400 naming its parameter.
        init(_ request: Request) throws {
            keyword = request.queryKeyword()
            hostUnit = try request.queryID("host")
            status = try request.queryChoice("status", Status.self)
            (from, to) = (try request.queryDate("from"), try request.queryDate("to"))
            mine = try request.queryMine()
            descending = try request.queryDescending()
            page = try request.queryPage()
        }
    }

    /// An arrival as the ledger lists it; the API answers it as it is.
    struct Row: Content {
        var id: UUID
        var projectID: UUID
        var projectTitle: String
        var enterpriseName: String
        var hostName: String
        var arrivedOn: String
        var amount: Money
        var isForeign: Bool
        var verifiedOn: String?
        var reporterName: String
        /// Entered more than a week after it arrived (补录, `BackFill`).
        var backFilled: Bool

        init(_ row: any SQLRow) throws {
            let r = RowReader(row)
            (id, projectID) = (try r.uuid("id"), try r.uuid("project_id"))
            (projectTitle, enterpriseName, hostName) = (try r.string("title"), try r.string("enterprise_name"), try r.string("host_name"))
            arrivedOn = try r.string("arrived_on")
            amount = Money(minorUnits: try r.int64("amount_minor"), currency: try r.value("currency", as: Currency.self))
            (isForeign, verifiedOn) = (try r.bool("is_foreign"), try r.optionalString("verified_on"))
            reporterName = try r.optionalString("reporter_name") ?? ""
            backFilled = BackFill.isBackFilled(happenedOn: arrivedOn, recordedOn: try r.optionalString("recorded_on"))
        }
    }

    struct Totals: Sendable {
        var count: Int
        var verified: ExchangeRates.Total
        var pending: ExchangeRates.Total
    }

    /// The projects' scope (the board's) narrowed by the arrivals' filters, on `f` and `p`.
    static func conditions(_ user: CurrentUser, _ filter: Filter) -> SQLQueryString {
        var sql = ProjectBoard.conditions(user, ProjectBoard.Filter(hostUnit: filter.hostUnit, majorOnly: false, mine: filter.mine))
        if !filter.keyword.isEmpty {
            sql =
                sql + " AND "
                + ListQuery.keyword(
                    filter.keyword, in: ["p.title", "p.enterprise_name"], uscc: "p.uscc",
                    folded: ("p.name_key", NameNormalizer.key(for: filter.keyword)))
        }
        switch filter.status {
        case .verified: sql = sql + " AND f.verified_by IS NOT NULL"
        case .pending: sql = sql + " AND f.verified_by IS NULL"
        case nil: break
        }
        return sql + ListQuery.range("f.arrived_on", filter.from?.description, filter.to?.description)
    }

    /// A page of arrivals; one row more than the page tells of a next page.
    static func rows(_ user: CurrentUser, _ filter: Filter, per: Int = perPage, on db: any Database) async throws -> [Row] {
        let dir: SQLQueryString = filter.descending ? " DESC" : " ASC"
        return try await db.sql.raw(
            """
            SELECT f.id, f.project_id, f.arrived_on, f.amount_minor, f.currency, f.is_foreign, f.verified_on, f.recorded_on,
              p.title, p.enterprise_name, u.name AS host_name, r.name AS reporter_name
            FROM funds_arrivals f JOIN projects p ON p.id = f.project_id JOIN units u ON u.id = p.host_unit_id
              LEFT JOIN persons r ON r.id = f.reported_by
            WHERE \(conditions(user, filter)) ORDER BY f.arrived_on\(dir), f.id\(dir)
            LIMIT \(bind: per + 1) OFFSET \(bind: (filter.page - 1) * per)
            """
        ).all().map(Row.init)
    }

    /// The whole filtered set's count, its verified total and what waits, in CNY at each month's rate.
    static func totals(_ user: CurrentUser, _ filter: Filter, rates: ExchangeRates, on db: any Database) async throws -> Totals {
        func sums(verified: Bool) async throws -> (count: Int, total: ExchangeRates.Total) {
            try await ListQuery.sums(
                """
                SELECT f.currency AS currency, SUBSTR(f.arrived_on, 1, 7) AS month, CAST(SUM(f.amount_minor) AS BIGINT) AS minor,
                  COUNT(*) AS n
                FROM funds_arrivals f JOIN projects p ON p.id = f.project_id
                WHERE \(conditions(user, filter)) AND f.verified_by IS \(unsafeRaw: verified ? "NOT NULL" : "NULL")
                GROUP BY f.currency, SUBSTR(f.arrived_on, 1, 7)
                """, rates: rates, on: db.sql)
        }
        let (verified, pending) = (try await sums(verified: true), try await sums(verified: false))
        return Totals(count: verified.count + pending.count, verified: verified.total, pending: pending.total)
    }

    typealias Page = ListPage<Filter, Row, Totals>

    static func read(_ request: Request) async throws -> Page {
        let user = try request.authorize(.read, .project)
        let filter = try Filter(request)
        let rows = try await Self.rows(user, filter, on: request.db)
        let totals = try await Self.totals(user, filter, rates: try await ExchangeRate.table(request), on: request.db)
        return Page(filter: filter, read: rows, per: perPage, totals: totals)
    }

    /// What `GET /api/v1/projects/funds` answers.
    struct PageDTO: Content {
        var items: [Row]
        var page: Int
        var per: Int
        var hasMore: Bool
        var count: Int
        var verified: MoneyTotalDTO
        var pending: MoneyTotalDTO

        init(_ page: Page) {
            (items, self.page, per, hasMore) = (page.rows, page.filter.page, FundsLedger.perPage, page.hasMore)
            (count, verified, pending) = (page.totals.count, MoneyTotalDTO(page.totals.verified), MoneyTotalDTO(page.totals.pending))
        }
    }
}
