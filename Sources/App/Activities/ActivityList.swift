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

    /// The jurisdiction's activities for those who oversee it, the own unit's for everyone else.
    static func rows(for user: CurrentUser, kind: ActivityKind?, page: Int, on db: any Database) async throws -> [Row] {
        var conditions: SQLQueryString
        if AccessPolicy.seesWholeJurisdiction(user.roles) {
            conditions = "a.jurisdiction_code >= \(bind: user.scope.prefix) AND a.jurisdiction_code < \(bind: user.scope.prefix + "~")"
        } else {
            conditions = "a.unit_id = \(bind: user.unitID)"
        }
        if let kind { conditions = conditions + " AND a.kind = \(bind: kind.rawValue)" }
        return try await db.sql.raw(
            """
            \(unsafeRaw: select) WHERE \(conditions) ORDER BY a.occurred_on DESC, a.created_at DESC
            LIMIT \(bind: perPage + 1) OFFSET \(bind: (page - 1) * perPage)
            """
        ).all().map(Row.init)
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
