import Domain
import Testing
import Vapor
import VaporTesting

@testable import App

/// Small doors found by hostile requests: each answers with a clear, coded refusal.
@Suite("小漏洞：方法、查询参数、请求体")
struct SmallDoorsTests {
    @Test func traceIsNotAllowedAnywhere() async throws {
        try await withApp { app, _ in
            for path in ["/", "/login", "/api/v1/projects", "/no-such-page"] {
                let response = try await app.testing().sendRequest(.init(rawValue: "TRACE"), path)
                #expect(response.status == .methodNotAllowed, "\(path)")
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/leads?overdue=AAA", "overdue"), ("/api/v1/leads?state=gone", "state"),
        ("/api/v1/projects?major=yes", "major"), ("/api/v1/projects?host=not-an-id", "host"),
    ])
    func aQueryValueOutsideItsRangeIsRefusedByName(path: String, name: String) async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let response = try await api.send(.GET, path)
            #expect(response.status == .badRequest)
            #expect(response.json["code"] as? String == "invalid_query")
            #expect((response.json["message"] as? String)?.contains("参数 \(name)") == true)
        }
    }

    @Test func aBodyThatDoesNotParseNamesTheField() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let wrongType = try await api.send(.POST, "/api/v1/enterprises", json: #"{"name":"荆门某公司","regionCode":420802}"#)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.json["code"] as? String == "invalid_body")
            #expect((wrongType.json["fields"] as? [String: String])?["regionCode"] != nil)
            let missing = try await api.send(.PUT, "/api/v1/rates/USD/2026-03", json: "{}")
            #expect((missing.json["fields"] as? [String: String])?["rate"]?.contains("缺少字段 rate") == true)
        }
    }
}
