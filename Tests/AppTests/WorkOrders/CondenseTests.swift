import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// 归并 [003]: the bureau condenses supervisors' letters into one suggestion forwarded to a unit
/// with a deadline; each letter shows where it went, and nothing half-merged is left.
@Suite("监督员来信归并")
struct CondenseTests {
    @Test func lettersBecomeOneSuggestionWithADeadline() async throws {
        try await withApp { app, _ in
            let observer = try await APIClient.issue(app, login: "observer")
            let bureau = try await APIClient.issue(app, login: "bureau")
            var letters: [String] = []
            for text in ["窗口午间无人值守", "午休时段办事大厅无人", "中午办不了事"] {
                let made = try await observer.send(
                    .POST, "/api/v1/work-orders", json: #"{"kind":"supervisorLetter","title":"\#(text)","detail":"群众反映：\#(text)。"}"#)
                letters.append(try #require((made.json["workOrder"] as? [String: Any])?["id"] as? String))
            }
            let complaint = try await observer.send(
                .POST, "/api/v1/work-orders", json: #"{"kind":"complaint","title":"收费不透明","detail":"无公示。"}"#)
            let complaintID = try #require((complaint.json["workOrder"] as? [String: Any])?["id"] as? String)
            let unit = try await Fixture.unit("荆门市政务服务中心", .department, Fixture.jingmen, on: app.db)
            func condense(_ ids: [String], unit: UUID) async throws -> TestingHTTPResponse {
                let list = ids.map { "\"\($0)\"" }.joined(separator: ",")
                return try await bureau.send(
                    .POST, "/api/v1/work-orders/condense",
                    json: #"{"letterIDs":[\#(list)],"title":"政务大厅午间服务","detail":"实行午间不打烊。","unitID":"\#(unit.uuidString)"}"#)
            }
            #expect(try await condense([letters[0]], unit: unit).status == .unprocessableEntity)
            #expect(try await condense([letters[0], complaintID], unit: unit).status == .unprocessableEntity)
            let elsewhere = try await Fixture.unit("安庆市政务服务中心", .department, Fixture.anqing, on: app.db)
            #expect(try await condense(letters, unit: elsewhere).status == .unprocessableEntity)
            #expect(try await WorkOrder.query(on: app.db).filter(\.$status == .merged).count() == 0)

            let made = try await condense(letters, unit: unit)
            #expect(made.status == .created)
            let suggestion = try #require(made.json["workOrder"] as? [String: Any])
            // forwarded at once with the letters' deadline: 10 working days from Saturday 11-21
            #expect(suggestion["status"] as? String == "routed" && suggestion["deadline"] as? String == "2026-12-04")
            #expect((suggestion["detail"] as? String)?.contains("归并自 3 封监督员来信：GD-2026-000001、GD-2026-000002、GD-2026-000003") == true)
            let merged = try await WorkOrder.query(on: app.db).filter(\.$status == .merged).all()
            #expect(merged.count == 3)
            let note = try await WorkOrderEvent.query(on: app.db).filter(\.$step == "merge").first()?.note
            #expect(note == "归并为 GD-2026-000005「政务大厅午间服务」")
            // a letter goes once
            #expect(try await condense([letters[0], letters[1]], unit: unit).status == .unprocessableEntity)
        }
    }

    @Test func theUnroutedListOffersLettersToTickAndExplainsRefusals() async throws {
        try await withApp { app, _ in
            let observer = Browser(app)
            try await observer.login("observer")
            _ = try await observer.get("/work-orders/new")
            _ = try await observer.post("/work-orders", [("kind", "supervisorLetter"), ("title", "窗口午间无人值守"), ("detail", "群众反映。")])
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let page = try await bureau.get("/work-orders?view=unrouted").body.string
            #expect(page.contains(#"name="letters[]""#) && page.contains("归并监督员来信"))
            let id = try #require(try await WorkOrder.query(on: app.db).first()?.id)
            let refused = try await bureau.post(
                "/work-orders/condense", [("letters[]", id.uuidString), ("title", "政务大厅午间服务"), ("detail", ""), ("unit", "")])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("请至少选择两封来信归并"))
            #expect(refused.body.string.contains("政务大厅午间服务"))
        }
    }
}
