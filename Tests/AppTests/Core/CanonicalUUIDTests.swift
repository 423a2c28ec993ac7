import Foundation
import Testing

@testable import App

/// Ids read from rows by a byte-wise parser (`UUID(canonical:)`): the same UUID as Foundation's
/// for every canonical text in either case, and nil for anything else.
@Suite("行标识解析")
struct CanonicalUUIDTests {
    @Test func readsWhatFoundationReads() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(UUID(canonical: id.uuidString) == id)
            #expect(UUID(canonical: id.uuidString.lowercased()) == id)
        }
        // the demo bureau's id as SQLite holds it
        let text = "DE78FF3C-F2E8-4DBD-9F7B-C4B67B585AF8"
        #expect(UUID(canonical: text) == UUID(uuidString: text))
    }

    @Test func refusesWhatIsNotAnId() {
        for text in [
            "", "DE78FF3C", "DE78FF3CF2E84DBD9F7BC4B67B585AF8", "DE78FF3C-F2E8-4DBD-9F7B-C4B67B585AF",
            "DE78FF3C-F2E8-4DBD-9F7B-C4B67B585AF80",
            "DE78FF3C_F2E8-4DBD-9F7B-C4B67B585AF8", "GE78FF3C-F2E8-4DBD-9F7B-C4B67B585AF8", "DE78FF3C-F2E8-4DBD-9F7B-C4B67B585AF８",
            "{DE78FF3C-F2E8-4DBD-9F7B-C4B67B585AF8}",
        ] {
            #expect(UUID(canonical: text) == nil, "\(text)")
            #expect(UUID(uuidString: text) == nil, "\(text)")
        }
    }
}
