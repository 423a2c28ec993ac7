/// Who submits which kinds of work order: the work-order room's part of the one policy, kept beside
/// the kinds it names (the policy's core does not know the rooms).
extension AccessPolicy {
    /// The kinds of work order a person may submit (SPEC §7): an enterprise its demands and
    /// complaints; an observer (营商环境观察员, 行风监督员 [003]) reports, letters and complaints;
    /// everyone working here any kind but the bureau's own supervision and reform items; the
    /// bureau every kind.
    public static func kindsToSubmit(_ roles: Set<Role>) -> [WorkOrderKind] {
        WorkOrderKind.allCases.filter { kind in
            switch kind {
            case .supervisionItem, .reformItem: may(roles, .openBureauItem)
            case .enterpriseDemand: worksInside(roles) || roles.contains(.enterprise)
            case .observerReport: worksInside(roles) || roles.contains(.observer)
            case .complaint: worksInside(roles) || !roles.isDisjoint(with: outside)
            case .supervisorLetter: worksInside(roles) || roles.contains(.observer)
            case .factorRequest: worksInside(roles)
            }
        }
    }
}
