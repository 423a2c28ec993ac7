import Domain
import Fluent
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import App

/// A unit's group robot: a notice is queued with it, posted off the request path in the robots'
/// JSON, retried with back-off after a failure, and posted once even when two nodes deliver at once.
@Suite("群机器人推送")
struct WebhookTests {
    @Test func aFailingRobotIsRetriedAndEachNoticeIsPostedOnce() async throws {
        // the robot: answers 500 the first time, then 200; keeps what it received
        let robot = try await Application.make(.testing)
        let received = NIOLockedValueBox<[String]>([])
        robot.post("robot") { request -> HTTPStatus in
            let count = received.withLockedValue { list in
                list.append(request.body.string ?? "")
                return list.count
            }
            return count == 1 ? .internalServerError : .ok
        }
        try await robot.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(robot.http.server.shared.localAddress?.port)
        defer {
            Task {
                await robot.server.shutdown(); try? await robot.asyncShutdown()
            }
        }

        try await withApp { app, _ in
            // the local robot of this test only: http and 127.0.0.1 are otherwise refused
            app.robotPolicy = RobotPolicy(allowed: ["127.0.0.1"], requireHTTPS: false, allowInternal: true)
            let officer = try await Fixture.cadre("renshe", unit: "东宝区人力资源和社会保障局", on: app.db)
            let unit = try #require(try await Person.find(officer, on: app.db)).$unit.id
            let hook = UnitWebhook()
            (hook.unitID, hook.url) = (unit, "http://127.0.0.1:\(port)/robot")
            try await hook.create(on: app.db)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/work-orders/new")
            _ = try await cadre.post("/work-orders", [("kind", "enterpriseDemand"), ("title", "招工难"), ("detail", "一周内需 214 人")])
            let id = try #require(try await WorkOrder.query(on: app.db).first()?.id)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            _ = try await bureau.get("/work-orders/\(id)")
            // routing answers at once; the robot is not called on the request path
            #expect(
                try await bureau.post("/work-orders/\(id)/steps", [("version", "1"), ("step", "route"), ("unit", unit.uuidString)]).status
                    == .seeOther)
            #expect(received.withLockedValue { $0.isEmpty })
            let now = app.clock.millis
            // the local robot shares a machine running hundreds of tests at once: the 5 s bound of
            // production would make a slow answer a failure here (seen under CI's load)
            let patient: Int64 = 120
            #expect(try await Webhooks.deliverDue(app, now: now, timeout: patient) == 1)
            var delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.status == "pending" && delivery.attempts == 1 && delivery.lastError == "HTTP 500")
            #expect(delivery.nextAttemptAt == now + 30_000)
            // not due again before its back-off; then two nodes at once: one posts it
            #expect(try await Webhooks.deliverDue(app, now: now + 1_000) == 0)
            async let a = Webhooks.deliverDue(app, now: now + 31_000, timeout: patient)
            async let b = Webhooks.deliverDue(app, now: now + 31_000, timeout: patient)
            #expect(try await a + b == 1)
            delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(delivery.status == "sent" && delivery.attempts == 2, "\(delivery.lastError)")
            let bodies = received.withLockedValue { $0 }
            #expect(bodies.count == 2 && bodies[1].hasPrefix(#"{"msgtype":"text","text":{"content":"新分办事项 GD-2026-000001"#))
        }
    }

    @Test func theBureauSetsARobotAndTheLogKeepsNoKey() async throws {
        try await withApp { app, _ in
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let unit = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门市招商局").first()?.id)
            _ = try await bureau.get("/work-orders/webhooks")
            let bad = try await bureau.post("/work-orders/webhooks", [("unit", unit.uuidString), ("url", "ftp://robot")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("应以 https:// 开头"))
            // an intranet host, or a literal internal address, is refused
            for inside in ["https://10.0.0.5/hook", "https://127.0.0.1/hook", "https://intranet.local/robot"] {
                let refused = try await bureau.post("/work-orders/webhooks", [("unit", unit.uuidString), ("url", inside)])
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("只接受企业微信、钉钉的群机器人地址"))
            }
            // an allowed name that resolves into the network is refused after DNS
            app.robotPolicy = RobotPolicy(allowed: ["localhost"])
            let rebound = try await bureau.post("/work-orders/webhooks", [("unit", unit.uuidString), ("url", "https://localhost/robot")])
            #expect(rebound.status == .unprocessableEntity && rebound.body.string.contains("指向内部网络"))
            let url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key"
            #expect(try await bureau.post("/work-orders/webhooks", [("unit", unit.uuidString), ("url", url)]).status == .seeOther)
            #expect(try await UnitWebhook.query(on: app.db).first()?.url == url)
            let page = try await bureau.get("/work-orders/webhooks").body.string
            #expect(page.contains("qyapi.weixin.qq.com") && !page.contains("secret-robot-key"))
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "webhook.set").first())
            #expect(!audit.after.contains("secret-robot-key"))
            let cadre = Browser(app)
            try await cadre.login("cadre")
            #expect(try await cadre.get("/work-orders/webhooks").status == .forbidden)
        }
    }

    @Test func backOffDoublesUpToAnHour() {
        #expect(Webhooks.delay(afterAttempts: 1) == 30_000)
        #expect(Webhooks.delay(afterAttempts: 3) == 120_000)
        #expect(Webhooks.delay(afterAttempts: 20) == 3_600_000)
    }
}
