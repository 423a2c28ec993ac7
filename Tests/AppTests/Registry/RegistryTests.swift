import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("企业库")
struct RegistryTests {
    static func body(name: String, uscc: String = "", region: String = Fixture.dongbao, extra: String = "") -> String {
        #"{"name":"\#(name)","uscc":"\#(uscc)","regionCode":"\#(region)","legalRepresentative":"吕万军","industryCode":"C3982","registeredCapital":{"minorUnits":500000000,"currency":"CNY"},"tags":["aboveScale"]\#(extra)}"#
    }

    @Test func createReadAndAudit() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let created = try await api.send(
                .POST, "/api/v1/enterprises", json: Self.body(name: "荆门新材料科技有限公司", extra: #","formerNames":["荆门新材料有限公司"]"#))
            #expect(created.status == .created)
            #expect(created.json["registeredCapitalText"] as? String == "500万元")
            let id = try #require(created.json["id"] as? String)
            #expect(try await api.send(.GET, "/api/v1/enterprises/\(id)").json["name"] as? String == "荆门新材料科技有限公司")
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "enterprise.create").first())
            #expect(audit.actor == "bureau")
            #expect(audit.after.contains("荆门新材料科技有限公司"))
        }
    }

    @Test func wrongCheckCharacterSaysWhichPosition() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            var wrong = Array("914403001922038216")
            wrong[17] = "7"
            let response = try await api.send(.POST, "/api/v1/enterprises", json: Self.body(name: "测试企业有限公司", uscc: String(wrong)))
            #expect(response.status == .unprocessableEntity)
            #expect(response.json["code"] as? String == "validation_failed")
            let message = try #require((response.json["fields"] as? [String: String])?["uscc"])
            #expect(message.contains("第 18 位") && message.contains("“6”"))
            #expect(try await Enterprise.query(on: app.db).filter(\.$name == "测试企业有限公司").count() == 0)
        }
    }

    @Test func duplicateUSCCAndPreparationNameCollide() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            // same USCC as the fixture's 湖北伟德线路板有限公司
            let sameCode = try await api.send(.POST, "/api/v1/enterprises", json: Self.body(name: "另一家公司", uscc: Fixture.weideUSCC))
            #expect(sameCode.status == .conflict)
            #expect(sameCode.json["code"] as? String == "duplicate")
            // the same enterprise while being set up (筹), in the same region
            let preparing = try await api.send(.POST, "/api/v1/enterprises", json: Self.body(name: "湖北伟德线路板有限公司（筹）"))
            #expect(preparing.status == .conflict)
            #expect((preparing.json["fields"] as? [String: String])?["name"]?.contains("湖北伟德线路板有限公司") == true)
            // the same name in another region is a different enterprise
            #expect(
                try await api.send(.POST, "/api/v1/enterprises", json: Self.body(name: "湖北伟德线路板有限公司", region: Fixture.jingmen)).status
                    == .created)
        }
    }

    @Test(arguments: [
        ("伟德", true), ("线路板", true), ("吕万军", true), ("0800MA49", true), ("91420800ma", true), ("湖北偉德線路", true), ("华兴", false),
    ])
    func searchFindsByAnyPart(query: String, found: Bool) async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            let response = try await api.send(.GET, "/api/v1/enterprises?q=\(encoded)")
            let names = (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            // 安庆华兴 exists but lies outside 荆门's jurisdiction
            #expect(names.contains("湖北伟德线路板有限公司") == found, "\(query)")
            #expect(!names.contains("安庆华兴电子有限公司"))
        }
    }

    @Test func formerNameIsSearchable() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            _ = try await api.send(
                .POST, "/api/v1/enterprises", json: Self.body(name: "荆门鼎泰电子有限公司", extra: #","formerNames":["荆门市东宝电路板厂"]"#))
            let response = try await api.send(.GET, "/api/v1/enterprises?q=%E4%B8%9C%E5%AE%9D%E7%94%B5%E8%B7%AF")  // 东宝电路
            let names = (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["荆门鼎泰电子有限公司"])
        }
    }

    @Test func staleEditIsRefusedAndNothingIsOverwritten() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let id = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
            // two people open version 1; the first saves
            let first = try await api.send(.PATCH, "/api/v1/enterprises/\(id)", json: #"{"legalRepresentative":"刘石军","version":1}"#)
            #expect(first.status == .ok)
            #expect(first.json["version"] as? Int == 2)
            // the second, still on version 1, is told and does not overwrite
            let second = try await api.send(.PATCH, "/api/v1/enterprises/\(id)", json: #"{"legalRepresentative":"杨晓勇","version":1}"#)
            #expect(second.status == .conflict)
            #expect(second.json["code"] as? String == "version_conflict")
            #expect(try await Enterprise.find(id, on: app.db)?.legalRepresentative == "刘石军")
        }
    }

    @Test func staleEditInTheBrowserKeepsWhatWasTyped() async throws {
        try await withApp { app, _ in
            let id = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
            let browser = Browser(app)
            try await browser.login("bureau")
            let form: [(String, String)] = [
                ("name", "湖北伟德线路板有限公司"), ("regionCode", Fixture.dongbao), ("legalRepresentative", "新法人甲"), ("registeredCapital", "29.14亿"),
                ("version", "1"),
            ]
            #expect(try await browser.post("/enterprises/\(id)", form).status == .seeOther)
            let stale = try await browser.post("/enterprises/\(id)", form.map { $0.0 == "legalRepresentative" ? ($0.0, "新法人乙") : $0 })
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("已被他人修改"))
            #expect(stale.body.string.contains("新法人乙"))  // what was typed is still on the form
            let saved = try #require(try await Enterprise.find(id, on: app.db))
            #expect(saved.legalRepresentative == "新法人甲")
            #expect(saved.registeredCapitalMinor == 2_914_000_000 * 100)
        }
    }

    @Test func invisibleCharactersAndCombiningMarksAreNoWayAround() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            // a zero-width space inside the held name is the same enterprise
            let hidden = try await api.send(.POST, "/api/v1/enterprises", json: Self.body(name: "湖北伟德\u{200B}线路板有限公司"))
            #expect(hidden.status == .conflict)
            #expect(hidden.json["code"] as? String == "duplicate")
            // a right-to-left override is refused with a message
            let bidi = try await api.send(.POST, "/api/v1/enterprises", json: Self.body(name: "荆门\u{202E}司公限有技科"))
            #expect(bidi.status == .unprocessableEntity)
            #expect((bidi.json["fields"] as? [String: String])?["name"] != nil)
            // a combining mark in the search box is searched, not a 500
            for query in ["x%CD%9Ey", "Z%CD%91%CD%92a%D2%89l%CC%80go", "%E4%BC%9F%CC%81%E5%BE%B7"] {
                let found = try await api.send(.GET, "/api/v1/enterprises?q=\(query)")
                #expect(found.status == .ok, "\(query)")
            }
            let browser = Browser(app)
            try await browser.login("bureau")
            #expect(try await browser.get("/enterprises?q=x%CD%9Ey").status == .ok)
            // and the mark does not hide the enterprise: 伟́德 finds 湖北伟德线路板有限公司
            let marked = try await api.send(.GET, "/api/v1/enterprises?q=%E4%BC%9F%CC%81%E5%BE%B7")
            #expect(marked.body.string.contains("湖北伟德线路板有限公司"))
        }
    }

    @Test(arguments: [
        (#"{"name":""}"#, 422, "validation_failed"),
        (#"{"name":"\#(String(repeating: "长", count: 101))","regionCode":"420802"}"#, 422, "validation_failed"),
        (#"{"name":"某公司","regionCode":"999999"}"#, 422, "validation_failed"),
        (#"{"name":"某公司","regionCode":"420802","registeredCapital":{"minorUnits":-1,"currency":"CNY"}}"#, 422, "validation_failed"),
        (#"{"name":"某公司","regionCode":"420802","tags":["famous"]}"#, 422, "validation_failed"),
        (#"{"name":"某公司""#, 400, "invalid_body"),
        (#"{"name":12}"#, 400, "invalid_body"),
    ])
    func badInputGetsACodedError(json: String, status: Int, code: String) async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "bureau")
            let before = try await Enterprise.query(on: app.db).count()
            let response = try await api.send(.POST, "/api/v1/enterprises", json: json)
            #expect(Int(response.status.code) == status)
            #expect(response.json["code"] as? String == code)
            #expect((response.json["message"] as? String)?.isEmpty == false)
            #expect(try await Enterprise.query(on: app.db).count() == before)
        }
    }

    @Test func apiNeedsAValidToken() async throws {
        try await withApp { app, _ in
            let anonymous = try await APIClient(app: app, token: nil).send(.GET, "/api/v1/enterprises")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.json["code"] as? String == "unauthenticated")
            #expect(try await APIClient(app: app, token: "zs_made_up").send(.GET, "/api/v1/enterprises").status == .unauthorized)
            // a token revoked through the API stops working at once
            let api = try await APIClient.issue(app, login: "bureau")
            let created = try await api.send(.POST, "/api/v1/tokens", json: #"{"name":"脚本"}"#)
            let secret = try #require(created.json["token"] as? String)
            let tokenID = try #require(created.json["id"] as? String)
            let scripted = APIClient(app: app, token: secret)
            #expect(try await scripted.send(.GET, "/api/v1/enterprises").status == .ok)
            #expect(try await api.send(.DELETE, "/api/v1/tokens/\(tokenID)").status == .noContent)
            let revoked = try await scripted.send(.GET, "/api/v1/enterprises")
            #expect(revoked.status == .unauthorized)
            #expect(revoked.json["code"] as? String == "invalid_token")
            #expect(try await APIToken.query(on: app.db).filter(\.$tokenHash == secret).count() == 0)  // stored hashed
        }
    }

    @Test func annualFiguresAreKeptPerYear() async throws {
        try await withApp { app, _ in
            let id = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
            let browser = Browser(app)
            try await browser.login("bureau")
            let response = try await browser.post(
                "/enterprises/\(id)/figures",
                [("year", "2025"), ("output", "4.389亿"), ("revenue", "4亿"), ("profit", "3000万"), ("tax", "1200万"), ("employees", "214")])
            #expect(response.status == .seeOther)
            let page = try await browser.get("/enterprises/\(id)")
            #expect(page.body.string.contains("4.389亿元"))
            #expect(page.body.string.contains("1200万元"))
            let bad = try await browser.post("/enterprises/\(id)/figures", [("year", "2025"), ("output", "很多")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await EnterpriseFigure.query(on: app.db).first()?.outputMinor == 438_900_000 * 100)
        }
    }

    @Test func homePageShowsTheAttractedShare() async throws {
        try await withApp { app, _ in
            // seed [001]'s output split: the attracted firm 7370万, the other 2630万
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first()?.id)
            let other = try await Fixture.enterprise("荆门东宝纺织有限公司", uscc: nil, region: Fixture.dongbao, legal: "张伟", on: app.db)
            let plain = try #require(try await Enterprise.find(other, on: app.db))
            plain.attracted = false
            try await plain.update(on: app.db)
            let browser = Browser(app)
            try await browser.login("bureau")
            _ = try await browser.post(
                "/enterprises/\(weide)/figures",
                [("year", "2025"), ("output", "7370万"), ("revenue", "7090万"), ("profit", "896万"), ("tax", "351万")])
            _ = try await browser.post(
                "/enterprises/\(other)/figures",
                [("year", "2025"), ("output", "2630万"), ("revenue", "2910万"), ("profit", "104万"), ("tax", "149万")])
            let home = try await browser.get("/").body.string
            #expect(home.contains("招商企业占规上企业比重（2025年）"))
            for figure in ["50.0%", "73.7%", "70.9%", "89.6%", "70.2%"] { #expect(home.contains(figure), "\(figure)") }
        }
    }
}
