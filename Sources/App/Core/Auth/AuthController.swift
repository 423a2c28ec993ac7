import Domain
import Fluent
import Vapor

/// Log in, log out, switch language.
struct AuthController {
    struct LoginForm: Content {
        var login: String?
        var password: String?
        var next: String?
    }

    func showLogin(_ request: Request) async throws -> Response {
        return renderLogin(request, login: "", error: nil, next: request.queryValue("next") ?? "")
    }

    private func renderLogin(_ request: Request, login: String, error: String?, next: String) -> Response {
        // logged in already (switching accounts): the form carries the session's token
        let csrf = request.formToken
        let response = Response.html(
            LoginPage.render(context: PageContext(request: request), csrf: csrf, next: next, login: login, error: error),
            status: error == nil ? .ok : .unauthorized)
        return response.carrying(formToken: csrf, for: request)
    }

    func login(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(LoginForm.self)
        let login = (form.login ?? "").trimmingCharacters(in: .whitespaces)
        let password = form.password ?? ""
        let next = Self.safeNext(form.next)
        let lang = request.lang
        let now = request.clock.seconds
        let actor = AuditActor(login: login.isEmpty ? "anonymous" : String(login.prefix(64)), ip: request.remoteIP)
        let millis = request.clock.millis
        let source = request.remoteIP
        // a name locked from this address hears the same whether it exists or not
        if let until = try await LoginThrottle.lockedUntil(login, source: source, now: now, on: request.db) {
            try await request.writeTransaction { db in
                try await AuditLog.append(on: db, by: actor, action: "login.throttled", objectType: "person", objectID: "-", at: millis)
            }
            return renderLogin(request, login: login, error: LoginThrottle.message(until: until, now: now, lang), next: next)
        }
        let person =
            login.isEmpty || login.count > 64 || password.isEmpty || password.count > 256
            ? nil : try await Person.query(on: request.db).filter(\.$login == login).filter(\.$active == true).first()
        let verified: Bool
        if let hash = person?.passwordHash {
            verified = (try? await request.password.async.verify(Secrets.passwordInput(password), created: hash)) ?? false
        } else {
            // the same work as a real check, so timing does not reveal which logins exist
            _ = try? await request.password.async.verify(Secrets.passwordInput(password), created: request.application.decoyPasswordHash)
            verified = false
        }
        guard verified, let person else {
            let personID = person?.id?.uuidString ?? "-"
            let locks = try await request.writeTransaction { db in
                let until = try await LoginThrottle.fail(login, source: source, now: now, on: db)
                try await AuditLog.append(
                    on: db, by: actor, action: until == nil ? "login.failed" : "login.throttle", objectType: "person", objectID: personID,
                    after: ["reason": person == nil ? "unknown login" : "wrong password"], at: millis)
                return until
            }
            let message =
                locks.map { LoginThrottle.message(until: $0, now: now, lang) } ?? lang("用户名或密码错误。", "Wrong user name or password.")
            return renderLogin(request, login: login, error: message, next: next)
        }
        // an account the security admin locked: said only to whoever knows its password
        if AccountRules.isLocked(lockedUntil: person.lockedUntil, now: now) {
            try await request.writeTransaction { db in
                try await AuditLog.append(
                    on: db, by: actor, action: "login.locked", objectType: "person", objectID: person.id!.uuidString, at: millis)
            }
            return renderLogin(
                request, login: login,
                error: lang("该账户已被锁定，请联系安全管理员解锁。", "This account is locked; ask the security admin to unlock it."), next: next)
        }
        // a new session id at every login; the one presented before (if any) is ended
        let previous = request.cookies[SessionMiddleware.cookieName]?.string
        let personID = person.id!
        let ip = request.remoteIP
        let token = try await request.writeTransaction { db in
            if let previous { try await UserSession.query(on: db).filter(\.$id == Secrets.digest(previous)).delete() }
            guard try await Person.find(personID, on: db) != nil else { throw AppError.unauthenticated }
            try await LoginThrottle.clear(login, source: ip, on: db)
            let token = try await UserSession.open(for: personID, now: now, ip: ip, on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "login.success", objectType: "person", objectID: personID.uuidString, at: millis)
            return token
        }
        let response = request.redirect(to: next.isEmpty ? SiteURL.home.path : next)
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie(token, request: request)
        response.cookies[CSRFMiddleware.preLoginCookie] = SessionMiddleware.cookie("", request: request, maxAge: 0)
        return response
    }

    func logout(_ request: Request) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.string, let user = request.currentUser {
            let actor = request.auditActor
            let millis = request.clock.millis
            try await request.writeTransaction { db in
                try await UserSession.query(on: db).filter(\.$id == Secrets.digest(token)).delete()
                try await AuditLog.append(
                    on: db, by: actor, action: "logout", objectType: "person", objectID: user.personID.uuidString, at: millis)
            }
        }
        let response = request.redirect(to: SiteURL.login.path)
        response.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie("", request: request, maxAge: 0)
        return response
    }

    struct LanguageForm: Content {
        var lang: String?
        var next: String?
    }

    /// A preference, kept in a cookie; POST like every other change.
    func switchLanguage(_ request: Request) async throws -> Response {
        let form = try request.decodeForm(LanguageForm.self)
        let lang = Lang(rawValue: form.lang ?? "") ?? .zh
        let response = request.redirect(to: Self.safeNext(form.next).isEmpty ? SiteURL.home.path : Self.safeNext(form.next))
        response.cookies[Lang.cookieName] = HTTPCookies.Value(
            string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: request.isTLS, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only local paths: never redirect to another site.
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 300 else { return "" }
        return raw
    }

}
