import Domain
import Fluent
import FluentSQL
import Vapor

/// What a closed month says (SPEC §8): every unit's score over its indicators with its place, the
/// lowest listed for criticism, every indicator's score with its 指标长; and the year's trend per
/// unit and per indicator. A unit or an indicator rated by fewer enterprises than the month's
/// minimum is withheld ("样本不足，不予公布"); no single cell (one indicator of one unit) is shown.
struct SatisfactionOutcome: Content {
    struct UnitLine: Content {
        var unitID: String
        var name: String
        var place: Int?
        /// Tenths of a percent; nil while withheld.
        var scorePermille: Int64?
        var satisfied: Int?
        var basicallySatisfied: Int?
        var dissatisfied: Int?
        var lowest: Bool
    }

    struct IndicatorLine: Content {
        var indicator: BusinessIndicator
        var label: String
        var owner: String?
        var units: [String]
        var scorePermille: Int64?
        var answers: Int?
    }

    var answered: Int
    var minimumAnswers: Int
    var units: [UnitLine]
    var lowest: [UnitLine]
    var indicators: [IndicatorLine]

    init(survey: SatisfactionSurveyRecord, cells: [SatisfactionCellRecord]) {
        let minimum = survey.minimumAnswers
        let domain = cells.map(\.cell)
        let (lines, lowest) = SatisfactionSurvey.month(SatisfactionSurvey.unitMonths(domain), minimumAnswers: minimum)
        let lowestKeys = Set(lowest.map(\.unit))
        func line(_ l: EvaluationResults.Line) -> UnitLine {
            UnitLine(
                unitID: l.unit, name: l.name, place: l.place, scorePermille: l.tally?.scorePermille, satisfied: l.tally?.satisfied,
                basicallySatisfied: l.tally?.basicallySatisfied, dissatisfied: l.tally?.dissatisfied, lowest: lowestKeys.contains(l.unit))
        }
        answered = survey.answered
        minimumAnswers = minimum
        units = lines.map(line)
        self.lowest = lowest.map(line)
        indicators = SatisfactionSurvey.indicatorMonths(domain).map { indicator, month in
            let shown = SatisfactionSurvey.published(month, minimumAnswers: minimum)
            let mine = cells.filter { $0.indicator == indicator }
            return IndicatorLine(
                indicator: indicator, label: indicator.label, owner: mine.first?.ownerName, units: mine.map(\.unitName),
                scorePermille: shown ? month.tally.scorePermille : nil, answers: shown ? month.tally.answers : nil)
        }
    }
}

/// The year's months side by side: a row per unit and per indicator, a score per closed month.
struct SatisfactionTrend: Content {
    struct Row: Content {
        var key: String
        var name: String
        /// Month (1…12) → tenths of a percent; a month missing was not run, not closed or withheld.
        var months: [Int: Int64]
    }

    var year: Int
    var closedMonths: [Int]
    var units: [Row]
    var indicators: [Row]

    static func of(year: Int, scope: String, on db: any Database) async throws -> SatisfactionTrend {
        let closed = try await SatisfactionRead.closedMonths(scope: scope, year: year, throughMonth: 12, on: db)
        var units: [String: (name: String, months: [Int: Int64])] = [:]
        var indicators: [BusinessIndicator: [Int: Int64]] = [:]
        for (survey, cells) in closed {
            let minimum = survey.minimumAnswers
            for unit in SatisfactionSurvey.unitMonths(cells.map(\.cell)) {
                units[unit.unit, default: (unit.name, [:])].months.merge(
                    SatisfactionSurvey.trend([(survey.month, unit)], minimumAnswers: minimum)
                ) { a, _ in a }
            }
            for (indicator, month) in SatisfactionSurvey.indicatorMonths(cells.map(\.cell)) {
                indicators[indicator, default: [:]].merge(
                    SatisfactionSurvey.trend([(survey.month, month)], minimumAnswers: minimum)
                ) { a, _ in a }
            }
        }
        return SatisfactionTrend(
            year: year, closedMonths: closed.map(\.survey.month).sorted(),
            units: units.map { Row(key: $0.key, name: $0.value.name, months: $0.value.months) }.sorted { $0.name < $1.name },
            indicators: BusinessIndicator.allCases.compactMap { i in indicators[i].map { Row(key: i.rawValue, name: i.label, months: $0) } }
        )
    }

    /// Each unit's satisfaction for the assessment: the closed months of `year` through `month`
    /// together (`SatisfactionSurvey.year`).
    static func assessed(year: Int, throughMonth month: Int, scope: String, on db: any Database) async throws -> [UUID: Int64] {
        var months: [String: [(month: SatisfactionSurvey.UnitMonth, minimumAnswers: Int)]] = [:]
        for (survey, cells) in try await SatisfactionRead.closedMonths(scope: scope, year: year, throughMonth: month, on: db) {
            for unit in SatisfactionSurvey.unitMonths(cells.map(\.cell)) {
                months[unit.unit, default: []].append((unit, survey.minimumAnswers))
            }
        }
        var out: [UUID: Int64] = [:]
        for (unit, ms) in months {
            if let id = UUID(uuidString: unit), let score = SatisfactionSurvey.year(ms) { out[id] = score }
        }
        return out
    }

    /// The units the month's closed survey lists lowest, with their scores.
    static func lowest(year: Int, month: Int, scope: String, on db: any Database) async throws -> [UUID: Int64] {
        let closed = try await SatisfactionRead.closedMonths(scope: scope, year: year, throughMonth: month, on: db)
        guard let (survey, cells) = closed.first(where: { $0.survey.month == month }) else { return [:] }
        var out: [UUID: Int64] = [:]
        for line in SatisfactionOutcome(survey: survey, cells: cells).lowest {
            if let id = UUID(uuidString: line.unitID), let score = line.scorePermille { out[id] = score }
        }
        return out
    }
}
