import Domain
import Fluent
import FluentSQL
import Vapor

/// The activity lists' queries, as raw SQL rows: a unit's (or the jurisdiction's) activities,
/// a person's open to-dos, and a project's activities for its timeline.
enum ActivityList {
    static let perPage = 30

    struct Row: Sendable {
        var id: UUID
        var kind: String
        var occurredOn: String
        var city: String
        var counterpart: String
        var outcome: String
        var nextStep: String
        var nextDue: String?
        var nextDoneOn: String?
        var ownerName: String
        var unitName: String
        var projectID: UUID?
        var leadID: UUID?

        /// Read column by column (`RowReader`): a project's page shows up to 200 of them.
        init(_ row: any SQLRow) throws {
            let r = RowReader(row)
            (id, kind, occurredOn, city) = (try r.uuid("id"), try r.string("kind"), try r.string("occurred_on"), try r.string("city"))
            (counterpart, outcome, nextStep) = (try r.string("counterpart"), try r.string("outcome"), try r.string("next_step"))
            (nextDue, nextDoneOn) = (try r.optionalString("next_due"), try r.optionalString("next_done_on"))
            (ownerName, unitName) = (try r.string("owner_name"), try r.string("unit_name"))
            (projectID, leadID) = (try r.optionalUUID("project_id"), try r.optionalUUID("lead_id"))
        }

        var activityKind: ActivityKind { ActivityKind(rawValue: kind) ?? .call }
        func isLate(today: CivilDate) -> Bool { nextDoneOn == nil && (nextDue.flatMap(CivilDate.init).map { $0 < today } ?? false) }
    }

    static let select = """
        SELECT a.id, a.kind, a.occurred_on, a.city, a.counterpart, a.outcome, a.next_step, a.next_due, a.next_done_on,
          a.project_id, a.lead_id, p.name AS owner_name, u.name AS unit_name
        FROM activities a JOIN persons p ON p.id = a.owner_id JOIN units u ON u.id = a.unit_id
        """

    /// The jurisdiction's activities for those who oversee it, the own unit's for everyone else,
    /// narrowed by the filter; newest first (or oldest, on request).
    static func rows(for user: CurrentUser, _ filter: Filter, today: CivilDate, per: Int = perPage, on db: any Database) async throws
        -> [Row]
    {
        let dir: SQLQueryString = filter.descending ? " DESC" : " ASC"
        return try await db.sql.raw(
            """
            \(unsafeRaw: select) WHERE \(conditions(user, filter, today: today)) ORDER BY a.occurred_on\(dir), a.created_at\(dir)
            LIMIT \(bind: per + 1) OFFSET \(bind: (filter.page - 1) * per)
            """
        ).all().map(Row.init)
    }

    /// How many activities the filtered list holds ("共 N 条").
    static func count(for user: CurrentUser, _ filter: Filter, today: CivilDate, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("SELECT COUNT(*) AS n FROM activities a WHERE \(conditions(user, filter, today: today))").first()
        return try row.map { try RowReader($0).int("n") } ?? 0
    }

    /// The count as the page reads it: kept 30 s per reader's scope and filter, forgotten by this
    /// process at any write.
    static func count(_ request: Request, _ filter: Filter) async throws -> Int {
        let user = try request.requireUser()
        let today = request.clock.today
        var whole = filter
        (whole.page, whole.descending) = (1, true)
        let seen = AccessPolicy.seesWholeJurisdiction(user.roles) ? user.scope.value : user.unitID.uuidString
        let key = ShortCache.writeSensitive + "activities|\(seen)|\(today)|\(whole.query.cacheKey)"
        let db = request.application.figuresDB
        return try await request.application.shortCache.value(key, ttl: 30) { try await count(for: user, filter, today: today, on: db) }
    }

    static func conditions(_ user: CurrentUser, _ filter: Filter, today: CivilDate) -> SQLQueryString {
        var sql: SQLQueryString
        if AccessPolicy.seesWholeJurisdiction(user.roles) {
            sql = "a.jurisdiction_code >= \(bind: user.scope.prefix) AND a.jurisdiction_code < \(bind: user.scope.prefix + "~")"
            if let unit = filter.unit { sql = sql + " AND a.unit_id = \(bind: unit)" }
        } else {
            sql = "a.unit_id = \(bind: user.unitID)"
        }
        if let person = filter.person { sql = sql + " AND a.owner_id = \(bind: person)" }
        if let kind = filter.kind { sql = sql + " AND a.kind = \(bind: kind.rawValue)" }
        if !filter.keyword.isEmpty {
            sql =
                sql + " AND "
                + ListQuery.keyword(
                    filter.keyword, in: ["a.counterpart", "a.city", "a.outcome", "a.next_step"],
                    folded: ("a.counterpart_key", NameNormalizer.key(for: filter.keyword)))
        }
        switch filter.step {
        case .open: sql = sql + " AND a.next_due IS NOT NULL AND a.next_done_on IS NULL"
        case .late: sql = sql + " AND a.next_due IS NOT NULL AND a.next_done_on IS NULL AND a.next_due < \(bind: today.description)"
        case nil: break
        }
        return sql + ListQuery.range("a.occurred_on", filter.from?.description, filter.to?.description)
    }

    /// A person's open next steps, soonest first.
    static func todos(of person: UUID, on db: any Database) async throws -> [Row] {
        try await db.sql.raw(
            """
            \(unsafeRaw: select) WHERE a.owner_id = \(bind: person) AND a.next_due IS NOT NULL AND a.next_done_on IS NULL
            ORDER BY a.next_due, a.occurred_on LIMIT 200
            """
        ).all().map(Row.init)
    }

    static func forProject(_ project: UUID, on db: any Database) async throws -> [Row] {
        try await db.sql.raw("\(unsafeRaw: select) WHERE a.project_id = \(bind: project) ORDER BY a.occurred_on DESC LIMIT 200")
            .all().map(Row.init)
    }
}
