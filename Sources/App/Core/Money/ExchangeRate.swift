import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The monthly rate table: yuan per unit of `currency` in ten-thousandths.
final class ExchangeRate: Model, @unchecked Sendable {
    static let schema = "exchange_rates"
    @ID var id: UUID?
    @Field(key: "currency") var currency: String
    @Field(key: "month") var month: String
    @Field(key: "rate") var rate: Int64

    init() {}

    static func table(on db: any Database) async throws -> ExchangeRates {
        struct Row: Decodable { var currency: String, month: String, rate: Int64 }
        var rates: [Currency: [String: Int64]] = [:]
        for row in try await db.sql.raw("SELECT currency, month, rate FROM exchange_rates").all(decoding: Row.self) {
            guard let currency = Currency(rawValue: row.currency) else { continue }
            rates[currency, default: [:]][row.month] = row.rate
        }
        return ExchangeRates(rates: rates)
    }

    /// The table as pages read it: kept a minute, dropped by any write in this process.
    static func table(_ request: Request) async throws -> ExchangeRates {
        let db = request.db
        return try await request.application.shortCache.value(ShortCache.writeSensitive + "rates", ttl: 60) {
            try await table(on: db)
        }
    }
}
