import Domain

extension UnitKind {
    func label(_ lang: Lang) -> String {
        switch self {
        case .leadershipGroup: lang("领导小组", "Leadership group")
        case .bureau: lang("投资促进局", "Investment promotion bureau")
        case .department: lang("市直部门", "Department")
        case .park: lang("园区/开发区", "Park")
        case .town: lang("乡镇/街道", "Town")
        case .industryBureau: lang("产业招商分局", "Industry bureau")
        case .industryTeam: lang("产业招商分队", "Industry team")
        case .departmentTeam: lang("部门招商小分队", "Department team")
        case .residentOffice: lang("驻外招商机构", "Resident office")
        case .taskForce: lang("工作专班", "Task force")
        }
    }
}

extension EvaluationSeries {
    func label(_ lang: Lang) -> String {
        switch self {
        case .lawEnforcement: lang("执法部门", "Law enforcement")
        case .comprehensiveManagement: lang("综合管理部门", "Comprehensive management")
        case .windowService: lang("窗口服务行业", "Window service")
        }
    }
}
