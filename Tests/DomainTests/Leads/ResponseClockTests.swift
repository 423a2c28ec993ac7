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
