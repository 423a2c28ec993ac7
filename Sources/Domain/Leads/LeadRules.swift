/// Where a lead came from (SPEC §4).
public enum LeadChannel: String, CaseIterable, Codable, Sendable {
    case visit, businessReferral, exhibition, residentTeam, online, referral, publicForm, other
}

/// A lead's state. Rejected and returned leads stay searchable; a merged lead points at the lead
/// it was merged into.
public enum LeadStatus: String, CaseIterable, Codable, Sendable {
    case submitted, responded, returned, rejected, merged
    /// 入库: the panel's chair accepted it; it lives on as a project.
    case accepted

    /// Open leads take part in the collision check.
    public var isOpen: Bool { self == .submitted || self == .responded }
}

public enum LeadRules {
    /// Two leads (or a lead and a project) concern the same enterprise when their USCCs match, or,
    /// without both codes, when their names normalise alike (湖北伟德线路板有限公司 and
    /// 湖北伟德线路板有限公司（筹）). One enterprise is never credited to two units.
    public static func sameEnterprise(nameA: String, usccA: String?, nameB: String, usccB: String?) -> Bool {
        if let a = usccA, let b = usccB, !a.isEmpty, !b.isEmpty { return a == b }
        return NameNormalizer.same(nameA, nameB)
    }

    /// Where a collision is looked for: the whole city when the submitter works for a county or
    /// district — a district team and a city industry team are exactly the "two skins" (两张皮)
    /// that must not both claim one enterprise — and the submitter's own area otherwise.
    public static func collisionScope(for submitter: JurisdictionCode) -> JurisdictionCode {
        submitter.level == .county ? (submitter.parent ?? submitter) : submitter
    }
}
