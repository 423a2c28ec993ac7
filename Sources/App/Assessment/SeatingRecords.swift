import Domain
import Foundation

/// How a year's seating rules and lines are kept and proven: the rules as JSON (in `seating_rules`
/// and, frozen, in each published seating), and the digest of a published seating's lines — the
/// SHA-256 of one canonical text, written to the audit log when it is published and checked
/// again whenever it is shown, so an edit of a stored line shows as a digest that no longer agrees.
enum SeatingRecords {
    struct ConsequenceRecord: Codable, Sendable, Equatable {
        var awardEligible: Bool
        /// Fen a person.
        var bonusWithheldPerPerson: Int64
        var leadershipTalk: Bool
    }

    struct RulesRecord: Codable, Sendable, Equatable {
        var measure: String
        var completionPermille: Int64
        var negotiatingForIntent: Int
        var consequences: [String: ConsequenceRecord]

        init(_ rules: YearEndSeat.Rules) {
            measure = rules.measure.rawValue
            completionPermille = rules.completionPermille
            negotiatingForIntent = rules.negotiatingForIntent
            consequences = Self.record(rules.consequences)
        }

        static func record(_ consequences: [YearEndSeat: YearEndSeat.Consequence]) -> [String: ConsequenceRecord] {
            Dictionary(
                uniqueKeysWithValues: consequences.filter { !$0.value.isNone }.map { seat, c in
                    (
                        seat.rawValue,
                        ConsequenceRecord(
                            awardEligible: c.awardEligible, bonusWithheldPerPerson: c.bonusWithheldPerPerson?.minorUnits ?? 0,
                            leadershipTalk: c.leadershipTalk)
                    )
                })
        }

        static func consequences(_ records: [String: ConsequenceRecord]) -> [YearEndSeat: YearEndSeat.Consequence] {
            var consequences: [YearEndSeat: YearEndSeat.Consequence] = [:]
            for (key, c) in records {
                guard let seat = YearEndSeat(rawValue: key) else { continue }
                consequences[seat] = .init(
                    awardEligible: c.awardEligible,
                    bonusWithheldPerPerson: c.bonusWithheldPerPerson > 0 ? Money(minorUnits: c.bonusWithheldPerPerson) : nil,
                    leadershipTalk: c.leadershipTalk)
            }
            return consequences
        }

        var rules: YearEndSeat.Rules {
            YearEndSeat.Rules(
                measure: ScoreFormula.Measure(rawValue: measure) ?? .contractInvestment, completionPermille: completionPermille,
                negotiatingForIntent: negotiatingForIntent, consequences: Self.consequences(consequences))
        }

        /// Canonical JSON (keys sorted), so the same rules always read the same text.
        var json: String { CanonicalJSON.text(self) }

        static func from(json: String) -> RulesRecord? { CanonicalJSON.value(RulesRecord.self, from: json) }
    }

    /// The digest of a seating: its year, day, rules and every line in order, one per line of text.
    static func digest(year: Int, through: CivilDate, rules: YearEndSeat.Rules, lines: [SeatingService.Line]) -> String {
        var text = "\(year)|\(through)|\(RulesRecord(rules).json)\n"
        for (index, line) in lines.enumerated() {
            let r = line.results
            let fields: [String] = [
                String(index + 1), line.unit.id.uuidString, line.unit.name, line.unit.kind.rawValue, line.seat.rawValue, String(r.done),
                r.target.map(String.init) ?? "-", String(r.verifiedSignings), String(r.negotiating), String(line.staff),
                line.consequence.awardEligible ? "1" : "0", String(line.bonusWithheld.minorUnits),
                line.consequence.leadershipTalk ? "1" : "0",
            ]
            text += fields.joined(separator: "|") + "\n"
        }
        return Secrets.digest(text)
    }
}
