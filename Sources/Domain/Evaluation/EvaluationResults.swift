/// 双百双评's results per series (SPEC §8, seed [003]): every unit rated 满意 / 基本满意 / 不满意 by the
/// drawn; a unit's score is its share of 满意 with 基本满意 counting half; the first three praised
/// (流动红旗, their heads rated excellent; as many as a bulletin praises, `BulletinRules.praised`),
/// the last criticised and barred from awards; ties by the
/// rule written on the page, units it cannot tell apart sharing a place (so a unit's name never
/// makes it last); a unit with too few answers to stay anonymous has its results withheld,
/// and where one withheld unit could be worked out from the series' total, the total is withheld too.
public enum EvaluationResults {
    public static let tieRule =
        "得分相同的，“满意”票多者在前；仍相同的，“不满意”票少者在前；再相同的，并列同一名次（按单位名称排列）：并列前三名的均授予流动红旗，并列末位的均为末位，全部并列则不设末位。"
    public static let defaultMinimumAnswers = 5

    public enum Verdict: String, CaseIterable, Codable, Sendable {
        case satisfied, basicallySatisfied, dissatisfied

        public var label: String {
            switch self {
            case .satisfied: "满意"
            case .basicallySatisfied: "基本满意"
            case .dissatisfied: "不满意"
            }
        }
    }

    public struct Tally: Equatable, Sendable {
        public var satisfied: Int
        public var basicallySatisfied: Int
        public var dissatisfied: Int

        public init(satisfied: Int = 0, basicallySatisfied: Int = 0, dissatisfied: Int = 0) {
            (self.satisfied, self.basicallySatisfied, self.dissatisfied) = (satisfied, basicallySatisfied, dissatisfied)
        }

        public var answers: Int { satisfied + basicallySatisfied + dissatisfied }

        /// 满意 plus half of 基本满意, of all answers, in tenths of a percent (rounded half up).
        public var scorePermille: Int64? {
            guard answers > 0 else { return nil }
            return (Int64(satisfied) * 2_000 + Int64(basicallySatisfied) * 1_000 + Int64(answers)) / (Int64(answers) * 2)
        }
    }

    public struct Line: Equatable, Sendable {
        public var unit: String
        public var name: String
        /// Nil while withheld (样本不足，不予公布).
        public var tally: Tally?
        public var place: Int?
        public var praised: Bool
        public var criticised: Bool
    }

    public struct Series: Equatable, Sendable {
        public var lines: [Line]
        /// The series' answers together, or nil when publishing it would give a withheld unit away.
        public var total: Tally?
    }

    /// The series' results from each unit's tally (`units`: key, name, tally).
    public static func series(_ units: [(unit: String, name: String, tally: Tally)], minimumAnswers: Int = defaultMinimumAnswers)
        -> Series
    {
        let shown = units.filter { $0.tally.answers >= minimumAnswers }
        let ordered = shown.sorted { a, b in
            let (sa, sb) = (a.tally.scorePermille ?? -1, b.tally.scorePermille ?? -1)
            if sa != sb { return sa > sb }
            if a.tally.satisfied != b.tally.satisfied { return a.tally.satisfied > b.tally.satisfied }
            if a.tally.dissatisfied != b.tally.dissatisfied { return a.tally.dissatisfied < b.tally.dissatisfied }
            return a.name != b.name ? a.name < b.name : a.unit < b.unit
        }
        // units the rule cannot tell apart share a place (1, 1, 3): a name never decides who is last
        var places: [Int] = []
        for (index, u) in ordered.enumerated() {
            let tied = index > 0 && Self.tied(ordered[index - 1].tally, u.tally)
            places.append(tied ? places[index - 1] : index + 1)
        }
        let praised = BulletinRules.praised(of: ordered.count)
        let last = places.last ?? 0
        var lines: [Line] = ordered.enumerated().map { index, u in
            Line(
                unit: u.unit, name: u.name, tally: u.tally, place: places[index], praised: places[index] <= praised,
                criticised: last > 1 && places[index] == last)
        }
        let withheld = units.filter { $0.tally.answers < minimumAnswers }
        lines += withheld.sorted { $0.name < $1.name }.map {
            Line(unit: $0.unit, name: $0.name, tally: nil, place: nil, praised: false, criticised: false)
        }
        // one withheld unit beside a published total would be the total less the rest
        var total: Tally?
        if withheld.count != 1 {
            total = Tally(
                satisfied: shown.reduce(0) { $0 + $1.tally.satisfied },
                basicallySatisfied: shown.reduce(0) { $0 + $1.tally.basicallySatisfied },
                dissatisfied: shown.reduce(0) { $0 + $1.tally.dissatisfied })
        }
        return Series(lines: lines, total: total)
    }

    /// Two tallies the tie rule cannot order: the same score, 满意 and 不满意.
    static func tied(_ a: Tally, _ b: Tally) -> Bool {
        a.scorePermille == b.scorePermille && a.satisfied == b.satisfied && a.dissatisfied == b.dissatisfied
    }

    /// The ladder for last place [003]: last in its series one year — a written self-criticism to the
    /// county committee; two consecutive years — a self-criticism on television; three — the head
    /// resigns. `lastIn` holds the years the unit was last.
    public enum Step: Int, Equatable, Sendable {
        case writtenSelfCriticism = 1, televisedSelfCriticism, headResigns

        public var label: String {
            switch self {
            case .writtenSelfCriticism: "向县委作出书面检查"
            case .televisedSelfCriticism: "在电视上作公开检查"
            case .headResigns: "单位主要负责人引咎辞职"
            }
        }
    }

    public static func step(lastIn years: Set<Int>, year: Int) -> Step? {
        guard years.contains(year) else { return nil }
        var run = 1
        while run < 3, years.contains(year - run) { run += 1 }
        return Step(rawValue: run)
    }
}
