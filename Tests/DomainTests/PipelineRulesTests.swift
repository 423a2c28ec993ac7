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

@Suite("项目阶段与责任")
struct ProjectRulesTests {
    @Test func sigingToTrialOperationTook278Days() {
        // seed [002]: signed 2022-04-28, main structure 2022-09-30, trial operation end of January 2023
        #expect(StageMachine.daysToProduction(signed: CivilDate("2022-04-28")!, producing: CivilDate("2023-01-31")!) == 278)
    }

    @Test func theFormOffersWhatTheMachineAllows() {
        // the attractor of seed [002]'s signed project: start it, or hold or end it with a reason
        #expect(StageMachine.targets(from: .signed, heldAt: nil, byBureau: false) == [.started, .onHold, .terminated])
        // the bureau may also skip ahead (late reporting) or correct back; the next stage comes first
        #expect(
            StageMachine.targets(from: .signed, heldAt: nil, byBureau: true)
                == [.started, .negotiating, .built, .producing, .onHold, .terminated])
        // a held project resumes where it stopped, even for the bureau
        #expect(StageMachine.targets(from: .onHold, heldAt: .started, byBureau: true) == [.started, .terminated])
        #expect(StageMachine.targets(from: .terminated, heldAt: nil, byBureau: true).isEmpty)
        #expect(StageMachine.targets(from: .producing, heldAt: nil, byBureau: false) == [.onHold, .terminated])
    }

    @Test func oneStepForwardIsAnyReportersToTake() throws {
        try StageMachine.check(from: .signed, to: .started, reason: "", byBureau: false)
    }

    @Test func skippingOrGoingBackIsTheBureausWithAReason() throws {
        #expect(throws: StageMachine.Problem.needsBureau(from: .signed, to: .built)) {
            try StageMachine.check(from: .signed, to: .built, reason: "补录", byBureau: false)
        }
        #expect(throws: StageMachine.Problem.needsBureau(from: .started, to: .signed)) {
            try StageMachine.check(from: .started, to: .signed, reason: "", byBureau: true)
        }
        try StageMachine.check(from: .started, to: .signed, reason: "开工日期录错", byBureau: true)
    }

    @Test func holdAndTerminateNeedReasonsAndTerminationIsFinal() throws {
        #expect(throws: StageMachine.Problem.reasonRequired) {
            try StageMachine.check(from: .signed, to: .terminated, reason: " ", byBureau: true)
        }
        try StageMachine.check(from: .signed, to: .onHold, reason: "企业资金链紧张", byBureau: false)
        #expect(throws: StageMachine.Problem.resumeToHeldStage(.signed)) {
            try StageMachine.check(from: .onHold, to: .started, heldAt: .signed, reason: "", byBureau: false)
        }
        try StageMachine.check(from: .onHold, to: .signed, heldAt: .signed, reason: "", byBureau: false)
        #expect(throws: StageMachine.Problem.terminatedIsFinal) {
            try StageMachine.check(from: .terminated, to: .signed, reason: "x", byBureau: true)
        }
    }

    @Test func creditSplitSumsToExactlyOneHundredPercent() throws {
        try CreditSplit.validate([("杨晓勇", 6_000), ("叶影生", 4_000)])
        #expect(throws: CreditSplit.Problem.sumIsNot100(9_000)) { try CreditSplit.validate([("杨晓勇", 6_000), ("叶影生", 3_000)]) }
        #expect(throws: CreditSplit.Problem.duplicateAttractor) { try CreditSplit.validate([("杨晓勇", 5_000), ("杨晓勇", 5_000)]) }
        #expect(throws: CreditSplit.Problem.noAttractor) { try CreditSplit.validate([(attractor: String, basisPoints: Int)]()) }
    }

    @Test func apportionedAmountsAddUpToTheFen() {
        // 29.14亿元 shared three ways
        let parts = CreditSplit.apportion(2_914_000_000 * 100, basisPoints: [3_334, 3_333, 3_333])
        #expect(parts.reduce(0, +) == 2_914_000_000 * 100)
    }

    @Test func stallAlerts() {
        let rule = StallRule()
        let today = CivilDate("2026-11-21")!
        #expect(
            rule.alerts(stage: .signed, stageSince: CivilDate("2026-05-01")!, lastActivity: CivilDate("2026-11-01")!, today: today) == [
                .signedNotStarted(days: 204)
            ])
        #expect(
            rule.alerts(stage: .started, stageSince: CivilDate("2026-05-01")!, lastActivity: CivilDate("2026-09-01")!, today: today) == [
                .quiet(days: 81)
            ])
        #expect(
            rule.alerts(stage: .producing, stageSince: CivilDate("2020-01-01")!, lastActivity: CivilDate("2020-01-01")!, today: today)
                .isEmpty)
    }
}

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

    @Test func twoHundredVisitsEightLandedIsFourPercent() {
        // seed [000]: 16 months, about 200 PCB enterprises visited, 8 landed
        let funnel = Funnel(visits: 200, leads: 31, accepted: 14, signed: 10, producing: 8)
        #expect(Funnel.percentText(funnel.landingRate) == "4.0%")
        #expect(funnel.stepRates.map(Funnel.percentText) == ["15.5%", "45.2%", "71.4%", "80.0%"])
        #expect(Funnel(visits: 0, leads: 0, accepted: 0, signed: 0, producing: 0).landingRate == nil)
    }

    @Test func residentTeamMonthInTheSeedsOwnWords() {
        // seed [004]: 走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，到位资金4.389亿元
        let month = ResidentMonth(
            enterprisesVisited: 346, chambersVisited: 40, projectsIntroduced: 22,
            contractAmount: .major(2_914_000_000), fundsArrived: .major(438_900_000))
        #expect(month.summary == "走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，到位资金4.389亿元")
    }
}

