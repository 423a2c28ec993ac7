import Testing

@testable import Domain

@Suite("漏斗与驻点月报")
struct ActivityFiguresTests {
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
