import Domain
import Fluent
import FluentSQL
import Foundation

/// The registry's read side: plain rows straight from SQL (no Fluent models), for the pages and
/// API answers that are read far more often than written.
struct EnterpriseRow: Decodable, Sendable {
    var id: UUID
    var uscc: String?
    var name: String
    var formerNames: String
    var legalRepresentative: String
    var industryCode: String
    var regionCode: String
    var registeredCapitalMinor: Int64
    var registeredCapitalCurrency: String
    var tags: String
    var attracted: Bool
    var version: Int

    enum CodingKeys: String, CodingKey {
        case id, uscc, name, tags, attracted, version
        case formerNames = "former_names", legalRepresentative = "legal_representative", industryCode = "industry_code"
        case regionCode = "region_code", registeredCapitalMinor = "registered_capital_minor"
        case registeredCapitalCurrency = "registered_capital_currency"
    }

    static let columns = """
        id, uscc, name, former_names, legal_representative, industry_code, region_code, registered_capital_minor,
        registered_capital_currency, tags, attracted, version
        """
    /// The same columns qualified by the table, for joins.
    static let qualifiedColumns = columns.split(separator: ",")
        .map { "enterprises." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    var dto: EnterpriseDTO {
        EnterpriseDTO(
            id: id, uscc: uscc, name: name, formerNames: formerNames.split(separator: "\n").map(String.init),
            legalRepresentative: legalRepresentative, industryCode: industryCode, regionCode: regionCode,
            registeredCapital: Money(minorUnits: registeredCapitalMinor, currency: Currency(rawValue: registeredCapitalCurrency) ?? .cny),
            tags: tags.split(separator: ",").compactMap { EnterpriseTag(rawValue: String($0)) }, attracted: attracted, version: version)
    }

    static func find(_ id: UUID, on db: any Database) async throws -> EnterpriseDTO? {
        try await db.sql.raw("SELECT \(unsafeRaw: columns) FROM enterprises WHERE id = \(bind: id)")
            .first(decoding: EnterpriseRow.self)?.dto
    }
}

struct FigureRow: Decodable, Sendable {
    var year: Int
    var outputMinor: Int64
    var revenueMinor: Int64
    var profitMinor: Int64
    var taxMinor: Int64
    var employees: Int

    enum CodingKeys: String, CodingKey {
        case year, employees
        case outputMinor = "output_minor", revenueMinor = "revenue_minor", profitMinor = "profit_minor", taxMinor = "tax_minor"
    }

    static func all(of enterprise: UUID, on db: any Database) async throws -> [FigureRow] {
        try await db.sql.raw(
            """
            SELECT year, output_minor, revenue_minor, profit_minor, tax_minor, employees FROM enterprise_figures
            WHERE enterprise_id = \(bind: enterprise) ORDER BY year DESC
            """
        ).all(decoding: FigureRow.self)
    }
}
