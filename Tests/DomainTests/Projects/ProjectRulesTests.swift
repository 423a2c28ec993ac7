import Testing

@testable import Domain

@Suite("项目规则")
struct AccountableProjectTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func majorProjectsStartAtOneYi() {
        // [003]: five projects "亿元以上"; 1.2亿美元 in negotiation is major in its own currency too
        #expect(ProjectRules.isMajor(cny: Money.major(100_000_000)))
        #expect(!ProjectRules.isMajor(cny: Money.major(99_999_999)))
        #expect(ProjectRules.isMajor(cny: Money.major(500_000_000), threshold: Money.major(300_000_000)))
    }

    @Test func onlyTheAccountableReportStages() {
        let owners = ProjectRules.Owners(attractors: ["p1", "p2"], hostUnit: "park", coordinators: ["tax"], leader: "boss")
        func mayReport(_ person: String, _ unit: String, _ roles: Set<Role> = [.cadre]) -> Bool {
            AccessPolicy.may(roles, .reportOnProject, ties: owners.ties(person: person, unit: unit))
        }
        func reads(_ person: String, _ unit: String, _ roles: Set<Role>, within: Bool = true) -> Bool {
            AccessPolicy.may(
                roles, .readProject, ties: owners.ties(person: person, unit: unit).union(within ? .withinJurisdiction : []))
        }
        #expect(mayReport("p1", "team"))
        #expect(mayReport("x", "park", [.host]))
        #expect(mayReport("boss", "gov", [.leader]))
        #expect(mayReport("x", "bureau", [.bureau]))
        #expect(!mayReport("x", "tax", [.coordinator]))
        // a coordinating unit sees the project; a park sees its own park's projects, not another's
        #expect(reads("x", "tax", [.coordinator]))
        #expect(reads("x", "park", [.host]))
        #expect(!reads("x", "other-park", [.host]))
        #expect(!reads("x", "elsewhere", [.cadre]))
        #expect(reads("x", "elsewhere", [.inspector]))
        #expect(!reads("x", "elsewhere", [.bureau], within: false))
        #expect(reads("x", "park", [.host], within: false))
        #expect(!reads("x", "park", [.observer]))
    }

    @Test func fundsNeedASignedLiveProjectAndASaneAmount() throws {
        let signed = date("2022-04-28")
        let today = date("2026-11-21")
        let amount = Money.major(438_900_000)  // [004] 4.389亿元 arrived
        try ProjectRules.checkFunds(
            stage: .signed, heldAt: nil, signedOn: signed, amount: amount, arrivedOn: date("2022-09-30"), today: today)
        try ProjectRules.checkFunds(stage: .onHold, heldAt: .started, signedOn: signed, amount: amount, arrivedOn: signed, today: today)
        func problem(_ stage: ProjectStage, _ money: Money, on day: String = "2022-09-30") -> ProjectRules.FundsProblem? {
            do {
                try ProjectRules.checkFunds(stage: stage, heldAt: nil, signedOn: signed, amount: money, arrivedOn: date(day), today: today)
                return nil
            } catch { return error }
        }
        #expect(problem(.terminated, amount) == .terminated)
        #expect(problem(.negotiating, amount) == .notSigned)
        #expect(problem(.started, Money(minorUnits: 0)) == .notPositive)
        #expect(problem(.started, Money(minorUnits: -100)) == .notPositive)
        #expect(problem(.started, Money.major(2_000_000_000_000)) == .absurd)
        #expect(problem(.started, amount, on: "2026-11-22") == .inFuture)
        #expect(problem(.started, amount, on: "2022-04-27") == .beforeSigning)
    }

    @Test func stageDatesRunForward() {
        #expect(throws: ProjectRules.DateProblem.inFuture) {
            try ProjectRules.checkStageDate(date("2026-11-22"), after: .negotiating, since: nil, today: date("2026-11-21"))
        }
        #expect(throws: ProjectRules.DateProblem.beforePrevious(.built, date("2022-09-30"))) {
            try ProjectRules.checkStageDate(date("2022-09-01"), after: .built, since: date("2022-09-30"), today: date("2026-11-21"))
        }
    }

    @Test func timeInStageCountsOnlyVerifiedTransitions() {
        // [002]: signed 2022-04-28, structure done 2022-09-30, trial operation 2023-01-31
        let timeline = StageTimeline(
            acceptedOn: date("2022-03-01"),
            transitions: [
                .init(to: .signed, on: date("2022-04-28"), verified: true),
                .init(to: .started, on: date("2022-05-10"), verified: true),
                .init(to: .built, on: date("2022-09-30"), verified: true),
                .init(to: .producing, on: date("2023-01-31"), verified: false),
            ])
        let facts = { (t: StageTimeline) in
            ProjectFacts.from(t.transitions.filter(\.verified).map { .init(to: $0.to, on: $0.on, verified: true) })
        }
        #expect(facts(timeline).stage == .built)
        let days = timeline.daysInStage(today: date("2023-02-10"))
        #expect(days[.negotiating] == 58)
        #expect(days[.signed] == 12)
        #expect(days[.started] == 143)
        #expect(days[.built] == 133)  // still counting: production is not verified yet
        var verified = timeline
        verified.transitions[3].verified = true
        #expect(facts(verified).stage == .producing)
        #expect(verified.daysInStage(today: date("2023-02-10"))[.built] == 123)
        #expect(facts(verified).daysToProduction == 278)
    }
}

