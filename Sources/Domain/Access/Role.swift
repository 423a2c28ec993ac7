/// The roles of SPEC §1. The raw values are the stable codes used in the API and the database.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case sysAdmin, securityAdmin, auditAdmin
    case leader, bureau, cadre, host, coordinator, reviewer, inspector, observer, enterprise

    /// 三员分立: these three are held by three different people.
    public static let adminRoles: Set<Role> = [.sysAdmin, .securityAdmin, .auditAdmin]

    public var isAdmin: Bool { Self.adminRoles.contains(self) }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public enum AssignmentError: Error, Equatable, Sendable {
        case twoAdminRoles([Role])
        case noRole
    }

    /// A person's role set is valid when it names at least one role and at most one admin role.
    public static func validateAssignment(_ roles: Set<Role>) throws(AssignmentError) {
        guard !roles.isEmpty else { throw .noRole }
        let admins = roles.intersection(adminRoles)
        if admins.count > 1 { throw .twoAdminRoles(admins.sorted()) }
    }
}

/// The kinds of unit of SPEC §2.
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case leadershipGroup, bureau, department, park, town
    case industryBureau, industryTeam, departmentTeam, residentOffice, taskForce

    /// Resident offices (驻外招商分局 / 驻点工作队) work from another city, e.g. 深圳.
    public var requiresHostCity: Bool { self == .residentOffice }
    /// Hosts (承接单位) of projects are parks and towns.
    public var canHostProjects: Bool { self == .park || self == .town }
    /// Units given targets and assessed (SPEC §8): every unit that attracts or hosts projects —
    /// not the leading group, nor a project's task force, which answer through their members' units.
    public var isAssessed: Bool { self != .leadershipGroup && self != .taskForce }
}

/// The series a department is evaluated in for 双百双评 (SPEC §2, §8; seed [003]).
public enum EvaluationSeries: String, CaseIterable, Codable, Sendable {
    case lawEnforcement, comprehensiveManagement, windowService
}
