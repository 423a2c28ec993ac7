import Domain
import Foundation

/// A bulletin as issued: everything the printed page and the .xlsx show, written once as one
/// canonical JSON text (keys sorted) whose SHA-256 goes to the audit log. The page reads this
/// record back and checks the digest; nothing in it is recomputed from today's data.
struct BulletinRecord: Codable, Sendable, Equatable {
    /// A line of the ranking: the published ranking's, with the figures behind the score.
    struct Row: Codable, Sendable, Equatable {
        var kind: String
        var place: Int
        var unit: String
        var score: Int64
        var results: Int64
        var deducted: Int64
        /// 合同投资 reached, as a percentage of the target ("125.0%"), or "未下达".
        var contract: String
    }

    struct Mention: Codable, Sendable, Equatable {
        var unit: String
        var kind: String
        /// The figures behind the mention, as a cadre reads them.
        var text: String
    }

    /// A work order unanswered into the bulletin step during the period.
    struct Overdue: Codable, Sendable, Equatable {
        var unit: String
        var number: String
        var title: String
        var deadline: String
        var reached: String
        var answered: String?
    }

    var issuer: String
    var year: Int
    var number: Int
    var period: String
    var title: String
    var issuedOn: String
    var through: String
    var opening: String
    var formula: String
    var tieRule: String
    var praiseRule: String
    var criticismRule: String
    var ranking: [Row]
    var praise: [Mention]
    var criticism: [Mention]
    var overdue: [Overdue]
    var closing: String
    /// The published ranking (and, at the year's end, seating) the bulletin was drawn from.
    var sources: [String]

    var json: String { CanonicalJSON.text(self) }

    static func from(json: String) -> BulletinRecord? { CanonicalJSON.value(BulletinRecord.self, from: json) }

    /// "2026年第3期" as the masthead prints it and the list names it.
    var numberText: String { Self.numberText(year: year, number: number) }

    static func numberText(year: Int, number: Int) -> String { "\(year)年第\(number)期" }

    /// "2026-11-29" → "2026年11月29日", as the standard writes dates.
    static func chineseDate(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }
}
