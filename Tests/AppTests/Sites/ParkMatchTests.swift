import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("园区载体与匹配")
struct ParkMatchPageTests {
    static func profile(_ browser: Browser, _ unit: UUID, _ form: [(String, String)]) async throws -> TestingHTTPResponse {
        _ = try await browser.get("/units/\(unit)/profile")
        return try await browser.post("/units/\(unit)/profile", form)
    }

    @Test func theLeadPageRanksTheParksWithReasons() async throws {
        try await withApp { app, _ in
            let db = app.db
            let chemical = try await Fixture.unit("荆门化工循环产业园", .park, Fixture.jingmen, on: db)
            let building = try await Fixture.unit("东宝绿色建材和装配式建筑产业园", .park, Fixture.dongbao, on: db)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let bad = try await Self.profile(bureau, chemical, [("version", "0"), ("industries", "化工"), ("freeLandMu", "800.25")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("行业代码前缀形如 C26") && bad.body.string.contains("亩数最多一位小数"))
            let saved = try await Self.profile(
                bureau, chemical,
                [
                    ("version", "0"), ("industries", "C26, C27"), ("freeLandMu", "800"), ("energyQuotaTCE", "50000"),
                    ("powerCapacityKVA", "40000"),
                    ("facilities[]", "chemicalPark"), ("facilities[]", "wastewater"), ("facilities[]", "dualPower"),
                ])
            #expect(saved.status == .seeOther)
            _ = try await Self.profile(
                bureau, building,
                [
                    ("version", "0"), ("industries", "C30"), ("freeLandMu", "20000"), ("energyQuotaTCE", "20000"),
                    ("powerCapacityKVA", "20000"),
                ])
            // a second save on the old version is a conflict, not an overwrite
            let stale = try await Self.profile(bureau, chemical, [("version", "0"), ("industries", "C26")])
            #expect(stale.status == .conflict)
            #expect(try await ParkProfile.query(on: db).filter(\.$unitID == chemical).first()?.industryCodes == "C26,C27")
            // a fine-chemicals lead [000]
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/leads/new")
            _ = try await cadre.post(
                "/leads",
                [
                    ("enterpriseName", "湖北精细化工龙头有限公司"), ("industryCode", "C2662"), ("investment", "10亿"), ("currency", "CNY"),
                    ("channel", "visit"), ("landMu", "300"), ("energyTCE", "8000"), ("powerKVA", "6000"),
                ])
            let lead = try #require(try await Lead.query(on: db).first()?.id)
            let page = try await bureau.get("/leads/\(lead)").body.string
            let section = try #require(page.range(of: "园区匹配").map { String(page[$0.upperBound...]) })
            let first = try #require(section.range(of: "荆门化工循环产业园")).lowerBound
            let second = try #require(section.range(of: "东宝绿色建材和装配式建筑产业园")).lowerBound
            #expect(first < second)
            #expect(section.contains("可落地") && section.contains("缺少化工园区认定"))
            #expect(section.contains("能耗指标余50000吨标煤≥需8000"))
        }
    }

    @Test func onlyTheBureauOrTheParkKeepsItsProfile() async throws {
        try await withApp { app, _ in
            let park = try await Fixture.unit("东宝工业园", .park, Fixture.dongbao, on: app.db)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/units/\(park)/profile").status == .forbidden)
            let host = Browser(app)
            try await host.login("host")  // a host, but of another unit
            #expect(try await host.get("/units/\(park)/profile").status == .forbidden)
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            #expect(try await anqing.get("/units/\(park)/profile").status == .notFound)
        }
    }
}
