/// The single authorisation decision of the system (SPEC §1): by role, then by jurisdiction scope.
/// Every controller asks this; nothing else decides who may see or change what.
public enum AccessPolicy {
    /// The bureau, leaders and inspectors see every record of their jurisdiction; everyone else sees
    /// their own unit's (leads, activities, the funnel).
    public static func seesWholeJurisdiction(_ roles: Set<Role>) -> Bool {
        !roles.isDisjoint(with: [.bureau, .leader, .inspector])
    }

    public enum Resource: String, Sendable, CaseIterable {
        /// Jurisdictions, units, persons and their rotation history.
        case organisation
        /// Role sets and account locks of persons.
        case accessControl
        /// The enterprise registry (SPEC §3).
        case enterprise
        /// The audit log.
        case audit
        /// One's own API tokens.
        case ownTokens
        /// Leads (线索, SPEC §4): anyone submits; the bureau responds and decides.
        case lead
        /// Projects (项目, SPEC §5) and their money: read across the jurisdiction; those who answer
        /// for a project report on it; the bureau accepts, verifies and keeps the rate table.
        case project
        /// Activities (走访等, SPEC §6): every business role records its own; the bureau, leaders
        /// and inspectors read the jurisdiction's.
        case activity
        /// Work orders (工单, SPEC §7): anyone working here submits; the responsible unit signs for
        /// and answers; the bureau routes and sees all; the requester confirms.
        case workOrder
        /// Leaders' 包联 of enterprises (SPEC §7): the bureau, leaders and inspectors read the
        /// jurisdiction's; the bureau keeps the links.
        case linkage
        /// A jurisdiction's own rules (response clock, major threshold, stall limits, SPEC §4–§5):
        /// everyone working there reads what holds; the bureau sets them.
        case settings
        /// Targets, progress, seats, scores and rankings (考核, SPEC §8): everyone working here
        /// reads their own unit's (the bureau, leaders and inspectors every unit's); the bureau
        /// sets the targets and publishes.
        case assessment
        /// 双百双评 and monthly satisfaction (评议, SPEC §8): everyone working here reads a campaign,
        /// its draw and, once closed, its results; the bureau keeps the registers (import) and runs
        /// the campaign. Nobody reads a ballot: none is kept.
        case evaluation
        /// 容错纠错 cases (SPEC §10): the bureau and inspectors open a case and gather its facts and
        /// checklist; only an inspector decides, clears a name and records the follow-up visits;
        /// leaders read. A published clearing of name is public (no account).
        case tolerance
    }

    public enum Action: String, Sendable, CaseIterable {
        case read, write, export
        /// Acting for the bureau on what others submitted: respond, decide, merge.
        case manage
    }

    public struct Actor: Sendable {
        public var roles: Set<Role>
        /// The jurisdiction of the actor's unit; objects outside it are invisible.
        public var scope: JurisdictionCode

        public init(roles: Set<Role>, scope: JurisdictionCode) {
            self.roles = roles
            self.scope = scope
        }
    }

    public enum Decision: Equatable, Sendable {
        case allowed
        /// The role may not do this at all (HTTP 403).
        case roleDenied
        /// The object lies in another jurisdiction; treated as absent (HTTP 404).
        case outOfScope
    }

    static let business: Set<Role> = [
        .leader, .bureau, .cadre, .host, .coordinator, .reviewer, .inspector,
    ]

    /// Those who speak to the government from outside it (SPEC §1): an enterprise's contact and a
    /// business-environment observer. They submit and follow what they asked for, nothing else.
    static let outside: Set<Role> = [.enterprise, .observer]

    /// Whether the person works inside the government's pipeline (a business role): only then does
    /// their unit's work become theirs to read and answer.
    public static func worksInside(_ roles: Set<Role>) -> Bool {
        !roles.isDisjoint(with: business)
    }

    /// Which roles may take which action on which resource.
    static func roles(for resource: Resource, _ action: Action) -> Set<Role> {
        switch (resource, action) {
        case (.organisation, .read): business.union([.sysAdmin, .securityAdmin])
        case (.organisation, .write): [.sysAdmin]
        case (.organisation, .export): [.sysAdmin, .leader, .bureau]
        case (.accessControl, .read): [.securityAdmin, .sysAdmin]
        case (.accessControl, .write): [.securityAdmin]
        case (.accessControl, .export): [.securityAdmin]
        case (.enterprise, .read): business
        case (.enterprise, .write): [.bureau, .host]
        case (.enterprise, .export): [.leader, .bureau]
        // tying an enterprise's account to its registry entry: the bureau
        case (.enterprise, .manage): [.bureau]
        case (.audit, .read), (.audit, .export): [.auditAdmin]
        case (.audit, .write): []
        case (.ownTokens, .manage): []
        case (.ownTokens, _): Set(Role.allCases).subtracting([.enterprise, .observer])
        case (.lead, .read), (.lead, .write): business
        // a cadre exports the own unit's leads and activities, a park its hosted projects: the list's
        // own scope, the same rows the page shows (the Exchange room reads the page's query)
        case (.lead, .export): [.leader, .bureau, .cadre]
        case (.lead, .manage): [.bureau]
        case (.project, .read): business
        case (.project, .write): [.bureau, .cadre, .host, .coordinator, .leader]
        case (.project, .export): [.leader, .bureau, .host]
        case (.project, .manage): [.bureau]
        case (.activity, .read), (.activity, .write): business
        case (.activity, .export): [.leader, .bureau, .cadre]
        case (.activity, .manage): [.bureau, .leader, .inspector]
        case (.workOrder, .read), (.workOrder, .write): business.union(outside)
        case (.workOrder, .export): [.leader, .bureau]
        case (.workOrder, .manage): [.bureau]
        case (.linkage, .read): [.bureau, .leader, .inspector]
        case (.linkage, .write), (.linkage, .manage): [.bureau]
        case (.linkage, .export): [.leader, .bureau]
        case (.settings, .read): business
        case (.settings, .manage): [.bureau]
        case (.settings, _): []
        case (.assessment, .read): business
        case (.assessment, .export): [.leader, .bureau]
        case (.assessment, .manage): [.bureau]
        case (.assessment, .write): []
        case (.evaluation, .read): business
        case (.evaluation, .write), (.evaluation, .manage): [.bureau]
        case (.evaluation, .export): [.leader, .bureau]
        case (.tolerance, .read): [.inspector, .bureau, .leader]
        case (.tolerance, .write): [.inspector, .bureau]
        case (.tolerance, .manage), (.tolerance, .export): [.inspector]
        case (_, .manage): []
        }
    }

    public static func decide(
        _ actor: Actor, _ action: Action, _ resource: Resource, in objectScope: JurisdictionCode? = nil
    ) -> Decision {
        guard !actor.roles.isDisjoint(with: roles(for: resource, action)) else { return .roleDenied }
        if let objectScope, !actor.scope.contains(objectScope) { return .outOfScope }
        return .allowed
    }
}