@Suite("汇率与外资")
struct ExchangeRateTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func foreignCapitalConvertsAtTheMonthsRate() throws {
        // [003]: 实际利用外资 310万美元 in the first quarter
        let rates = ExchangeRates(rates: [.usd: ["2026-03": try #require(ExchangeRates.parseRate("7.0982"))]])
        let usd = Money.major(3_100_000, .usd)
        let cny = try #require(rates.cny(usd, on: date("2026-03-31")))
        #expect(cny.minorUnits == 2_200_442_000)
        #expect(ChineseAmount.format(cny) == "2200.44万元")
        #expect(rates.cny(usd, on: date("2026-04-01")) == nil)
    }

    @Test func aLedgerTotalNamesTheMissingMonths() throws {
        let rates = ExchangeRates(rates: [.usd: ["2026-03": 70_982]])
        let total = rates.total([
            (Money.major(438_900_000), date("2026-03-02")), (Money.major(3_100_000, .usd), date("2026-03-31")),
            (Money.major(1_000_000, .usd), date("2026-05-06")),
        ])
        #expect(total.cny.minorUnits == 43_890_000_000 + 2_200_442_000)
        #expect(total.foreign[.usd] == Money.major(4_100_000, .usd))
        #expect(total.missingMonths == ["USD 2026-05"])
    }

    @Test func ratesParseAsTyped() {
        #expect(ExchangeRates.parseRate("7.1234") == 71_234)
        #expect(ExchangeRates.parseRate("7.1") == 71_000)
        #expect(ExchangeRates.parseRate("7") == 70_000)
        #expect(ExchangeRates.parseRate("0") == nil)
        #expect(ExchangeRates.parseRate("7.12345") == nil)
        #expect(ExchangeRates.parseRate("abc") == nil)
        #expect(ExchangeRates.parseRate("-7") == nil)
        #expect(ExchangeRates.rateText(70_982) == "7.0982")
        #expect(ExchangeRates.rateText(70_000) == "7.0000")
    }
}

@Suite("走访与驻点")
struct ActivityTallyTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func enterprisesAndChambersAreCountedOnceEach() {
        // a resident team visits 346 enterprises, some twice, and 40 chambers [004]
        var facts = (1...346).map { ActivityTally.Fact(kind: .enterpriseVisit, counterpart: "企业\($0)") }
        facts += (1...30).map { ActivityTally.Fact(kind: .enterpriseVisit, counterpart: "企业\($0)") }
        facts += (1...40).map { ActivityTally.Fact(kind: .chamberVisit, counterpart: "商会\($0)") }
        facts += [.init(kind: .call, counterpart: "企业1"), .init(kind: .symposium, counterpart: "")]
        let visited = ActivityTally.visited(facts)
        #expect(visited.enterprises == 346)
        #expect(visited.chambers == 40)
        let month = ResidentMonth(
            enterprisesVisited: visited.enterprises, chambersVisited: visited.chambers, projectsIntroduced: 22,
            contractAmount: Money.major(2_914_000_000), fundsArrived: Money.major(438_900_000))
        #expect(month.summary == "走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，到位资金4.389亿元")
    }

    @Test func anUnnamedVisitStillCounts() {
        let visited = ActivityTally.visited([
            .init(kind: .enterpriseVisit, counterpart: ""), .init(kind: .enterpriseVisit, counterpart: ""),
        ])
        #expect(visited.enterprises == 2)
    }

    @Test func datesAndNextSteps() {
        let today = date("2026-11-21")
        #expect(throws: ActivityTally.Problem.inFuture) {
            try ActivityTally.check(occurredOn: date("2026-11-22"), today: today, nextStep: "", nextDue: nil)
        }
        #expect(throws: ActivityTally.Problem.nextStepNeedsDue) {
            try ActivityTally.check(occurredOn: today, today: today, nextStep: "报送可研", nextDue: nil)
        }
        #expect(throws: ActivityTally.Problem.dueBeforeActivity) {
            try ActivityTally.check(occurredOn: today, today: today, nextStep: "报送可研", nextDue: date("2026-11-20"))
        }
        #expect(throws: Never.self) {
            try ActivityTally.check(occurredOn: date("2026-11-20"), today: today, nextStep: "报送可研", nextDue: date("2026-11-27"))
        }
    }
}

