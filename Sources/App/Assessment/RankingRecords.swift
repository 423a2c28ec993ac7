import Domain
import Foundation

/// How a year's formula and a ranking's lines are kept: the formula as JSON (weights and
/// deductions by name, the cap), each score's lines as JSON, and the digest of a published
/// ranking's lines — the SHA-256 of one canonical text, in the audit log, checked when shown.
enum RankingRecords {
    struct FormulaRecord: Codable, Sendable, Equatable {
        var weights: [String: Int]
        var deductions: [String: Int]
        var capPermille: Int64

        init(weights: [String: Int], deductions: [String: Int], capPermille: Int64) {
            (self.weights, self.deductions, self.capPermille) = (weights, deductions, capPermille)
        }

        init(_ formula: ScoreFormula) {
            weights = Dictionary(uniqueKeysWithValues: formula.weights.map { ($0.key.rawValue, $0.value) })
            deductions = Dictionary(uniqueKeysWithValues: formula.deductions.map { ($0.key.rawValue, $0.value) })
            capPermille = formula.capPermille
        }

        /// The formula, or why not (a name that is no measure, weights not summing to 100…).
        func formula() throws -> ScoreFormula {
            var w: [ScoreFormula.Measure: Int] = [:]
            var d: [ScoreFormula.Deduction: Int] = [:]
            var unknown: [String: AppError.Message] = [:]
            for (key, value) in weights {
                guard let measure = ScoreFormula.Measure(rawValue: key) else {
                    unknown["weights.\(key)"] = .init(zh: "没有名为 \(key) 的指标。", en: "No measure \(key).")
                    continue
                }
                w[measure] = value
            }
            for (key, value) in deductions {
                guard let deduction = ScoreFormula.Deduction(rawValue: key) else {
                    unknown["deductions.\(key)"] = .init(zh: "没有名为 \(key) 的扣分项。", en: "No deduction \(key).")
                    continue
                }
                d[deduction] = value
            }
            guard unknown.isEmpty else { throw AppError.validation(unknown) }
            // beyond these a figure is a typing error (and sums of them must not overflow)
            guard (Array(w.values) + Array(d.values)).allSatisfy({ $0 <= 1000 }), capPermille <= 10_000 else {
                throw AppError.field(
                    "weights", zh: "权重和扣分不超过 1000，单项封顶不超过 1000%。", en: "Weights and deductions at most 1000; the cap at most 1000%.")
            }
            do {
                return try ScoreFormula(weights: w, deductions: d, capPermille: capPermille)
            } catch .weightsNot100(let sum) {
                throw AppError.field("weights", zh: "各项权重之和应为 100，现为 \(sum)。", en: "The weights must sum to 100, not \(sum).")
            } catch {
                throw AppError.field(
                    "weights", zh: "权重和扣分不能为负数，封顶不低于 100%。", en: "No negative weight or deduction; the cap at least 100%.")
            }
        }

        var json: String { CanonicalJSON.text(self) }
    }

    struct LineRecord: Codable, Sendable, Equatable {
        var measure: String?
        var deduction: String?
        var achievedPermille: Int64?
        var count: Int?
        var centipoints: Int64

        init(_ line: ScoreFormula.Line) {
            (measure, deduction, achievedPermille, count, centipoints) = (
                line.measure?.rawValue, line.deduction?.rawValue, line.achievedPermille, line.count, line.centipoints
            )
        }

        var line: ScoreFormula.Line {
            ScoreFormula.Line(
                measure: measure.flatMap(ScoreFormula.Measure.init(rawValue:)),
                deduction: deduction.flatMap(ScoreFormula.Deduction.init(rawValue:)), achievedPermille: achievedPermille, count: count,
                centipoints: centipoints)
        }
    }

    static func json(_ score: ScoreFormula.Score) -> String { CanonicalJSON.text(score.lines.map(LineRecord.init)) }

    static func score(json: String) -> ScoreFormula.Score {
        let lines = (try? JSONDecoder().decode([LineRecord].self, from: Data(json.utf8))) ?? []
        return ScoreFormula.Score(lines: lines.map(\.line))
    }

    /// The digest of a ranking: its period, day, formula and every line in order.
    static func digest(period: RankingPeriod, through: CivilDate, formula: ScoreFormula, lines: [RankingService.Line]) -> String {
        var text = "\(period)|\(through)|\(FormulaRecord(formula).json)\n"
        for line in lines {
            let fields = [
                line.unit.id.uuidString, line.unit.name, line.unit.kind.rawValue, String(line.place), String(line.score.centipoints),
                String(line.score.resultsCentipoints), json(line.score), line.targetMetOn?.description ?? "-",
            ]
            text += fields.joined(separator: "|") + "\n"
        }
        return Secrets.digest(text)
    }
}
