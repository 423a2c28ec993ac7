/// 年终座次 [000]: at the year-end meeting every unit sits in one of four blocks — 完成席 (the
/// target met), 签约席 (signed, under the target), 意向席 (only negotiating), 零效果席 (nothing) —
/// and each seat has its consequences: the 农机局 on 零效果席 in 2015 lost its award eligibility and
/// its staff their 7,000 元 bonus; with 5亿元 signed against a 2.5亿元 target it moved to 完成席.
/// The results are the bureau's verified ones only (`ProjectFacts`): a signing not yet verified
/// seats nobody.
public enum YearEndSeat: String, CaseIterable, Codable, Sendable {
    case completed, signed, intent, zeroEffect

    /// The year's rules, set by the bureau before the year's seating is published.
    public struct Rules: Equatable, Sendable {
        /// Share of the target that seats a unit in 完成席, in tenths of a percent (1000 = 100%).
        public var completionPermille: Int64
        /// How many live negotiating projects make 意向席.
        public var negotiatingForIntent: Int
        /// What each seat brings (a seat not listed brings nothing).
        public var consequences: [YearEndSeat: Consequence]

        public init(
            completionPermille: Int64 = 1000, negotiatingForIntent: Int = 1, consequences: [YearEndSeat: Consequence] = Rules.seed000
        ) {
            (self.completionPermille, self.negotiatingForIntent, self.consequences) = (
                completionPermille, negotiatingForIntent, consequences
            )
        }

        /// [000]'s: 零效果席 loses award eligibility and the 7,000 元 year-end bonus per person, and
        /// its head is talked to by the leadership.
        public static let seed000: [YearEndSeat: Consequence] = [
            .zeroEffect: Consequence(awardEligible: false, bonusWithheldPerPerson: Money(minorUnits: 700_000), leadershipTalk: true)
        ]
    }

    public struct Consequence: Equatable, Sendable {
        public var awardEligible: Bool
        public var bonusWithheldPerPerson: Money?
        public var leadershipTalk: Bool

        public init(awardEligible: Bool = true, bonusWithheldPerPerson: Money? = nil, leadershipTalk: Bool = false) {
            (self.awardEligible, self.bonusWithheldPerPerson, self.leadershipTalk) = (awardEligible, bonusWithheldPerPerson, leadershipTalk)
        }
    }

    /// What a unit did in the year, as the bureau verified it.
    public struct Results: Equatable, Sendable {
        /// The deciding measure (contract investment credited to the unit, in CNY), verified.
        public var verified: Money
        public var target: Money
        /// Projects credited to the unit whose signing the bureau verified this year.
        public var verifiedSignings: Int
        /// Live projects of the unit still negotiating at the year's end.
        public var negotiating: Int

        public init(verified: Money, target: Money, verifiedSignings: Int, negotiating: Int) {
            (self.verified, self.target, self.verifiedSignings, self.negotiating) = (verified, target, verifiedSignings, negotiating)
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        /// Targets and results compare in one currency (CNY, converted at the month's rate before).
        case currencyMismatch
    }

    /// The seat the results earn by the rules: the target met (with a positive target), else any
    /// verified signing, else enough negotiating projects, else nothing.
    public static func seat(_ results: Results, rules: Rules = Rules()) throws(Problem) -> YearEndSeat {
        guard results.verified.currency == results.target.currency else { throw .currencyMismatch }
        let target = results.target.minorUnits
        if target > 0, Achievement.reaches(results.verified.minorUnits, of: target, permille: rules.completionPermille) {
            return .completed
        }
        if results.verifiedSignings > 0 || results.verified.minorUnits > 0 { return .signed }
        if results.negotiating >= rules.negotiatingForIntent { return .intent }
        return .zeroEffect
    }
}
