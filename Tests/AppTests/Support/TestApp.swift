import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// 2026-11-21 09:00 in Asia/Shanghai: the date every test runs on (STYLE.md habit 8).
let testStart = Date(timeIntervalSince1970: 1_795_222_800)

/// A fresh application and database for one test: in-memory SQLite, or — when
/// `TEST_DATABASE_URL` is set — a schema of its own on PostgreSQL, dropped afterwards.
func withApp(fixture: Bool = true, _ body: (Application, ManualClock) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let clock = ManualClock(testStart)
    var schema: String?
    do {
        if let url = Environment.get("TEST_DATABASE_URL") {
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            schema = String(name)
            try await configure(app, database: .postgres(url, schema: schema))
            try await app.db.sql.raw("CREATE SCHEMA \(ident: String(name))").run()
        } else {
            try await configure(app, database: .sqliteMemory)
        }
        app.clock = clock.clock
        try await Startup.prepareDatabase(app)
        if fixture { try await Fixture.load(app) }
        try await body(app, clock)
    } catch {
        await teardown(app, schema: schema)
        throw error
    }
    await teardown(app, schema: schema)
}

private func teardown(_ app: Application, schema: String?) async {
    if let schema { _ = try? await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
    try? await app.asyncShutdown()
}

/// A browser: keeps cookies and the CSRF token like a real one does.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    @discardableResult
    func post(_ path: String, _ form: [(String, String)], withCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if withCSRF { fields.append(("_csrf", csrf)) }
        return try await send(.POST, path, body: Self.encode(fields))
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Logs in through the login page, as a person would.
    @discardableResult
    func login(_ login: String, password: String = Fixture.password) async throws -> TestingHTTPResponse {
        try await get("/login")
        let response = try await post("/login", [("login", login), ("password", password)])
        // a browser lands on the home page, which carries the session's CSRF token
        if response.status == .seeOther { try await get("/") }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}

/// JSON calls to `/api/v1` with a bearer token.
struct APIClient {
    let app: Application
    let token: String?

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        if json != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func issue(_ app: Application, login: String) async throws -> APIClient {
        let person = try #require(try await Person.query(on: app.db).filter(\.$login == login).first())
        let secret = "zs_test_" + UUID().uuidString
        let token = APIToken()
        token.$person.id = try person.requireID()
        token.name = "test"
        token.tokenHash = Secrets.digest(secret)
        token.createdAt = 0
        try await token.create(on: app.db)
        return APIClient(app: app, token: secret)
    }
}

extension TestingHTTPResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
    var location: String { headers.first(name: .location) ?? "" }
}
