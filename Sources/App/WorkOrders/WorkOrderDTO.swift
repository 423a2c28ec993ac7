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

extension WorkOrderKind {
    func label(_ lang: Lang) -> String {
        switch self {
        case .factorRequest: lang("要素保障", "Factor request")
        case .enterpriseDemand: lang("企业诉求", "Enterprise demand")
        case .complaint: lang("投诉举报", "Complaint")
        case .observerReport: lang("观察员报告", "Observer report")
        case .supervisorLetter: lang("监督员来信", "Supervisor letter")
        case .supervisionItem: lang("督查事项", "Supervision item")
        case .reformItem: lang("改革事项", "Reform item")
        }
    }
}

extension WorkOrderStatus {
    func label(_ lang: Lang) -> String {
        switch self {
        case .submitted: lang("待分办", "Submitted")
        case .routed: lang("待签收", "Routed")
        case .signedFor: lang("已签收", "Signed for")
        case .inProgress: lang("办理中", "In progress")
        case .answered: lang("已答复待确认", "Answered")
        case .closed: lang("已办结", "Closed")
        case .merged: lang("已归并", "Merged")
        }
    }
}

extension WorkOrderClock.Escalation {
    func label(_ lang: Lang) -> String {
        switch self {
        case .none: ""
        case .unitHead: lang("已提醒单位负责人", "Unit head alerted")
        case .leader: lang("已报分管领导", "Leader alerted")
        case .bulletin: lang("列入通报", "On the bulletin")
        }
    }

    /// Who hears of it at this step.
    func whom(_ lang: Lang) -> String {
        switch self {
        case .none: ""
        case .unitHead: lang("单位负责人", "unit head")
        case .leader: lang("分管领导", "leader")
        case .bulletin: lang("通报", "bulletin")
        }
    }
}

extension FactorType {
    func label(_ lang: Lang) -> String {
        switch self {
        case .land: lang("用地", "Land")
        case .energy: lang("能耗指标", "Energy quota")
        case .power: lang("用电", "Power")
        case .water: lang("用水", "Water")
        case .gas: lang("用气", "Gas")
        case .wastewater: lang("污水处理", "Wastewater")
        case .labour: lang("用工", "Labour")
        case .filing: lang("备案/立项", "Filing")
        case .environmental: lang("环评", "Environmental assessment")
        case .energyReview: lang("能评", "Energy review")
        case .planning: lang("规划许可", "Planning permit")
        case .landUse: lang("用地审批", "Land-use approval")
        case .construction: lang("施工许可", "Construction permit")
        }
    }
}
