import Domain
import Foundation
import Vapor

/// What the API and the audit log show of a work order, with its lateness and escalation.
enum WorkOrderDTO {
    struct Summary: Content {
        var id: UUID
        var number: String
        var kind: WorkOrderKind
        var category: String
        var title: String
        var detail: String
        var projectID: UUID?
        var enterpriseName: String
        var quantityAsked: String
        var quantityGranted: String
        var status: WorkOrderStatus
        var requesterName: String
        var responsibleUnitID: UUID?
        var submittedOn: String
        var deadline: String
        var answeredOn: String?
        var answer: String
        var answerEvidence: String
        var reopenCount: Int
        var satisfied: Bool?
        var closedOn: String?
        var version: Int
    }

    struct Event: Content {
        var sequence: Int
        var step: String
        var actorName: String
        var onDate: String
        var note: String
    }

    struct Detail: Content {
        var workOrder: Summary
        var late: Bool
        var escalation: WorkOrderClock.Escalation
        var events: [Event]
    }
}

extension WorkOrder {
    /// Late by the original deadline, whatever happened since (a closed item stays late).
    func isLate(today: CivilDate) -> Bool {
        guard let deadline = CivilDate(deadline) else { return false }
        return WorkOrderService.clock.isLate(deadline: deadline, lastAnswer: answeredOn.flatMap(CivilDate.init), today: today)
    }

    /// How far an unanswered overdue item has gone up; answered and closed items go no further.
    func escalation(today: CivilDate) -> WorkOrderClock.Escalation {
        guard status != .answered, status != .closed, let deadline = CivilDate(deadline) else { return .none }
        return WorkOrderService.clock.escalation(deadline: deadline, today: today)
    }
}

/// Built from the stored record; the memberwise init stays for fixtures (page snapshots).
extension WorkOrderDTO.Summary {
    init(_ o: WorkOrder) {
        id = o.id ?? UUID()
        number = o.number
        kind = o.kind
        category = o.category
        title = o.title
        detail = o.detail
        projectID = o.projectID
        enterpriseName = o.enterpriseName
        quantityAsked = o.quantityAsked
        quantityGranted = o.quantityGranted
        status = o.status
        requesterName = o.requesterName
        responsibleUnitID = o.responsibleUnitID
        submittedOn = o.submittedOn
        deadline = o.deadline
        answeredOn = o.answeredOn
        answer = o.answer
        answerEvidence = o.answerEvidence
        reopenCount = o.reopenCount
        satisfied = o.satisfied
        closedOn = o.closedOn
        version = o.version
    }
}
