import Vapor

/// Vapor has no CSRF protection: every state-changing browser request carries the session's token
/// (hidden form field `_csrf` or header `X-CSRF-Token`). Before login, a short-lived cookie plays
/// the session's part (double submit), so the login form is protected too.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "_csrf"
    static let preLoginCookie = "zs_prelogin"
    static let bodyLimitKey: AnySendableHashable = "bodyLimit"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        // a body that arrived in several packets is still a stream here (Vapor collects it after route
        // middleware): collect it now, within the route's limit, so the token field can be read
        let limit = (request.route?.userInfo[Self.bodyLimitKey] as? Int) ?? request.application.routes.defaultMaxBodySize.value
        _ = try await request.body.collect(max: limit).get()
        let expected = request.currentUser?.csrfToken ?? request.cookies[Self.preLoginCookie]?.string
        let presented =
            request.headers.first(name: "X-CSRF-Token")
            ?? (try? request.content.get(String.self, at: Self.field))
        guard let expected, let presented, !expected.isEmpty, Secrets.equal(expected, presented) else {
            request.logger.notice(
                "CSRF check failed",
                metadata: [
                    "path": .string(request.url.path), "session": .string(request.currentUser == nil ? "none" : "yes"),
                    "token": .string(presented == nil ? "missing" : "mismatch"),
                ])
            throw AppError.csrf
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The token a form carries: the session's, or for a visitor without one a fresh token that
    /// `Response.carrying(formToken:for:)` also sets as the pre-login cookie (double submit).
    var formToken: String { currentUser?.csrfToken ?? Secrets.token(bytes: 18) }
}

extension Response {
    @discardableResult
    func carrying(formToken token: String, for request: Request) -> Response {
        if request.currentUser == nil {
            cookies[CSRFMiddleware.preLoginCookie] = SessionMiddleware.cookie(token, request: request, maxAge: 3600)
        }
        return self
    }
}

extension RoutesBuilder {
    /// A POST that takes a file (multipart form): its body may be as large as `limit` bytes,
    /// here and in the CSRF check that reads the body before the route does.
    @discardableResult
    func postUpload<Response: AsyncResponseEncodable>(
        _ path: [PathComponent], limit: Int, use closure: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: ByteCount(value: limit)), use: closure)
        route.userInfo[CSRFMiddleware.bodyLimitKey] = limit
        return route
    }
}

/// Security headers on every response (STYLE.md): no inline script, no framing, no sniffing,
/// and private pages never cached.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.url.path != Stylesheet.path {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if request.isTLS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}

/// TRACE (and its kin) echo requests back and serve no purpose here: 405 whatever the path, before
/// any route is looked up.
struct MethodFilterMiddleware: AsyncMiddleware {
    static let refused: Set<String> = ["TRACE", "TRACK", "CONNECT"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.refused.contains(request.method.rawValue.uppercased()) { throw Abort(.methodNotAllowed) }
        return try await next.respond(to: request)
    }
}
