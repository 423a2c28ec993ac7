import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("投资意向登记（公开页面）")
struct IntentTests {
    static func form(_ company: String = "深圳华强线路板有限公司", phone: String = "0755-83001234") -> [(String, String)] {
        [
            ("jurisdiction", Fixture.jingmen), ("company", company), ("contact", "胡俊"), ("phone", phone), ("investment", "1000万美元"),
            ("industry", "电子"), ("message", "拟投资建设高多层线路板生产线，需标准厂房2万平方米，用工约300人。"),
        ]
    }

    @Test func anInvestorRegistersWithoutAnAccountAndTheBureauMakesItALead() async throws {
        try await withApp { app, _ in
            let investor = Browser(app)
            let page = try await investor.get("/intent")
            #expect(page.status == .ok && page.body.string.contains("投资意向登记") && page.body.string.contains("荆门市"))
            // the investment as typed, in the currency it names: 追加投资至1000万美元 [003]
            let sent = try await investor.post("/intent", Self.form())
            #expect(sent.status == .seeOther && sent.location.contains("sent=1"))
            let intent = try #require(try await InvestorIntent.query(on: app.db).first())
            #expect(intent.status == .new && intent.sourceKey.count == 64)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "intent.submit").count() == 1)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            #expect(try await bureau.get("/intents").body.string.contains("深圳华强线路板有限公司"))
            // 1000万美元 is judged in yuan at November's rate: without it, the conversion names what is missing
            let early = try await bureau.post("/intents/\(intent.id!)", [("action", "convert")])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("缺少 2026-11 的美元（USD）汇率"))
            _ = try await bureau.get("/rates")
            #expect(try await bureau.post("/rates", [("currency", "USD"), ("month", "2026-11"), ("rate", "7.1000")]).status == .seeOther)
            let converted = try await bureau.post("/intents/\(intent.id!)", [("action", "convert")])
            #expect(converted.status == .seeOther)
            let lead = try #require(try await Lead.query(on: app.db).first())
            #expect(
                lead.channel == .publicForm && lead.investment == Money.major(10_000_000, .usd) && lead.notes.contains("胡俊 0755-83001234"))
            #expect(try await InvestorIntent.find(intent.id!, on: app.db)?.status == .converted)
            #expect(try await bureau.get("/intents").body.string.contains("收件箱为空"))
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/intents").status == .forbidden)
        }
    }

    @Test func badOrAutomatedSubmissionsAreRefused() async throws {
        try await withApp { app, _ in
            let investor = Browser(app)
            _ = try await investor.get("/intent")
            let bad = try await investor.post("/intent", Self.form(phone: "打电话"))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("请填写有效的电话号码"))
            #expect(bad.body.string.contains("深圳华强线路板有限公司"))  // kept
            #expect(try await investor.post("/intent", Self.form(), withCSRF: false).status == .forbidden)
            // a robot fills the field people never see: it is thanked and nothing is kept
            #expect(try await investor.post("/intent", Self.form() + [("website", "http://spam")]).status == .seeOther)
            #expect(try await InvestorIntent.query(on: app.db).count() == 0)
        }
    }

    @Test func oneSenderIsLimitedToFiveAnHour() async throws {
        try await withApp { app, clock in
            let investor = Browser(app)
            _ = try await investor.get("/intent")
            for n in 1...5 { #expect(try await investor.post("/intent", Self.form("企业\(n)有限公司")).status == .seeOther) }
            let sixth = try await investor.post("/intent", Self.form("企业6有限公司"))
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.body.string.contains("提交过于频繁"))
            #expect(try await InvestorIntent.query(on: app.db).count() == 5)
            clock.advance(seconds: 3_601)
            _ = try await investor.get("/intent")
            #expect(try await investor.post("/intent", Self.form("企业7有限公司")).status == .seeOther)
        }
    }
}
