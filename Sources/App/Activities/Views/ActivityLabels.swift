import Domain

// Labels of the activities' enums a user sees, Chinese and English together.
extension ActivityKind {
    func label(_ lang: Lang) -> String {
        switch self {
        case .enterpriseVisit: lang("走访企业", "Enterprise visit")
        case .chamberVisit: lang("拜访商协会", "Chamber visit")
        case .call: lang("电话/视频洽谈", "Call")
        case .outboundTrip: lang("外出招商", "Outbound trip")
        case .promotionEvent: lang("推介会", "Promotion event")
        case .receivingInvestors: lang("接待客商", "Receiving investors")
        case .onSiteOffice: lang("现场办公", "On-site office")
        case .symposium: lang("座谈会", "Symposium")
        }
    }
}
