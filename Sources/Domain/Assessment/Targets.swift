/// 目标任务 (SPEC §8): what the bureau asks of each unit for a year, measure by measure —
/// contract investment and domestic funds in CNY, foreign funds in USD (实际利用外资 is reported in
/// dollars [003]), and counts of projects signed, major, started and producing — optionally split
/// by quarter and down to the unit's cadres. A split never asks more than the whole.
extension ScoreFormula.Measure {
    /// The measures a target is set for (satisfaction is scored, never targeted).
    public static let targeted: [Self] = allCases.filter { $0 != .satisfaction }

    public enum Kind: Sendable {
        /// Minor units of the currency.
        case money(Currency)
        case count
    }

    public var kind: Kind {
        switch self {
        case .contractInvestment, .fundsDomestic: .money(.cny)
        case .fundsForeign: .money(.usd)
        case .projectsSigned, .majorProjects, .projectsStarted, .projectsProducing, .satisfaction: .count
        }
    }

    public var label: String {
        switch self {
        case .contractInvestment: "合同投资额"
        case .fundsDomestic: "到位内资"
        case .fundsForeign: "实际利用外资"
        case .projectsSigned: "签约项目数"
        case .majorProjects: "签约亿元以上项目数"
        case .projectsStarted: "开工项目数"
        case .projectsProducing: "投产项目数"
        case .satisfaction: "满意度"
        }
    }

    public var englishLabel: String {
        switch self {
        case .contractInvestment: "Contract investment"
        case .fundsDomestic: "Domestic funds arrived"
        case .fundsForeign: "Foreign funds arrived"
        case .projectsSigned: "Projects signed"
        case .majorProjects: "Major projects signed"
        case .projectsStarted: "Projects started"
        case .projectsProducing: "Projects producing"
        case .satisfaction: "Satisfaction"
        }
    }
}

/// One unit's targets for a year: the year's figure per measure, an optional split by quarter,
/// and an optional split among its cadres (by person id).
public struct TargetSheet<PersonID: Hashable & Sendable>: Equatable, Sendable {
    public typealias Measure = ScoreFormula.Measure

    public var year: [Measure: Int64]
    /// Four quarters per measure, where the bureau splits it.
    public var quarters: [Measure: [Int64]]
    public var cadres: [PersonID: [Measure: Int64]]

    public init(year: [Measure: Int64], quarters: [Measure: [Int64]] = [:], cadres: [PersonID: [Measure: Int64]] = [:]) {
        (self.year, self.quarters, self.cadres) = (year, quarters, cadres)
    }

    public enum Problem: Error, Equatable, Sendable {
        case negative(Measure)
        case notTargeted(Measure)
        case quarterCount(Measure)
        /// The quarters ask more than the year.
        case quartersExceed(Measure, sum: Int64, year: Int64)
        /// The cadres together are asked more than the unit.
        case cadresExceed(Measure, sum: Int64, unit: Int64)
        /// A figure beyond any county's year (1万亿元, or a million projects).
        case tooLarge(Measure)
    }

    /// 1万亿元 in fen, or a million projects: beyond that a figure is a typing error.
    public static func limit(_ measure: Measure) -> Int64 {
        if case .money = measure.kind { return 1_000_000_000_000 * 100 }
        return 1_000_000
    }

    /// Every problem of the sheet, in the order of the measures.
    public func problems() -> [Problem] {
        var found: [Problem] = []
        let all = Set(year.keys).union(quarters.keys).union(cadres.values.flatMap(\.keys))
        for measure in ScoreFormula.Measure.allCases where all.contains(measure) {
            guard measure != .satisfaction else {
                found.append(.notTargeted(measure))
                continue
            }
            let whole = year[measure] ?? 0
            let parts = (quarters[measure] ?? []) + cadres.values.compactMap { $0[measure] } + [whole]
            if parts.contains(where: { $0 < 0 }) {
                found.append(.negative(measure))
                continue
            }
            if parts.contains(where: { $0 > Self.limit(measure) }) {
                found.append(.tooLarge(measure))
                continue
            }
            if let split = quarters[measure] {
                if split.count != 4 {
                    found.append(.quarterCount(measure))
                } else if split.reduce(0, +) > whole {
                    found.append(.quartersExceed(measure, sum: split.reduce(0, +), year: whole))
                }
            }
            let cadreSum = cadres.values.compactMap { $0[measure] }.reduce(0, +)
            if cadreSum > whole { found.append(.cadresExceed(measure, sum: cadreSum, unit: whole)) }
        }
        return found
    }

    /// The target to the end of a quarter (1…4): the quarters' running sum where split, else the
    /// year's figure only from the fourth quarter on — a year's target is not guessed per quarter.
    public func throughQuarter(_ quarter: Int, _ measure: Measure) -> Int64? {
        if let split = quarters[measure], split.count == 4 { return split.prefix(max(0, min(quarter, 4))).reduce(0, +) }
        return quarter >= 4 ? year[measure] : nil
    }
}

/// One line of a unit's progress: done against the target, the share reached, where that stands
/// against 序时进度 on the day, and the same day a year earlier.
public struct ProgressLine: Equatable, Sendable {
    public var measure: ScoreFormula.Measure
    public var done: Int64
    public var target: Int64?
    public var lastYear: Int64
    /// The target to the end of the day's quarter, where the sheet says it (`throughQuarter`).
    public var quarterTarget: Int64?

    public init(measure: ScoreFormula.Measure, done: Int64, target: Int64?, lastYear: Int64, quarterTarget: Int64? = nil) {
        (self.measure, self.done, self.target, self.lastYear, self.quarterTarget) = (measure, done, target, lastYear, quarterTarget)
    }

    /// The lines of a unit on a day: every targeted measure's result against the sheet's year and
    /// the sheet's target to the end of the day's quarter.
    public static func lines<ID: Hashable & Sendable>(
        done: (ScoreFormula.Measure) -> Int64, lastYear: (ScoreFormula.Measure) -> Int64, sheet: TargetSheet<ID>?, on date: CivilDate
    ) -> [ProgressLine] {
        ScoreFormula.Measure.targeted.map { measure in
            ProgressLine(
                measure: measure, done: done(measure), target: sheet?.year[measure], lastYear: lastYear(measure),
                quarterTarget: sheet?.throughQuarter((date.month + 2) / 3, measure))
        }
    }

    /// The share of the target reached, in tenths of a percent; nil without a positive target.
    public var permille: Int64? {
        guard let target, target > 0 else { return nil }
        return Achievement.permille(done, of: target)
    }

    public func pace(on date: CivilDate) -> CalendarProgress.Pace? {
        target.flatMap { CalendarProgress.pace(done: done, target: $0, on: date) }
    }
}
