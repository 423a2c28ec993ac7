import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 企业 360°: an enterprise's whole story from every room — its leads, its projects with their
/// verified stages and money, visits and other activities, work orders, and the leader linked to
/// it (包联). Each part holds what the reader may read: the bureau, leaders and inspectors their
/// jurisdiction's; everyone else their own unit's leads and activities and the work orders they
/// asked for or answer; projects as the ledger shows them.
struct EnterpriseStory: Sendable {
    struct Lead: Sendable {
        var id: UUID
        var status: LeadStatus
        var submittedOn: String
        var investment: Money
        var unitName: String
    }

    struct Activity: Sendable {
        var kind: ActivityKind
        var occurredOn: String
        var outcome: String
        var nextStep: String
        var ownerName: String
    }

    var leads: [Lead] = []
    var projects: [ProjectLedger.Row] = []
    /// The project that made it an attracted enterprise: its earliest verified as signed or beyond.
    var attractedBy: ProjectLedger.Row?
    var activities: [Activity] = []
    /// Read as the work-order lists read them.
    var orders: [WorkOrderList.Row] = []
    /// 包联 leaders' names, for those who read the linkage.
    var linkedLeaders: [String]?

    /// The most recent of each part (one more is read to tell that there are more).
    static let shown = 10

    static func read(_ request: Request, enterprise: EnterpriseDTO) async throws -> EnterpriseStory {
        let user = try request.requireUser()
        let db = request.db
        let whole = AccessPolicy.seesWholeJurisdiction(user.roles)
        let prefix = user.scope.prefix
        func scope(_ alias: String) -> SQLQueryString {
            "\(unsafeRaw: alias).jurisdiction_code >= \(bind: prefix) AND \(unsafeRaw: alias).jurisdiction_code < \(bind: prefix + "~")"
        }
        var story = EnterpriseStory()
        let id = enterprise.id
        if request.may(.read, .lead) {
            let own: SQLQueryString = whole ? "" : " AND l.submitter_unit_id = \(bind: user.unitID)"
            story.leads = try await db.sql.raw(
                """
                SELECT l.id, l.status, l.submitted_on, l.investment_minor, l.investment_currency, u.name AS unit_name
                FROM leads l LEFT JOIN units u ON u.id = l.submitter_unit_id
                WHERE \(ProjectLedger.ofEnterprise("l", id)) AND \(scope("l"))\(own) ORDER BY l.submitted_on DESC LIMIT \(bind: shown + 1)
                """
            ).all().map { row in
                let r = RowReader(row)
                return Lead(
                    id: try r.uuid("id"), status: LeadStatus(rawValue: try r.string("status")) ?? .submitted,
                    submittedOn: try r.string("submitted_on"),
                    investment: Money(
                        minorUnits: try r.int64("investment_minor"),
                        currency: Currency(rawValue: try r.string("investment_currency")) ?? .cny),
                    unitName: try r.optionalString("unit_name") ?? "")
            }
        }
        if request.may(.read, .project) {
            let filter = ProjectLedger.Filter(enterprise: id, sort: .accepted, descending: false)
            let rates = try await ExchangeRate.table(request)
            story.projects = try await ProjectLedger.rows(user, filter, rates: rates, on: db)
            story.attractedBy = story.projects.first { ProjectStage.line.dropFirst().contains($0.verifiedStage) }
        }
        if request.may(.read, .activity) {
            let own: SQLQueryString = whole ? "" : " AND a.unit_id = \(bind: user.unitID)"
            story.activities = try await db.sql.raw(
                """
                SELECT a.kind, a.occurred_on, a.outcome, a.next_step, p.name AS owner_name
                FROM activities a LEFT JOIN persons p ON p.id = a.owner_id
                WHERE (a.enterprise_id = \(bind: id) OR a.counterpart_key = \(bind: NameNormalizer.key(for: enterprise.name))) AND \(scope("a"))\(own) ORDER BY a.occurred_on DESC LIMIT \(bind: shown + 1)
                """
            ).all().map { row in
                let r = RowReader(row)
                return Activity(
                    kind: ActivityKind(rawValue: try r.string("kind")) ?? .enterpriseVisit, occurredOn: try r.string("occurred_on"),
                    outcome: try r.string("outcome"), nextStep: try r.optionalString("next_step") ?? "",
                    ownerName: try r.optionalString("owner_name") ?? "")
            }
        }
        if request.may(.read, .workOrder) {
            let own: SQLQueryString =
                whole
                ? "" : " AND (w.requester_id = \(bind: user.personID) OR w.responsible_unit_id = \(bind: user.unitID))"
            story.orders = try await db.sql.raw(
                """
                SELECT w.id, w.number, w.kind, w.title, w.status, w.deadline, w.submitted_on, w.answered_late, w.answered_on,
                  w.reopen_count, w.requester_name, u.name AS unit_name
                FROM work_orders w LEFT JOIN units u ON u.id = w.responsible_unit_id
                WHERE w.enterprise_name = \(bind: enterprise.name) AND \(scope("w"))\(own)
                ORDER BY w.submitted_on DESC, w.number DESC LIMIT \(bind: shown + 1)
                """
            ).all(decoding: WorkOrderList.Row.self)
        }
        if request.may(.read, .linkage) {
            story.linkedLeaders = try await db.sql.raw(
                """
                SELECT p.name FROM linkages k JOIN persons p ON p.id = k.leader_id
                WHERE k.name_key = \(bind: NameNormalizer.key(for: enterprise.name)) AND k.ended_on IS NULL AND \(scope("k")) ORDER BY p.name
                """
            ).all().map { try RowReader($0).string("name") }
        }
        return story
    }
}
