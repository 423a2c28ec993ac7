import Domain
import Fluent
import Vapor

/// Personal API tokens: shown once at creation, stored hashed, revocable.
struct TokenController {
    func registerWeb(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.tokens.pattern, use: page)
        pages.post(SiteURL.tokens.pattern, use: createFromForm)
        pages.post(SiteURL.tokenRevoke(SiteURL.anyID).pattern, use: revokeFromForm)
    }

    func registerAPI(_ api: any RoutesBuilder) {
        api.get(APIRoute.tokens.pattern, use: list)
        api.post(APIRoute.tokens.pattern, use: createFromAPI)
        api.delete(APIRoute.token.pattern, use: revokeFromAPI)
    }

    struct TokenDTO: Content {
        var id: UUID
        var name: String
        var createdAt: Int64
        var lastUsedAt: Int64?
        var revoked: Bool
        /// Only in the answer to a create: the secret is never shown again.
        var token: String?
    }

    static func dto(_ token: APIToken, secret: String? = nil) -> TokenDTO {
        TokenDTO(
            id: token.id!, name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt, revoked: token.revokedAt != nil,
            token: secret)
    }

    func tokens(_ request: Request) async throws -> [APIToken] {
        let user = try request.authorize(.read, .ownTokens)
        return try await APIToken.query(on: request.db).filter(\.$person.$id == user.personID).sort(\.$createdAt, .descending).all()
    }

    /// Creates a token for the current user; returns the stored row and the secret.
    func create(_ request: Request, name raw: String?) async throws -> (APIToken, String) {
        let user = try request.authorize(.write, .ownTokens)
        let name = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 40, !name.hasControlCharacters else {
            throw AppError.field("name", zh: "请填写令牌用途（不超过 40 字）。", en: "Name the token (at most 40 characters).")
        }
        let actor = request.auditActor
        let now = request.clock.seconds
        let millis = request.clock.millis
        return try await request.writeTransaction { db in
            let active = try await APIToken.query(on: db).filter(\.$person.$id == user.personID).filter(\.$revokedAt == nil).count()
            guard active < 20 else {
                throw AppError.field("name", zh: "每人最多 20 个有效令牌，请先吊销不用的。", en: "At most 20 active tokens per person.")
            }
            let (token, secret) = try await APIToken.issue(to: user.personID, name: name, now: now, on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "token.create", objectType: "api_token", objectID: token.id!.uuidString, after: ["name": name],
                at: millis)
            return (token, secret)
        }
    }

    func revoke(_ request: Request, _ id: UUID) async throws {
        let user = try request.authorize(.write, .ownTokens)
        let actor = request.auditActor
        let now = request.clock.seconds
        let millis = request.clock.millis
        try await request.writeTransaction { db in
            guard let token = try await APIToken.find(id, on: db), token.$person.id == user.personID else { throw AppError.notFound }
            guard token.revokedAt == nil else { return }
            token.revokedAt = now
            try await token.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "token.revoke", objectType: "api_token", objectID: id.uuidString, at: millis)
        }
    }

    func page(_ request: Request) async throws -> Response {
        .html(
            TokenView.render(
                try await tokens(request).map { Self.dto($0) }, secret: nil, form: FormState(), context: PageContext(request: request)))
    }

    struct NameBody: Content { var name: String? }

    func createFromForm(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(NameBody.self)
        do {
            let (_, secret) = try await create(request, name: body.name)
            return .html(
                TokenView.render(
                    try await tokens(request).map { Self.dto($0) }, secret: secret, form: FormState(),
                    context: PageContext(request: request)))
        } catch let error as AppError where error.status == .unprocessableEntity {
            return .html(
                TokenView.render(
                    try await tokens(request).map { Self.dto($0) }, secret: nil,
                    form: FormState(values: ["name": body.name ?? ""], error: error),
                    context: PageContext(request: request)), status: error.status)
        }
    }

    func revokeFromForm(_ request: Request) async throws -> Response {
        try await revoke(request, try request.idParameter())
        return request.redirect(to: SiteURL.tokens.path)
    }

    func list(_ request: Request) async throws -> [TokenDTO] {
        try await tokens(request).map { Self.dto($0) }
    }

    func createFromAPI(_ request: Request) async throws -> Response {
        let body = try request.content.decode(NameBody.self)
        let (token, secret) = try await create(request, name: body.name)
        return try Response.created(Self.dto(token, secret: secret))
    }

    func revokeFromAPI(_ request: Request) async throws -> HTTPStatus {
        try await revoke(request, try request.idParameter())
        return .noContent
    }
}
