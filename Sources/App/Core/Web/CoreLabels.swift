import Domain

// Labels of the shared kernel's enums a user sees, Chinese and English together.
extension Role {
    func label(_ lang: Lang) -> String {
        switch self {
        case .sysAdmin: lang("系统管理员", "System admin")
        case .securityAdmin: lang("安全管理员", "Security admin")
        case .auditAdmin: lang("审计管理员", "Audit admin")
        case .leader: lang("领导", "Leader")
        case .bureau: lang("投促局", "Bureau")
        case .cadre: lang("招商人", "Cadre")
        case .host: lang("承接人", "Host")
        case .coordinator: lang("协同人", "Coordinator")
        case .reviewer: lang("预审专家", "Reviewer")
        case .inspector: lang("纪检监察", "Inspector")
        case .observer: lang("营商环境观察员", "Observer")
        case .enterprise: lang("企业", "Enterprise")
        }
    }
}
