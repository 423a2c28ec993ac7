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
        guard
            let session = try await UserSession.query(on: request.db).filter(\.$id == id)
                .join(Person.self, on: \UserSession.$person.$id == \Person.$id)
                .join(Unit.self, on: \Person.$unit.$id == \Unit.$id).first()
        else { return }
        let person = try session.joined(Person.self)
        let unit = try session.joined(Unit.self)
        let now = request.clock.seconds
        let state = AccountRules.sessionState(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now)
        guard state == .active, person.active, !AccountRules.isLocked(lockedUntil: person.lockedUntil, now: now) else {
            try await session.delete(on: request.db)
            return
        }
        if now - session.lastSeenAt >= Self.touchInterval {
            session.lastSeenAt = now
            try await session.update(on: request.db)
        }
        request.currentUser = try CurrentUser(person: person, unit: unit, csrfToken: session.csrfToken)
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
        guard
            let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == Secrets.digest(bearer))
                .filter(\.$revokedAt == nil).first(),
            let person = try await Person.query(on: request.db).filter(\.$id == token.$person.id).with(\.$unit).first(),
            person.active, !AccountRules.isLocked(lockedUntil: person.lockedUntil, now: request.clock.seconds)
        else { throw AppError.invalidToken }
        let now = request.clock.seconds
        if now - (token.lastUsedAt ?? 0) >= SessionMiddleware.touchInterval {
            token.lastUsedAt = now
            try await token.update(on: request.db)
        }
        request.currentUser = try CurrentUser(person: person, unit: person.unit, csrfToken: nil)
        return try await next.respond(to: request)
    }
}

extension Request {
    var isTLS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto") == "https"
    }
}
