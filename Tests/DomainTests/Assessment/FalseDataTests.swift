import Domain
import Testing

/// 数据不实: a stage the bureau corrected back along the main line is a record found false, deducted
/// once from every unit sharing the project — never a project put on hold or resumed.
@Suite("数据不实：更正回退的阶段报送")
struct FalseDataTests {
    @Test func onlyAMoveBackAlongTheMainLineIsACorrection() {
        #expect(ProjectStage.movesBack(from: .producing, to: .built) && ProjectStage.movesBack(from: .signed, to: .negotiating))
        #expect(!ProjectStage.movesBack(from: .signed, to: .started) && !ProjectStage.movesBack(from: .signed, to: .signed))
        // 缓建 and 终止 leave the line; resuming from them is no correction either
        #expect(!ProjectStage.movesBack(from: .producing, to: .onHold) && !ProjectStage.movesBack(from: .onHold, to: .signed))
        #expect(!ProjectStage.movesBack(from: nil, to: .negotiating))
        // the pairs a query narrows by are exactly the moves back: 4 + 3 + 2 + 1 of the five stages
        #expect(ProjectStage.backwardMoves.count == 10)
        #expect(ProjectStage.backwardMoves.allSatisfy { ProjectStage.movesBack(from: $0.from, to: $0.to) })
    }

    @Test func eachCorrectionCountsOnceForEverySharingUnitInTheSpan() {
        let day = { (text: String) in CivilDate(text)! }
        // [002]'s project: 投产 reported 2023-01-31 then corrected back to 建成 on 2023-02-10; shared by two units
        let moves: [CreditedResults.StageMove] = [
            .init(report: "r1", from: .producing, to: .built, on: day("2023-02-10"), units: ["商务局", "开发区"]),
            .init(report: "r1", from: .producing, to: .built, on: day("2023-02-10"), units: ["商务局"]),
            .init(report: "r2", from: .built, to: .producing, on: day("2023-03-01"), units: ["商务局", "开发区"]),
            .init(report: "r3", from: .signed, to: .negotiating, on: day("2022-12-30"), units: ["商务局"]),
            .init(report: "r4", from: .started, to: .onHold, on: day("2023-05-01"), units: ["开发区"]),
        ]
        let counted = CreditedResults.foundFalse(moves, from: day("2023-01-01"), through: day("2023-12-31"))
        #expect(counted == ["商务局": 1, "开发区": 1])
        #expect(CreditedResults.foundFalse(moves, from: day("2022-01-01"), through: day("2023-12-31")) == ["商务局": 2, "开发区": 1])
    }
}
