import Testing

@testable import Domain

@Suite("响应时限、漏斗与驻点月报")
struct LeadRulesTests {
    @Test func largeLeadsGetTheOneThreeFiveClock() {
        // a 1.2亿元 lead received the day before National Day 2025
        let deadlines = ResponseClock.standard.deadlines(submitted: CivilDate("2025-09-30")!, investment: .major(120_000_000))
        #expect(deadlines.respond == CivilDate("2025-10-09"))
        #expect(deadlines.assess == CivilDate("2025-10-11"))
        #expect(deadlines.feedback == CivilDate("2025-10-14"))
        #expect(ResponseClock.standard.tier(for: .major(5_000_000)).feedbackDays == 15)
    }

    @Test func lateIsLateEvenWhenDone() {
        let deadline = CivilDate("2026-11-20")!
        #expect(ResponseClock.isLate(deadline: deadline, doneOn: CivilDate("2026-11-23"), today: CivilDate("2026-11-24")!))
        #expect(!ResponseClock.isLate(deadline: deadline, doneOn: deadline, today: CivilDate("2026-12-01")!))
        #expect(ResponseClock.isLate(deadline: deadline, doneOn: nil, today: CivilDate("2026-11-21")!))
    }

    @Test func aClosedLeadIsNotLateForAStepItNoLongerNeeded() {
        let deadline = CivilDate("2026-11-25")!
        let today = CivilDate("2026-12-01")!
        // merged on 11-24 before any assessment: not late for the assessment
        #expect(!ResponseClock.isLate(deadline: deadline, doneOn: nil, today: today, leadOpen: false))
        // still open and not assessed: late
        #expect(ResponseClock.isLate(deadline: deadline, doneOn: nil, today: today, leadOpen: true))
        // closed, but the step was done late: stays late
        #expect(ResponseClock.isLate(deadline: deadline, doneOn: CivilDate("2026-11-26"), today: today, leadOpen: false))
    }
}

@Suite("金额门槛按人民币比较")
struct CurrencyThresholdTests {
    // November 2026: 1 USD = 7.1000 元, 1 JPY = 0.0466 元
    let rates = ExchangeRates(rates: [.usd: ["2026-11": 71_000], .jpy: ["2026-11": 466]])
    let day = CivilDate("2026-11-20")!

    @Test func yenAreNotMajorForTheirNumberOfDigits() throws {
        // 1.5亿日元 is about 699万元: neither major nor on the one-day clock
        let yen = Money.major(150_000_000, .jpy)
        #expect(try !ProjectRules.isMajor(yen, on: day, rates: rates))
        let deadlines = try ResponseClock.standard.deadlines(submitted: day, investment: yen, rates: rates)
        #expect(deadlines == ResponseClock.standard.deadlines(submitted: day, investment: .major(6_990_000)))
        #expect(deadlines.respond == WorkingCalendar.china.adding(workingDays: 3, to: day))
    }

    @Test func dollarsAreMajorForTheirValue() throws {
        // 9000万美元 is about 6.39亿元: major, with the 1 / 3 / 5 working-day clock
        let dollars = Money.major(90_000_000, .usd)
        #expect(try ProjectRules.isMajor(dollars, on: day, rates: rates))
        let deadlines = try ResponseClock.standard.deadlines(submitted: day, investment: dollars, rates: rates)
        #expect(deadlines.respond == WorkingCalendar.china.adding(workingDays: 1, to: day))
        #expect(deadlines.feedback == WorkingCalendar.china.adding(workingDays: 5, to: day))
    }

    @Test func yuanNeedNoRateAndAMissingRateIsNamed() throws {
        #expect(try ProjectRules.isMajor(.major(100_000_000), on: day, rates: ExchangeRates()))
        #expect(try !ProjectRules.isMajor(.major(99_999_999), on: day, rates: ExchangeRates()))
        #expect(throws: ExchangeRates.MissingRate(currency: .eur, month: "2026-11")) {
            try ProjectRules.isMajor(.major(20_000_000, .eur), on: day, rates: rates)
        }
    }
}
