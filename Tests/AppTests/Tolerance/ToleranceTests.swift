import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor

@testable import App

/// 容错纠错 end to end with [000]'s case — a park's deputy head started the road works while the
/// paperwork ran in parallel ("边建、边办") for a chemical project that had to produce within a
/// year — and [002]'s follow-up visits: the checklist with evidence, the inspector's decision, the
/// clearing of name in public, the visits; and the refusals.
@Suite("容错纠错：核查清单、纪检认定、澄清正名、回访")
struct ToleranceTests {
    static func inspector(_ app: Application) async throws -> APIClient {
        // the city's inspectors, as the bureau is the city's
        let id = try await Fixture.cadre("insp", unit: "纪委监委派驻组", on: app.db)
        let person = try #require(try await Person.find(id, on: app.db))
        person.roles = [.inspector]
        person.$unit.id = try await Fixture.unit("市纪委监委", .department, Fixture.jingmen, on: app.db)
        try await person.update(on: app.db)
        return try await APIClient.issue(app, login: "insp")
    }

    static let facts =
        "荆门化工循环产业园引进精细化工龙头企业，企业要求一年内投产，平整场地按原流程需六个月。项目环评、规划、土地等国家法律规定的手续已经办完，园区经济发展部副部长决定道路建设相关手续边办边建。"

    static func checks(_ findings: [(String, String, String)], version: Int) -> String {
        let entries = findings.map { #"{"item":"\#($0.0)","finding":"\#($0.1)","evidence":"\#($0.2)"}"# }.joined(separator: ",")
        return #"{"version":\#(version),"checks":[\#(entries)]}"#
    }

    @Test func aCaseIsCheckedDecidedByAnInspectorAndTheNameClearedInPublic() async throws {
        try await withApp { app, _ in
            let bureau = try await APIClient.issue(app, login: "bureau")
            let inspector = try await Self.inspector(app)
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let open = { (title: String, date: String, person: UUID) in
                #"{"personID":"\#(person.uuidString)","title":"\#(title)","facts":"\#(Self.facts)","occurredOn":"\#(date)"}"#
            }
            // refusals first: a zero-width space in the matter, a date to come, someone of another jurisdiction, a cadre's role
            #expect(
                try await bureau.send(.POST, "/api/v1/tolerance-cases", json: open("道路\u{200B}边建边办", "2016-03-15", cadre)).status
                    == .unprocessableEntity)
            #expect(
                try await bureau.send(.POST, "/api/v1/tolerance-cases", json: open("道路边建边办", "2027-01-01", cadre)).status
                    == .unprocessableEntity)
            let anqing = try await Fixture.id(of: "anqing-bureau", on: app.db)
            let foreign = try await bureau.send(.POST, "/api/v1/tolerance-cases", json: open("道路边建边办", "2016-03-15", anqing))
            #expect(foreign.status == .unprocessableEntity && (foreign.json["fields"] as? [String: Any])?["personID"] != nil)
            let asCadre = try await APIClient.issue(app, login: "cadre")
            #expect(
                try await asCadre.send(.POST, "/api/v1/tolerance-cases", json: open("道路边建边办", "2016-03-15", cadre)).status == .forbidden)
            #expect(try await asCadre.send(.GET, "/api/v1/tolerance-cases").status == .forbidden)
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM tolerance_cases").first().map { try RowReader($0).int("n") } == 0)

