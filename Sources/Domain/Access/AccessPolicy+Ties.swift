/// The rules that depend on what ties a person to one object, beyond role and jurisdiction (SPEC §1:
/// "every permission is checked on the server for each object"). The services find the ties from
/// the records and ask here; the pages ask the same question to decide what to offer.
extension AccessPolicy {
    /// What ties the actor to one object.
    public struct Ties: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The actor chairs the panel that reviewed the lead.
        public static let panelChair = Ties(rawValue: 1 << 0)
        /// The actor answers for the project: an attractor, of the host unit, or its responsible
        /// leader (always `involved` too).
        public static let accountable = Ties(rawValue: 1 << 1)
        /// The actor or their unit has a part in the project (accountable, or a coordinating unit).
        public static let involved = Ties(rawValue: 1 << 2)
        /// The object is, or belongs to, the actor's own unit (a park's profile, a lead the unit
        /// submitted, a work order the unit answers for).
        public static let ownUnit = Ties(rawValue: 1 << 3)
        /// The object lies in the actor's jurisdiction.
        public static let withinJurisdiction = Ties(rawValue: 1 << 4)
        /// The actor sits on the panel the lead was put to.
        public static let panelMember = Ties(rawValue: 1 << 5)
        /// The actor submitted the object (a work order they asked for).
        public static let author = Ties(rawValue: 1 << 6)
        /// The object has been announced to the jurisdiction (a year's published seating).
        public static let published = Ties(rawValue: 1 << 7)
    }

    /// Deeds whose right depends on ties.
    public enum Deed: String, Sendable, CaseIterable {
        /// Reading a lead: the bureau, leaders and inspectors read the jurisdiction's; everyone else
        /// their own unit's; the members of its panel read it wherever their unit sits.
        case readLead
        /// Reading a work order: the bureau, leaders and inspectors read the jurisdiction's; everyone
        /// else those they asked for or, working inside, their unit answers for (a coordinator its own
        /// unit's); an enterprise or an observer only what they asked for.
        case readWorkOrder
        /// Reading a project: the bureau, leaders and inspectors read the jurisdiction's; everyone
        /// the projects they or their unit have a part in, wherever (a district park hosting a city
        /// project); a park does not see another park's.
        case readProject
        /// Reporting a stage, entering funds or evidence: the bureau or who answers for the project.
        case reportOnProject
        /// Moving a stage back or resuming a held project: the bureau.
        case correctStage
        /// Verifying what others reported (never one's own: `VerifiableEntry`): the bureau.
        case verifyEntry
        /// 入库 or 不予入库 after the panel: the bureau or the panel's chair.
        case decideLead
        /// Keeping a park's profile: the bureau, or a host of that park.
        case editParkProfile
        /// Accepting or declining to host a project (承接): the host unit.
        case answerAsHost
        /// Marking a next step done: the activity's owner.
        case completeNextStep
        /// 签收, starting and answering a work order: the unit responsible for it, by those who work
        /// inside (never an enterprise's contact or an observer the unit happens to hold).
        case answerWorkOrder
        /// Confirming or reopening a work order's result: the person who asked.
        case confirmWorkOrder
        /// 补录: recording what happened long ago with its past dates (`BackFill`): the bureau.
        case backFill
        /// Opening a supervision item (督查事项) or a reform item (改革事项): the bureau.
        case openBureauItem
        /// Seeing, dry-running and committing an uploaded ledger (导入): the person who uploaded it,
        /// while they may still write one of the records imports take in (`importable`; the kind's
        /// own right is asked too) — a colleague's upload is not theirs to run.
        case handleImport
        /// Reading a unit's targets and results (进度, 干部实绩): the bureau, leaders and inspectors
        /// any unit's of their jurisdiction; everyone else working inside their own unit's.
        case readUnitResults
        /// Reading a year's 年终座次 or a period's 考核排名: announced once published, it is read by
        /// everyone working in the jurisdiction; a draft only by the bureau, leaders and inspectors.
        case readSeating
        /// Reading a 双百双评 register: once its digest is published it is read by everyone working
        /// in the jurisdiction (the draw must be re-runnable); before, by the bureau that keeps it
        /// (`evaluation` `manage`).
        case readRegister
        /// Reading the 提拔后备库, a personnel matter: the bureau, leaders and inspectors of the
        /// jurisdiction; adding to it is the bureau's (`assessment` `manage`).
        case readReservePool
    }

    /// What ledgers are imported into: the registry, leads, funds on projects, activities, and
    /// the organisation's units and people. Whoever may write one of them has the import pages
    /// (which offer only the kinds they may write).
    public static let importable: [Resource] = [.enterprise, .lead, .project, .activity, .organisation]

    public static func may(_ roles: Set<Role>, _ deed: Deed, ties: Ties = []) -> Bool {
        // the bureau's part is the role table's `manage`, so the two can never disagree
        let managesProjects = !roles.isDisjoint(with: Self.roles(for: .project, .manage))
        switch deed {
        case .readProject:
            guard !roles.isDisjoint(with: Self.roles(for: .project, .read)) else { return false }
            return (seesWholeJurisdiction(roles) && ties.contains(.withinJurisdiction))
                || ties.contains(.involved)
        case .readLead:
            guard !roles.isDisjoint(with: Self.roles(for: .lead, .read)) else { return false }
            let own = ties.contains(.withinJurisdiction) && (seesWholeJurisdiction(roles) || ties.contains(.ownUnit))
            return own || ties.contains(.panelMember)
        case .readWorkOrder:
            guard !roles.isDisjoint(with: Self.roles(for: .workOrder, .read)) else { return false }
            // an enterprise or an observer sitting in a town reads what they asked, never the town's work
            return (seesWholeJurisdiction(roles) && ties.contains(.withinJurisdiction)) || ties.contains(.author)
                || (ties.contains(.ownUnit) && worksInside(roles))
        case .reportOnProject: return managesProjects || ties.contains(.accountable)
        case .correctStage, .verifyEntry, .backFill: return managesProjects
        // a tie opens the deed only to a role that writes on the resource at all: a panel expert
        // sitting in a park does not answer for the park
        case .answerAsHost: return ties.contains(.ownUnit) && !roles.isDisjoint(with: Self.roles(for: .project, .write))
        case .answerWorkOrder: return ties.contains(.ownUnit) && worksInside(roles)
        case .confirmWorkOrder: return ties.contains(.author) && !roles.isDisjoint(with: Self.roles(for: .workOrder, .write))
        case .completeNextStep: return ties.contains(.author)
        case .handleImport:
            return ties.contains(.author) && importable.contains { !roles.isDisjoint(with: Self.roles(for: $0, .write)) }
        case .readUnitResults:
            guard !roles.isDisjoint(with: Self.roles(for: .assessment, .read)), ties.contains(.withinJurisdiction) else { return false }
            return seesWholeJurisdiction(roles) || ties.contains(.ownUnit)
        case .readSeating:
            guard !roles.isDisjoint(with: Self.roles(for: .assessment, .read)), ties.contains(.withinJurisdiction) else { return false }
            return seesWholeJurisdiction(roles) || ties.contains(.published)
        case .readRegister:
            guard !roles.isDisjoint(with: Self.roles(for: .evaluation, .read)), ties.contains(.withinJurisdiction) else { return false }
            return ties.contains(.published) || !roles.isDisjoint(with: Self.roles(for: .evaluation, .manage))
        case .readReservePool:
            return !roles.isDisjoint(with: Self.roles(for: .assessment, .read)) && seesWholeJurisdiction(roles)
                && ties.contains(.withinJurisdiction)
        case .openBureauItem: return !roles.isDisjoint(with: Self.roles(for: .workOrder, .manage))
        case .decideLead: return !roles.isDisjoint(with: Self.roles(for: .lead, .manage)) || ties.contains(.panelChair)
        case .editParkProfile: return managesProjects || (roles.contains(.host) && ties.contains(.ownUnit))
        }
    }

    /// A responsible leader (包保领导) is a leader of the project's jurisdiction or of one enclosing
    /// it (a city's vice mayor for a district's project), or of a district inside a city project.
    public static func mayBeResponsibleLeader(roles: Set<Role>, leaderScope: JurisdictionCode, project: JurisdictionCode) -> Bool {
        roles.contains(.leader) && (leaderScope.contains(project) || project.contains(leaderScope))
    }
}
