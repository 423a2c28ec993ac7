/// 数据不实 for the ranking's deduction (`ScoreFormula.Deduction.falseData`): a stage report of the
/// span that moved a project back along the main line (`ProjectStage.movesBack`), counted once for
/// every unit sharing the project's credit.
extension CreditedResults {
    public struct StageMove: Equatable, Sendable {
        /// The report's key: a report is counted once however many rows name it.
        public var report: String
        public var from: ProjectStage?
        public var to: ProjectStage
        public var on: CivilDate
        /// The units sharing the project (a share above nothing).
        public var units: [String]

        public init(report: String, from: ProjectStage?, to: ProjectStage, on: CivilDate, units: [String]) {
            (self.report, self.from, self.to, self.on, self.units) = (report, from, to, on, units)
        }
    }

    public static func foundFalse(_ moves: [StageMove], from: CivilDate, through: CivilDate) -> [String: Int] {
        var seen: [String: Set<String>] = [:]
        for move in moves where move.on >= from && move.on <= through && ProjectStage.movesBack(from: move.from, to: move.to) {
            for unit in move.units { seen[unit, default: []].insert(move.report) }
        }
        return seen.mapValues(\.count)
    }
}
