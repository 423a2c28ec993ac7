import Domain
import Fluent
import FluentSQL
import Vapor

/// The lead list's query: scope, visibility, status and the overdue filter.
enum LeadList {
    static let perPage = 30

    /// Rows read as plain values: a Fluent model walks its properties by reflection for every
    /// row, and a `Decodable` row takes a nested decoder per column (`RowReader`).
    /// One page of `per` rows (and one more, telling of a next page).
    static func rows(for user: CurrentUser, filter: Filter, today: CivilDate, per: Int = perPage, on db: any Database) async throws
        -> [LeadDTO]
    {
        try await db.sql.raw(query(for: user, filter: filter, today: today, per: per)).all().map(dto)
    }

    static let columns =
        "l.id, l.enterprise_name, l.uscc, l.industry_code, l.investment_minor, l.investment_currency, l.land_mu_tenths, "
        + "l.space_m2, l.energy_tce, l.power_kva, l.jobs, l.channel, l.notes, l.status, l.submitter_id, l.submitter_unit_id, "
        + "l.collides_with_id, l.merged_into_id, l.submitted_on, l.respond_by, l.assess_by, l.feedback_by, l.responded_on, "
        + "l.assessed_on, l.feedback_on, l.decision_note, l.version, l.contact_name, l.contact_phone, l.home_city, l.project_content, "
        + "l.enterprise_id"

    /// One lead as the list reads it (`columns`), read column by column (`RowReader`).
    static func dto(_ row: any SQLRow) throws -> LeadDTO {
        let r = RowReader(row)
        let investment = Money(
            minorUnits: try r.int64("investment_minor"), currency: Currency(rawValue: try r.string("investment_currency")) ?? .cny)
        return LeadDTO(
            id: try r.uuid("id"), enterpriseName: try r.string("enterprise_name"), uscc: try r.optionalString("uscc"),
            industryCode: try r.string("industry_code"), investment: investment, investmentText: ChineseAmount.format(investment),
            landMu: LeadDTO.landMuText(try r.int("land_mu_tenths")), spaceM2: try r.int("space_m2"), energyTCE: try r.int("energy_tce"),
            powerKVA: try r.int("power_kva"), jobs: try r.int("jobs"), channel: try r.value("channel", as: LeadChannel.self),
            notes: try r.string("notes"), status: try r.value("status", as: LeadStatus.self), submitterID: try r.uuid("submitter_id"),
            submitterUnitID: try r.uuid("submitter_unit_id"), collidesWithID: try r.optionalUUID("collides_with_id"),
            mergedIntoID: try r.optionalUUID("merged_into_id"), submittedOn: try r.string("submitted_on"),
            respondBy: try r.string("respond_by"), assessBy: try r.string("assess_by"), feedbackBy: try r.string("feedback_by"),
            respondedOn: try r.optionalString("responded_on"), assessedOn: try r.optionalString("assessed_on"),
            feedbackOn: try r.optionalString("feedback_on"), decisionNote: try r.string("decision_note"), version: try r.int("version"),
            contactName: try r.string("contact_name"), contactPhone: try r.string("contact_phone"), homeCity: try r.string("home_city"),
            projectContent: try r.string("project_content"), enterpriseID: try r.optionalUUID("enterprise_id"))
    }

    /// Newest first, read in the order of an index and filtered as it goes, so a page costs about
    /// its thirty rows whatever the size of the jurisdiction: the scope is an expression (the
    /// planner cannot pick the jurisdiction index and sort all of it), a unit's own list walks
    /// `leads_unit_newest`, everyone else's `leads_newest` (migration 026). Another order, or an
    /// amount bound, reads the filtered set in that order (CNY at the submission month's rate).
    static func query(for user: CurrentUser, filter: Filter, today: CivilDate, per: Int = perPage) -> SQLQueryString {
        let offset = (filter.page - 1) * per
        let join = filter.needsRates ? rateJoin : ""
        return """
            SELECT \(unsafeRaw: columns) FROM leads l\(join) WHERE \(conditions(user, filter, today: today))
            ORDER BY \(order(filter)) LIMIT \(bind: per + 1) OFFSET \(bind: offset)
            """
    }

    /// The intended investment in CNY minor units at the submission month's rate (NULL without one),
    /// divided before it is multiplied so that no amount overflows a bigint.
    static let amountCNY: SQLQueryString =
        "(CASE WHEN l.investment_currency = 'CNY' THEN l.investment_minor ELSE l.investment_minor / 10000 * ri.rate END)"
    static let rateJoin: SQLQueryString =
        " LEFT JOIN exchange_rates ri ON ri.currency = l.investment_currency AND ri.month = SUBSTR(l.submitted_on, 1, 7)"

