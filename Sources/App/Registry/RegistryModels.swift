import Domain
import Fluent
import Foundation

/// 企业: an entry of the enterprise registry (SPEC §3).
final class Enterprise: Model, @unchecked Sendable {
    static let schema = "enterprises"
    @ID var id: UUID?
    @OptionalField(key: "uscc") var uscc: String?
    @Field(key: "name") var name: String
    /// `NameNormalizer.key`: what every duplicate check compares.
    @Field(key: "name_key") var nameKey: String
    /// Former names, one per line.
    @Field(key: "former_names") var formerNames: String
    @Field(key: "legal_representative") var legalRepresentative: String
    /// GB/T 4754 industry code, e.g. C3982 (电子电路制造).
    @Field(key: "industry_code") var industryCode: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "registered_capital_minor") var registeredCapitalMinor: Int64
    @Field(key: "registered_capital_currency") var registeredCapitalCurrency: String
    /// Tag codes, comma-separated.
    @Field(key: "tags") var tagCodes: String
    @Field(key: "attracted") var attracted: Bool
    @Field(key: "search_text") var searchText: String
    @Field(key: "search_grams") var searchGrams: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var formerNameList: [String] {
        formerNames.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
    var tags: [EnterpriseTag] { tagCodes.split(separator: ",").compactMap { EnterpriseTag(rawValue: String($0)) } }
    var registeredCapital: Money {
        Money(minorUnits: registeredCapitalMinor, currency: Currency(rawValue: registeredCapitalCurrency) ?? .cny)
    }

    /// Recomputes what search and duplicate checks read; called before every save.
    func refreshDerivedFields() {
        nameKey = NameNormalizer.key(for: name)
        let fields = [name] + formerNameList + [uscc ?? "", legalRepresentative]
        searchText = fields.map { SearchGrams.foldedQuery($0.count > 40 ? String($0.prefix(40)) : $0) }
            .joined(separator: "|")
        searchGrams = SearchGrams.document(fields)
    }
}

/// 企业标签 (SPEC §3).
enum EnterpriseTag: String, CaseIterable, Codable, Sendable {
    case leading, chainLeader, fortune500, aboveScale, aboveQuota, highTech
}

/// Annual figures of one enterprise (SPEC §3): what the share of attracted enterprises is built on.
final class EnterpriseFigure: Model, @unchecked Sendable {
    static let schema = "enterprise_figures"
    @ID var id: UUID?
    @Parent(key: "enterprise_id") var enterprise: Enterprise
    @Field(key: "year") var year: Int
    @Field(key: "output_minor") var outputMinor: Int64
    @Field(key: "revenue_minor") var revenueMinor: Int64
    @Field(key: "profit_minor") var profitMinor: Int64
    @Field(key: "tax_minor") var taxMinor: Int64
    @Field(key: "employees") var employees: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