@Suite("园区匹配")
struct ParkMatchTests {
    // the seeds' parks: 荆门化工循环产业园 [000], 东宝 绿色建材和装配式建筑产业园 (2万亩) [000],
    // 忠堡镇工业园区 with the 26.7万吨标煤 energy quota obtained from the province for lithium batteries [002]
    let chemical = ParkMatch.Park(
        id: "chem", name: "荆门化工循环产业园", industries: ["C26", "C27"], freeLandMuTenths: 8_000, freeSpaceM2: 0, energyQuotaTCE: 50_000,
        powerCapacityKVA: 40_000, facilities: [.chemicalPark, .wastewater, .steam, .dualPower])
    let building = ParkMatch.Park(
        id: "build", name: "东宝绿色建材和装配式建筑产业园", industries: ["C30", "C20", "C21"], freeLandMuTenths: 200_000, freeSpaceM2: 60_000,
        energyQuotaTCE: 20_000, powerCapacityKVA: 20_000, facilities: [.wastewater])
    let zhongbao = ParkMatch.Park(
        id: "zb", name: "忠堡镇工业园区", industries: ["C384"], freeLandMuTenths: 3_000, freeSpaceM2: 20_000, energyQuotaTCE: 267_000,
        powerCapacityKVA: 30_000, facilities: [.dualPower, .wastewater])

    @Test func fineChemicalsGoOnlyToTheChemicalPark() {
        let need = ParkMatch.Need(industryCode: "C2662", landMuTenths: 3_000, spaceM2: 0, energyTCE: 8_000, powerKVA: 6_000)
        let ranked = ParkMatch.rank(need, [building, zhongbao, chemical])
        #expect(ranked.first?.park.id == "chem")
        #expect(ranked.first?.fits == true && ranked.first?.score == 100)
        // the building-materials park has land and energy, but may not take chemistry
        let other = ranked.first { $0.park.id == "build" }!
        #expect(!other.fits)
        #expect(other.reasons.contains(.facilityMissing(.chemicalPark)))
        #expect(other.reasons.contains(.notPositioned))
    }

    @Test func aBatteryMakerNeedsTheEnergyQuota() {
        // power batteries (C3841) with an energy need only 忠堡's provincial quota covers
        let need = ParkMatch.Need(industryCode: "C3841", landMuTenths: 2_000, spaceM2: 10_000, energyTCE: 100_000, powerKVA: 8_000)
        let ranked = ParkMatch.rank(need, [chemical, building, zhongbao])
        #expect(ranked.map(\.park.id) == ["zb", "build", "chem"])
        #expect(ranked[0].fits && ranked[0].reasons.contains(.energyEnough(left: 267_000, need: 100_000)))
        // a fifth of the quota earns a fifth of its weight: 20 land + 4 energy + 10 space + 10 power
        #expect(ranked[1].score == 44)
        #expect(ranked[1].reasons.contains(.facilityMissing(.dualPower)))
        // half the quota, no factory space: 20 land + 10 energy + 0 space + 10 power
        #expect(ranked[2].score == 40)
        #expect(ranked[2].reasons.contains(.energyShort(left: 50_000, need: 100_000)))
    }

