/// A project's history as the bureau counts it (SPEC §5): only verified (核验) transitions count,
/// and from them the stage the project stands at and how long it spent in each stage.
public struct StageTimeline: Sendable {
    public struct Transition: Sendable {
        public var to: ProjectStage
        public var on: CivilDate
        public var verified: Bool

        public init(to: ProjectStage, on: CivilDate, verified: Bool) {
            self.to = to
            self.on = on
            self.verified = verified
        }
    }

    /// In the order reported; the project starts `negotiating` on `acceptedOn`.
    public var acceptedOn: CivilDate
    public var transitions: [Transition]

    public init(acceptedOn: CivilDate, transitions: [Transition]) {
        self.acceptedOn = acceptedOn
        self.transitions = transitions
    }

    var counted: [Transition] { transitions.filter(\.verified) }

    /// The stage the assessment sees: the last verified one.
    public var verifiedStage: ProjectStage { counted.last?.to ?? .negotiating }

    /// The date of the first verified transition into `stage`.
    public func verifiedDate(of stage: ProjectStage) -> CivilDate? { counted.first { $0.to == stage }?.on }

    /// Days spent in each stage of the main line, from verified transitions; the current stage
    /// counts up to `today`. A stage passed through on the same day counts 0.
    public func daysInStage(today: CivilDate) -> [ProjectStage: Int] {
        var result: [ProjectStage: Int] = [:]
        var current = ProjectStage.negotiating
        var since = acceptedOn
        for transition in counted {
            result[current, default: 0] += max(0, since.days(until: transition.on))
            current = transition.to
            since = transition.on
        }
        if current != .terminated, current != .producing { result[current, default: 0] += max(0, since.days(until: today)) }
        return result
    }
}
