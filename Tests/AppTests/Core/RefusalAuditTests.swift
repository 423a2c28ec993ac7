import Domain
import Fluent
import FluentSQL
import Testing
import Vapor

@testable import App

/// Refused writes and refused reads by id leave an audit record, and a flood cannot fill the disk.
@Suite("拒绝访问留痕")
struct RefusalAuditTests {
    func refusals(_ app: Application) async throws -> [AuditRecord] {
        try await AuditRecord.query(on: app.db).filter(\.$action == "refused").sort(\.$id).all()
    }

    @Test func aRefusedWriteAndAForeignIDAreAudited() async throws {
        try await withApp(fixture: false) { app, _ in
            let ids = try await Fixture.load(app)
            let cadre = try await APIClient.issue(app, login: "cadre")
            // a cadre may not keep the rate table; another jurisdiction's enterprise is absent
            #expect(try await cadre.send(.PUT, "/api/v1/rates/USD/2026-03", json: #"{"rate":"7.0982"}"#).status == .forbidden)
            #expect(try await cadre.send(.GET, "/api/v1/enterprises/\(ids.anqingEnterprise)").status == .notFound)
            // a read of a list the role may see is not a refusal
            #expect(try await cadre.send(.GET, "/api/v1/enterprises").status == .ok)
            let records = try await refusals(app)
            #expect(records.count == 2)
            #expect(records.allSatisfy { $0.actor == "cadre" })
            #expect(records[0].objectType == "rates" && records[0].after.contains("\"why\":\"forbidden\""))
            #expect(records[0].after.contains("\"route\":\"/api/v1/rates/:currency/:month\""))
            #expect(records[1].objectID == ids.anqingEnterprise.uuidString && records[1].after.contains("\"why\":\"not_found\""))
            // the chain stays whole
            #expect(try await AuditLog.verify(on: app.db).0 == nil)
        }
    }

    @Test func aFloodIsBoundedAndCountedWhenTheWindowTurns() async throws {
        try await withApp(fixture: false) { app, clock in
            try await Fixture.load(app)
            let observer = try await APIClient.issue(app, login: "cadre")
            for _ in 0..<(RefusalLog.perActor + 15) {
                #expect(try await observer.send(.PUT, "/api/v1/rates/USD/2026-03", json: "{}").status == .forbidden)
            }
            #expect(try await refusals(app).count == RefusalLog.perActor)
            // the next window writes the next refusal with how many were dropped before it
            clock.advance(seconds: RefusalLog.window + 1)
            #expect(try await observer.send(.PUT, "/api/v1/rates/USD/2026-03", json: "{}").status == .forbidden)
            let records = try await refusals(app)
            #expect(records.count == RefusalLog.perActor + 1)
            #expect(records.last?.after.contains("\"droppedBefore\":\"15\"") == true)
        }
    }
}