    @Test func aParkOutsideItsPositioningDoesNotFitAndAnUnknownIndustryIsSaidSo() {
        // a building-materials maker (C3021) on 200亩: the chemical park has the land but not the positioning
        let need = ParkMatch.Need(industryCode: "C3021", landMuTenths: 2_000, spaceM2: 0, energyTCE: 1_000, powerKVA: 0)
        let chemicalMatch = ParkMatch.rank(need, [chemical]).first!
        #expect(!chemicalMatch.fits && chemicalMatch.reasons.contains(.notPositioned))
        #expect(ParkMatch.rank(need, [building]).first!.fits)
        // without an industry, positioning is not judged and capacity decides
        let unknown = ParkMatch.Need(industryCode: "", landMuTenths: 5_000, spaceM2: 0, energyTCE: 1_000, powerKVA: 0)
        let ranked = ParkMatch.rank(unknown, [chemical, zhongbao])
        #expect(ranked.allSatisfy { $0.reasons.contains(.industryUnknown) })
        #expect(ranked.map(\.fits) == [true, false])  // 500亩 asked: 忠堡 has only 300亩 free
        #expect(ParkMatch.Need(industryCode: "", landMuTenths: 0, spaceM2: 0, energyTCE: 0, powerKVA: 0).isEmpty)
    }
}

@Suite("定点小数")
struct FixedPointTests {
    @Test func figuresAreReadExactlyToTheirPlaces() {
        // 12.5亩 of land, a 7.0982 rate, a 33.33% credit share
        #expect(FixedPoint.parse("12.5", places: 1, maxWhole: 1_000_000) == 125)
        #expect(FixedPoint.parse("120", places: 1, maxWhole: 1_000_000) == 1_200)
        #expect(ExchangeRates.parseRate("7.0982") == 70_982)
        #expect(CreditSplit.basisPoints(percent: "33.33") == 3_333)
        #expect(CreditSplit.basisPoints(percent: "60%") == 6_000)
        #expect(CreditSplit.basisPoints(percent: "33.5") == 3_350)
        // more places than allowed, signs, words and empty parts are refused, never rounded
        for bad in ["12.25", "-5", "+5", "十二", ".5", "5.", "1.2.3", ""] {
            #expect(FixedPoint.parse(bad, places: 1, maxWhole: 1_000_000) == nil, "\(bad)")
        }
        #expect(CreditSplit.basisPoints(percent: "33.333") == nil)
        #expect(CreditSplit.basisPoints(percent: "101") == nil)
        #expect(FixedPoint.parse("7", places: 0, maxWhole: 10) == 7)
        #expect(FixedPoint.parse("7.1", places: 0, maxWhole: 10) == nil)
    }
}

@Suite("投资意向登记限流")
struct PublicIntakeTests {
    @Test func fiveAnHourPerSenderAndACeilingPerDay() {
        #expect(PublicIntake.allows(senderLastHour: 4, jurisdictionLastDay: 0))
        #expect(!PublicIntake.allows(senderLastHour: 5, jurisdictionLastDay: 0))
        #expect(PublicIntake.allows(senderLastHour: 0, jurisdictionLastDay: 499))
        #expect(!PublicIntake.allows(senderLastHour: 0, jurisdictionLastDay: 500))
    }

    @Test func aHostAnswersWithinFiveWorkingDaysOfAcceptance() {
        // accepted on Friday 2026-02-13, before the Spring Festival: 2-14 (make-up Saturday), 2-24, 2-25, 2-26, 2-27
        #expect(ProjectRules.hostAnswerBy(acceptedOn: CivilDate("2026-02-13")!) == CivilDate("2026-02-27"))
        #expect(ProjectRules.hostAnswerBy(acceptedOn: CivilDate("2026-11-23")!) == CivilDate("2026-11-30"))
    }
}