    /// The reader's leads (the jurisdiction's for those who oversee it, their unit's for everyone
    /// else: `AccessPolicy`) narrowed by the filter.
    static func conditions(_ user: CurrentUser, _ filter: Filter, today: CivilDate) -> SQLQueryString {
        // a six-digit code validated by `JurisdictionCode`: its prefix is digits only
        let prefix = user.scope.prefix
        var sql: SQLQueryString = "SUBSTR(l.jurisdiction_code, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)"
        if !AccessPolicy.seesWholeJurisdiction(user.roles) {
            sql = sql + " AND l.submitter_unit_id = \(bind: user.unitID)"
        } else if let unit = filter.unit {
            sql = sql + " AND l.submitter_unit_id = \(bind: unit)"
        }
        if let person = filter.person { sql = sql + " AND l.submitter_id = \(bind: person)" }
        let open = LeadStatus.allCases.filter(\.isOpen).map(\.rawValue)
        switch filter.state {
        case .open: sql = sql + " AND l.status IN (\(binds: open))"
        case .closed: sql = sql + " AND l.status NOT IN (\(binds: open))"
        case .all: break
        }
        if filter.overdueOnly {
            // deadlines are ISO dates, so string order is date order on both engines
            let today = today.description
            sql =
                sql + " AND l.status IN (\(binds: open)) AND ((l.responded_on IS NULL AND l.respond_by < \(bind: today))"
                + " OR (l.assessed_on IS NULL AND l.assess_by < \(bind: today)) OR (l.feedback_on IS NULL AND l.feedback_by < \(bind: today)))"
        }
        if !filter.keyword.isEmpty {
            sql =
                sql + " AND "
                + ListQuery.keyword(
                    filter.keyword, in: ["l.enterprise_name", "l.notes"], uscc: "l.uscc",
                    folded: ("l.name_key", NameNormalizer.key(for: filter.keyword)))
        }
        if let channel = filter.channel { sql = sql + " AND l.channel = \(bind: channel.rawValue)" }
        if !filter.industry.isEmpty { sql = sql + " AND l.industry_code LIKE \(bind: filter.industry + "%")" }
        return sql + ListQuery.range("l.submitted_on", filter.from?.description, filter.to?.description)
            + ListQuery.range(amountCNY, filter.minAmount, filter.maxAmount)
    }

    static func order(_ filter: Filter) -> SQLQueryString {
        let dir: SQLQueryString = filter.descending ? " DESC" : " ASC"
        switch filter.sort {
        case .submitted: return "l.submitted_on\(dir), l.created_at\(dir)"
        case .name: return "l.enterprise_name\(dir), l.id\(dir)"
        case .respondBy: return "l.respond_by\(dir), l.id\(dir)"
        // a lead without a rate for its month sorts last either way
        case .amount: return "(\(amountCNY) IS NULL), \(amountCNY)\(dir), l.id\(dir)"
        }
    }

    /// The count and the intended investment of the whole filtered set, summed by currency and
    /// month in the database and converted at each month's rate.
    static func totals(_ user: CurrentUser, _ filter: Filter, today: CivilDate, rates: ExchangeRates, on db: any Database) async throws
        -> (count: Int, total: ExchangeRates.Total)
    {
        let join = filter.needsRates ? rateJoin : ""
        return try await ListQuery.sums(
            """
            SELECT l.investment_currency AS currency, SUBSTR(l.submitted_on, 1, 7) AS month, CAST(SUM(l.investment_minor) AS BIGINT) AS minor,
              COUNT(*) AS n
            FROM leads l\(join) WHERE \(conditions(user, filter, today: today)) GROUP BY l.investment_currency, SUBSTR(l.submitted_on, 1, 7)
            """, rates: rates, on: db.sql)
    }
}

extension LeadList {
    struct Page: Sendable {
        var filter: Filter
        var rows: [LeadDTO]
        var hasMore: Bool
        var count: Int
        var investment: ExchangeRates.Total
    }

    /// One page as a request asks for it, for the page and the API alike; the totals are kept 30 s
    /// per filter and reader's scope, and forgotten by this process at any write.
    static func read(_ request: Request, page: Int? = nil) async throws -> Page {
        let user = try request.authorize(.read, .lead)
        var filter = try Filter(request)
        if let page { filter.page = page }
        let today = request.clock.today
        let rates = try await ExchangeRate.table(request)
        let rows = try await Self.rows(for: user, filter: filter, today: today, on: request.db)
        let whole = filter.unsorted
        let seen = AccessPolicy.seesWholeJurisdiction(user.roles) ? user.scope.value : user.unitID.uuidString
        let key = ShortCache.writeSensitive + "leads|\(seen)|\(today)|\(whole.query.cacheKey)"
        let figures = request.application.figuresDB
        let sums = try await request.application.shortCache.value(key, ttl: 30) {
            try await Self.totals(user, whole, today: today, rates: rates, on: figures)
        }
        return Page(
            filter: filter, rows: Array(rows.prefix(perPage)), hasMore: rows.count > perPage, count: sums.count,
            investment: sums.total)
    }
}

/// The three deadlines of a lead and whether each was (or is being) missed.
struct LeadClock: Sendable {
    struct Step: Sendable {
        var label: AppError.Message
        var deadline: String
        var done: String?
        var late: Bool
    }

    var steps: [Step]

    init(_ lead: LeadDTO, today: CivilDate) {
        func step(_ zh: String, _ en: String, _ deadline: String, _ done: String?) -> Step {
            let late = CivilDate(deadline).map {
                ResponseClock.isLate(deadline: $0, doneOn: done.flatMap(CivilDate.init), today: today, leadOpen: lead.status.isOpen)
            }
            return Step(label: .init(zh: zh, en: en), deadline: deadline, done: done, late: late ?? false)
        }
        steps = [
            step("首次响应", "First response", lead.respondBy, lead.respondedOn),
            step("研判", "Assessment", lead.assessBy, lead.assessedOn),
            step("反馈来源", "Feedback", lead.feedbackBy, lead.feedbackOn),
        ]
    }

    var isLate: Bool { steps.contains(where: \.late) }
}