@Suite("预审专班")
struct ReviewPanelTests {
    let members: Set<String> = ["园区", "自然资源局", "生态环境局", "研究院", "链主企业"]
    let criteria: Set<String> = ["industryFit", "taxPerMu", "energy"]

    @Test func recusedAndOutsidersCannotGiveOpinions() {
        #expect(throws: ReviewPanelRules.Problem.recused) {
            try ReviewPanelRules.checkOpinion(
                member: "链主企业", members: members, recused: ["链主企业"], hasEarlierOpinion: false, isRevision: false, scores: [:],
                criteria: criteria)
        }
        #expect(throws: ReviewPanelRules.Problem.notAMember) {
            try ReviewPanelRules.checkOpinion(
                member: "某人", members: members, recused: [], hasEarlierOpinion: false, isRevision: false, scores: [:], criteria: criteria)
        }
        #expect(throws: ReviewPanelRules.Problem.alreadyGaveOpinion) {
            try ReviewPanelRules.checkOpinion(
                member: "园区", members: members, recused: [], hasEarlierOpinion: true, isRevision: false, scores: [:], criteria: criteria)
        }
        #expect(throws: ReviewPanelRules.Problem.scoreOutOfRange(criterion: "energy")) {
            try ReviewPanelRules.checkOpinion(
                member: "园区", members: members, recused: [], hasEarlierOpinion: false, isRevision: false, scores: ["energy": 120],
                criteria: criteria)
        }
    }

    @Test func latestOpinionCountsAndQuorumIsChecked() {
        typealias Opinion = ReviewPanelRules.Opinion<String>
        let opinions = [
            Opinion(member: "园区", recommendation: .notRecommend, scores: ["industryFit": 60], sequence: 1),
            Opinion(member: "自然资源局", recommendation: .recommend, scores: ["industryFit": 80], sequence: 2),
            Opinion(member: "园区", recommendation: .recommend, scores: ["industryFit": 85], sequence: 3),  // revises 1
            Opinion(member: "链主企业", recommendation: .recommend, scores: ["industryFit": 100], sequence: 4),  // recused later
        ]
        let tally = ReviewPanelRules.tally(opinions, recused: ["链主企业"], quorum: 3)
        #expect(tally.recommend == 2 && tally.notRecommend == 0)
        #expect(!tally.quorumMet)
        #expect(tally.averageScores["industryFit"] == 83)  // (85 + 80) / 2 = 82.5 → 83
    }
}
