import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// From 入库 to production: the three accountable roles, stage reports and their verification.
@Suite("项目：入库、三方责任、阶段与核验")
struct ProjectTests {
    struct World {
        var lead: UUID
        var bureau: Browser
        var park: UUID
        var cadre: UUID
        var bureauID: UUID
        var leader: UUID
    }

    /// The 伟德 lead reviewed by two of three panel members, and 东宝工业园 with its host.
    static func reviewed(_ app: Application) async throws -> World {
        let (lead, bureau) = try await ReviewPanelTests().setUp(app)
        for login in ["rev-park", "rev-institute"] {
            let member = Browser(app)
            try await member.login(login)
            _ = try await member.get("/leads/\(lead)")
            _ = try await member.post("/leads/\(lead)/opinions", [("recommendation", "recommend"), ("score-industryFit", "85")])
        }
        let host = try await Fixture.cadre("park-host", unit: "东宝工业园", on: app.db)
        let person = try #require(try await Person.find(host, on: app.db))
        person.roles = [.host]
        try await person.update(on: app.db)
        return World(
            lead: lead, bureau: bureau, park: person.$unit.id, cadre: try await Fixture.id(of: "cadre", on: app.db),
            bureauID: try await Fixture.id(of: "bureau", on: app.db), leader: try await Fixture.id(of: "leader", on: app.db))
    }

    static func acceptForm(_ w: World, version: Int, shares: (String, String) = ("60", "40"), host: UUID? = nil, leader: Bool = true)
        -> [(String, String)]
    {
        [
            ("version", String(version)), ("title", "伟德线路板高多层板项目"), ("hostUnit", (host ?? w.park).uuidString),
            ("attractor1", w.cadre.uuidString), ("share1", shares.0), ("attractor2", w.bureauID.uuidString), ("share2", shares.1),
            ("leader", leader ? w.leader.uuidString : ""),
        ]
    }

