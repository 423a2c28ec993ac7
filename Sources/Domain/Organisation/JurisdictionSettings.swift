/// What a jurisdiction's bureau sets for itself (SPEC §4–§5): the lead response clock's tiers,
/// the major-project threshold and the stall limits. Amounts are CNY minor units: a lead or a
/// contract in another currency is converted at the month's rate before it is compared.
public struct JurisdictionSettings: Sendable, Equatable, Codable {
    public struct ClockTier: Sendable, Equatable, Codable {
        /// Leads of at least this much (CNY minor units) fall in this tier; the last tier's is 0.
        public var minimumMinorUnits: Int64
        /// Working days to a first response, to an assessment, to feedback to whoever brought it.
        public var respondDays: Int
        public var assessDays: Int
        public var feedbackDays: Int

        public init(minimumMinorUnits: Int64, respondDays: Int, assessDays: Int, feedbackDays: Int) {
            self.minimumMinorUnits = minimumMinorUnits
            self.respondDays = respondDays
            self.assessDays = assessDays
            self.feedbackDays = feedbackDays
        }
    }

    /// Three tiers, the largest leads first.
    public var clockTiers: [ClockTier]
    /// Projects at or above this (CNY minor units) are major and need a responsible leader.
    public var majorThresholdMinorUnits: Int64
    /// A signed project not started after this many days is listed as stalled.
    public var signedNotStartedDays: Int
    /// A project with no activity of any kind for this many days is listed as quiet.
    public var quietDays: Int

    public init(clockTiers: [ClockTier], majorThresholdMinorUnits: Int64, signedNotStartedDays: Int, quietDays: Int) {
        self.clockTiers = clockTiers
        self.majorThresholdMinorUnits = majorThresholdMinorUnits
        self.signedNotStartedDays = signedNotStartedDays
        self.quietDays = quietDays
    }

    /// The rules quoted in SPEC §4–§5: ≥ 1亿元 1 / 3 / 5 working days, ≥ 1000万元 2 / 5 / 10,
    /// smaller 3 / 10 / 15; major from 1亿元; stalled after 180 days signed, quiet after 60.
    public static let standard = JurisdictionSettings(
        clockTiers: [
            ClockTier(minimumMinorUnits: 100_000_000 * 100, respondDays: 1, assessDays: 3, feedbackDays: 5),
            ClockTier(minimumMinorUnits: 10_000_000 * 100, respondDays: 2, assessDays: 5, feedbackDays: 10),
            ClockTier(minimumMinorUnits: 0, respondDays: 3, assessDays: 10, feedbackDays: 15),
        ],
        majorThresholdMinorUnits: 100_000_000 * 100, signedNotStartedDays: 180, quietDays: 60)

    public var majorThreshold: Money { Money(minorUnits: majorThresholdMinorUnits) }

    /// The bounds a setting must keep; outside them it is a typing error, not a policy.
    public enum Bounds {
        public static let clockDays = 1...60
        /// 100万元 to 1000亿元, for a tier's minimum and the major threshold alike.
        public static let amountMinorUnits: ClosedRange<Int64> = 1_000_000 * 100...100_000_000_000 * 100
        public static let signedNotStartedDays = 30...1095
        public static let quietDays = 7...365
    }

    public enum Problem: Error, Equatable, Sendable {
        case tierCount
        /// A tier's minimum outside the bounds, or not below the tier before it (tiers 1 and 2).
        case tierMinimum(tier: Int)
        case tierDays(tier: Int)
        /// Respond, then assess, then feedback: a later step may not fall due before an earlier.
        case stepsOutOfOrder(tier: Int)
        /// A larger lead is never answered more slowly than a smaller one.
        case slowerThanSmaller(tier: Int)
        case majorThreshold
        case signedNotStarted
        case quiet
    }

