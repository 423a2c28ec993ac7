import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The work-order lists and the department accountability board, in plain SQL over the
/// (unit, status, deadline) and (jurisdiction, status, deadline) indexes.
enum WorkOrderList {
    enum View: String, CaseIterable, Sendable {
        /// What my unit must resolve
        case todo
        /// What I asked for
        case mine
        /// Everything of the jurisdiction (the bureau, leaders, inspectors)
        case all
        /// Overdue and unanswered, of my unit or (for overseers) of the jurisdiction
        case overdue
        /// Submitted and waiting for the bureau to route them
        case unrouted

        /// The view a request asks for (`view=`), else the reader's first: the router's unrouted
        /// items, an overseer's overdue ones, everyone else's to-do.
        static func asked(_ request: Request) throws -> View {
            if let asked = try request.queryChoice("view", View.self) { return asked }
            let oversees = request.currentUser.map { AccessPolicy.seesWholeJurisdiction($0.roles) } ?? false
            return request.may(.manage, .workOrder) ? .unrouted : oversees ? .overdue : .todo
        }
    }

    struct Row: Decodable, Sendable {
        var id: UUID
        var number: String
        var kind: WorkOrderKind
        var title: String
        var status: WorkOrderStatus
        var deadline: String
        var submittedOn: String
        var answeredLate: Bool
        var reopenCount: Int
        var unitName: String?
        var requesterName: String

        enum CodingKeys: String, CodingKey {
            case id, number, kind, title, status, deadline
            case submittedOn = "submitted_on", answeredLate = "answered_late", reopenCount = "reopen_count", unitName = "unit_name"
            case requesterName = "requester_name", answeredOn = "answered_on"
        }

        var answeredOn: String?

        /// The same judgement as the item's page: by the original deadline and the last answer.
        func isLate(today: CivilDate) -> Bool {
            guard let deadline = CivilDate(deadline) else { return answeredLate }
            return WorkOrderService.clock.isLate(deadline: deadline, lastAnswer: answeredOn.flatMap(CivilDate.init), today: today)
        }
    }