    /// An accepted project; returns it with the world.
    static func accepted(_ app: Application) async throws -> (Project, World) {
        let w = try await reviewed(app)
        let version = try #require(try await Lead.find(w.lead, on: app.db)).version
        let response = try await w.bureau.post("/leads/\(w.lead)/accept", acceptForm(w, version: version))
        #expect(response.status == .seeOther)
        return (try #require(try await Project.query(on: app.db).first()), w)
    }

    @Test func acceptanceWaitsForTheQuorum() async throws {
        try await withApp { app, _ in
            let (lead, bureau) = try await ReviewPanelTests().setUp(app)
            let version = try #require(try await Lead.find(lead, on: app.db)).version
            // before the panel has spoken
            let early = try await bureau.post("/leads/\(lead)/accept", [("version", String(version)), ("title", "x")])
            #expect(early.status == .conflict)
            #expect(early.body.string.contains("尚未达到法定人数"))
        }
    }

    @Test func badAcceptancesAreRefusedWithTheirReasons() async throws {
        try await withApp { app, _ in
            let w = try await Self.reviewed(app)
            let version = try #require(try await Lead.find(w.lead, on: app.db)).version
            let page = try await w.bureau.get("/leads/\(w.lead)").body.string
            #expect(page.contains("同意入库") && page.contains("包保领导（重大项目必填）"))
            let split = try await w.bureau.post("/leads/\(w.lead)/accept", Self.acceptForm(w, version: version, shares: ("60", "30")))
            #expect(split.status == .unprocessableEntity)
            #expect(split.body.string.contains("招商人分成合计应为 100%，现为 90.0%"))
            let anqing = try #require(try await Unit.query(on: app.db).filter(\.$name == "安庆市投资促进局").first()?.id)
            let foreign = try await w.bureau.post("/leads/\(w.lead)/accept", Self.acceptForm(w, version: version, host: anqing))
            #expect(foreign.status == .unprocessableEntity)
            #expect(foreign.body.string.contains("承接单位须为本辖区"))
            let noLeader = try await w.bureau.post("/leads/\(w.lead)/accept", Self.acceptForm(w, version: version, leader: false))
            #expect(noLeader.body.string.contains("1亿元以上的重大项目须明确包保领导"))
            // the values typed are kept on the refused form
            #expect(noLeader.body.string.contains("伟德线路板高多层板项目"))
            #expect(try await Project.query(on: app.db).count() == 0)
            #expect(try await Lead.find(w.lead, on: app.db)?.status == .responded)
        }
    }

    @Test func anAcceptedLeadBecomesANegotiatingProjectThatHoldsTheEnterprise() async throws {
        try await withApp { app, _ in
            let (project, w) = try await Self.accepted(app)
            #expect(project.stage == .negotiating && project.isMajor && project.hostStatus == .pending)
            let shares = try await ProjectAttractor.query(on: app.db).sort(\.$basisPoints, .descending).all().map(\.basisPoints)
            #expect(shares == [6_000, 4_000])
            #expect(try await Lead.find(w.lead, on: app.db)?.status == .accepted)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.accept").count() == 1)
            let page = try await w.bureau.get("/projects/\(project.id!)").body.string
            #expect(page.contains("测试cadre（荆门市招商局）60.0%") && page.contains("东宝工业园 · 待承接单位答复"))
            // one project is never credited twice: the same enterprise (筹) collides with the project
            _ = try await Fixture.cadre("zhanggang", unit: "掇刀区招商局", on: app.db)
            let other = Browser(app)
            try await other.login("zhanggang")
            _ = try await other.get("/leads/new")
            var form = LeadTests.weide
            form[0] = ("enterpriseName", "湖北伟德线路板有限公司（筹）")
            let collision = try await other.post("/leads", form)
            #expect(collision.status == .conflict)
            #expect(collision.body.string.contains("该企业已是在库项目“伟德线路板高多层板项目”"))
        }
    }

    /// Reports a stage as `browser`, based on the project's current version.
    static func report(
        _ browser: Browser, _ project: UUID, to stage: String, on date: String, contract: String = "", reason: String = "",
        app: Application
    ) async throws -> TestingHTTPResponse {
        let version = try #require(try await Project.find(project, on: app.db)).version
        return try await browser.post(
            "/projects/\(project)/stages",
            [
                ("version", String(version)), ("to", stage), ("occurredOn", date), ("contract", contract), ("reason", reason),
                ("evidence", "合同编号 JM-2022-018"),
            ])
    }

    /// Moves the project's acceptance back in time, as an import of an older ledger would.
    static func backdate(_ project: Project, to date: String, on db: any Database) async throws {
        project.acceptedOn = date
        project.stageSince = date
        project.lastActivityOn = date
        try await project.update(on: db)
    }

    @Test func seed002SignedToProducingIn278DaysOnceVerified() async throws {
        try await withApp { app, _ in
            let (project, w) = try await Self.accepted(app)
            try await Self.backdate(project, to: "2022-03-01", on: app.db)
            let id = project.id!
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            #expect(try await Self.report(cadre, id, to: "signed", on: "2022-04-28", app: app).body.string.contains("请填写合同投资额"))
            #expect(
                try await Self.report(cadre, id, to: "signed", on: "2026-11-22", contract: "3亿", app: app).status == .unprocessableEntity)
            #expect(try await Self.report(cadre, id, to: "built", on: "2022-04-28", app: app).status == .forbidden)
            #expect(try await Self.report(cadre, id, to: "signed", on: "2022-04-28", contract: "3亿", app: app).status == .seeOther)
            let early = try await Self.report(cadre, id, to: "started", on: "2022-04-01", app: app)
            #expect(early.body.string.contains("日期不能早于上一阶段「签约」的日期 2022-04-28"))
            for (stage, date) in [("started", "2022-05-10"), ("built", "2022-09-30"), ("producing", "2023-01-31")] {
                #expect(try await Self.report(cadre, id, to: stage, on: date, app: app).status == .seeOther)
            }
            #expect(try await Project.find(id, on: app.db)?.verifiedStage == .negotiating)  // nothing verified yet
            let reports = try await StageReport.query(on: app.db).sort(\.$sequence).all()
            #expect(try await cadre.post("/projects/\(id)/stages/verify", [("report", reports[0].id!.uuidString)]).status == .forbidden)
            for report in reports {
                #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)
            }
            let fresh = try #require(try await Project.find(id, on: app.db))
            #expect(fresh.verifiedStage == .producing && fresh.contract == Money.major(300_000_000) && fresh.signedOn == "2022-04-28")
            let page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("签约至投产 278 天（已核验）"))
            #expect(page.contains("合同投资额 3亿元"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.verify").count() == 4)
        }
    }

    @Test func holdNeedsAReasonAndResumesWhereItStopped() async throws {
        try await withApp { app, _ in
            let (project, _) = try await Self.accepted(app)
            let id = project.id!
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            #expect(try await Self.report(cadre, id, to: "onHold", on: "2026-11-21", app: app).body.string.contains("暂缓或终止须说明理由"))
            #expect(try await Self.report(cadre, id, to: "onHold", on: "2026-11-21", reason: "企业融资未到位", app: app).status == .seeOther)
            #expect(try await Self.report(cadre, id, to: "started", on: "2026-11-21", app: app).status == .unprocessableEntity)
            #expect(try await Self.report(cadre, id, to: "negotiating", on: "2026-11-21", app: app).status == .seeOther)
            #expect(try await Self.report(cadre, id, to: "terminated", on: "2026-11-21", reason: "企业战略调整", app: app).status == .seeOther)
            let final = try await Self.report(cadre, id, to: "negotiating", on: "2026-11-21", app: app)
            #expect(final.status == .conflict)
            #expect(try await StageReport.query(on: app.db).count() == 3)
        }
    }

    @Test func twoReportsOnOneVersionAreDetectedNotOverwritten() async throws {
        try await withApp { app, _ in
            let (project, _) = try await Self.accepted(app)
            try await Self.backdate(project, to: "2026-01-05", on: app.db)
            let id = project.id!
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            let version = try #require(try await Project.find(id, on: app.db)).version
            let form: [(String, String)] = [
                ("version", String(version)), ("to", "signed"), ("occurredOn", "2026-03-02"), ("contract", "29.14亿"),
            ]
            #expect(try await cadre.post("/projects/\(id)/stages", form).status == .seeOther)
            let second = try await cadre.post("/projects/\(id)/stages", form)
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("此记录已被他人修改"))
            #expect(try await StageReport.query(on: app.db).count() == 1)
            #expect(try await Project.find(id, on: app.db)?.contract == Money.major(2_914_000_000))
        }
    }

    @Test func aCityLeaderAnswersForADistrictProjectButNotAnotherCitys() async throws {
        try await withApp { app, _ in
            let (project, w) = try await Self.accepted(app)
            let id = project.id!
            // the project sits in 东宝区; the city's leader (荆门市) may answer for it
            try await app.db.sql.raw("UPDATE projects SET jurisdiction_code = \(bind: Fixture.dongbao) WHERE id = \(bind: id)").run()
            let city = try await Fixture.id(of: "leader", on: app.db)
            let anqingLeader = try await Fixture.cadre("anqing-leader", unit: "安庆市人民政府", on: app.db)
            let person = try #require(try await Person.find(anqingLeader, on: app.db))
            person.roles = [.leader]
            person.$unit.id = try #require(try await Unit.query(on: app.db).filter(\.$name == "安庆市投资促进局").first()?.id)
            try await person.save(on: app.db)
            func assign(_ leader: UUID) async throws -> TestingHTTPResponse {
                let version = try #require(try await Project.find(id, on: app.db)).version
                return try await w.bureau.post("/projects/\(id)/leader", [("version", String(version)), ("leader", leader.uuidString)])
            }
            #expect(try await assign(city).status == .seeOther)
            #expect(try await Project.find(id, on: app.db)?.leaderID == city)
            let refused = try await assign(anqingLeader)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("包保领导须为本辖区或上级辖区的领导"))
            #expect(try await Project.find(id, on: app.db)?.leaderID == city)
        }
    }

    @Test func onlyTheAccountableReportAndOtherJurisdictionsSeeNothing() async throws {
        try await withApp { app, _ in
            let (project, _) = try await Self.accepted(app)
            let id = project.id!
            // a host of another unit: another park's project is not theirs to see (SPEC §1)
            let stranger = Browser(app)
            try await stranger.login("host")
            #expect(try await stranger.get("/projects/\(id)").status == .notFound)
            #expect(try await Self.report(stranger, id, to: "signed", on: "2026-11-21", contract: "1亿", app: app).status == .notFound)
            // an inspector (also a cadre) reads the jurisdiction's projects but reports only on their own
            let inspectorID = try await Fixture.cadre("inspector", unit: "荆门市纪委监委", on: app.db)
            let person = try #require(try await Person.find(inspectorID, on: app.db))
            person.roles = [.inspector, .cadre]
            person.$unit.id = try #require(try await Person.find(try await Fixture.id(of: "bureau", on: app.db), on: app.db)).$unit.id
            try await person.save(on: app.db)
            let inspector = Browser(app)
            try await inspector.login("inspector")
            #expect(try await inspector.get("/projects/\(id)").status == .ok)
            let refused = try await Self.report(inspector, id, to: "signed", on: "2026-11-21", contract: "1亿", app: app)
            #expect(refused.status == .forbidden)
            #expect(refused.body.string.contains("只有招商人、承接单位、包保领导或投促局"))
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            #expect(try await anqing.get("/projects/\(id)").status == .notFound)
            let observer = Browser(app)
            try await observer.login("observer")
            #expect(try await observer.get("/projects").status == .forbidden)
        }
    }
}
