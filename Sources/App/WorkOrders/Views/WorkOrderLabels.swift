import Domain

// Labels of the work orders' enums a user sees, Chinese and English together.
extension WorkOrderList.View {
    /// The tab's name on the work-order list (and the view an export names).
    func label(_ lang: Lang) -> String {
        switch self {
        case .todo: lang("本单位待办", "My unit's")
        case .mine: lang("我提出的", "Mine")
        case .overdue: lang("已超期", "Overdue")
        case .all: lang("全部", "All")
        case .unrouted: lang("待分办", "To route")
        }
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

extension WorkOrderMachine.Step {
    var label: String {
        switch self {
        case .route: "分办"
        case .signFor: "签收"
        case .start: "开始办理"
        case .answer: "答复"
        case .confirm: "确认满意"
        case .reopen: "退回重办"
        }
    }
}
