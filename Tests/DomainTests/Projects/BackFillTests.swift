import Testing

@testable import Domain

/// 补录 by seed [002]'s own dates: a project signed 2022-04-28 and producing 2023-01-31, entered
/// from the bureau's ledger on 2026-11-21.
@Suite("补录规则")
struct BackFillTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func recordedMoreThanAWeekAfterItHappenedIsBackFilled() {
        let today = date("2026-11-21")
        #expect(BackFill.isBackFilled(happened: date("2022-04-28"), recorded: today))
        #expect(BackFill.isBackFilled(happened: date("2023-01-31"), recorded: today))
        // last week is ordinary work; the eighth day back is 补录
        #expect(!BackFill.isBackFilled(happened: date("2026-11-14"), recorded: today))
        #expect(BackFill.isBackFilled(happened: date("2026-11-13"), recorded: today))
        // stored days; an entry older than the rule (no recording day) is never marked
        #expect(BackFill.isBackFilled(happenedOn: "2022-09-30", recordedOn: "2026-11-21"))
        #expect(!BackFill.isBackFilled(happenedOn: "2022-09-30", recordedOn: nil))
        #expect(!BackFill.isBackFilled(happenedOn: "not a day", recordedOn: "2026-11-21"))
    }

    @Test func anAcceptanceDayIsPastButNotBefore2000() throws {
        let today = date("2026-11-21")
        try BackFill.checkPastDate(date("2022-03-01"), today: today)
        try BackFill.checkPastDate(today, today: today)
        #expect(throws: BackFill.Problem.inFuture) { try BackFill.checkPastDate(date("2026-11-22"), today: today) }
        #expect(throws: BackFill.Problem.tooEarly) { try BackFill.checkPastDate(date("1999-12-31"), today: today) }
    }

    @Test func aLedgerRecordsHistoryNotThisWeeksProjects() throws {
        let today = date("2026-11-21")
        // seed [002]: accepted 2022-03-01, entered from the ledger in 2026
        try BackFill.checkLedgerAcceptance(date("2022-03-01"), today: today)
        try BackFill.checkLedgerAcceptance(date("2026-11-13"), today: today)
        #expect(throws: BackFill.Problem.notHistory) { try BackFill.checkLedgerAcceptance(date("2026-11-14"), today: today) }
        #expect(throws: BackFill.Problem.notHistory) { try BackFill.checkLedgerAcceptance(today, today: today) }
        #expect(throws: BackFill.Problem.inFuture) { try BackFill.checkLedgerAcceptance(date("2026-11-22"), today: today) }
        #expect(throws: BackFill.Problem.tooEarly) { try BackFill.checkLedgerAcceptance(date("1999-12-31"), today: today) }
    }

    @Test func anAcceptanceClosesTheLeadsClockOnADayTheLeadExisted() {
        let today = date("2026-11-21")
        // seed [002] from the ledger: brought and accepted 2022-03-01 — closed then, never late
        #expect(BackFill.leadClosedOn(submitted: date("2022-03-01"), accepted: date("2022-03-01"), today: today) == date("2022-03-01"))
        // a lead of this month accepted with a 2022 date: closed today, not before it was submitted
        #expect(BackFill.leadClosedOn(submitted: date("2026-11-02"), accepted: date("2022-03-01"), today: today) == today)
        // the everyday case
        #expect(BackFill.leadClosedOn(submitted: date("2026-11-02"), accepted: today, today: today) == today)
    }
}
