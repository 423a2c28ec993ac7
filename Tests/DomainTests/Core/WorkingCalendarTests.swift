import Testing

@testable import Domain

@Suite("工作日历")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar.china

    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func civilDateArithmetic() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(CivilDate(dayNumber: date("2026-11-21").dayNumber) == date("2026-11-21"))
        #expect(date("2026-11-21").weekday == 6)  // a Saturday
        #expect(CivilDate("2026-02-29") == nil)
        #expect(CivilDate("2024-02-29") != nil)
    }

    @Test func civilDateReadsOnlyTheTenCharacterForm() {
        #expect(CivilDate("2022-04-28").map { [$0.year, $0.month, $0.day] } == [2022, 4, 28])
        for text in ["2022-4-28", "2022-04-28 ", "22-04-28", "2022/04/28", "2022-+4-28", "２０２２-04-28", "2022-04-2x", "", "2022-13-01"] {
            #expect(CivilDate(text) == nil, "\(text)")
        }
        // every day of a leap year reads back as it is written
        var day = date("2024-01-01")
        while day.year == 2024 {
            #expect(CivilDate(day.description) == day)
            day = day.adding(days: 1)
        }
    }

    @Test func nationalDayIsSkippedAndTheMakeUpSaturdayCounts() {
        // 2025: 10-1 … 10-8 off, Saturday 10-11 is a make-up workday
        let start = date("2025-09-30")
        #expect(calendar.adding(workingDays: 1, to: start) == date("2025-10-09"))
        #expect(calendar.adding(workingDays: 3, to: start) == date("2025-10-11"))
        #expect(calendar.adding(workingDays: 5, to: start) == date("2025-10-14"))
        // and Sunday 9-28 before it was a working day too
        #expect(calendar.isWorkingDay(date("2025-09-28")))
    }

    @Test func springFestival2026WithItsTwoMakeUpSaturdays() {
        // 2-15 … 2-23 off; Saturdays 2-14 and 2-28 worked
        #expect(calendar.adding(workingDays: 1, to: date("2026-02-13")) == date("2026-02-14"))
        #expect(calendar.adding(workingDays: 2, to: date("2026-02-13")) == date("2026-02-24"))
        #expect(calendar.workingDays(after: date("2026-02-13"), through: date("2026-02-28")) == 6)
    }

    @Test func ordinaryWeekSkipsTheWeekend() {
        // Friday 2026-11-20 + 1 working day = Monday 11-23
        #expect(calendar.adding(workingDays: 1, to: date("2026-11-20")) == date("2026-11-23"))
    }
}
