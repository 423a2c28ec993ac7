import Domain
import Vapor

/// The bureau's work-order settings over the API: one-time enterprise links, routing rules and
/// the units' group robots. Same rules as the pages (`WorkOrderSettings`).
struct WorkOrderSettingsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.post(APIRoute.demandLinks.pattern, use: issueLink)
        api.get(APIRoute.routingRules.pattern, use: rules)
        api.put(APIRoute.routingRules.pattern, use: setRule)
        api.delete(APIRoute.routingRule.pattern, use: deleteRule)
        api.get(APIRoute.robots.pattern, use: robots)
        api.put(APIRoute.unitRobot.pattern, use: setRobot)
    }

    struct LinkBody: Content { var enterpriseName: String? }

    struct IssuedLink: Content {
        var id: UUID
        var enterpriseName: String
        /// The link to hand to the enterprise; shown this once (only its digest is kept).
        var url: String
        var createdOn: String
    }

    func issueLink(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(LinkBody.self)
        let (link, url) = try await WorkOrderSettings(request: request).issueLink(enterpriseName: body.enterpriseName ?? "")
        return try Response.created(
            IssuedLink(id: try link.requireID(), enterpriseName: link.enterpriseName, url: url, createdOn: link.createdOn))
    }

    func rules(_ request: Request) async throws -> [WorkOrderSettings.Rule] {
        try await WorkOrderSettings(request: request).rules()
    }

    struct RuleBody: Content {
        var kind: String?
        var category: String?
        var unitID: UUID?
    }

    func setRule(_ request: Request) async throws -> WorkOrderSettings.Rule {
        let body = try request.decodeForm(RuleBody.self)
        return try await WorkOrderSettings(request: request).setRule(
            kind: body.kind ?? "", category: body.category ?? "", unit: body.unitID)
    }

    func deleteRule(_ request: Request) async throws -> HTTPStatus {
        try await WorkOrderSettings(request: request).deleteRule(try request.idParameter())
        return .noContent
    }

    func robots(_ request: Request) async throws -> [WorkOrderSettings.Robot] {
        try await WorkOrderSettings(request: request).robots()
    }

    struct RobotBody: Content { var url: String? }

    func setRobot(_ request: Request) async throws -> HTTPStatus {
        let body = try request.decodeForm(RobotBody.self)
        // the address is required: an empty string stops the pushes, a body without it is a mistake
        guard let url = body.url else {
            throw AppError.field("url", zh: "请填写机器人地址（空字符串表示停用）。", en: "url is required (an empty string stops the pushes).")
        }
        try await WorkOrderSettings(request: request).setRobot(unit: try request.idParameter(), url: url)
        return .noContent
    }
}
