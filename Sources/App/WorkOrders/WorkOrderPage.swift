import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// What an item's page shows: the facts, the timeline, lateness and escalation with their dates,
/// and the steps this user may take now.
enum WorkOrderPage {
    struct Model: Sendable {
        var order: WorkOrderDTO.Summary
        var unitName: String
        var projectTitle: String?
        var events: [WorkOrderDTO.Event]
        var late: Bool
        var escalation: WorkOrderClock.Escalation
        /// The day each escalation step is reached if the item stays unanswered.
        var escalationDates: [(WorkOrderClock.Escalation, String)]
        var steps: [WorkOrderMachine.Step]
        var unitOptions: [(value: String, label: String)]
        var error: AppError.Message?
        var form = FormState()
        /// Who did what when, from the audit trail (system escalations included).
        var history: HNode = text("")
    }

    static func model(_ request: Request, _ order: WorkOrder) async throws -> Model {
        let user = try request.requireUser()
        let db = request.db
        let today = request.clock.today
        let id = try order.requireID()
        let events = try await WorkOrderEvent.query(on: db).filter(\.$workOrderID == id).sort(\.$sequence).all().map {
            WorkOrderDTO.Event(sequence: $0.sequence, step: $0.step, actorName: $0.actorName, onDate: $0.onDate, note: $0.note)
        }
        var unitName = ""
        if let unit = order.responsibleUnitID { unitName = try await WorkOrderService.unitName(unit, on: db) }
        var projectTitle: String?
        if let project = order.projectID { projectTitle = try await Project.find(project, on: db)?.title ?? "" }
        let isBureau = request.may(.manage, .workOrder)
        var parties: Set<WorkOrderMachine.Party> = []
        if isBureau { parties.insert(.bureau) }
        if AccessPolicy.may(user.roles, .answerWorkOrder, ties: order.responsibleUnitID == user.unitID ? .ownUnit : []) {
            parties.insert(.responsibleUnit)
        }
        if order.requesterID == user.personID { parties.insert(.requester) }
        let steps = WorkOrderMachine.steps(from: order.status, for: parties)
        let deadline = CivilDate(order.deadline) ?? today
        let dates = [WorkOrderClock.Escalation.unitHead, .leader, .bulletin].compactMap { step in
            WorkOrderService.clock.escalationDate(step, deadline: deadline).map { (step, $0.description) }
        }
        return Model(
            order: WorkOrderDTO.Summary(order), unitName: unitName, projectTitle: projectTitle, events: events,
            late: order.isLate(today: today),
            escalation: order.escalation(today: today), escalationDates: dates, steps: steps,
            unitOptions: steps.contains(.route) ? try await unitOptions(request) : [],
            history: HistoryView.render(try await RecordHistory.of("work_order", id, on: db), request.lang))
    }

    /// The live units of the jurisdiction a bureau may route to, departments first.
    static func unitOptions(_ request: Request) async throws -> [(value: String, label: String)] {
        struct Row: Decodable { var id: UUID, name: String }
        let scope = try request.requireUser().scope
        return try await request.db.sql.raw(
            """
            SELECT id, name FROM units WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~")
            AND dissolved_on IS NULL AND kind IN ('department', 'park', 'town', 'bureau', 'industryBureau') ORDER BY kind, name
            """
        ).all(decoding: Row.self).map { ($0.id.uuidString, $0.name) }
    }
}
