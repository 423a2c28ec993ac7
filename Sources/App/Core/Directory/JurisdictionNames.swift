import Fluent
import Vapor

/// Division names by code, for showing 东宝区 instead of 420802.
enum JurisdictionNames {
    static let cacheKey = "jurisdiction-names"

    /// Cached for 30 s: divisions are registered rarely, and this is read on every registry page.
    static func load(_ request: Request) async throws -> [String: String] {
        let db = request.db
        return try await request.application.shortCache.value(cacheKey, ttl: 30) {
            let all = try await Jurisdiction.query(on: db).all()
            return Dictionary(all.compactMap { j in j.id.map { ($0, j.name) } }, uniquingKeysWith: { a, _ in a })
        }
    }
}
