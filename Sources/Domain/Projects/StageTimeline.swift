/// How long a project spent in each stage, from its verified (核验) transitions only (SPEC §5). The
/// stage it stands at, its stage dates and its signing are `ProjectFacts`, the one source of those.
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
