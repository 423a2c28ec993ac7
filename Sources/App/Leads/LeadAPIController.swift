import Domain
import Fluent
import Vapor

/// `/api/v1/leads`.
struct LeadAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.leads.pattern, use: list)
        api.post(APIRoute.leads.pattern, use: submit)
        api.get(APIRoute.lead.pattern, use: show)
        api.post(APIRoute.leadRespond.pattern, use: respond)
        api.post(APIRoute.leadDecision.pattern, use: decide)
        api.post(APIRoute.leadMerge.pattern, use: merge)
    }

    /// The bureau's actions on a lead, as on its page: respond, return or reject with a reason,
    /// merge into another lead of the same enterprise.
    struct ActionBody: Content {
        var version: Int
        var decision: String?
        var reason: String?
        var target: UUID?
    }

    func respond(_ request: Request) async throws -> LeadDTO {
        let body = try request.content.decode(ActionBody.self)
        return LeadDTO(try await LeadService(request: request).respond(try request.idParameter(), basedOn: body.version))
    }

    func decide(_ request: Request) async throws -> LeadDTO {
        let body = try request.content.decode(ActionBody.self)
        guard let decision = LeadService.Decision(rawValue: body.decision ?? "") else {
            throw AppError.field("decision", zh: "decision 应为 returned（退回补充）或 rejected（不予入库）。", en: "decision is returned or rejected.")
        }
        return LeadDTO(
            try await LeadService(request: request).decide(
                try request.idParameter(), decision, reason: body.reason ?? "", basedOn: body.version))
    }

    func merge(_ request: Request) async throws -> LeadDTO {
        let body = try request.content.decode(ActionBody.self)
        guard let target = body.target else {
            throw AppError.field("target", zh: "请指明要并入的线索（target）。", en: "Name the lead to merge into (target).")
        }
        return LeadDTO(try await LeadService(request: request).merge(try request.idParameter(), into: target, basedOn: body.version))
    }

    /// A page of leads with the count and intended investment of the whole filtered set.
    struct ListDTO: Content {
        var items: [LeadDTO]
        var page: Int
        var per: Int
        var hasMore: Bool
        var count: Int
        var investment: MoneyTotalDTO
    }

    func list(_ request: Request) async throws -> ListDTO {
        try request.authorize(.read, .lead)
        let paging = try Paging(request, maxPer: LeadList.perPage)
        let page = try await LeadList.read(request, page: paging.page)
        return ListDTO(
            items: page.rows, page: paging.page, per: LeadList.perPage, hasMore: page.hasMore, count: page.count,
            investment: MoneyTotalDTO(page.investment))
    }

    func show(_ request: Request) async throws -> LeadDTO {
        LeadDTO(try await LeadService(request: request).find(try request.idParameter()))
    }

    struct Body: Content {
        var enterpriseName: String?
        var uscc: String?
        var industryCode: String?
        var investment: MoneyBody?
        var landMu: String?
        var spaceM2: Int?
        var energyTCE: Int?
        var powerKVA: Int?
        var jobs: Int?
        var channel: String?
        var notes: String?
        var confirmDuplicate: Bool?
        var contactName: String?
        var contactPhone: String?
        var homeCity: String?
        var projectContent: String?
    }

    func submit(_ request: Request) async throws -> Response {
        try request.authorize(.write, .lead)
        let body = try request.content.decode(Body.self)
        let investment: Result<Money, AppError.Message>
        if let money = body.investment, let currency = Currency(rawValue: money.currency),
            (0...ChineseAmount.maximumMinorUnits).contains(money.minorUnits)
        {
            investment = .success(Money(minorUnits: money.minorUnits, currency: currency))
        } else {
            investment = .failure(.init(zh: "请给出意向投资额（整数分值与币种）。", en: "investment: minorUnits and an ISO 4217 currency."))
        }
        let input = try LeadInput.validate(
            .init(
                enterpriseName: body.enterpriseName, uscc: body.uscc, industryCode: body.industryCode, investment: investment,
                landMu: body.landMu, spaceM2: body.spaceM2.map(String.init), energyTCE: body.energyTCE.map(String.init),
                powerKVA: body.powerKVA.map(String.init), jobs: body.jobs.map(String.init), channel: body.channel, notes: body.notes,
                confirmDuplicate: body.confirmDuplicate ?? false, contactName: body.contactName, contactPhone: body.contactPhone,
                homeCity: body.homeCity, projectContent: body.projectContent))
        let lead = try await LeadService(request: request).submit(input)
        return try Response.created(LeadDTO(lead))
    }
}
