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

    /// Each unit's month from the month's cells (`SatisfactionSurvey.UnitMonth`), in cell order.
    static func unitMonths(_ cells: [SatisfactionCellRecord]) -> [SatisfactionSurvey.UnitMonth] {
        var order: [UUID] = []
        var months: [UUID: SatisfactionSurvey.UnitMonth] = [:]
        for cell in cells {
            if months[cell.unitID] == nil { order.append(cell.unitID) }
            var month =
                months[cell.unitID] ?? .init(unit: cell.unitID.uuidString, name: cell.unitName, tally: .init(), respondents: 0)
            month.tally.satisfied += cell.satisfied
            month.tally.basicallySatisfied += cell.basicallySatisfied
            month.tally.dissatisfied += cell.dissatisfied
            month.respondents = max(month.respondents, cell.tally.answers)
            months[cell.unitID] = month
        }
        return order.compactMap { months[$0] }
    }

    /// Each indicator's month: its units' cells together.
    static func indicatorMonths(_ cells: [SatisfactionCellRecord]) -> [(BusinessIndicator, SatisfactionSurvey.UnitMonth)] {
        BusinessIndicator.allCases.compactMap { indicator in
            let mine = cells.filter { $0.indicator == indicator }
            guard !mine.isEmpty else { return nil }
            var month = SatisfactionSurvey.UnitMonth(unit: indicator.rawValue, name: indicator.label, tally: .init(), respondents: 0)
            for cell in mine {
                month.tally.satisfied += cell.satisfied
                month.tally.basicallySatisfied += cell.basicallySatisfied
                month.tally.dissatisfied += cell.dissatisfied
                month.respondents = max(month.respondents, cell.tally.answers)
            }
            return (indicator, month)
        }
    }

    init(survey: SatisfactionSurveyRecord, cells: [SatisfactionCellRecord]) {
        let minimum = survey.minimumAnswers
        let (lines, lowest) = SatisfactionSurvey.month(Self.unitMonths(cells), minimumAnswers: minimum)
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
        indicators = Self.indicatorMonths(cells).map { indicator, month in
            let shown = month.respondents >= minimum
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
        let closed = try await SatisfactionRead.surveys(scope: scope, on: db).filter { $0.year == year && $0.state == .closed }
        var unitMonths: [String: (name: String, months: [(month: Int, unit: SatisfactionSurvey.UnitMonth)])] = [:]
        var indicatorMonths: [BusinessIndicator: [(month: Int, unit: SatisfactionSurvey.UnitMonth)]] = [:]
        var minimum: [Int: Int] = [:]
        for survey in closed {
            let cells = try await SatisfactionRead.cells(survey.id, on: db)
            minimum[survey.month] = survey.minimumAnswers
            for unit in SatisfactionOutcome.unitMonths(cells) {
                unitMonths[unit.unit, default: (unit.name, [])].months.append((survey.month, unit))
            }
            for (indicator, month) in SatisfactionOutcome.indicatorMonths(cells) {
                indicatorMonths[indicator, default: []].append((survey.month, month))
            }
        }
        func trend(_ months: [(month: Int, unit: SatisfactionSurvey.UnitMonth)]) -> [Int: Int64] {
            var out: [Int: Int64] = [:]
            for entry in months {
                out.merge(SatisfactionSurvey.trend([entry], minimumAnswers: minimum[entry.month] ?? 5)) { a, _ in a }
            }
            return out
        }
        return SatisfactionTrend(
            year: year, closedMonths: closed.map(\.month).sorted(),
            units: unitMonths.map { Row(key: $0.key, name: $0.value.name, months: trend($0.value.months)) }.sorted { $0.name < $1.name },
            indicators: BusinessIndicator.allCases.compactMap { i in
                indicatorMonths[i].map { Row(key: i.rawValue, name: i.label, months: trend($0)) }
            })
    }

    /// Each unit's satisfaction for the assessment: the closed months of `year` through `month`.
    static func assessed(year: Int, throughMonth month: Int, scope: String, on db: any Database) async throws -> [UUID: Int64] {
        let closed = try await SatisfactionRead.surveys(scope: scope, on: db).filter {
            $0.year == year && $0.month <= month && $0.state == .closed
        }
        var months: [String: [SatisfactionSurvey.UnitMonth]] = [:]
        // the strictest of the months' own minimums
        var minimum = 1
        for survey in closed {
            minimum = max(minimum, survey.minimumAnswers)
            for unit in SatisfactionOutcome.unitMonths(try await SatisfactionRead.cells(survey.id, on: db)) {
                months[unit.unit, default: []].append(unit)
            }
        }
        var out: [UUID: Int64] = [:]
        for (unit, ms) in months {
            if let id = UUID(uuidString: unit), let score = SatisfactionSurvey.year(ms, minimumAnswers: minimum) { out[id] = score }
        }
        return out
    }

    /// The units the month's closed survey lists lowest, with their scores.
    static func lowest(year: Int, month: Int, scope: String, on db: any Database) async throws -> [UUID: Int64] {
        guard
            let survey = try await SatisfactionRead.surveys(scope: scope, on: db).first(where: {
                $0.year == year && $0.month == month && $0.state == .closed
            })
        else { return [:] }
        let outcome = SatisfactionOutcome(survey: survey, cells: try await SatisfactionRead.cells(survey.id, on: db))
        var out: [UUID: Int64] = [:]
        for line in outcome.lowest {
            if let id = UUID(uuidString: line.unitID), let score = line.scorePermille { out[id] = score }
        }
        return out
    }
}
