import Domain
import Testing

/// 容错纠错's rules: a finding either way needs its evidence; a case is tolerated only when the
/// decisive items of "三个区分开来" and "十个区别开来" hold with evidence; a decided case is not
/// decided again; a disciplined cadre is visited [002].
@Suite("容错纠错：核查清单与认定规则、回访周期")
struct ToleranceCaseTests {
    typealias Check = ToleranceCase.Check

    static let held: [ToleranceCase.Item: Check] = [
        .publicInterest: Check(finding: .holds, evidence: "为项目按期投产，个人无利益"),
        .noCollusion: Check(finding: .holds, evidence: "与企业无经济往来"),
        .notForbidden: Check(finding: .holds, evidence: "无明令禁止"),
    ]

    @Test func aFindingEitherWayNeedsItsEvidence() {
        #expect(ToleranceCase.problems([.procedures: Check(finding: .holds, evidence: "  ")]) == [.evidenceMissing(.procedures)])
        #expect(ToleranceCase.problems([.procedures: Check(finding: .fails, evidence: "")]) == [.evidenceMissing(.procedures)])
        #expect(ToleranceCase.problems([.procedures: Check(finding: .unknown, evidence: "")]).isEmpty)
        let long = String(repeating: "证", count: ToleranceCase.evidenceLimit + 1)
        #expect(ToleranceCase.problems([.remedied: Check(finding: .holds, evidence: long)]) == [.evidenceTooLong(.remedied)])
    }

    @Test func toTolerateTheDecisiveItemsMustHoldWithEvidence() {
        #expect(ToleranceCase.Item.allCases.filter(\.decisive) == [.publicInterest, .noCollusion, .notForbidden])
        #expect(ToleranceCase.problems(deciding: .tolerated, from: .open, checks: Self.held).isEmpty)
        var unknown = Self.held
        unknown[.notForbidden] = Check(finding: .unknown, evidence: "待住建局答复")
        #expect(ToleranceCase.problems(deciding: .tolerated, from: .open, checks: unknown) == [.decisiveNotHeld(.notForbidden)])
        var collusion = Self.held
        collusion[.noCollusion] = Check(finding: .fails, evidence: "收受企业礼金")
        #expect(ToleranceCase.problems(deciding: .tolerated, from: .open, checks: collusion) == [.decisiveNotHeld(.noCollusion)])
        #expect(ToleranceCase.problems(deciding: .tolerated, from: .open, checks: [:]).count == 3)
        // not tolerating needs nothing more; deciding twice is refused
        #expect(ToleranceCase.problems(deciding: .notTolerated, from: .open, checks: [:]).isEmpty)
        #expect(ToleranceCase.problems(deciding: .notTolerated, from: .tolerated, checks: Self.held) == [.decided])
    }

    @Test func aDisciplinedCadreIsVisitedEverySixMonths() {
        let decided = CivilDate(year: 2026, month: 1, day: 10)!
        #expect(!ToleranceCase.visitDue(decidedOn: decided, visits: [], today: CivilDate(year: 2026, month: 1, day: 30)!))
        #expect(ToleranceCase.visitDue(decidedOn: decided, visits: [], today: CivilDate(year: 2026, month: 2, day: 15)!))
        let visited = [CivilDate(year: 2026, month: 2, day: 1)!]
        #expect(!ToleranceCase.visitDue(decidedOn: decided, visits: visited, today: CivilDate(year: 2026, month: 7, day: 1)!))
        #expect(ToleranceCase.visitDue(decidedOn: decided, visits: visited, today: CivilDate(year: 2026, month: 8, day: 5)!))
    }
}
