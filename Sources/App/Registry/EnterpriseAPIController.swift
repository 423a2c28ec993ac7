import Domain
import Fluent
import Vapor

/// `/api/v1/enterprises`: the same rules as the pages, as JSON.
struct EnterpriseAPIController {

    struct Body: Content {
        var uscc: String?
        var name: String?
        var formerNames: [String]?
        var legalRepresentative: String?
        var industryCode: String?
        var regionCode: String?
        var registeredCapital: MoneyBody?
        var tags: [String]?
        var attracted: Bool?
        var version: Int?
    }

    /// A page of the registry with the count and registered capital (by currency) of the whole set.
    struct ListDTO: Content {
        var items: [EnterpriseDTO]
        var page: Int
        var per: Int
        var hasMore: Bool
        var count: Int
        /// True when the words hold more than `count` enterprises (the count stops there, and
        /// `registeredCapital` is left empty).
        var countCapped: Bool
        var registeredCapital: [Money]
    }

    func list(_ request: Request) async throws -> ListDTO {
        let user = try request.authorize(.read, .enterprise)
        let paging = try Paging(request)
        let q = request.queryValue("q") ?? ""
        guard q.count <= 60 else { throw AppError.field("q", zh: "检索词不超过 60 字。", en: "q is at most 60 characters.") }
        var search = EnterpriseSearch(query: q, scope: user.scope, page: paging.page, per: paging.per)
        search.filter = try EnterpriseSearch.Filter(request)
        let result = try await search.run(on: request.db)
        let totals = try await search.cachedTotals(request)
        return ListDTO(
            items: result.items, page: paging.page, per: paging.per, hasMore: result.hasMore, count: totals.count,
            countCapped: totals.capped, registeredCapital: totals.capital)
    }

    func show(_ request: Request) async throws -> EnterpriseDTO {
        try await EnterpriseService(request: request).read(try request.idParameter())
    }

    func create(_ request: Request) async throws -> Response {
        try request.authorize(.write, .enterprise)
        let body = try request.content.decode(Body.self)
        let enterprise = try await EnterpriseService(request: request).create(try Self.input(body, base: nil))
        return try Response.created(EnterpriseDTO(enterprise))
    }

    /// Fields left out keep their current value; `version` is required.
    func update(_ request: Request) async throws -> EnterpriseDTO {
        try request.authorize(.write, .enterprise)
        let id = try request.idParameter()
        let body = try request.content.decode(Body.self)
        guard let version = body.version else {
            throw AppError.field("version", zh: "请提供您编辑所依据的版本号 version。", en: "version (the version you edited) is required.")
        }
        let service = EnterpriseService(request: request)
        let current = try await service.find(id, for: .write)
        return EnterpriseDTO(try await service.update(id, try Self.input(body, base: current), basedOn: version))
    }

    static func input(_ body: Body, base: Enterprise?) throws(AppError) -> EnterpriseInput {
        let capital: Result<Money, AppError.Message>
        if let money = body.registeredCapital {
            if let currency = Currency(rawValue: money.currency), (0...ChineseAmount.maximumMinorUnits).contains(money.minorUnits) {
                capital = .success(Money(minorUnits: money.minorUnits, currency: currency))
            } else {
                capital = .failure(
                    .init(
                        zh: "注册资本应为 0 至 1万亿元（10^14 分）的整数分值，币种为 ISO 4217 代码。",
                        en: "registeredCapital: minorUnits 0…10^14 and an ISO 4217 currency."
                    ))
            }
        } else {
            capital = .success(base?.registeredCapital ?? Money(minorUnits: 0))
        }
        return try EnterpriseInput.validate(
            uscc: body.uscc ?? base?.uscc, name: body.name ?? base?.name, formerNames: body.formerNames ?? base?.formerNameList ?? [],
            legalRepresentative: body.legalRepresentative ?? base?.legalRepresentative,
            industryCode: body.industryCode ?? base?.industryCode, regionCode: body.regionCode ?? base?.regionCode,
            capital: capital, tags: body.tags ?? base?.tags.map(\.rawValue) ?? [], attracted: body.attracted ?? base?.attracted ?? false)
    }
}
