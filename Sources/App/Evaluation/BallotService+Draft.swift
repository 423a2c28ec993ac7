import Crypto
import Domain
import Fluent
import Foundation

/// A ballot saved to finish later the same day: sealed with a key made from its code, so only the
/// code's holder opens it.
extension BallotService {
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
