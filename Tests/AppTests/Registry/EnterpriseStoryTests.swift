import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// 企业 360° on the enterprise's page: 湖北伟德's lead, its project signed for 29.14亿元 [004] —
/// counted only once the bureau verified it — and its industry by name; each part holds only what
/// the reader may read.
@Suite("企业 360°")
struct EnterpriseStoryTests {
    @Test func thePageTellsTheEnterprisesStoryFromVerifiedFacts() async throws {
        try await withApp { app, _ in
            let (id, w, _) = try await ProjectMoneyTests.signed(app)
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
            let project = try #require(try await Project.find(id, on: app.db))
            // the lead named the registry's one entry of that name: tied on submission
            #expect(project.enterpriseID == weide)
            // a record typed before ties were made is still found, by its folded name
            try await app.db.sql.raw("UPDATE projects SET enterprise_id = NULL").run()
            try await app.db.sql.raw("UPDATE leads SET enterprise_id = NULL").run()
            var page = try await w.bureau.get("/enterprises/\(weide)").body.string
            #expect(page.contains("C3982 电子电路制造") && page.contains("伟德线路板高多层板项目"))
            // reported but not verified: neither the contract nor "引进" is shown
            #expect(!page.contains("29.14") && !page.contains("经项目"))
            #expect(page.contains("招商线索") && page.contains("共 1 条"))

            let report = try #require(try await StageReport.query(on: app.db).filter(\.$projectID == id).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)
            page = try await w.bureau.get("/enterprises/\(weide)").body.string
            #expect(page.contains("核验合同额（亿元）") && page.contains(">29.14<") && page.contains("经项目"))

            // a cadre of another unit reads the registry entry, but not the lead its unit did not bring
            _ = try await Fixture.cadre("other-cadre", unit: "子陵铺镇", on: app.db)
            let other = Browser(app)
            try await other.login("other-cadre")
            let seen = try await other.get("/enterprises/\(weide)").body.string
            #expect(seen.contains("没有可见的线索") && !seen.contains("企业账号"))
            // the ledger opens at the enterprise's projects
            let ledger = try await w.bureau.get("/projects/ledger?enterprise=\(weide)").body.string
            #expect(ledger.contains("伟德线路板高多层板项目") && ledger.contains("<strong>1</strong> 个项目"))
            #expect(try await w.bureau.get("/projects/ledger?enterprise=x").status == .badRequest)
        }
    }
}
