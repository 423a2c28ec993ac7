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
        /// The series' answers together; nil when it would give a withheld unit away.
        var total: Counts?
        var lines: [Line]
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
        let results = Self.results(units, minimumAnswers: campaign.minimumAnswers)
        // the years before, and this one
        var history = try await lastPlaces(scope: scope, before: campaign.year, on: db)
        for line in results.flatMap(\.1.lines) where line.criticised { history[line.unit, default: []].insert(campaign.year) }
        let ids = Dictionary(uniqueKeysWithValues: units.map { ($0.unitID.uuidString, $0.unitID) })
        let series = results.map { s, result in
            SeriesResult(
                series: s, total: result.total.map(Counts.init),
                lines: result.lines.compactMap { line -> Line? in
                    guard let id = ids[line.unit] else { return nil }
                    let step = line.criticised ? EvaluationResults.step(lastIn: history[line.unit] ?? [], year: campaign.year) : nil
                    return Line(
                        unitID: id, name: line.name, counts: line.tally.map(Counts.init), place: line.place, praised: line.praised,
                        criticised: line.criticised, step: step?.rawValue, stepLabel: step?.label)
                })
        }
        return EvaluationOutcome(
            year: campaign.year, ballots: campaign.ballots, codesIssued: campaign.codesIssued, minimumAnswers: campaign.minimumAnswers,
            intact: EvaluationStore.resultsDigest(units) == campaign.resultsDigest, series: series)
    }

    /// Each series' results (`EvaluationResults.series`) from the units' counts, series without units left out.
    static func results(_ units: [EvaluationUnitRecord], minimumAnswers: Int) -> [(EvaluationSeries, EvaluationResults.Series)] {
        EvaluationSeries.allCases.compactMap { s in
            let members = units.filter { $0.series == s }
            guard !members.isEmpty else { return nil }
            return (s, EvaluationResults.series(members.map { ($0.unitID.uuidString, $0.name, $0.tally) }, minimumAnswers: minimumAnswers))
        }
    }

    /// The years each unit (by its id's text) was last in its series, over the jurisdiction's
    /// closed campaigns before `year` — the history the ladder climbs.
    static func lastPlaces(scope: String, before year: Int, on db: any Database) async throws -> [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        for campaign in try await EvaluationRead.campaigns(scope: scope, on: db) where campaign.state == .closed && campaign.year < year {
            let units = try await EvaluationRead.units(campaign.id, on: db)
            for line in results(units, minimumAnswers: campaign.minimumAnswers).flatMap(\.1.lines) where line.criticised {
                out[line.unit, default: []].insert(campaign.year)
            }
        }
        return out
    }

    /// The year's decision list: each last unit with the step the ladder gives it.
    var decisions: [(series: EvaluationSeries, line: Line)] {
        series.flatMap { s in s.lines.filter(\.criticised).map { (s.series, $0) } }
    }
}
