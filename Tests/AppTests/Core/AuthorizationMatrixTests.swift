import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Every role against every kind of route and object: the status each must get. A change to
/// `AccessPolicy` or to a controller's check shows up here as a cell that moved.
@Suite("授权矩阵：角色 × 路由 × 对象")
struct AuthorizationMatrixTests {
    enum Target: String, CaseIterable {
        case registryList, ownEnterprise, foreignEnterprise, createEnterprise, unitTree, createUnit, auditLog, setRoles
    }

    /// Expected status per role (rows) and target (columns). 404 = the object lies in another
    /// jurisdiction and is treated as absent; 422 = allowed to try, the empty form is refused.
    static let expected: [String: [Target: Int]] = [
        "sys": [
            .registryList: 403, .ownEnterprise: 403, .foreignEnterprise: 403, .createEnterprise: 403, .unitTree: 200, .createUnit: 422,
            .auditLog: 403, .setRoles: 403,
        ],
        "sec": [
            .registryList: 403, .ownEnterprise: 403, .foreignEnterprise: 403, .createEnterprise: 403, .unitTree: 200, .createUnit: 403,
            .auditLog: 403, .setRoles: 303,
        ],
        "aud": [
            .registryList: 403, .ownEnterprise: 403, .foreignEnterprise: 403, .createEnterprise: 403, .unitTree: 403, .createUnit: 403,
            .auditLog: 200, .setRoles: 403,
        ],
        "leader": [
            .registryList: 200, .ownEnterprise: 200, .foreignEnterprise: 404, .createEnterprise: 403, .unitTree: 200, .createUnit: 403,
            .auditLog: 403, .setRoles: 403,
        ],
        "bureau": [
            .registryList: 200, .ownEnterprise: 200, .foreignEnterprise: 404, .createEnterprise: 422, .unitTree: 200, .createUnit: 403,
            .auditLog: 403, .setRoles: 403,
        ],
        "cadre": [
            .registryList: 200, .ownEnterprise: 200, .foreignEnterprise: 404, .createEnterprise: 403, .unitTree: 200, .createUnit: 403,
            .auditLog: 403, .setRoles: 403,
        ],
        "observer": [
            .registryList: 403, .ownEnterprise: 403, .foreignEnterprise: 403, .createEnterprise: 403, .unitTree: 403, .createUnit: 403,
            .auditLog: 403, .setRoles: 403,
        ],
        "anqing-bureau": [
            .registryList: 200, .ownEnterprise: 404, .foreignEnterprise: 200, .createEnterprise: 422, .unitTree: 200, .createUnit: 403,
            .auditLog: 403, .setRoles: 403,
        ],
    ]

    @Test(arguments: Array(expected.keys).sorted())
    func roleGetsExpectedStatusEverywhere(login: String) async throws {
        try await withApp(fixture: false) { app, _ in
            let ids = try await Fixture.load(app)
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let cadreVersion = try #require(try await Person.find(cadre, on: app.db)).version
            let browser = Browser(app)
            try await browser.login(login)
            var actual: [Target: Int] = [:]
            for target in Target.allCases {
                let response: TestingHTTPResponse
                switch target {
                case .registryList: response = try await browser.get("/enterprises")
                case .ownEnterprise: response = try await browser.get("/enterprises/\(ids.weide)")
                case .foreignEnterprise: response = try await browser.get("/enterprises/\(ids.anqingEnterprise)")
                case .createEnterprise: response = try await browser.post("/enterprises", [("name", "")])
                case .unitTree: response = try await browser.get("/units")
                case .createUnit: response = try await browser.post("/units", [("name", "")])
                case .auditLog: response = try await browser.get("/audit")
                case .setRoles:
                    response = try await browser.post(
                        "/persons/\(cadre)/roles", [("roles[]", "cadre"), ("roles[]", "host"), ("version", String(cadreVersion))])
                }
                actual[target] = Int(response.status.code)
            }
            #expect(actual == Self.expected[login], "\(login)")
        }
    }

    @Test func forgedIDFromAnotherJurisdictionIsNotFoundInTheAPI() async throws {
        try await withApp(fixture: false) { app, _ in
            let ids = try await Fixture.load(app)
            let api = try await APIClient.issue(app, login: "bureau")
            let response = try await api.send(.GET, "/api/v1/enterprises/\(ids.anqingEnterprise)")
            #expect(response.status == .notFound)
            #expect(response.json["code"] as? String == "not_found")
            let patch = try await api.send(.PATCH, "/api/v1/enterprises/\(ids.anqingEnterprise)", json: #"{"name":"改名","version":1}"#)
            #expect(patch.status == .notFound)
            #expect(try await Enterprise.find(ids.anqingEnterprise, on: app.db)?.name == "安庆华兴电子有限公司")
        }
    }
}
