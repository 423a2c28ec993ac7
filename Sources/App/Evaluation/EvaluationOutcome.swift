import Domain
import Fluent
import FluentSQL
import Vapor

/// What a closed campaign says: the results per series (`EvaluationResults.series`), the counts
/// checked against the digest taken at the close, and the ladder for last place computed from
/// every closed campaign of the jurisdiction.
struct EvaluationOutcome: Content, Sendable {
    struct SeriesResult: Content, Sendable {
        var series: EvaluationSeries
        var lines: [Line]
        /// The series' answers together; nil when it would give a withheld unit away.
        var total: Counts?
    }

    struct Counts: Content, Sendable, Equatable {
        var satisfied: Int
        var basicallySatisfied: Int
        var dissatisfied: Int
        var answers: Int
        /// Tenths of a percent.
        var scorePermille: Int64?

        init(_ t: EvaluationResults.Tally) {
            (satisfied, basicallySatisfied, dissatisfied, answers) = (t.satisfied, t.basicallySatisfied, t.dissatisfied, t.answers)
            scorePermille = t.scorePermille
        }
    }

    struct Line: Content, Sendable {
        var unitID: UUID
        var name: String
        /// Nil while withheld (样本不足，不予公布).
        var counts: Counts?
        var place: Int?
        var praised: Bool
        var criticised: Bool
        /// For the last: the step of the ladder this year's place puts it on.
        var step: Int?
        var stepLabel: String?
    }

    var year: Int
    var ballots: Int
    var codesIssued: Int
    var minimumAnswers: Int
    /// The counts are those digested at the close (the audit log holds the same digest).
    var intact: Bool
    var series: [SeriesResult]

    /// The closed campaign's results, or nil while it is not closed.
    static func of(_ campaign: EvaluationCampaignRecord, scope: String, on db: any Database) async throws -> EvaluationOutcome? {
        guard campaign.state == .closed else { return nil }
        let units = try await EvaluationRead.units(campaign.id, on: db)
        let history = try await lastPlaces(scope: scope, through: campaign.year, on: db)
        var series: [SeriesResult] = []
        for s in EvaluationSeries.allCases {
            let members = units.filter { $0.series == s }
            guard !members.isEmpty else { continue }
            let result = EvaluationResults.series(
                members.map { (unit: $0.unitID.uuidString, name: $0.name, tally: $0.tally) }, minimumAnswers: campaign.minimumAnswers)
            let lines = result.lines.map { line -> Line in
                let id = UUID(uuidString: line.unit)!
                let step = line.criticised ? EvaluationResults.step(lastIn: history[id] ?? [], year: campaign.year) : nil
                return Line(
                    unitID: id, name: line.name, counts: line.tally.map(Counts.init), place: line.place, praised: line.praised,
                    criticised: line.criticised, step: step?.rawValue, stepLabel: step?.label)
            }
            series.append(SeriesResult(series: s, lines: lines, total: result.total.map(Counts.init)))
        }
        return EvaluationOutcome(
            year: campaign.year, ballots: campaign.ballots, codesIssued: campaign.codesIssued, minimumAnswers: campaign.minimumAnswers,
            intact: EvaluationService.resultsDigest(units) == campaign.resultsDigest, series: series)
    }

    /// The years each unit was last in its series, over the jurisdiction's closed campaigns up to
    /// `year` — the history the ladder climbs.
    static func lastPlaces(scope: String, through year: Int, on db: any Database) async throws -> [UUID: Set<Int>] {
        var out: [UUID: Set<Int>] = [:]
        for campaign in try await EvaluationRead.campaigns(scope: scope, on: db) where campaign.state == .closed && campaign.year <= year {
            let units = try await EvaluationRead.units(campaign.id, on: db)
            for s in EvaluationSeries.allCases {
                let result = EvaluationResults.series(
                    units.filter { $0.series == s }.map { (unit: $0.unitID.uuidString, name: $0.name, tally: $0.tally) },
                    minimumAnswers: campaign.minimumAnswers)
                for line in result.lines where line.criticised { out[UUID(uuidString: line.unit)!, default: []].insert(campaign.year) }
            }
        }
        return out
    }

    /// The year's decision list: each last unit with the step the ladder gives it.
    var decisions: [(series: EvaluationSeries, line: Line)] {
        series.flatMap { s in s.lines.filter(\.criticised).map { (s.series, $0) } }
    }
}
