import Domain

extension ProjectStage {
    func label(_ lang: Lang) -> String {
        switch self {
        case .negotiating: lang("在谈", "Negotiating")
        case .signed: lang("签约", "Signed")
        case .started: lang("开工", "Started")
        case .built: lang("竣工", "Built")
        case .producing: lang("投产", "Producing")
        case .onHold: lang("暂缓", "On hold")
        case .terminated: lang("终止", "Terminated")
        }
    }
}

extension ProjectRules.HostStatus {
    func label(_ lang: Lang) -> String {
        switch self {
        case .pending: lang("待承接单位答复", "Awaiting the host")
        case .accepted: lang("已承接", "Accepted by host")
        case .declined: lang("承接单位不承接（待投促局协调）", "Declined by host (bureau to act)")
        }
    }
}
