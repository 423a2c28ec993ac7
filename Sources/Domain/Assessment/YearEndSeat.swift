/// 年终座次 [000]: at the year-end meeting every unit sits in one of four blocks — 完成席 (the
/// target met), 签约席 (results, under the target), 意向席 (only negotiating), 零效果席 (nothing) —
/// and each seat has its consequences: the 农机局 on 零效果席 in 2015 lost its award eligibility and
/// its staff their 7,000 元 bonus; with 5亿元 signed against a 2.5亿元 target it moved to 完成席.
/// The results are the bureau's verified ones only (`CreditedResults` over `ProjectFacts`): a
/// signing not yet verified seats nobody.
public enum YearEndSeat: String, CaseIterable, Codable, Sendable {
    case completed, signed, intent, zeroEffect

    public var label: String {
        switch self {
        case .completed: "完成席"
        case .signed: "签约席"
        case .intent: "意向席"
        case .zeroEffect: "零效果席"
        }
    }

    public var englishLabel: String {
        switch self {
        case .completed: "Target met"
        case .signed: "Signed"
        case .intent: "Negotiating"
        case .zeroEffect: "Zero effect"
        }
    }

    /// The year's rules, set by the bureau before the year's seating is published.
    public struct Rules: Equatable, Sendable {
        /// The measure whose target decides 完成席 (contract investment unless the bureau says).
        public var measure: ScoreFormula.Measure
        /// Share of the target that seats a unit in 完成席, in tenths of a percent (1000 = 100%).
        public var completionPermille: Int64
        /// How many of the unit's projects still 在谈 at the year's end (accepted into the pipeline,
        /// no verified signing, neither held nor terminated) make 意向席.
        public var negotiatingForIntent: Int
        /// What each seat brings (a seat not listed brings nothing).
        public var consequences: [YearEndSeat: Consequence]

        public init(
            measure: ScoreFormula.Measure = .contractInvestment, completionPermille: Int64 = 1000, negotiatingForIntent: Int = 1,
            consequences: [YearEndSeat: Consequence] = Rules.seed000
        ) {
            (self.measure, self.completionPermille, self.negotiatingForIntent, self.consequences) = (
                measure, completionPermille, negotiatingForIntent, consequences
            )
        }

        /// [000]'s: 零效果席 loses award eligibility and the 7,000 元 year-end bonus per person, and
        /// its head is talked to by the leadership.
        public static let seed000: [YearEndSeat: Consequence] = [
            .zeroEffect: Consequence(awardEligible: false, bonusWithheldPerPerson: Money(minorUnits: 700_000), leadershipTalk: true)
        ]

        public enum Problem: Error, Equatable, Sendable {
            /// Satisfaction is scored, never targeted: it cannot decide a seat.
            case measureNotTargeted
            /// The 完成席 share lies outside 50%–200%.
            case completionOutOfRange
            /// 意向席 needs from 1 to 100 negotiating projects.
            case negotiatingOutOfRange
            /// A bonus withheld is negative, not in yuan, or above 10万元 a person.
            case bonusOutOfRange(YearEndSeat)
        }

        public func problems() -> [Problem] {
            var found: [Problem] = []
            if !ScoreFormula.Measure.targeted.contains(measure) { found.append(.measureNotTargeted) }
            if !(500...2000).contains(completionPermille) { found.append(.completionOutOfRange) }
            if !(1...100).contains(negotiatingForIntent) { found.append(.negotiatingOutOfRange) }
            for seat in YearEndSeat.allCases {
                guard let bonus = consequences[seat]?.bonusWithheldPerPerson else { continue }
                if bonus.currency != .cny || !(0...10_000_000).contains(bonus.minorUnits) { found.append(.bonusOutOfRange(seat)) }
            }
            return found
        }
    }

    public struct Consequence: Equatable, Sendable {
        public var awardEligible: Bool
        public var bonusWithheldPerPerson: Money?
        public var leadershipTalk: Bool

        public init(awardEligible: Bool = true, bonusWithheldPerPerson: Money? = nil, leadershipTalk: Bool = false) {
            (self.awardEligible, self.bonusWithheldPerPerson, self.leadershipTalk) = (awardEligible, bonusWithheldPerPerson, leadershipTalk)
        }

        /// No consequence at all.
        public var isNone: Bool { awardEligible && (bonusWithheldPerPerson?.minorUnits ?? 0) == 0 && !leadershipTalk }
    }

    /// What a unit did in the year, as the bureau verified it.
    public struct Results: Equatable, Sendable {
        /// The deciding measure's verified result credited to the unit (in the measure's unit).
        public var done: Int64
        /// The unit's target for that measure, if one was set.
        public var target: Int64?
        /// Projects credited to the unit whose signing the bureau verified this year.
        public var verifiedSignings: Int
        /// The unit's projects still 在谈 at the year's end.
        public var negotiating: Int

        public init(done: Int64, target: Int64?, verifiedSignings: Int, negotiating: Int) {
            (self.done, self.target, self.verifiedSignings, self.negotiating) = (done, target, verifiedSignings, negotiating)
        }
    }

    /// The seat the results earn by the rules: the target met (with a positive target), else any
    /// verified result or signing, else enough negotiating projects, else nothing.
    public static func seat(_ results: Results, rules: Rules = Rules()) -> YearEndSeat {
        if let target = results.target, target > 0,
            Achievement.reaches(results.done, of: target, permille: rules.completionPermille)
        {
            return .completed
        }
        if results.verifiedSignings > 0 || results.done > 0 { return .signed }
        if results.negotiating >= rules.negotiatingForIntent { return .intent }
        return .zeroEffect
    }

    /// The year's consequence of a seat for a unit of `staff` people: the bonus withheld in all.
    public static func bonusWithheld(_ consequence: Consequence?, staff: Int) -> Money {
        Money(minorUnits: (consequence?.bonusWithheldPerPerson?.minorUnits ?? 0) * Int64(max(staff, 0)))
    }
}
