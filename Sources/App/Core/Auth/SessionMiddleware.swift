import Domain
import Fluent
import Vapor

/// Reads the session cookie, enforces idle (30 min) and absolute (12 h) expiry, and sets
/// `currentUser`. Sessions live in the database, so any app process can serve any request.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "zs_session"
    /// Seen-at is written at most once a minute: idle expiry does not need more precision.
    static let touchInterval: Int64 = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty {
            try await load(token: token, request)
        }
        return try await next.respond(to: request)
    }

    private func load(token: String, _ request: Request) async throws {
        let id = Secrets.digest(token)
        // session, person and unit in one query: this runs on every page
        guard let session = try await SessionRow.find(id: id, on: request.db) else { return }
        let now = request.clock.seconds
        let state = AccountRules.sessionState(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now)
        guard state == .active, let user = session.principal.currentUser(csrfToken: session.csrfToken, now: now) else {
            try await request.db.sql.raw("DELETE FROM user_sessions WHERE id = \(bind: id)").run()
            return
        }
        if now - session.lastSeenAt >= Self.touchInterval {
            try await request.db.sql.raw("UPDATE user_sessions SET last_seen_at = \(bind: now) WHERE id = \(bind: id)").run()
        }
        request.currentUser = user
    }

    static func cookie(_ value: String, request: Request, maxAge: Int? = Int(AccountRules.absoluteSeconds))
        -> HTTPCookies.Value
    {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, path: "/", isSecure: request.isTLS, isHTTPOnly: true,
            sameSite: .lax)
    }
}

/// Web pages behind login send the browser to the login page.
struct RequireLoginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.currentUser != nil else {
            let target = request.url.path == "/" ? SiteURL.login.path : SiteURL.login.with(query: ["next": request.url.path])
            return request.redirect(to: target)
        }
        return try await next.respond(to: request)
    }
}

/// `/api/v1` authenticates with personal bearer tokens only, so cross-site requests carry no
/// credentials and need no CSRF token.
struct BearerTokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization?.token, !bearer.isEmpty else {
            throw AppError.unauthenticated
        }
        let now = request.clock.seconds
        guard let token = try await TokenRow.find(hash: Secrets.digest(bearer), on: request.db),
            let user = token.principal.currentUser(csrfToken: nil, now: now)
        else { throw AppError.invalidToken }
        if now - (token.lastUsedAt ?? 0) >= SessionMiddleware.touchInterval {
            try await request.db.sql.raw("UPDATE api_tokens SET last_used_at = \(bind: now) WHERE id = \(bind: token.tokenId)").run()
        }
        request.currentUser = user
        return try await next.respond(to: request)
    }
}

extension Request {
    var isTLS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto") == "https"
    }
}
