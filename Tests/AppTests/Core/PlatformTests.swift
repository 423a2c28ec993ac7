import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("平台：多进程会话、演示数据、健康检查、OpenAPI")
struct PlatformTests {
    /// Two app instances on one database act as one system: a session made on one is valid on
    /// the other (PostgreSQL when TEST_DATABASE_URL is set, else one SQLite file).
    @Test func sessionMadeOnOneNodeWorksOnAnother() async throws {
        let url = Environment.get("TEST_DATABASE_URL")
        let schema = "t_shared_" + UUID().uuidString.prefix(8).lowercased()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zs-\(UUID()).sqlite").path
        let setting: DatabaseSetting = url.map { .postgres($0, schema: schema) } ?? .sqliteFile(file)
        let nodeA = try await Application.make(.testing)
        let nodeB = try await Application.make(.testing)
        do {
            try await configure(nodeA, database: setting)
            try await configure(nodeB, database: setting)
            if url != nil { try await nodeA.db.sql.raw("CREATE SCHEMA \(ident: schema)").run() }
            try await Startup.prepareDatabase(nodeA)
            try await Fixture.load(nodeA)
            let onA = Browser(nodeA)
            #expect(try await onA.login("bureau").status == .seeOther)
            let onB = Browser(nodeB)
            onB.cookies = onA.cookies
            let page = try await onB.get("/enterprises")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("湖北伟德线路板有限公司"))
            // and the CSRF token issued by A is honoured by B
            onB.csrf = onA.csrf
            #expect(try await onB.post("/logout", []).status == .seeOther)
            #expect(try await onA.get("/enterprises").status == .seeOther)
        } catch {
            Issue.record(error)
        }
        if url != nil { _ = try? await nodeA.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try? await nodeA.asyncShutdown()
        try? await nodeB.asyncShutdown()
        try? FileManager.default.removeItem(atPath: file)
    }

    @Test func demoCityIsDeterministicAndValid() async throws {
        var first: [String] = []
        for _ in 0..<2 {
            try await withApp(fixture: false) { app, _ in
                try await DemoCity(seed: 7, scale: .county, logger: app.logger).generate(app: app)
                let enterprises = try await Enterprise.query(on: app.db).sort(\.$uscc).all()
                #expect(enterprises.count == 5_000)
                #expect(enterprises.allSatisfy { (try? USCC(validating: $0.uscc ?? "")) != nil })
                let persons = try await Person.query(on: app.db).all()
                // the city's 150, the twelve of [000]'s 市农机局 (`createSeatings`), and the six city
                // leaders who are the indicators' 指标长 (`createSatisfaction`)
                #expect(persons.count == 150 + 12 + 6)
                #expect(persons.filter { $0.roles == [.leader] && $0.login == nil }.count == 6)
                let machinery = try #require(try await Unit.query(on: app.db).filter(\.$name == "市农机局").first())
                #expect(persons.filter { $0.$unit.id == machinery.id }.count == 12)
                #expect(Set(persons.filter { $0.login != nil }.flatMap(\.roles)) == Set(Role.allCases))
                #expect(persons.allSatisfy { (try? Role.validateAssignment($0.roles)) != nil })
                let kinds = Set(try await Unit.query(on: app.db).all().map(\.kind))
                #expect(kinds == Set(UnitKind.allCases))
                let shenzhen = try await Unit.query(on: app.db).filter(\.$hostCity == "深圳").count()
                #expect(shenzhen == 1)
                let names = enterprises.prefix(20).map { "\($0.uscc ?? "") \($0.name)" }
                if first.isEmpty { first = names } else { #expect(names == first) }
                #expect(try await DemoCity.isPresent(on: app.db))
            }
        }
    }

    @Test func demoLoginWorksWithThePrintedPassword() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 1, scale: .county, logger: app.logger).generate(app: app)
            let browser = Browser(app)
            try await browser.get("/login")
            #expect(try await browser.post("/login", [("login", "demo-bureau"), ("password", DemoCity.password)]).status == .seeOther)
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withApp { app, _ in
            let health = try await Browser(app).get("/healthz")
            #expect(health.status == .ok)
            #expect(health.json["database"] as? String == "reachable")
            _ = try await Browser(app).get("/login")
            let metrics = try await Browser(app).get("/metrics")
            #expect(metrics.body.string.contains("zhaoshang_db_up 1"))
            #expect(metrics.body.string.contains("http_requests_total"))
        }
    }

    @Test func sqliteRunsInWALWithFullSync() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zs-\(UUID()).sqlite").path
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: .sqliteFile(file))
            try await Startup.prepareDatabase(app)
            let mode = try await app.db.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            let sync = try await app.db.sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            #expect(mode == "wal")
            #expect(sync == 2)  // FULL
        } catch {
            Issue.record(error)
        }
        try? await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: file)
    }

    /// Every `/api/v1` route is described in openapi.yaml, and every described path exists.
    @Test func openAPIDescribesEveryRoute() async throws {
        try await withApp(fixture: false) { app, _ in
            let yaml = try #require(OpenAPIDocument.text)
            var described = Set<String>()
            var currentPath: String?
            for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  /"), line.hasSuffix(":") { currentPath = String(line.dropFirst(2).dropLast()) }
                if let path = currentPath, line.hasPrefix("    "), !line.hasPrefix("     ") {
                    let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                    if ["get", "post", "patch", "put", "delete"].contains(String(method)) {
                        described.insert("\(method.uppercased()) /api/v1\(path)")
                    }
                }
                if !line.hasPrefix(" "), !line.isEmpty { currentPath = nil }
            }
            let routes = Set(
                app.routes.all.filter { $0.path.first?.description == "api" && $0.path.count > 2 }
                    .map { route in
                        "\(route.method.rawValue) /"
                            + route.path.map { $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description }.joined(
                                separator: "/")
                    })
            #expect(routes.subtracting(["GET /api/v1/openapi.yaml"]) == described)
        }
    }

    /// The API's routes are exactly the route table's (`APIRoute`): none registered from a path
    /// written elsewhere, none in the table left without a handler.
    @Test func everyAPIRouteComesFromTheRouteTable() async throws {
        try await withApp(fixture: false) { app, _ in
            let registered = Set(
                app.routes.all.filter { $0.path.first?.description == "api" }.map {
                    "/" + $0.path.map(\.description).joined(separator: "/")
                })
            let table = Set(APIRoute.allCases.map { "/" + $0.pattern.map(\.description).joined(separator: "/") })
            #expect(registered == table)
            #expect(APIRoute.projectStageVerify.path("a", "b") == "/api/v1/projects/a/stages/b/verify")
            #expect(APIRoute.projectStageVerify.openAPIPath == "/projects/{id}/stages/{report}/verify")
        }
    }
}
