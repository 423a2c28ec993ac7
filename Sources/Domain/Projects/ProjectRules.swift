/// Who answers for a project and what it may record (SPEC §5): the three accountable roles, the
/// major-project threshold, who may report a stage, and when money may be entered.
public enum ProjectRules {
    /// Projects at or above this amount get a responsible leader (包保领导); 1亿元 unless the
    /// jurisdiction set another (`JurisdictionSettings`).
    public static let defaultMajorThreshold = JurisdictionSettings.standard.majorThreshold

    /// A host unit answers whether it hosts a project within five working days of 入库 (the SPEC
    /// sets no day; this one makes an unanswered project turn red on the host's workbench).
    public static let hostAnswerWorkingDays = 5

    public static func hostAnswerBy(acceptedOn: CivilDate, calendar: WorkingCalendar = .china) -> CivilDate {
        calendar.adding(workingDays: hostAnswerWorkingDays, to: acceptedOn)
    }

    /// Whether an amount in CNY reaches the threshold. Amounts in other currencies go through
    /// `isMajor(_:on:rates:)`: 1.5亿日元 is about 700万元, not a major project.
    static func isMajor(cny amount: Money, threshold: Money = defaultMajorThreshold) -> Bool {
        amount.minorUnits >= threshold.minorUnits
    }

    /// Whether an amount in any currency reaches the threshold, at the month's rate.
    public static func isMajor(_ amount: Money, on date: CivilDate, rates: ExchangeRates, threshold: Money = defaultMajorThreshold)
        throws(ExchangeRates.MissingRate) -> Bool
    {
        isMajor(cny: try rates.requireCNY(amount, on: date), threshold: threshold)
    }

    /// The host unit's answer (承接): a decline needs a reason and goes to the bureau, never silent.
    public enum HostStatus: String, CaseIterable, Codable, Sendable {
        case pending, accepted, declined
    }

    /// The people who answer for a project, as ids.
    public struct Owners: Sendable {
        public var attractors: Set<String>
        public var hostUnit: String
        public var coordinators: Set<String>
        public var leader: String?

        public init(attractors: Set<String>, hostUnit: String, coordinators: Set<String>, leader: String?) {
            self.attractors = attractors
            self.hostUnit = hostUnit
            self.coordinators = coordinators
            self.leader = leader
        }

        /// What ties a person to the project, for `AccessPolicy`: those who answer for it (an
        /// attractor, the host unit, the responsible leader) are accountable and report its stages;
        /// coordinating units are involved (they contribute activities and see it, not stages).
        public func ties(person: String, unit: String) -> AccessPolicy.Ties {
            var ties: AccessPolicy.Ties = []
            if attractors.contains(person) || unit == hostUnit || leader == person { ties.formUnion([.accountable, .involved]) }
            if coordinators.contains(unit) { ties.insert(.involved) }
            if unit == hostUnit { ties.insert(.ownUnit) }
            return ties
        }
    }

    public enum FundsProblem: Error, Equatable, Sendable {
        /// Funds arrive on a signed contract; a terminated or not yet signed project takes none.
        case notSigned
        case terminated
        case notPositive
        /// More than 1万亿 in one entry is a typing error, not an investment.
        case absurd
        case inFuture
        case beforeSigning
    }

    public static let largestEntry: Int64 = 1_000_000_000_000 * 100

    /// A funds-arrival entry may be recorded for a signed project, dated between signing and today.
    public static func checkFunds(
        stage: ProjectStage, heldAt: ProjectStage?, signedOn: CivilDate?, amount: Money, arrivedOn: CivilDate, today: CivilDate
    ) throws(FundsProblem) {
        if stage == .terminated { throw .terminated }
        let effective = stage == .onHold ? (heldAt ?? .negotiating) : stage
        guard effective != .negotiating, let signedOn else { throw .notSigned }
        guard amount.minorUnits > 0 else { throw .notPositive }
        guard amount.minorUnits <= largestEntry else { throw .absurd }
        guard arrivedOn <= today else { throw .inFuture }
        guard arrivedOn >= signedOn else { throw .beforeSigning }
    }

    public enum DateProblem: Error, Equatable, Sendable {
        case inFuture
        /// The stage the project is in and the day it entered it (入库 for 在谈).
        case beforePrevious(ProjectStage, CivilDate)
    }

    /// A stage's date lies between the previous stage's (`since`, the day the project entered
    /// `stage`) and today.
    public static func checkStageDate(_ date: CivilDate, after stage: ProjectStage, since: CivilDate?, today: CivilDate)
        throws(DateProblem)
    {
        guard date <= today else { throw .inFuture }
        if let since, date < since { throw .beforePrevious(stage, since) }
    }
}
