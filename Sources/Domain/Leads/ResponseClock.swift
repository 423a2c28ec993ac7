/// The lead response clock (SPEC §4): by the lead's size, working days to a first response, to an
/// assessment, and to feedback to whoever brought the lead. Configurable per city; the default is
/// the real rule quoted in the spec for leads of 1亿元 and more.
public struct ResponseClock: Sendable, Equatable {
    /// A tier is the one a jurisdiction sets (`JurisdictionSettings.ClockTier`): leads of at least
    /// its minimum (CNY minor units) get its working days.
    public typealias Tier = JurisdictionSettings.ClockTier

    public var tiers: [Tier]

    public init(tiers: [Tier]) { self.tiers = tiers.sorted { $0.minimumMinorUnits > $1.minimumMinorUnits } }

    /// The jurisdiction's tiers as its bureau set them (`JurisdictionSettings`).
    public init(_ settings: JurisdictionSettings) { self.init(tiers: settings.clockTiers) }

    /// ≥ 1亿元: 1 / 3 / 5 working days; ≥ 1000万元: 2 / 5 / 10; smaller: 3 / 10 / 15.
    public static let standard = ResponseClock(JurisdictionSettings.standard)

    public struct Deadlines: Equatable, Sendable {
        public var respond: CivilDate
        public var assess: CivilDate
        public var feedback: CivilDate
    }

    /// The tier of an amount in CNY (callers outside convert first: `deadlines(…rates:)`).
    func tier(for investment: Money) -> Tier {
        tiers.first { investment.minorUnits >= $0.minimumMinorUnits } ?? tiers[tiers.count - 1]
    }

    /// The deadlines of a lead in any currency: its tier is judged in CNY at the month's rate.
    public func deadlines(submitted: CivilDate, investment: Money, rates: ExchangeRates, calendar: WorkingCalendar = .china)
        throws(ExchangeRates.MissingRate) -> Deadlines
    {
        deadlines(submitted: submitted, investment: try rates.requireCNY(investment, on: submitted), calendar: calendar)
    }

    func deadlines(submitted: CivilDate, investment: Money, calendar: WorkingCalendar = .china) -> Deadlines {
        let tier = tier(for: investment)
        return Deadlines(
            respond: calendar.adding(workingDays: tier.respondDays, to: submitted),
            assess: calendar.adding(workingDays: tier.assessDays, to: submitted),
            feedback: calendar.adding(workingDays: tier.feedbackDays, to: submitted))
    }

    /// Late when not done by the end of the deadline day; done late stays late.
    public static func isLate(deadline: CivilDate, doneOn: CivilDate?, today: CivilDate) -> Bool {
        if let doneOn { return doneOn > deadline }
        return today > deadline
    }

    /// A step of a lead's clock: late as above, except that a lead closed without the step (merged
    /// before any assessment, say) is not counted late for a step it no longer needed.
    public static func isLate(deadline: CivilDate, doneOn: CivilDate?, today: CivilDate, leadOpen: Bool) -> Bool {
        if doneOn == nil, !leadOpen { return false }
        return isLate(deadline: deadline, doneOn: doneOn, today: today)
    }
}
