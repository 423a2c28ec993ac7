import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// 企业账号 (SPEC §1 role `enterprise`): the bureau ties a login to its registry entry; the account
/// submits demands and complaints in the registry's name, follows them and confirms the answer, and
/// sees nothing of anyone else — not even the work of the town its login happens to sit in.
@Suite("企业账号")
struct EnterpriseAccountTests {
    /// 子陵铺镇 of 东宝区 with a host, and 湖北伟德's contact whose login the administrator put there.
    static func town(_ app: Application) async throws -> (town: UUID, contact: UUID) {
        let host = try await Fixture.cadre("zlp-host", unit: "子陵铺镇", on: app.db)
        let hostPerson = try #require(try await Person.find(host, on: app.db))
        hostPerson.roles = [.host]
        try await hostPerson.update(on: app.db)
        let contact = try await Fixture.cadre("weide-contact", unit: "子陵铺镇（企业账号）", on: app.db)
        let person = try #require(try await Person.find(contact, on: app.db))
        (person.roles, person.$unit.id) = ([.enterprise], hostPerson.$unit.id)
        try await person.update(on: app.db)
        return (hostPerson.$unit.id, contact)
    }

    /// The fixture's 湖北伟德 and 荆门市招商局.
    static func ids(_ app: Application) async throws -> (weide: UUID, jingmenBureau: UUID) {
        let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
        let bureau = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门市招商局").first()?.id)
        return (weide, bureau)
    }