    /// One page of a view, of one kind of item if `kind` is given (改革事项清单: the reform items),
    /// narrowed by the filter.
    static func rows(
        _ user: CurrentUser, _ view: View, kind: WorkOrderKind? = nil, filter: Filter = .init(), today: CivilDate, limit: Int = 200,
        offset: Int = 0, on db: any Database
    ) async throws -> [Row] {
        let (view, condition) = conditions(user, view, kind: kind, filter: filter, today: today, indexed: limit + offset)
        let order: SQLQueryString
        let dir: SQLQueryString = filter.descending ? " DESC" : " ASC"
        switch filter.sort {
        case .deadline: order = "w.deadline\(dir), w.number\(dir)"
        case .submitted: order = "w.submitted_on\(dir), w.number\(dir)"
        case .number: order = "w.number\(dir)"
        case nil: order = view == .mine || view == .all ? "w.submitted_on DESC, w.number DESC" : "w.deadline, w.number"
        }
        return try await db.sql.raw(
            """
            SELECT w.id, w.number, w.kind, w.title, w.status, w.deadline, w.submitted_on, w.answered_late, w.answered_on, w.reopen_count,
              w.requester_name, u.name AS unit_name
            FROM work_orders w LEFT JOIN units u ON u.id = w.responsible_unit_id
            WHERE \(condition) ORDER BY \(order) LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        ).all(decoding: Row.self)
    }

    /// How many items the filtered view holds ("共 N 条").
    static func count(
        _ user: CurrentUser, _ view: View, kind: WorkOrderKind? = nil, filter: Filter = .init(), today: CivilDate, on db: any Database
    )
        async throws -> Int
    {
        let (_, condition) = conditions(user, view, kind: kind, filter: filter, today: today, indexed: nil)
        let row = try await db.sql.raw("SELECT COUNT(*) AS n FROM work_orders w WHERE \(condition)").first()
        return try row.map { try RowReader($0).int("n") } ?? 0
    }

    /// The count as pages read it: kept 30 s per reader, view and filter, and forgotten by this
    /// process at any write (a province's whole list is counted by reading all of it).
    static func count(_ request: Request, _ view: View, kind: WorkOrderKind?, filter: Filter) async throws -> Int {
        let user = try request.requireUser()
        let today = request.clock.today
        let key =
            ShortCache.writeSensitive
            + "work-orders|\(user.personID)|\(view)|\(kind?.rawValue ?? "")|\(today)|\(filter.query.cacheKey)"
        let db = request.application.figuresDB
        return try await request.application.shortCache.value(key, ttl: 30) {
            try await count(user, view, kind: kind, filter: filter, today: today, on: db)
        }
    }

    /// The view's condition (the view an enterprise or observer is held to, whatever the URL
    /// names), and the filter's. `indexed`: the overdue view of a plain filter reads the page's ids
    /// from the (status, deadline, number, jurisdiction) index alone, that many of them.
    static func conditions(_ user: CurrentUser, _ view: View, kind: WorkOrderKind?, filter: Filter, today: CivilDate, indexed: Int?)
        -> (View, SQLQueryString)
    {
        let oversees = AccessPolicy.seesWholeJurisdiction(user.roles)
        // an enterprise or an observer follows what they asked for, whatever view the URL names
        let view = AccessPolicy.worksInside(user.roles) ? view : .mine
        let prefix = user.scope.prefix
        let scope: SQLQueryString = "w.jurisdiction_code >= \(bind: prefix) AND w.jurisdiction_code < \(bind: prefix + "~")"
        let mine: SQLQueryString = "w.responsible_unit_id = \(bind: user.unitID)"
        var narrowed: SQLQueryString = kind.map { " AND w.kind = \(bind: $0.rawValue)" } ?? ""
        if !filter.keyword.isEmpty {
            narrowed =
                narrowed + " AND "
                + ListQuery.keyword(filter.keyword, in: ["w.title", "w.enterprise_name", "w.requester_name", "w.number"])
        }
        // the responsible unit is for those who read the jurisdiction; a unit's views are its own
        if oversees, let unit = filter.unit { narrowed = narrowed + " AND w.responsible_unit_id = \(bind: unit)" }
        if let status = filter.status { narrowed = narrowed + " AND w.status = \(bind: status.rawValue)" }
        narrowed = narrowed + ListQuery.range("w.submitted_on", filter.from?.description, filter.to?.description)
        let condition: SQLQueryString
        switch view {
        case .todo: condition = mine + " AND w.status IN ('routed', 'signedFor', 'inProgress', 'answered')" + narrowed
        case .mine: condition = "w.requester_id = \(bind: user.personID)" + narrowed
        case .all:
            // newest first over the submitted_on index, filtering the scope as it goes: an expression,
            // so that SQLite's planner does not read the whole jurisdiction to sort it
            condition =
                (oversees ? "SUBSTR(w.jurisdiction_code, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)" : mine) + narrowed
        case .unrouted: condition = scope + " AND w.status = 'submitted'" + narrowed
        case .overdue:
            let overdue: SQLQueryString =
                (oversees ? scope : mine) + " AND w.status IN ('submitted', 'routed', 'signedFor', 'inProgress')"
                + " AND w.deadline < \(bind: today.description)" + narrowed
            if let indexed, filter.isEmpty {
                condition = "w.id IN (SELECT w.id FROM work_orders w WHERE \(overdue) ORDER BY w.deadline, w.number LIMIT \(bind: indexed))"
            } else {
                condition = overdue
            }
        }
        return (view, condition)
    }

    struct BoardLine: Sendable {
        var unitID: UUID
        var unitName: String
        var line: AccountabilityLine
    }

    /// The board as a page or the API shows it: kept five seconds per jurisdiction and day, and
    /// forgotten by this process at once when anything is written (another node within 5 s).
    static func board(_ request: Request) async throws -> [BoardLine] {
        let user = try request.authorize(.read, .workOrder)
        let (today, db) = (request.clock.today, request.db)
        let key = ShortCache.writeSensitive + "work-order-board:\(user.scope.prefix)|\(today)"
        return try await request.application.shortCache.value(key, ttl: 5) { try await board(user, today: today, on: db) }
    }

    /// One line per responsible unit of the jurisdiction, most overdue first: the open items
    /// counted now, the closed ones from their tallies.
    static func board(_ user: CurrentUser, today: CivilDate, on db: any Database) async throws -> [BoardLine] {
        let aggregates = try await WorkOrderTally.aggregates(prefix: user.scope.prefix, today: today, on: db)
        guard !aggregates.isEmpty else { return [] }
        let units = try await Unit.query(on: db).filter(\.$id ~~ Array(aggregates.keys)).all()
        let names = Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a })
        return aggregates.values.map { BoardLine(unitID: $0.unitID, unitName: names[$0.unitID] ?? "", line: $0.line) }
            .sorted { ($0.line.overdue, $0.line.open, $1.unitName) > ($1.line.overdue, $1.line.open, $0.unitName) }
    }
}
