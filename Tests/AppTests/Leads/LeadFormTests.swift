import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// The lead form a cadre expects: the investor's contact, phone and home city, what the project
/// is, the industry picked by name, and the registry entry tied by its name with its USCC.
@Suite("线索表单：联系人、项目内容、行业名称与企业库关联")
struct LeadFormTests {
    @Test func aCadreRecordsWhoToCallAndTheRegistryEntryIsTied() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            let form = try await cadre.get("/leads/new").body.string
            // the industry by name: the browser suggests from a list, no script needed
            #expect(form.contains(#"list="industry-codes""#) && form.contains("计算机、通信和其他电子设备制造业"))
            // 湖北伟德 [000]: typed without its USCC, in full-width brackets — the registry's entry is tied
            let typed =
                LeadTests.weide.map { $0.0 == "enterpriseName" ? ($0.0, "湖北伟德线路板有限公司 ") : $0 } + [
                    ("contactName", "吕万军"), ("contactPhone", "0724-2345678"), ("homeCity", "深圳"),
                    ("projectContent", "高多层线路板生产线，年产 300 万平方米"), ("industryCode", "C3982"),
                ]
            #expect(try await cadre.post("/leads", typed).status == .seeOther)
            let lead = try #require(try await Lead.query(on: app.db).first())
            #expect(lead.contactName == "吕万军" && lead.contactPhone == "0724-2345678" && lead.homeCity == "深圳")
            #expect(lead.projectContent.hasPrefix("高多层线路板"))
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            #expect(lead.enterpriseID == weide.id && lead.uscc == weide.uscc && weide.uscc != nil)
            let page = try await cadre.get("/leads/\(lead.id!)").body.string
            #expect(page.contains("吕万军 · 0724-2345678 · 深圳") && page.contains("C3982 电子电路制造") && page.contains("（企业库）"))
            // the API reads the same
            let api = try await APIClient.issue(app, login: "bureau")
            let read = try await api.send(.GET, "/api/v1/leads/\(lead.id!)").body.string
            #expect(read.contains(#""contactPhone":"0724-2345678""#) && read.contains(weide.id!.uuidString))
        }
    }

    @Test func aWrongPhoneOrTooLongContentIsExplainedAndNothingIsKept() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/leads/new")
            let bad = LeadTests.weide + [("contactPhone", "电话待定"), ("projectContent", String(repeating: "扩", count: 501))]
            let answer = try await cadre.post("/leads", bad)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.body.string.contains("联系电话应为 7–15 位数字") && answer.body.string.contains("项目内容"))
            // what was typed stays in the form
            #expect(answer.body.string.contains("电话待定"))
            #expect(try await Lead.query(on: app.db).count() == 0)
            let api = try await APIClient.issue(app, login: "cadre")
            let json = """
                {"enterpriseName":"荆门精密模具有限公司","investment":{"minorUnits":8000000000,"currency":"CNY"},"channel":"visit","contactPhone":"123"}
                """
            let refused = try await api.send(.POST, "/api/v1/leads", json: json)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("contactPhone"))
        }
    }
}

/// The enterprise picked from the registry as one types: the form works without the script, the
/// script only asks the registry's own search, within the asker's jurisdiction.
@Suite("线索表单：输入时提示企业库中的企业")
struct LeadFormSuggestionTests {
    @Test func typingTwoCharactersSuggestsTheJurisdictionsEntriesWithUSCCAndIndustry() async throws {
        try await withApp { app, _ in
            let weide = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            let cadre = Browser(app)
            try await cadre.login("cadre")
            let form = try await cadre.get("/leads/new").body.string
            #expect(form.contains(#"data-suggest="/enterprises/suggest""#) && form.contains(#"list="registry-names""#))
            // the script is our own, versioned, and allowed by the CSP
            let script = try #require(form.firstMatch(of: /src="(\/static\/app\.[0-9a-f]+\.js)"/)?.1)
            let served = try await cadre.get(String(script))
            #expect(served.status == .ok && served.headers.contentType?.subType == "javascript")
            #expect(served.body.string.contains("data-suggest"))

            let found = try await cadre.get("/enterprises/suggest?q=" + "伟德".urlQueryEncoded)
            #expect(found.status == .ok)
            let entries = try JSONDecoder().decode([EnterpriseWebController.Suggestion].self, from: Data(found.body.readableBytesView))
            let entry = try #require(entries.first { $0.name == weide.name })
            #expect(entry.uscc == weide.uscc && entry.industryCode == weide.industryCode)
            #expect(entry.label.contains(weide.uscc!) && entry.label.contains(IndustryCodes.label(weide.industryCode)))
            // one character asks nothing; a zero-width space or a combining mark is no error
            let one = try await cadre.get("/enterprises/suggest?q=" + "伟".urlQueryEncoded)
            #expect(one.status == .ok && one.body.string == "[]")
            for odd in ["伟\u{200B}德", "伟德\u{0301}", "%_"] {
                #expect(try await cadre.get("/enterprises/suggest?q=" + odd.urlQueryEncoded).status == .ok)
            }
        }
    }

    @Test func anotherCityAndTheOutsideSeeNothingOfTheRegistry() async throws {
        try await withApp { app, _ in
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            let other = try await anqing.get("/enterprises/suggest?q=" + "伟德".urlQueryEncoded)
            #expect(other.status == .ok && !other.body.string.contains("伟德"))
            let observer = Browser(app)
            try await observer.login("observer")
            #expect(try await observer.get("/enterprises/suggest?q=" + "伟德".urlQueryEncoded).status == .forbidden)
        }
    }
}

extension String {
    fileprivate var urlQueryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self
    }
}
