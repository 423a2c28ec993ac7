import Domain

// Labels of the registry's enums a user sees, Chinese and English together.
extension EnterpriseTag {
    func label(_ lang: Lang) -> String {
        switch self {
        case .leading: lang("龙头", "Leading")
        case .chainLeader: lang("链主", "Chain leader")
        case .fortune500: lang("500强", "Fortune 500")
        case .aboveScale: lang("规上", "Above scale")
        case .aboveQuota: lang("限上", "Above quota")
        case .highTech: lang("高新", "High-tech")
        }
    }
}

extension AttractedShare.Measure {
    func label(_ lang: Lang) -> String {
        switch self {
        case .count: lang("企业数", "Firms")
        case .output: lang("产值", "Output")
        case .revenue: lang("营业收入", "Revenue")
        case .profit: lang("利润", "Profit")
        case .tax: lang("税收", "Tax")
        }
    }
}
