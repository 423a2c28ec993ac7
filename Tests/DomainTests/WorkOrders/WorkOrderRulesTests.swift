import Testing

@testable import Domain

@Suite("闭环工单规则")
struct WorkOrderRulesTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }
    let clock = WorkOrderClock()

    @Test func deadlinesBeforeNationalDaySkipTheHolidayAndCountTheMakeUpDays() {
        // 2025: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked (国办发明电〔2024〕12号)
        let cal = WorkingCalendar.china
        let eve = date("2025-09-30")
        #expect(cal.adding(workingDays: 1, to: eve) == date("2025-10-09"))
        #expect(cal.adding(workingDays: 5, to: eve) == date("2025-10-14"))  // 9, 10, 11 (Sat, make-up), 13, 14
        #expect(cal.adding(workingDays: 10, to: eve) == date("2025-10-21"))
        // a complaint (5 working days) submitted that day is due on 10-14
        #expect(clock.deadline(.complaint, submitted: eve) == date("2025-10-14"))
    }

    @Test func deadlinesBeforeTheSpringFestivalCountItsMakeUpWorkdays() {
        // 2026: 02-15…02-23 off; Saturday 02-14 and Saturday 02-28 worked
        let cal = WorkingCalendar.china
        let eve = date("2026-02-13")
        #expect(cal.adding(workingDays: 1, to: eve) == date("2026-02-14"))
        #expect(cal.adding(workingDays: 5, to: eve) == date("2026-02-27"))  // 14, 24, 25, 26, 27
        #expect(cal.adding(workingDays: 10, to: eve) == date("2026-03-05"))  // then 28 (Sat, make-up), 3-2, 3, 4, 5
    }

    @Test func lateAnswersStayLateAndReopeningKeepsTheFirstDeadline() {
        let deadline = clock.deadline(.enterpriseDemand, submitted: date("2026-03-02"))
        #expect(deadline == date("2026-03-09"))
        // answered a day late, then closed: still late
        #expect(clock.isLate(deadline: deadline, lastAnswer: date("2026-03-10"), today: date("2026-04-01")))
        #expect(!clock.isLate(deadline: deadline, lastAnswer: date("2026-03-09"), today: date("2026-04-01")))
        // answered in time, reopened, answered again after the original deadline: late
        #expect(clock.isLate(deadline: deadline, lastAnswer: date("2026-03-16"), today: date("2026-03-16")))
        // unanswered: late only once the deadline has passed
        #expect(!clock.isLate(deadline: deadline, lastAnswer: nil, today: deadline))
        #expect(clock.isLate(deadline: deadline, lastAnswer: nil, today: date("2026-03-10")))
    }

    @Test func overdueItemsEscalateStepByStepOnWorkingDays() {
        let deadline = date("2026-03-06")  // a Friday
        #expect(clock.escalation(deadline: deadline, today: deadline) == .none)
        #expect(clock.escalation(deadline: deadline, today: date("2026-03-08")) == .none)  // the weekend does not count
        #expect(clock.escalation(deadline: deadline, today: date("2026-03-09")) == .unitHead)
        #expect(clock.escalation(deadline: deadline, today: date("2026-03-11")) == .leader)
        #expect(clock.escalation(deadline: deadline, today: date("2026-03-13")) == .bulletin)
        #expect(clock.escalationDate(.leader, deadline: deadline) == date("2026-03-11"))
        #expect(clock.reminderDay(deadline: deadline) == date("2026-03-04"))
    }

    @Test func theLifecycleGoesInOrderAndNotReopens() throws {
        var status = WorkOrderStatus.submitted
        for step in [WorkOrderMachine.Step.route, .signFor, .start, .answer, .reopen, .answer, .confirm] {
            status = try WorkOrderMachine.next(from: status, step)
        }
        #expect(status == .closed)
        #expect(throws: WorkOrderMachine.Refusal.notNow(from: .submitted, step: .answer)) {
            try WorkOrderMachine.next(from: .submitted, .answer)
        }
        #expect(throws: WorkOrderMachine.Refusal.notNow(from: .signedFor, step: .route)) {
            try WorkOrderMachine.next(from: .signedFor, .route)
        }
        #expect(throws: WorkOrderMachine.Refusal.notNow(from: .closed, step: .reopen)) {
            try WorkOrderMachine.next(from: .closed, .reopen)
        }
        // who may act: the bureau routes, the unit answers, the requester confirms — each only in turn
        #expect(WorkOrderMachine.steps(from: .submitted, for: [.bureau, .responsibleUnit, .requester]) == [.route])
        #expect(WorkOrderMachine.steps(from: .routed, for: [.bureau]) == [.route])
        #expect(WorkOrderMachine.steps(from: .signedFor, for: [.responsibleUnit]) == [.start, .answer])
        #expect(WorkOrderMachine.steps(from: .answered, for: [.responsibleUnit]).isEmpty)
        #expect(WorkOrderMachine.steps(from: .answered, for: [.requester]) == [.confirm, .reopen])
    }

    @Test func parallelApprovalWaitsForTheEnvironmentalAssessment() {
        // [000]: 边建边办 only with the legally required approvals done
        #expect(ParallelApproval.missing(done: [.filing, .energyReview, .landUse]) == [.environmental])
        #expect(ParallelApproval.missing(done: [.filing, .environmental, .energyReview, .landUse]).isEmpty)
        #expect(ParallelApproval.missing(done: []).count == 4)
        #expect(FactorType.energy.unitWord == "吨标煤" && FactorType.labour.unitWord == "人" && FactorType.environmental.isApproval)
    }

    @Test func aLeaderWithoutAFebruaryContactIsBehindForFebruary() {
        let rule = LinkageRule()
        let contacts = [date("2026-01-12"), date("2026-03-03")]
        let onSite = [date("2026-01-20")]
        #expect(!rule.standing(month: date("2026-01-01"), contacts: contacts, onSite: onSite).isBehind)
        let february = rule.standing(month: date("2026-02-01"), contacts: contacts, onSite: onSite)
        #expect(february.contactsShort == 1 && february.onSiteShort == 0)
        // the second quarter's on-site office is pending in April, and overdue once June ends without one
        let later = contacts + [date("2026-04-08"), date("2026-05-11"), date("2026-06-02")]
        let april = rule.standing(month: date("2026-04-01"), contacts: later, onSite: onSite)
        #expect(april.contactsShort == 0 && april.onSiteShort == 1 && !april.isBehind)
        let june = rule.standing(month: date("2026-06-01"), contacts: later, onSite: onSite)
        #expect(june.contactsShort == 0 && june.onSiteShort == 1 && june.isBehind)
    }

    @Test func theAccountabilityLineReadsAsABulletinWould() {
        // 120 suggestions forwarded with deadlines [003]: 100 closed in 1,150 days in all, 18 of
        // the 110 answered sent back once and 2 twice, 9 answered late
        let line = AccountabilityLine(
            open: 20, overdue: 4, closed: 100, late: 9, reopenedItems: 20, reopenings: 22, answeredItems: 110, totalDaysToClose: 1_150)
        #expect(line.averageDaysToCloseTenths == 115)  // 11.5 days
        #expect(line.reopenRatePermille == 182)  // 20 of 110 → 18.2%
        #expect(line.satisfactionPermille == 820)  // 100 satisfied of 122 verdicts → 82.0%
        let empty = AccountabilityLine(
            open: 3, overdue: 0, closed: 0, late: 0, reopenedItems: 0, reopenings: 0, answeredItems: 0, totalDaysToClose: 0)
        #expect(empty.averageDaysToCloseTenths == nil && empty.reopenRatePermille == nil && empty.satisfactionPermille == nil)
    }

    /// [003]: 2,500 letters gathered 120 suggestions — condensing takes unrouted letters only, two or more.
    @Test func onlyUnroutedLettersCondenseAndAtLeastTwo() {
        let letter = { (n: String, s: WorkOrderStatus) in (number: n, kind: WorkOrderKind.supervisorLetter, status: s) }
        #expect(throws: Never.self) {
            try WorkOrderMachine.checkCondense([letter("GD-2026-000001", .submitted), letter("GD-2026-000002", .submitted)])
        }
        #expect(throws: WorkOrderMachine.CondenseRefusal.tooFew) {
            try WorkOrderMachine.checkCondense([letter("GD-2026-000001", .submitted)])
        }
        #expect(throws: WorkOrderMachine.CondenseRefusal.alreadyHandled("GD-2026-000002")) {
            try WorkOrderMachine.checkCondense([letter("GD-2026-000001", .submitted), letter("GD-2026-000002", .routed)])
        }
        #expect(throws: WorkOrderMachine.CondenseRefusal.notALetter("GD-2026-000003")) {
            try WorkOrderMachine.checkCondense([
                letter("GD-2026-000001", .submitted), (number: "GD-2026-000003", kind: .complaint, status: .submitted),
            ])
        }
        let many = (1...51).map { letter("GD-2026-\($0)", .submitted) }
        #expect(throws: WorkOrderMachine.CondenseRefusal.tooMany) { try WorkOrderMachine.checkCondense(many) }
        #expect(!WorkOrderStatus.merged.isOpen)
    }

    /// The step is the count of working days overdue (1, 3, 5) on the official calendar, across
    /// the 2026 holidays, whether the item is a day or four months late.
    @Test func escalationFollowsTheWorkingDaysOverdue() throws {
        let clock = WorkOrderClock()
        let start = try #require(CivilDate("2026-01-01"))
        for offset in stride(from: 0, to: 360, by: 3) {
            let deadline = CivilDate(dayNumber: start.dayNumber + offset)
            for late in [0, 1, 2, 4, 6, 9, 15, 40, 120] {
                let today = CivilDate(dayNumber: deadline.dayNumber + late)
                let overdue = clock.calendar.workingDays(after: deadline, through: today)
                let expected: WorkOrderClock.Escalation =
                    overdue >= 5 ? .bulletin : overdue >= 3 ? .leader : overdue >= 1 ? .unitHead : .none
                #expect(clock.escalation(deadline: deadline, today: today) == expected, "\(deadline) + \(late)")
            }
        }
    }
}
