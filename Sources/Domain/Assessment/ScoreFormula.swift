/// 考核得分: the bureau's weighted formula for a year — points per measure summing to 100, each
/// measure scored by its share of the target (capped, so one windfall does not buy the rest),
/// satisfaction by its own rate (which may weigh most, as [002] puts it first), minus deductions
/// per item found (a project not started on time, data found false by verification, a work order
/// answered late). Every score is explained line by line.
public struct ScoreFormula: Equatable, Sendable {
    public enum Measure: String, CaseIterable, Codable, Sendable {
        case contractInvestment, fundsDomestic, fundsForeign, projectsSigned, majorProjects, projectsStarted, projectsProducing
        case satisfaction
    }

    public enum Deduction: String, CaseIterable, Codable, Sendable {
        case notStartedOnTime, falseData, lateWorkOrder
    }

    public enum Problem: Error, Equatable, Sendable {
        case weightsNot100(Int)
        case negative
    }

    /// Points of 100 per measure.
    public let weights: [Measure: Int]
    /// Points taken per item found.
    public let deductions: [Deduction: Int]
    /// A measure's achievement counts up to this share of its target (1200 = 120%).
    public let capPermille: Int64

    public init(weights: [Measure: Int], deductions: [Deduction: Int] = [:], capPermille: Int64 = 1200) throws(Problem) {
        guard weights.values.allSatisfy({ $0 >= 0 }), deductions.values.allSatisfy({ $0 >= 0 }), capPermille >= 1000 else {
            throw .negative
        }
        let sum = weights.values.reduce(0, +)
        guard sum == 100 else { throw .weightsNot100(sum) }
        (self.weights, self.deductions, self.capPermille) = (weights, deductions, capPermille)
    }

    /// A formula known to weigh 100 (the standard one, tested to): no check to fail.
    init(known weights: [Measure: Int], deductions: [Deduction: Int]) {
        (self.weights, self.deductions, self.capPermille) = (weights, deductions, 1200)
    }

    /// One line of a score: what was reached of what, and the points it gave (in hundredths).
    public struct Line: Equatable, Sendable {
        public var measure: Measure?
        public var deduction: Deduction?
        public var achievedPermille: Int64?
        public var count: Int?
        public var centipoints: Int64

        public init(measure: Measure?, deduction: Deduction?, achievedPermille: Int64?, count: Int?, centipoints: Int64) {
            (self.measure, self.deduction, self.achievedPermille, self.count, self.centipoints) = (
                measure, deduction, achievedPermille, count, centipoints
            )
        }
    }

    public struct Score: Equatable, Sendable {
        public var lines: [Line]

        public init(lines: [Line]) { self.lines = lines }
        /// The total in hundredths of a point (8,512 = 85.12).
        public var centipoints: Int64 { lines.reduce(0) { $0 + $1.centipoints } }
        /// The results' part (every measure but satisfaction), the ranking's first tie-break.
        public var resultsCentipoints: Int64 {
            lines.filter { $0.measure != nil && $0.measure != .satisfaction }.reduce(0) { $0 + $1.centipoints }
        }
        /// The deductions together (zero or below).
        public var deductedCentipoints: Int64 { lines.filter { $0.deduction != nil }.reduce(0) { $0 + $1.centipoints } }
    }

    /// The score of one unit: each weighted measure's share of its target (a measure without a
    /// target gives its points only to the units with one: it is left out, not counted as met),
    /// satisfaction as a share of 1000, then the deductions.
    /// The satisfaction scored ([002]: "考核工作先看企业满意度"): the enterprises' monthly verdicts
    /// first (`SatisfactionSurvey.year`); the requesters' verdicts on closed work orders where the
    /// surveys rated the unit too seldom.
    public static func satisfaction(surveys: Int64?, workOrders: Int64?) -> Int64? { surveys ?? workOrders }

    public func score(results: [Measure: (done: Int64, target: Int64)], satisfactionPermille: Int64?, found: [Deduction: Int]) -> Score {
        var lines: [Line] = []
        for measure in Measure.allCases {
            guard let weight = weights[measure], weight > 0 else { continue }
            let achieved: Int64?
            if measure == .satisfaction {
                achieved = satisfactionPermille.map { min(max($0, 0), 1000) }
            } else if let result = results[measure], result.target > 0 {
                achieved = min(Achievement.permille(result.done, of: result.target), capPermille)
            } else {
                achieved = nil
            }
            // points × share: hundredths of a point, rounded half up
            let points = achieved.map { (Int64(weight) * 100 * $0 * 2 / 1000 + 1) / 2 } ?? 0
            lines.append(Line(measure: measure, deduction: nil, achievedPermille: achieved, count: nil, centipoints: points))
        }
        for deduction in Deduction.allCases {
            guard let each = deductions[deduction], each > 0, let count = found[deduction], count > 0 else { continue }
            lines.append(
                Line(measure: nil, deduction: deduction, achievedPermille: nil, count: count, centipoints: -Int64(each * count * 100)))
        }
        return Score(lines: lines)
    }
}

/// Shares of a target, exactly: the part reached in tenths of a percent, and whether it reaches a
/// share — products taken at double width, so no sum in fen overflows and no rounding decides.
public enum Achievement {
    public static func permille(_ done: Int64, of target: Int64) -> Int64 {
        guard target > 0, done > 0 else { return 0 }
        // beyond a million-fold the share means nothing more (and the quotient would not fit)
        guard done / target < 1_000_000 else { return 1_000_000_000 }
        // (done × 2000 / target + 1) / 2: rounded half up
        let (quotient, _) = target.dividingFullWidth(Int64(2000).multipliedFullWidth(by: done))
        return (quotient + 1) / 2
    }

    /// done ≥ target × permille / 1000.
    public static func reaches(_ done: Int64, of target: Int64, permille: Int64) -> Bool {
        atLeast(done, 1000, target, permille)
    }

    /// a × b ≥ c × d, exactly.
    public static func atLeast(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Bool {
        let (left, right) = (a.multipliedFullWidth(by: b), c.multipliedFullWidth(by: d))
        return left.high != right.high ? left.high > right.high : left.low >= right.low
    }
}