            // a past case (2016, [000]) opened by the bureau
            let opened = try await bureau.send(.POST, "/api/v1/tolerance-cases", json: open("园区道路边建边办先行施工", "2016-03-15", cadre))
            #expect(opened.status == .created && opened.json["reference"] as? String == "容错〔2026〕1号", "\(opened.body.string)")
            let id = try #require(opened.json["id"] as? String)
            // a finding either way needs its evidence
            let bare = try await bureau.send(
                .PUT, "/api/v1/tolerance-cases/\(id)/checklist", json: Self.checks([("publicInterest", "holds", "")], version: 1))
            #expect(bare.status == .unprocessableEntity && (bare.json["fields"] as? [String: Any])?["evidence-publicInterest"] != nil)
            let first = try await bureau.send(
                .PUT, "/api/v1/tolerance-cases/\(id)/checklist",
                json: Self.checks(
                    [
                        ("publicInterest", "holds", "为项目按期投产，个人无任何利益，见谈话笔录"),
                        ("noCollusion", "holds", "与企业无经济往来，见廉政审查意见"), ("procedures", "holds", "环评、规划、土地批复齐全"),
                    ], version: 1))
            #expect(first.status == .ok && first.json["version"] as? Int == 2)
            // only an inspector decides, and not while a decisive item is unchecked
            let byBureau = try await bureau.send(
                .POST, "/api/v1/tolerance-cases/\(id)/decision", json: #"{"state":"tolerated","decision":"符合容错条件，予以容错。","version":2}"#)
            #expect(byBureau.status == .forbidden)
            let early = try await inspector.send(
                .POST, "/api/v1/tolerance-cases/\(id)/decision", json: #"{"state":"tolerated","decision":"符合容错条件，予以容错。","version":2}"#)
            #expect(early.status == .unprocessableEntity)
            #expect(((early.json["fields"] as? [String: String])?["state"])?.contains("上级尚无明确限制") == true)
            let second = try await inspector.send(
                .PUT, "/api/v1/tolerance-cases/\(id)/checklist",
                json: Self.checks([("notForbidden", "holds", "道路建设手续无明令禁止先行施工，经市住建局书面确认")], version: 2))
            #expect(second.status == .ok)
            let stale = try await inspector.send(
                .POST, "/api/v1/tolerance-cases/\(id)/decision", json: #"{"state":"tolerated","decision":"符合容错条件，予以容错。","version":2}"#)
            #expect(stale.status == .conflict)
            let decided = try await inspector.send(
                .POST, "/api/v1/tolerance-cases/\(id)/decision",
                json: #"{"state":"tolerated","decision":"把服务项目建设、支持企业发展与搞利益输送区别开来，予以容错。","version":3}"#)
            #expect(
                decided.status == .ok && decided.json["state"] as? String == "tolerated"
                    && decided.json["decidedOn"] as? String == "2026-11-21")
            // decided: the checklist and the decision stand
            let late = try await bureau.send(
                .PUT, "/api/v1/tolerance-cases/\(id)/checklist", json: Self.checks([("remedied", "unknown", "")], version: 4))
            #expect(late.status == .conflict && late.json["code"] as? String == "case_decided")
            #expect(
                try await inspector.send(
                    .POST, "/api/v1/tolerance-cases/\(id)/visits", json: #"{"visitedOn":"2026-11-21","visitor":"王某","outcome":"思想稳定"}"#
                ).status == .conflict)
            // the name cleared in public: what the clearing says, never the file
            let cleared = try await inspector.send(
                .POST, "/api/v1/tolerance-cases/\(id)/clearing", json: #"{"clearing":"经调查核实，该同志在项目建设中担当作为，不存在违纪问题，予以澄清正名。","version":4}"#)
            #expect(cleared.status == .ok && cleared.json["clearedOn"] as? String == "2026-11-21")
            #expect(
                try await inspector.send(.POST, "/api/v1/tolerance-cases/\(id)/clearing", json: #"{"clearing":"再次澄清正名的说明文字。","version":5}"#)
                    .status == .conflict)
            let published = try await APIClient(app: app, token: nil).send(.GET, "/api/v1/clearings")
            let entries = (try? JSONSerialization.jsonObject(with: Data(published.body.readableBytesView))) as? [[String: Any]] ?? []
            #expect(entries.count == 1 && entries.first?["title"] as? String == "园区道路边建边办先行施工")
            #expect(!published.body.string.contains("谈话笔录") && !published.body.string.contains("facts"))
            let page = try await Browser(app).get("/clearings")
            #expect(page.status == .ok && page.body.string.contains("予以澄清正名"))
            // every step audited
            let actions = try await app.db.sql.raw("SELECT action FROM \(unsafeRaw: AuditRecord.schema) WHERE object_type = 'tolerance'")
                .all()
                .map { try RowReader($0).string("action") }
            #expect(actions == ["tolerance.open", "tolerance.checklist", "tolerance.checklist", "tolerance.decide", "tolerance.clear"])
        }
    }

    @Test func aCadreNotToleratedIsVisitedWithDatedRecords() async throws {
        try await withApp { app, _ in
            let inspector = try await Self.inspector(app)
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let opened = try await inspector.send(
                .POST, "/api/v1/tolerance-cases",
                json: #"{"personID":"\#(cadre.uuidString)","title":"招商承诺超出政策","facts":"\#(Self.facts)","occurredOn":"2025-06-01"}"#)
            let id = try #require(opened.json["id"] as? String)
            let no = try await inspector.send(
                .POST, "/api/v1/tolerance-cases/\(id)/decision",
                json: #"{"state":"notTolerated","decision":"明令禁止后仍擅自承诺，不予容错。","version":1}"#)
            #expect(no.status == .ok && no.json["visitDue"] as? Bool == false)
            #expect(
                try await inspector.send(
                    .POST, "/api/v1/tolerance-cases/\(id)/clearing", json: #"{"clearing":"不予容错的案件不能澄清正名。","version":2}"#
                ).status == .conflict)
            for bad in [
                #"{"visitedOn":"2026-11-20","visitor":"王某","outcome":"思想稳定"}"#,
                #"{"visitedOn":"2026-12-01","visitor":"王某","outcome":"思想稳定"}"#,
                #"{"visitedOn":"2026-11-21","visitor":"王\#u{0301}","outcome":"思想稳定"}"#,
            ] {
                #expect(try await inspector.send(.POST, "/api/v1/tolerance-cases/\(id)/visits", json: bad).status == .unprocessableEntity)
            }
            let visit = try await inspector.send(
                .POST, "/api/v1/tolerance-cases/\(id)/visits",
                json: #"{"visitedOn":"2026-11-21","visitor":"县纪委监委 王某","outcome":"放下包袱，工作积极，所在园区本月新签约项目 2 个"}"#)
            #expect(visit.status == .created)
            #expect((visit.json["visits"] as? [[String: Any]])?.first?["visitedOn"] as? String == "2026-11-21")
            let leader = try await APIClient.issue(app, login: "leader")
            #expect(try await leader.send(.GET, "/api/v1/tolerance-cases/\(id)").status == .ok)
            #expect(
                try await leader.send(
                    .POST, "/api/v1/tolerance-cases/\(id)/visits", json: #"{"visitedOn":"2026-11-21","visitor":"某","outcome":"思想稳定"}"#
                ).status == .forbidden)
        }
    }
}
