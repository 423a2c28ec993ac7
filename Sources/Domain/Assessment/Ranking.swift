/// 排名: units of one kind ranked by their scores, ties broken by a stated rule written on the page
/// and the bulletin: the higher results score first, then whoever met the target earlier, then the
/// unit's name — so no two units ever share a place by chance of the database's order.
public enum Ranking {
    public static let tieRule = "得分相同的，实绩得分高者在前；仍相同的，先完成目标任务者在前；再相同的，并列同一名次（按单位名称排列）。"

    public struct Entry: Equatable, Sendable {
        public var unit: String
        public var name: String
        public var score: ScoreFormula.Score
        /// The day the unit's target was met, if it was.
        public var targetMetOn: CivilDate?

        public init(unit: String, name: String, score: ScoreFormula.Score, targetMetOn: CivilDate?) {
            (self.unit, self.name, self.score, self.targetMetOn) = (unit, name, score, targetMetOn)
        }
    }

    /// The entries in their places, 1 first; entries the rule cannot tell apart share a place
    /// (1, 1, 3), so a unit's name orders the page but never puts it above or below another.
    public static func rank(_ entries: [Entry]) -> [(place: Int, entry: Entry)] {
        let ordered = entries.sorted { a, b in
            if a.score.centipoints != b.score.centipoints { return a.score.centipoints > b.score.centipoints }
            if a.score.resultsCentipoints != b.score.resultsCentipoints { return a.score.resultsCentipoints > b.score.resultsCentipoints }
            switch (a.targetMetOn, b.targetMetOn) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.name != b.name ? a.name < b.name : a.unit < b.unit
            }
        }
        var ranked: [(place: Int, entry: Entry)] = []
        for (index, entry) in ordered.enumerated() {
            if let previous = ranked.last, tied(previous.entry, entry) {
                ranked.append((previous.place, entry))
            } else {
                ranked.append((index + 1, entry))
            }
        }
        return ranked
    }

    static func tied(_ a: Entry, _ b: Entry) -> Bool {
        a.score.centipoints == b.score.centipoints && a.score.resultsCentipoints == b.score.resultsCentipoints
            && a.targetMetOn == b.targetMetOn
    }
}