    /// Every problem at once, so a form can mark each field.
    public func problems() -> [Problem] {
        var problems: [Problem] = clockTiers.count == 3 ? [] : [.tierCount]
        for (index, tier) in clockTiers.enumerated() where clockTiers.count == 3 {
            let number = index + 1
            if index < 2 {
                let below = index == 0 ? nil : clockTiers[index - 1].minimumMinorUnits
                if !Bounds.amountMinorUnits.contains(tier.minimumMinorUnits) || below.map({ tier.minimumMinorUnits >= $0 }) == true {
                    problems.append(.tierMinimum(tier: number))
                }
            } else if tier.minimumMinorUnits != 0 {
                problems.append(.tierMinimum(tier: number))
            }
            let days = [tier.respondDays, tier.assessDays, tier.feedbackDays]
            if !days.allSatisfy(Bounds.clockDays.contains) {
                problems.append(.tierDays(tier: number))
            } else if !(tier.respondDays <= tier.assessDays && tier.assessDays <= tier.feedbackDays) {
                problems.append(.stepsOutOfOrder(tier: number))
            } else if index > 0 {
                let larger = clockTiers[index - 1]
                if larger.respondDays > tier.respondDays || larger.assessDays > tier.assessDays || larger.feedbackDays > tier.feedbackDays {
                    problems.append(.slowerThanSmaller(tier: number - 1))
                }
            }
        }
        if !Bounds.amountMinorUnits.contains(majorThresholdMinorUnits) { problems.append(.majorThreshold) }
        if !Bounds.signedNotStartedDays.contains(signedNotStartedDays) { problems.append(.signedNotStarted) }
        if !Bounds.quietDays.contains(quietDays) { problems.append(.quiet) }
        return problems
    }
}

/// Every setting of every jurisdiction with the day it takes effect. A setting reaches the
/// jurisdictions inside its own until they set their own; before any, the standard rules hold.
public struct SettingsSchedule: Sendable {
    public struct Entry: Sendable, Equatable {
        public var jurisdiction: JurisdictionCode
        public var effectiveFrom: CivilDate
        public var settings: JurisdictionSettings

        public init(jurisdiction: JurisdictionCode, effectiveFrom: CivilDate, settings: JurisdictionSettings) {
            self.jurisdiction = jurisdiction
            self.effectiveFrom = effectiveFrom
            self.settings = settings
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// The settings that hold for `code` on `date`, and the entry they come from (nil: the
    /// standard rules): the jurisdiction's own latest entry in effect, else its enclosing one's.
    public func inEffect(for code: JurisdictionCode, on date: CivilDate) -> (settings: JurisdictionSettings, source: Entry?) {
        var current: JurisdictionCode? = code
        while let level = current {
            if let entry = latest(of: level, on: date) { return (entry.settings, entry) }
            current = level.parent
        }
        return (.standard, nil)
    }

    /// For a list over many jurisdictions: each jurisdiction with an entry in effect on `date`,
    /// the most specific first, so the first whose code contains a project's is the one that holds.
    public func inEffectByJurisdiction(on date: CivilDate) -> [(JurisdictionCode, JurisdictionSettings)] {
        Set(entries.map(\.jurisdiction)).compactMap { code in latest(of: code, on: date).map { (code, $0.settings) } }
            .sorted { ($0.0.level, $0.0.value) > ($1.0.level, $1.0.value) }
    }

    private func latest(of code: JurisdictionCode, on date: CivilDate) -> Entry? {
        entries.filter { $0.jurisdiction == code && $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }

    public enum DateProblem: Error, Equatable, Sendable {
        /// A rule is never set for the past: what was decided under the old one stays decided.
        case inPast(today: CivilDate)
        case tooFar(latest: CivilDate)
        /// An entry already in effect is kept as it was; a change takes a later date.
        case alreadyInForce(CivilDate)
    }

    /// How far ahead a setting may be dated.
    public static let horizonDays = 366

    /// A new entry takes effect today or later (within a year); one already in effect is not replaced.
    public func checkEffectiveDate(_ from: CivilDate, for code: JurisdictionCode, today: CivilDate) throws(DateProblem) {
        guard from >= today else { throw .inPast(today: today) }
        let latest = today.adding(days: Self.horizonDays)
        guard from <= latest else { throw .tooFar(latest: latest) }
        if from == today, entries.contains(where: { $0.jurisdiction == code && $0.effectiveFrom == from }) {
            throw .alreadyInForce(from)
        }
    }
}
