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
/// `migrate: false` leaves the database empty (for tests of the migrations themselves).
func withApp(fixture: Bool = true, migrate: Bool = true, _ body: (Application, ManualClock) async throws -> Void) async throws {
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
        if migrate { try await Startup.prepareDatabase(app) }
        if migrate, fixture { try await Fixture.load(app) }
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
    /// Through a real server on a free local port instead of in memory: for what only the HTTP
    /// server enforces (the body's size limit).
    var live = false

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
        try await send(method, path, body: body.map { ByteBuffer(string: $0) }, type: body == nil ? nil : .urlEncodedForm)
    }

    /// A form with a file, as a browser sends `enctype="multipart/form-data"`.
    @discardableResult
    func upload(_ path: String, _ form: [(String, String)], file: Upload?, withCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if withCSRF { fields.append(("_csrf", csrf)) }
        let (body, type) = Upload.multipart(fields, file)
        return try await send(.POST, path, body: body, type: type)
    }

    func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, type: HTTPMediaType?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let type { headers.contentType = type }
        let tester = try app.testing(method: live ? .running(hostname: "127.0.0.1", port: 0) : .inMemory)
        let response = try await tester.sendRequest(method, path, headers: headers, body: body)
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

/// A file in a multipart form; an empty name and no bytes is an input left empty.
struct Upload {
    var fileName: String
    var bytes: [UInt8]
    var field = "file"

    static func multipart(_ fields: [(String, String)], _ file: Upload?) -> (ByteBuffer, HTTPMediaType) {
        let boundary = "----zs" + UUID().uuidString
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.fileName)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return (body, HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    /// A small real PDF: what a scanned contract page starts like.
    static func pdf(_ name: String = "忠堡项目合同签字页.pdf", padding: Int = 300) -> Upload {
        Upload(fileName: name, bytes: Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj <<>> endobj\n".utf8) + Array(repeating: 0x20, count: padding))
    }

    static func png(_ name: String = "进账单.png", size: Int = 2_048) -> Upload {
        Upload(fileName: name, bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: max(0, size - 8)))
    }
}

/// JSON calls to `/api/v1` with a bearer token.
struct APIClient {
    let app: Application
    let token: String?

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, headers extra: [String: String] = [:]) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders(extra.map { ($0.key, $0.value) })
        if let token { headers.bearerAuthorization = .init(token: token) }
        if json != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func upload(_ path: String, _ form: [(String, String)], file: Upload?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        let (body, type) = Upload.multipart(form, file)
        headers.contentType = type
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
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