    @Test func theBureauTiesAnAccountToItsRegistryEntry() async throws {
        try await withApp { app, _ in
            let ids = try await Self.ids(app)
            _ = try await Self.town(app)
            let contact = Browser(app)
            try await contact.login("weide-contact")
            // not yet tied: the form says so, and a submission is refused with the reason
            #expect(try await contact.get("/work-orders/new").body.string.contains("尚未关联企业"))
            let refused = try await contact.post("/work-orders", [("kind", "enterpriseDemand"), ("title", "用电增容"), ("detail", "请协调。")])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("尚未关联企业"))

            let bureau = Browser(app)
            try await bureau.login("bureau")
            let page = "/enterprises/\(ids.weide)"
            _ = try await bureau.get(page)
            // only an active account holding the enterprise role alone
            let cadre = try await bureau.post(page + "/accounts", [("login", "cadre")])
            #expect(cadre.status == .unprocessableEntity && cadre.body.string.contains("企业"))
            let nobody = try await bureau.post(page + "/accounts", [("login", "nobody")])
            #expect(nobody.status == .unprocessableEntity && nobody.body.string.contains("没有这个登录名"))
            #expect(try await bureau.post(page + "/accounts", [("login", "weide-contact")]).status == .seeOther)
            #expect(try await bureau.get(page).body.string.contains("weide-contact"))
            // one enterprise per account
            let twice = try await bureau.post("/enterprises/\(ids.weide)/accounts", [("login", "weide-contact")])
            #expect(twice.status == .conflict && twice.body.string.contains("已关联"))
            // another city's bureau does not see the enterprise; a cadre may not tie at all
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            _ = try await anqing.get("/")
            #expect(try await anqing.post(page + "/accounts", [("login", "weide-contact")]).status == .notFound)
            let cadreBrowser = Browser(app)
            try await cadreBrowser.login("cadre")
            _ = try await cadreBrowser.get("/")
            #expect(try await cadreBrowser.post(page + "/accounts", [("login", "weide-contact")]).status == .forbidden)
            let audit = try await AuditRecord.query(on: app.db).filter(\.$action == "enterprise.account.link").count()
            #expect(audit == 1)
        }
    }

    @Test func anAccountFollowsOnlyWhatItAskedAndConfirmsTheAnswer() async throws {
        try await withApp { app, _ in
            let ids = try await Self.ids(app)
            let (town, _) = try await Self.town(app)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/enterprises/\(ids.weide)")
            #expect(try await bureau.post("/enterprises/\(ids.weide)/accounts", [("login", "weide-contact")]).status == .seeOther)

            // the town's own item, routed to it: the contact sitting in the town never sees it
            let host = Browser(app)
            try await host.login("zlp-host")
            _ = try await host.get("/work-orders/new")
            _ = try await host.post("/work-orders", [("kind", "supervisorLetter"), ("title", "镇区道路照明不足"), ("detail", "夜间施工车辆多。")])
            let townItem = try #require(try await WorkOrder.query(on: app.db).filter(\.$title == "镇区道路照明不足").first())

            let contact = Browser(app)
            try await contact.login("weide-contact")
            _ = try await contact.get("/work-orders/new")
            // a typed enterprise name and a project are not the account's to choose
            let submitted = try await contact.post(
                "/work-orders",
                [
                    ("kind", "enterpriseDemand"), ("title", "厂房消防验收迟迟未办"), ("detail", "已提交材料两个月，请协调住建部门。"),
                    ("enterpriseName", "别的公司"), ("projectID", UUID().uuidString), ("category", "land"),
                ])
            #expect(submitted.status == .seeOther)
            let own = try #require(try await WorkOrder.query(on: app.db).filter(\.$title == "厂房消防验收迟迟未办").first())
            #expect(own.enterpriseName == "湖北伟德线路板有限公司" && own.projectID == nil && own.category.isEmpty)
            for kind in ["factorRequest", "supervisionItem", "observerReport"] {
                let refused = try await contact.post("/work-orders", [("kind", kind), ("title", "试探"), ("detail", "试探")])
                #expect(refused.status == .forbidden, "\(kind)")
            }
            #expect(try await WorkOrder.query(on: app.db).count() == 2)

            // whatever view it asks for, the list holds its own item only; the town's is absent
            for view in ["todo", "all", "overdue", "unrouted", "mine"] {
                let list = try await contact.get("/work-orders?view=\(view)").body.string
                #expect(list.contains("厂房消防验收迟迟未办") && !list.contains("镇区道路照明不足"), "\(view)")
            }
            let townID = try townItem.requireID()
            #expect(try await contact.get("/work-orders/\(townID)").status == .notFound)
            #expect(try await contact.post("/work-orders/\(townID)/steps", [("version", "1"), ("step", "signFor")]).status == .notFound)
            let home = try await contact.get("/").body.string
            #expect(!home.contains("辖区企业") && home.contains("湖北伟德线路板有限公司") && home.contains("提出诉求"))

            // routed to the town, answered by its host; the contact confirms from its workbench
            let id = try own.requireID()
            _ = try await bureau.get("/work-orders/\(id)")
            let route = [("version", String(own.version)), ("step", "route"), ("unit", town.uuidString)]
            #expect(try await bureau.post("/work-orders/\(id)/steps", route).status == .seeOther)
            _ = try await host.get("/work-orders/\(id)")
            for step in ["signFor", "start"] {
                let version = String(try #require(try await WorkOrder.find(id, on: app.db)).version)
                #expect(try await host.post("/work-orders/\(id)/steps", [("version", version), ("step", step)]).status == .seeOther)
            }
            var version = String(try #require(try await WorkOrder.find(id, on: app.db)).version)
            let answer = [("version", version), ("step", "answer"), ("note", "已约定 11 月 25 日现场验收。")]
            #expect(try await host.post("/work-orders/\(id)/steps", answer).status == .seeOther)
            let waiting = try await contact.get("/").body.string
            #expect(waiting.contains("办理结果待我确认") && waiting.contains("厂房消防验收迟迟未办"))
            let counts = try await HomeController.ownRequests(
                try #require(try await Person.query(on: app.db).filter(\.$login == "weide-contact").first()?.id), on: app.db)
            #expect(counts == HomeView.OwnRequests(open: 0, answered: 1, closed: 0))
            _ = try await contact.get("/work-orders/\(id)")
            version = String(try #require(try await WorkOrder.find(id, on: app.db)).version)
            #expect(try await contact.post("/work-orders/\(id)/steps", [("version", version), ("step", "confirm")]).status == .seeOther)
            #expect(try await WorkOrder.find(id, on: app.db)?.status == .closed)
        }
    }

    @Test func anObserverInAUnitDoesNotAnswerForIt() async throws {
        try await withApp { app, _ in
            let ids = try await Self.ids(app)
            // the fixture's observer sits in 荆门市招商局: an item the bureau's unit must answer
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/work-orders/new")
            _ = try await bureau.post("/work-orders", [("kind", "complaint"), ("title", "窗口办事推诿"), ("detail", "三次未办结。")])
            let item = try #require(try await WorkOrder.query(on: app.db).first())
            let id = try item.requireID()
            let route = [("version", "1"), ("step", "route"), ("unit", ids.jingmenBureau.uuidString)]
            #expect(try await bureau.post("/work-orders/\(id)/steps", route).status == .seeOther)
            let observer = Browser(app)
            try await observer.login("observer")
            _ = try await observer.get("/")
            #expect(try await observer.get("/work-orders/\(id)").status == .notFound)
            #expect(try await observer.post("/work-orders/\(id)/steps", [("version", "2"), ("step", "signFor")]).status == .notFound)
            #expect(!(try await observer.get("/work-orders?view=todo").body.string.contains("窗口办事推诿")))
            // it reports as an observer does
            _ = try await observer.get("/work-orders/new")
            let report = [("kind", "observerReport"), ("title", "政务大厅午间无人值守"), ("detail", "12:10 至 13:30 无人。")]
            #expect(try await observer.post("/work-orders", report).status == .seeOther)
            #expect(try await observer.get("/work-orders").body.string.contains("政务大厅午间无人值守"))
        }
    }
}
