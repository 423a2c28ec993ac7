import Testing

@testable import Domain

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
