/// Working days on the official Chinese calendar: weekends are off, public holidays are off, and
/// the make-up workdays (调休上班) announced each year by the State Council are on. The data is
/// the published notices; a year that is not in it counts weekends only.
public struct WorkingCalendar: Sendable {
    public let holidays: Set<CivilDate>
    public let makeUpWorkdays: Set<CivilDate>
    public let coveredYears: Set<Int>

    public init(holidays: Set<CivilDate>, makeUpWorkdays: Set<CivilDate>, coveredYears: Set<Int>) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.coveredYears = coveredYears
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if makeUpWorkdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return date.weekday <= 5
    }

    /// The date `count` working days after `start` (the start day itself is not counted): a
    /// request received on 9-30 with one working day to answer is due on the next working day.
    public func adding(workingDays count: Int, to start: CivilDate) -> CivilDate {
        var date = start
        var remaining = max(0, count)
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not later).
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var date = start.adding(days: 1)
        while date <= end {
            if isWorkingDay(date) { count += 1 }
            date = date.adding(days: 1)
        }
        return count
    }

    /// The State Council's notices for 2024, 2025 and 2026 (国办发明电).
    public static let china: WorkingCalendar = {
        func days(_ y: Int, _ m: Int, _ from: Int, _ to: Int) -> [CivilDate] {
            (from...to).compactMap { CivilDate(year: y, month: m, day: $0) }
        }
        func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? { CivilDate(year: y, month: m, day: d) }
        let holidays: [CivilDate] =
            // 2024
            days(2024, 1, 1, 1) + days(2024, 2, 10, 17) + days(2024, 4, 4, 6) + days(2024, 5, 1, 5)
            + days(2024, 6, 10, 10) + days(2024, 9, 15, 17) + days(2024, 10, 1, 7)
            // 2025
            + days(2025, 1, 1, 1) + days(2025, 1, 28, 31) + days(2025, 2, 1, 4) + days(2025, 4, 4, 6)
            + days(2025, 5, 1, 5) + days(2025, 5, 31, 31) + days(2025, 6, 1, 2) + days(2025, 10, 1, 8)
            // 2026
            + days(2026, 1, 1, 3) + days(2026, 2, 15, 23) + days(2026, 4, 4, 6) + days(2026, 5, 1, 5)
            + days(2026, 6, 19, 21) + days(2026, 9, 25, 27) + days(2026, 10, 1, 7)
        let makeUp: [CivilDate?] = [
            day(2024, 2, 4), day(2024, 2, 18), day(2024, 4, 7), day(2024, 4, 28), day(2024, 5, 11), day(2024, 9, 14),
            day(2024, 9, 29), day(2024, 10, 12),
            day(2025, 1, 26), day(2025, 2, 8), day(2025, 4, 27), day(2025, 9, 28), day(2025, 10, 11),
            day(2026, 1, 4), day(2026, 2, 14), day(2026, 2, 28), day(2026, 5, 9), day(2026, 9, 20), day(2026, 10, 10),
        ]
        return WorkingCalendar(holidays: Set(holidays), makeUpWorkdays: Set(makeUp.compactMap { $0 }), coveredYears: [2024, 2025, 2026])
    }()
}
