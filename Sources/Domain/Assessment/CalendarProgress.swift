/// 序时进度: how much of the year has passed by the end of a day — the share of its target a unit
/// should have reached by then ("时间过半、任务过半"). By 2026-11-27, 331 of 365 days: 90.7%.
public enum CalendarProgress {
    /// Days of the year passed by the end of `date`, and the year's days (366 in a leap year).
    public static func elapsed(on date: CivilDate) -> (days: Int, of: Int) {
        let first = CivilDate(year: date.year, month: 1, day: 1)!
        let next = CivilDate(year: date.year + 1, month: 1, day: 1)!
        return (first.days(until: date) + 1, first.days(until: next))
    }

    /// The calendar's share in tenths of a percent (907 = 90.7%).
    public static func permille(on date: CivilDate) -> Int64 {
        let (days, of) = elapsed(on: date)
        return Percent.permille(Int64(days), of: Int64(of)) ?? 0
    }

    /// Where a unit stands against the calendar.
    public enum Pace: String, CaseIterable, Sendable {
        /// At or beyond 序时进度 (超序时).
        case ahead
        /// Below it by no more than the tolerance (基本符合序时).
        case onPace
        /// Further below (滞后于序时进度): the bulletin names it.
        case behind
    }

    /// A bureau's usual leeway: "低于序时进度 5 个百分点以内" still reads as keeping pace.
    public static let defaultTolerancePermille: Int64 = 50

    /// `done` of `target` against the calendar on `date`; nil without a positive target.
    public static func pace(done: Int64, target: Int64, on date: CivilDate, tolerancePermille: Int64 = defaultTolerancePermille)
        -> Pace?
    {
        guard target > 0, done >= 0 else { return nil }
        // done/target against days/of, cross-multiplied at double width: no rounding decides
        let (days, of) = elapsed(on: date)
        if Achievement.atLeast(done, Int64(of), target, Int64(days)) { return .ahead }
        // within the tolerance below: done/target ≥ days/of − tolerance/1000
        return Achievement.atLeast(done, Int64(of) * 1000, target, Int64(days) * 1000 - Int64(of) * tolerancePermille)
            ? .onPace : .behind
    }
}
