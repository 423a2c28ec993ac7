import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("登录、会话与 CSRF")
struct AuthTests {
    @Test func loginRenewsTheSessionID() async throws {
        try await withApp { app, _ in
            // given a browser that logged in once
            let browser = Browser(app)
            let first = try await browser.login("bureau")
            #expect(first.status == .seeOther)
            let firstCookie = try #require(browser.cookies["zs_session"])
            // when it logs in again
            try await browser.login("bureau")
            // then the session id is new and the old one no longer works
            let secondCookie = try #require(browser.cookies["zs_session"])
            #expect(firstCookie != secondCookie)
            let stale = Browser(app)
            stale.cookies["zs_session"] = firstCookie
            #expect(try await stale.get("/enterprises").status == .seeOther)
            #expect(try await browser.get("/enterprises").status == .ok)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSite() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            let response = try await browser.post("/login", [("login", "bureau"), ("password", Fixture.password)])
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("zs_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
        }
    }

    @Test func wrongPasswordIsRefusedAndAudited() async throws {
        try await withApp { app, _ in
            let response = try await Browser(app).login("bureau", password: "wrong-Password-1")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("用户名或密码错误"))
            let failures = try await AuditRecord.query(on: app.db).filter(\.$action == "login.failed").count()
            #expect(failures == 1)
        }
    }

    @Test func fiveFailuresLockThatNameFromThatAddressOnlyAndSayNothingOfExistence() async throws {
        try await withApp { app, clock in
            let browser = Browser(app)
            for _ in 1...5 { try await browser.login("cadre", password: "wrong-Password-1") }
            // the right password is refused from this address while locked
            let locked = try await browser.login("cadre")
            #expect(locked.status == .unauthorized)
            #expect(locked.body.string.contains("登录失败次数过多，请 15 分钟后再试"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "login.throttle").count() == 1)
            // a name that does not exist hears exactly the same
            for _ in 1...5 { try await browser.login("no-such-person", password: "wrong-Password-1") }
            let unknown = try await browser.login("no-such-person", password: "wrong-Password-1")
            #expect(unknown.body.string.contains("登录失败次数过多，请 15 分钟后再试"))
            // the account itself is not locked: another address is not locked out
            let now = app.clock.seconds
            #expect(try await LoginThrottle.lockedUntil("cadre", source: "-", now: now, on: app.db) != nil)
            #expect(try await LoginThrottle.lockedUntil("cadre", source: "10.0.0.9", now: now, on: app.db) == nil)
            #expect(try await Person.query(on: app.db).filter(\.$login == "cadre").first()?.lockedUntil == nil)
            // and from here once the 15 minutes are over
            clock.advance(seconds: 15 * 60)
            #expect(try await browser.login("cadre").status == .seeOther)
        }
    }

    @Test func idleSessionExpiresAfterThirtyMinutes() async throws {
        try await withApp { app, clock in
            let browser = Browser(app)
            try await browser.login("bureau")
            clock.advance(seconds: 29 * 60)
            #expect(try await browser.get("/enterprises").status == .ok)
            clock.advance(seconds: 30 * 60 + 1)
            let expired = try await browser.get("/enterprises")
            #expect(expired.status == .seeOther)
            #expect(expired.location.hasPrefix("/login"))
        }
    }

    @Test func activeSessionEndsAfterTwelveHours() async throws {
        try await withApp { app, clock in
            let browser = Browser(app)
            try await browser.login("bureau")
            // busy all day: a request every 20 minutes keeps it from idling out
            for _ in 0..<35 {
                clock.advance(seconds: 20 * 60)
                #expect(try await browser.get("/").status == .ok)
            }
            clock.advance(seconds: 20 * 60)  // 12 h after login
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func stateChangeWithoutCSRFTokenIsRefused() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.login("bureau")
            let form = [("name", "荆门新材料有限公司"), ("regionCode", Fixture.dongbao)]
            let missing = try await browser.post("/enterprises", form, withCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.body.string.contains("页面已过期"))
            let forged = try await browser.post("/enterprises", form + [("_csrf", "forged")], withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await Enterprise.query(on: app.db).filter(\.$name == "荆门新材料有限公司").count() == 0)
            // the same form with the token goes through
            #expect(try await browser.post("/enterprises", form).status == .seeOther)
        }
    }

    @Test func loginFormItselfNeedsItsToken() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            let response = try await browser.post("/login", [("login", "bureau"), ("password", Fixture.password)], withCSRF: false)
            #expect(response.status == .forbidden)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.login("bureau")
            let token = try #require(browser.cookies["zs_session"])
            #expect(try await browser.post("/logout", []).status == .seeOther)
            let replay = Browser(app)
            replay.cookies["zs_session"] = token
            #expect(try await replay.get("/").status == .seeOther)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "logout").count() == 1)
        }
    }

    @Test func securityHeadersOnEveryResponse() async throws {
        try await withApp { app, _ in
            for path in ["/login", "/healthz", "/api/v1/enterprises", "/nowhere"] {
                let response = try await Browser(app).get(path)
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(path)")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: .cacheControl) == "no-store")
                #expect(response.headers.first(name: "X-Request-ID") != nil)
            }
        }
    }

    @Test func openRedirectAfterLoginIsIgnored() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            let response = try await browser.post(
                "/login", [("login", "bureau"), ("password", Fixture.password), ("next", "//evil.example/")])
            #expect(response.location == "/")
        }
    }

    @Test func longChinesePasswordCountsEveryCharacter() async throws {
        try await withApp { app, _ in
            // 30 Chinese characters are 90 bytes: past bcrypt's 72, so only pre-hashing tells them apart
            let long = String(repeating: "招商引资", count: 7) + "甲乙Ab1"
            let person = try #require(try await Person.query(on: app.db).filter(\.$login == "cadre").first())
            person.passwordHash = try Bcrypt.hash(Secrets.passwordInput(long), cost: 4)
            try await person.update(on: app.db)
            #expect(try await Browser(app).login("cadre", password: String(repeating: "招商引资", count: 7) + "甲丙Ab1").status == .unauthorized)
            #expect(try await Browser(app).login("cadre", password: long).status == .seeOther)
        }
    }
}
