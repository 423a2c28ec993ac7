import Foundation

/// JSON as stored in a text column and digested: keys sorted, so the same value always reads the
/// same text (a published seating's rules, a bulletin's snapshot, a campaign's digests and draw).
enum CanonicalJSON {
    static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The value a column holds, or nil when it is empty or not of that shape.
    static func value<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        text.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
