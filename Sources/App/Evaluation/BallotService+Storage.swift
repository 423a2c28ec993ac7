import Crypto
import Domain
import Fluent
import FluentSQL
import Foundation

/// How a ballot is kept: counts, comments without a date, a draft only its code opens.
extension BallotService {
    /// Adds one ballot to the counts of every unit of the campaign in one statement: every row is
    /// written whatever it was given, so not even which rows changed tells the ballot apart.
    static func addToCounts(campaign: UUID, units: [EvaluationUnitRecord], answers: [String: Choice], on db: any Database) async throws {
        func column(_ choice: Choice) -> SQLQueryString {
            let chosen = units.filter { answers[$0.unitID.uuidString] == choice }.map(\.unitID)
            guard !chosen.isEmpty else { return "0" }
            return "CASE WHEN unit_id IN (\(binds: chosen)) THEN 1 ELSE 0 END"
        }
        try await db.sql.raw(
            """
            UPDATE evaluation_units SET satisfied = satisfied + \(column(.satisfied)),
              basically_satisfied = basically_satisfied + \(column(.basicallySatisfied)),
              dissatisfied = dissatisfied + \(column(.dissatisfied)), not_known = not_known + \(column(.unknown))
            WHERE campaign_id = \(bind: campaign)
            """
        ).run()
    }

    /// A comment under a random id (on SQLite in a table without rowid, so stored in the id's order).
    static func insertComment(campaign: UUID, unit: UUID, body: String, on db: any Database) async throws {
        try await db.sql.raw(
            "INSERT INTO evaluation_comments (id, campaign_id, unit_id, body) VALUES (\(bind: Secrets.token(bytes: 16)), \(bind: campaign), \(bind: unit), \(bind: body))"
        ).run()
    }

    /// The draft's key: made from the code, which only its holder types in.
    static func key(code: String, campaign: UUID) -> SymmetricKey {
        SymmetricKey(data: SHA256.hash(data: Array("ballot-draft|\(campaign.uuidString)|\(code)".utf8)))
    }

    static func seal(_ draft: Draft, code: String, campaign: UUID) -> String {
        let json = (try? JSONEncoder().encode(draft)) ?? Data()
        guard let box = try? AES.GCM.seal(json, using: key(code: code, campaign: campaign)), let combined = box.combined else { return "" }
        return combined.base64EncodedString()
    }

    static func unseal(_ sealed: String, code: String, campaign: UUID) -> Draft? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let json = try? AES.GCM.open(box, using: key(code: code, campaign: campaign))
        else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: json)
    }
}
