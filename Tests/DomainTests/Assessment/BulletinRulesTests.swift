import Domain
import Testing

/// 通报的表扬与批评: [003]'s series of 26 departments praise their first three and criticise the
/// last; [000]'s 零效果席 is named; a work order unanswered into the bulletin step of §7 names its
/// unit in the bulletin of the month it got there.
@Suite("通报：表扬、批评、超期工单")
struct BulletinRulesTests {
    static func placed(_ kind: UnitKind, _ count: Int, prefix: String, scores: (Int) -> Int64) -> [BulletinRules.Placed] {
        (1...count).map { BulletinRules.Placed(unit: "\(prefix)\($0)", kind: kind, place: $0, centipoints: scores($0)) }
    }

    @Test func theFirstThreeOfASeriesArePraisedAndTheLastCriticised() {
        // [003]: 26 执法部门; two parks; a town alone in its kind
        let departments = Self.placed(.department, 26, prefix: "部门", scores: { Int64(10_000 - $0 * 100) })
        let parks = Self.placed(.park, 2, prefix: "园区", scores: { Int64(5_000 - $0) })
        let town = Self.placed(.town, 1, prefix: "镇", scores: { _ in 4_000 })
        let all = departments + parks + town
        let praise = BulletinRules.praise(all)
        #expect(praise.map(\.unit) == ["部门1", "部门2", "部门3", "园区1"])
        #expect(praise[2].reasons == [.top(place: 3, of: 26)] && praise[3].reasons == [.top(place: 1, of: 2)])
        let criticism = BulletinRules.criticism(all, zeroSeats: [], overdue: [:])
        #expect(criticism == [.init(unit: "部门26", reasons: [.last(of: 26)]), .init(unit: "园区2", reasons: [.last(of: 2)])])
        // a kind of three praises only its first
        #expect(BulletinRules.praised(of: 3) == 1 && BulletinRules.praised(of: 4) == 3 && BulletinRules.praised(of: 1) == 0)
    }

    /// Units tied for last (several at 0.00) are all criticised, not the one whose name sorts last;
    /// a kind all tied has no last.
    @Test func aSharedLastPlaceIsCriticisedWhole() {
        let tied = [
            BulletinRules.Placed(unit: "商务局", kind: .department, place: 1, centipoints: 9_000),
            BulletinRules.Placed(unit: "科技局", kind: .department, place: 2, centipoints: 0),
            BulletinRules.Placed(unit: "经信局", kind: .department, place: 2, centipoints: 0),
            BulletinRules.Placed(unit: "甲镇", kind: .town, place: 1, centipoints: 0),
            BulletinRules.Placed(unit: "乙镇", kind: .town, place: 1, centipoints: 0),
        ]
        #expect(
            BulletinRules.criticism(tied, zeroSeats: [], overdue: [:]) == [
                .init(unit: "科技局", reasons: [.last(of: 3)]), .init(unit: "经信局", reasons: [.last(of: 3)]),
            ])
    }

    @Test func nobodyIsPraisedForNothing() {
        let zero = Self.placed(.department, 5, prefix: "部门", scores: { $0 == 1 ? 120 : 0 })
        #expect(BulletinRules.praise(zero).map(\.unit) == ["部门1"])
    }

    @Test func aUnitIsCriticisedOnceWithEveryReason() {
        // [000]: 农机局 last of the departments, seated 零效果席, and a work order into the bulletin step
        let departments = [
            BulletinRules.Placed(unit: "商务局", kind: .department, place: 1, centipoints: 9_000),
            BulletinRules.Placed(unit: "农机局", kind: .department, place: 2, centipoints: 0),
        ]
        let criticism = BulletinRules.criticism(departments, zeroSeats: ["农机局", "未排名单位"], overdue: ["农机局": 2, "商务局": 0])
        #expect(
            criticism == [
                .init(unit: "农机局", reasons: [.last(of: 2), .zeroSeat, .overdue(count: 2)]), .init(unit: "未排名单位", reasons: [.zeroSeat]),
            ])
        // a month's survey lists 农机局 lowest at 53.3%: named once with its other reasons; 商务局, first in the ranking, for the survey alone
        let withSurvey = BulletinRules.criticism(
            departments, zeroSeats: ["农机局"], overdue: ["农机局": 2], lowSatisfaction: ["农机局": 533, "商务局": 600])
        #expect(
            withSurvey.first { $0.unit == "农机局" }?.reasons == [
                .last(of: 2), .zeroSeat, .lowSatisfaction(permille: 533), .overdue(count: 2),
            ])
        #expect(withSurvey.first { $0.unit == "商务局" }?.reasons == [.lowSatisfaction(permille: 600)])
    }

    @Test func aWorkOrderIsInTheBulletinOfTheMonthItReachedTheBulletinStep() throws {
        let clock = WorkOrderClock()
        let october = try #require(RankingPeriod("2026-10"))
        let deadline = CivilDate("2026-10-23")!  // a Friday: five working days on is Friday 30 October
        #expect(clock.escalationDate(.bulletin, deadline: deadline) == CivilDate("2026-10-30"))
        #expect(
            clock.reachedBulletin(deadline: deadline, lastAnswer: nil, from: october.from, through: october.through)
                == CivilDate("2026-10-30"))
        // answered the day before: spared; answered on the day or later: too late
        #expect(
            clock.reachedBulletin(deadline: deadline, lastAnswer: CivilDate("2026-10-29"), from: october.from, through: october.through)
                == nil)
        #expect(
            clock.reachedBulletin(deadline: deadline, lastAnswer: CivilDate("2026-11-02"), from: october.from, through: october.through)
                == CivilDate("2026-10-30"))
        // a deadline of 28 October reaches the step on 4 November: November's bulletin, not October's
        let later = CivilDate("2026-10-28")!
        #expect(clock.reachedBulletin(deadline: later, lastAnswer: nil, from: october.from, through: october.through) == nil)
        let november = try #require(RankingPeriod("2026-11"))
        #expect(
            clock.reachedBulletin(deadline: later, lastAnswer: nil, from: november.from, through: november.through)
                == CivilDate("2026-11-04"))
        #expect(try #require(RankingPeriod("2026")).from == CivilDate("2026-01-01") && october.from == CivilDate("2026-10-01"))
    }
}
