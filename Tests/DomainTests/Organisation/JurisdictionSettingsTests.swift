import Testing

@testable import Domain

@Suite("辖区规则设置：响应时限、重大项目标准、停滞预警")
struct JurisdictionSettingsTests {
    let jingmen = Self.code("420800")
    let dongbao = Self.code("420802")
    let duodao = Self.code("420804")
    let anqing = Self.code("340800")
    let today = CivilDate("2026-11-27")!

    static func code(_ raw: String) -> JurisdictionCode {
        guard let code = try? JurisdictionCode(raw) else { fatalError("\(raw) is a division code") }
        return code
    }

    /// 东宝区 answers leads of 5000万元 and more within one working day and calls them major.
    var tighter: JurisdictionSettings {
        var s = JurisdictionSettings.standard
        s.clockTiers[0].minimumMinorUnits = 50_000_000 * 100
        s.majorThresholdMinorUnits = 50_000_000 * 100
        s.signedNotStartedDays = 90
        return s
    }

    @Test func theStandardRulesAreTheSpecsAndValid() {
        let s = JurisdictionSettings.standard
        #expect(s.problems().isEmpty)
        #expect(s.clockTiers.map { [$0.respondDays, $0.assessDays, $0.feedbackDays] } == [[1, 3, 5], [2, 5, 10], [3, 10, 15]])
        #expect(ChineseAmount.format(s.majorThreshold) == "1亿元")
        #expect(ResponseClock.standard == ResponseClock(s))
        #expect(StallRule(s) == StallRule())
        #expect(tighter.problems().isEmpty)
    }

    @Test func everyProblemIsNamed() {
        var s = JurisdictionSettings.standard
        s.clockTiers[1].minimumMinorUnits = s.clockTiers[0].minimumMinorUnits  // not below tier 1
        s.clockTiers[2].respondDays = 0  // below one working day
        #expect(s.problems() == [.tierMinimum(tier: 2), .tierDays(tier: 3)])
        s = .standard
        s.clockTiers[0].feedbackDays = 2  // feedback before the assessment (3)
        #expect(s.problems() == [.stepsOutOfOrder(tier: 1)])
        s = .standard
        s.clockTiers[0].respondDays = 3  // a 1亿元 lead answered more slowly than a 2000万元 one (2 days)
        #expect(s.problems() == [.slowerThanSmaller(tier: 1)])
        s = .standard
        s.clockTiers[2].minimumMinorUnits = 100
        s.majorThresholdMinorUnits = 50_000 * 100  // 5万元: a typing error, not a policy
        s.signedNotStartedDays = 10
        s.quietDays = 400
        #expect(s.problems() == [.tierMinimum(tier: 3), .majorThreshold, .signedNotStarted, .quiet])
        // two tiers: said, and the rest still checked
        s.clockTiers.removeLast()
        #expect(s.problems() == [.tierCount, .majorThreshold, .signedNotStarted, .quiet])
    }

    @Test func aTighterCountyClockAndThreshold() throws {
        // 8560万元 is the second tier and not major by the standard rules; by 东宝区's it is both
        let lead = Money.major(85_600_000)
        let day = CivilDate("2026-11-30")!  // a Monday
        let rates = ExchangeRates()
        #expect(try ResponseClock.standard.deadlines(submitted: day, investment: lead, rates: rates).respond == CivilDate("2026-12-02"))
        #expect(try ResponseClock(tighter).deadlines(submitted: day, investment: lead, rates: rates).respond == CivilDate("2026-12-01"))
        #expect(try !ProjectRules.isMajor(lead, on: day, rates: rates))
        #expect(try ProjectRules.isMajor(lead, on: day, rates: rates, threshold: tighter.majorThreshold))
        // and the stall list: signed 100 days ago is stalled at 90, not at 180
        let signed = today.adding(days: -100)
        #expect(
            StallRule(tighter).alerts(stage: .signed, stageSince: signed, lastActivity: today, today: today) == [
                .signedNotStarted(days: 100)
            ])
        #expect(StallRule().alerts(stage: .signed, stageSince: signed, lastActivity: today, today: today).isEmpty)
    }

    @Test func aSettingHoldsFromItsDayAndReachesTheJurisdictionsInside() {
        let from = CivilDate("2026-12-01")!
        var city = JurisdictionSettings.standard
        city.quietDays = 45
        let schedule = SettingsSchedule([
            .init(jurisdiction: dongbao, effectiveFrom: from, settings: tighter),
            .init(jurisdiction: jingmen, effectiveFrom: CivilDate("2026-06-01")!, settings: city),
        ])
        // before 12-01 东宝区 follows 荆门市; from 12-01 its own
        #expect(schedule.inEffect(for: dongbao, on: today).settings == city)
        #expect(schedule.inEffect(for: dongbao, on: today).source?.jurisdiction == jingmen)
        #expect(schedule.inEffect(for: dongbao, on: from).settings == tighter)
        // 掇刀区 has none of its own: 荆门市's; 安庆 and any day before 06-01: the standard rules
        #expect(schedule.inEffect(for: duodao, on: from).settings == city)
        #expect(schedule.inEffect(for: anqing, on: from).source == nil)
        #expect(schedule.inEffect(for: duodao, on: CivilDate("2026-05-31")!).settings == .standard)
        // for a list over the city: the county's rule first, so it wins for its projects
        #expect(schedule.inEffectByJurisdiction(on: from).map(\.0) == [dongbao, jingmen])
    }

    @Test func aRuleIsNeverSetForThePastNorRewrittenOnceInForce() {
        let schedule = SettingsSchedule([.init(jurisdiction: dongbao, effectiveFrom: today, settings: tighter)])
        #expect(throws: SettingsSchedule.DateProblem.inPast(today: today)) {
            try schedule.checkEffectiveDate(CivilDate("2022-04-28")!, for: dongbao, today: today)
        }
        #expect(throws: SettingsSchedule.DateProblem.alreadyInForce(today)) {
            try schedule.checkEffectiveDate(today, for: dongbao, today: today)
        }
        #expect(throws: SettingsSchedule.DateProblem.tooFar(latest: CivilDate("2027-11-28")!)) {
            try schedule.checkEffectiveDate(CivilDate("2028-01-01")!, for: dongbao, today: today)
        }
        // tomorrow is fine, and so is today for a jurisdiction that set nothing today
        #expect(throws: Never.self) { try schedule.checkEffectiveDate(today.adding(days: 1), for: dongbao, today: today) }
        #expect(throws: Never.self) { try schedule.checkEffectiveDate(today, for: jingmen, today: today) }
    }
}
