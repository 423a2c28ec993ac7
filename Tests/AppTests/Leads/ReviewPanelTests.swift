import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("预审专班：意见、回避、法定人数")
struct ReviewPanelTests {
    /// A submitted 伟德 lead and a panel of three with a quorum of two; returns the lead id.
    func setUp(_ app: Application) async throws -> (lead: UUID, bureau: Browser) {
        let members = try await Fixture.reviewers(on: app.db)
        let cadre = Browser(app)
        try await cadre.login("cadre")
        _ = try await cadre.get("/leads/new")
        _ = try await cadre.post("/leads", LeadTests.weide)
        let lead = try #require(try await Lead.query(on: app.db).first()?.id)
        let bureau = Browser(app)
        try await bureau.login("bureau")
        _ = try await bureau.get("/panels")
        let form: [(String, String)] =
            [("name", "电子信息产业预审专班"), ("quorum", "2"), ("criteria[]", "industryFit"), ("criteria[]", "taxPerMu")]
            + members.map { ("members[]", $0.uuidString) }
        #expect(try await bureau.post("/panels", form).status == .seeOther)
        let panel = try #require(try await ReviewPanel.query(on: app.db).first()?.id)
        _ = try await bureau.get("/leads/\(lead)")
        #expect(try await bureau.post("/leads/\(lead)/review", [("panel", panel.uuidString)]).status == .seeOther)
        return (lead, bureau)
    }

    @Test func opinionsAreNeverEditedAndTheLatestCounts() async throws {
        try await withApp { app, _ in
            let (lead, bureau) = try await setUp(app)
            // putting it to the panel was the bureau's first response
            #expect(try await Lead.find(lead, on: app.db)?.respondedOn == "2026-11-21")
            let park = Browser(app)
            try await park.login("rev-park")
            #expect(try await park.get("/leads/\(lead)").status == .ok)  // a member reads the lead
            #expect(
                try await park.post("/leads/\(lead)/opinions", [("recommendation", "notRecommend"), ("score-industryFit", "60")]).status
                    == .seeOther)
            // a second opinion must say it revises the first
            let twice = try await park.post("/leads/\(lead)/opinions", [("recommendation", "recommend")])
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("意见不可修改"))
            #expect(
                try await park.post(
                    "/leads/\(lead)/opinions", [("recommendation", "recommend"), ("score-industryFit", "85"), ("revision", "1")]
                ).status == .seeOther)
            let opinions = try await ReviewOpinion.query(on: app.db).sort(\.$sequence).all()
            #expect(opinions.map(\.recommendation) == [.notRecommend, .recommend])  // the first is kept as it was
            #expect(opinions[1].revisesID == opinions[0].id)
            let page = try await bureau.get("/leads/\(lead)").body.string
            #expect(page.contains("1/2") && page.contains("未达法定人数"))
            #expect(page.contains("（修改）") && page.contains("（不计）"))
        }
    }

    @Test func aRecusedMemberCannotGiveAnOpinionAndQuorumIsReached() async throws {
        try await withApp { app, _ in
            let (lead, bureau) = try await setUp(app)
            let land = Browser(app)
            try await land.login("rev-land")
            _ = try await land.get("/leads/\(lead)")
            #expect(try await land.post("/leads/\(lead)/recuse", [("reason", "亲属在该企业任职")]).status == .seeOther)
            #expect(try await land.post("/leads/\(lead)/opinions", [("recommendation", "recommend")]).status == .conflict)
            for login in ["rev-park", "rev-institute"] {
                let member = Browser(app)
                try await member.login(login)
                _ = try await member.get("/leads/\(lead)")
                #expect(
                    try await member.post("/leads/\(lead)/opinions", [("recommendation", "recommend"), ("score-taxPerMu", "70")]).status
                        == .seeOther)
            }
            let page = try await bureau.get("/leads/\(lead)").body.string
            #expect(page.contains("2/2") && page.contains("已达法定人数"))
            #expect(page.contains("亩均税收 70"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "opinion.recuse").count() == 1)
        }
    }

    @Test func outsidersAndBadScoresAreRefused() async throws {
        try await withApp { app, _ in
            let (lead, _) = try await setUp(app)
            let outsider = Browser(app)
            try await outsider.login("host")
            _ = try await outsider.get("/")
            #expect(try await outsider.post("/leads/\(lead)/opinions", [("recommendation", "recommend")]).status == .notFound)
            let park = Browser(app)
            try await park.login("rev-park")
            _ = try await park.get("/leads/\(lead)")
            #expect(
                try await park.post("/leads/\(lead)/opinions", [("recommendation", "recommend"), ("score-industryFit", "120")]).status
                    == .unprocessableEntity)
            #expect(
                try await park.post("/leads/\(lead)/opinions", [("recommendation", "recommend"), ("score-energyUse", "50")]).status
                    == .unprocessableEntity)
            #expect(try await ReviewOpinion.query(on: app.db).count() == 0)
        }
    }

    @Test func aPanelNeedsMembersAQuorumAndCriteria() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/panels")
            let response = try await bureau.post("/panels", [("name", "空专班"), ("quorum", "3")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("专班至少两名成员"))
            #expect(try await ReviewPanel.query(on: app.db).count() == 0)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/panels").status == .forbidden)
        }
    }
}
