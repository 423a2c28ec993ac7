/// What a project's reports establish, as one source for every figure (SPEC §5, "Verified
/// facts"): the stage it stands at, the date it entered each stage of the main line, and its
/// signing with the contract amount. Read over the verified reports it is what the board, the
/// funnel, a resident office's month, the stall rule, the 278 days and (next) the assessment
/// count; read over every report it is what was reported, shown beside the counted figure and
/// never inside it.
///
/// A later report that goes back along the main line (a correction) withdraws what the reports
/// it passes back over had set: a signing corrected back to 在谈 no longer counts, with its
/// contract amount.
public struct ProjectFacts: Equatable, Sendable {
    /// One stage report as the facts read it.
    public struct Report: Sendable {
        public var to: ProjectStage
        public var on: CivilDate
        public var verified: Bool
        /// The contract amount a report of signing carries.
        public var contract: Money?

        public init(to: ProjectStage, on: CivilDate, verified: Bool, contract: Money? = nil) {
            self.to = to
            self.on = on
            self.verified = verified
            self.contract = contract
        }
    }

    public var stage: ProjectStage
    /// The day the project entered each stage after 在谈 that it still stands at or past (在谈
    /// itself dates from acceptance, which is not a report).
    public var entered: [ProjectStage: CivilDate]
    public var signedOn: CivilDate?
    public var contract: Money?

    /// The facts the given reports establish, in the order they were reported.
    public static func from(_ reports: [Report]) -> ProjectFacts {
        var facts = ProjectFacts(stage: .negotiating, entered: [:], signedOn: nil, contract: nil)
        for report in reports {
            if let position = report.to.position {
                // a move along the main line: what lies beyond the new stage is withdrawn
                for later in ProjectStage.line.dropFirst(position + 1) { facts.entered[later] = nil }
                if position < 1 {
                    facts.signedOn = nil
                    facts.contract = nil
                }
                // entering a stage dates it; coming back to it (resuming after a hold) does not
                let entering = facts.entered[report.to] == nil
                if entering, report.to != .negotiating { facts.entered[report.to] = report.on }
                if report.to == .signed {
                    if entering { facts.signedOn = report.on }
                    facts.contract = report.contract ?? facts.contract
                }
            }
            facts.stage = report.to
        }
        return facts
    }

    /// Counted (verified) and reported facts of one project.
    public static func split(_ reports: [Report]) -> (verified: ProjectFacts, reported: ProjectFacts) {
        (from(reports.filter(\.verified)), from(reports))
    }

    /// A signing: its day and contract amount.
    public struct Signing: Equatable, Sendable {
        public var on: CivilDate
        public var contract: Money

        public init(on: CivilDate, contract: Money) {
            self.on = on
            self.contract = contract
        }
    }

    public var signing: Signing? {
        guard let signedOn, let contract else { return nil }
        return Signing(on: signedOn, contract: contract)
    }

    /// The signing that is reported but not (yet) counted: a figure's "待核验" part, shown beside.
    public static func pendingSigning(verified: Signing?, reported: Signing?) -> Signing? {
        guard let reported, reported != verified else { return nil }
        return reported
    }

    /// Days from the counted signing to the counted production, as seed [002] counts them.
    public var daysToProduction: Int? {
        guard let signed = entered[.signed], let producing = entered[.producing] else { return nil }
        return StageMachine.daysToProduction(signed: signed, producing: producing)
    }
}
