import Domain

extension LeadChannel {
    func label(_ lang: Lang) -> String {
        switch self {
        case .visit: lang("上门走访", "Visit")
        case .businessReferral: lang("以商引商", "Business referral")
        case .exhibition: lang("展会", "Exhibition")
        case .residentTeam: lang("驻点招商", "Resident team")
        case .online: lang("网络", "Online")
        case .referral: lang("推荐介绍", "Referral")
        case .publicForm: lang("投资意向登记", "Public intent form")
        case .other: lang("其他", "Other")
        }
    }
}

extension LeadStatus {
    func label(_ lang: Lang) -> String {
        switch self {
        case .submitted: lang("待响应", "Awaiting response")
        case .responded: lang("研判中", "Being assessed")
        case .returned: lang("退回补充", "Returned")
        case .rejected: lang("不予入库", "Rejected")
        case .merged: lang("已合并", "Merged")
        case .accepted: lang("已入库", "Accepted")
        }
    }
}

extension ReviewCriterion {
    func label(_ lang: Lang) -> String {
        switch self {
        case .industryFit: lang("产业契合度", "Industry fit")
        case .investmentPerMu: lang("亩均投资", "Investment per mu")
        case .taxPerMu: lang("亩均税收", "Tax per mu")
        case .energyUse: lang("能耗水平", "Energy use")
        case .environmentalRisk: lang("环境风险", "Environmental risk")
        case .investorAuthenticity: lang("投资方真实性", "Investor authenticity")
        }
    }
}

extension LeadList.Filter.State {
    /// The lead list's tab (and the state an export names).
    func label(_ lang: Lang) -> String {
        switch self {
        case .open: lang("在办", "Open")
        case .closed: lang("已办结", "Closed")
        case .all: lang("全部", "All")
        }
    }
}
