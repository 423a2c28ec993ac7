import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor

@testable import App

/// 企业满意度月评 end to end: the indicators' 指标长 and units, a month opened with its frame of
/// above-scale enterprises and seed source published, the draw re-run from them, one-time links,
/// answers counted and forgotten, the close, results with the withheld and the lowest, the trend,
/// and the assessment reading the month's satisfaction first — and the refusals.
@Suite("满意度月评：指标长、公开抽取、一次性链接、匿名答卷、靠后单位、走势、计入考核")
struct SatisfactionTests {
    struct Month {
        var id: UUID
        var codes: [String]
        var units: [String: UUID]
        var api: APIClient
        var frame: [String]
    }

    /// 税务局 answers for 纳税 and, with 政务服务中心, for 政务服务; 市场监管局 for 开办企业. Eight
    /// above-scale enterprises besides 伟德 make a frame of nine; six are drawn.
    static func month(_ app: Application, minimumAnswers: Int = 2, month: Int = 11) async throws -> Month {
        var units: [String: UUID] = [:]
        for name in ["市税务局", "市政务服务中心", "市市场监管局"] { units[name] = try await Fixture.unit(name, .department, Fixture.jingmen, on: app.db) }
        for i in 1...8 {
            let body = Array("91420802MA" + String(format: "%07d", i * 7919))
            _ = try await Fixture.enterprise(
                "荆门某规上企业\(i)有限公司", uscc: String(body) + String(USCC.checkCharacter(for: body)), region: Fixture.dongbao, legal: "某人",
                on: app.db)
        }
        let api = try await APIClient.issue(app, login: "bureau")
        let leader = try await Fixture.id(of: "leader", on: app.db)
        for (indicator, names) in [
            ("payingTaxes", ["市税务局"]), ("governmentServices", ["市政务服务中心", "市税务局"]), ("startingBusiness", ["市市场监管局"]),
        ] {
            let ids = names.map { "\"\(units[$0]!.uuidString)\"" }.joined(separator: ",")
            let set = try await api.send(
                .POST, "/api/v1/satisfaction-indicators",
                json: #"{"indicator":"\#(indicator)","owner":"\#(leader.uuidString)","units":[\#(ids)],"version":0}"#)
            #expect(set.status == .ok)
        }
        let opened = try await api.send(
            .POST, "/api/v1/satisfaction-surveys",
            json:
                #"{"year":2026,"month":\#(month),"sampleSize":6,"minimumAnswers":\#(minimumAnswers),"seedSource":"2026年11月20日福利彩票双色球第2026135期开奖号码"}"#
        )
        #expect(opened.status == .created)
        let id = try #require(UUID(uuidString: opened.json["id"] as? String ?? ""))
        let frame = try await SatisfactionRead.frame(id, on: app.db).map { SatisfactionSurvey.line(uscc: $0.uscc, name: $0.name) }
        let drawn = try await api.send(
            .POST, "/api/v1/satisfaction-surveys/\(id)/draw", json: #"{"version":1,"seed":["03 09 17 22 26 31","14"]}"#)
        #expect(drawn.status == .ok)
        let codes = (drawn.json["invitations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        return Month(id: id, codes: codes, units: units, api: api, frame: frame)
    }

    static func answer(_ m: Month, _ picks: [(String, String, BallotChoice)], code: String) -> String {
        let answers = picks.map { "\"\($0.0).\(m.units[$0.1]!.uuidString)\":\"\($0.2.rawValue)\"" }.joined(separator: ",")
        return #"{"code":"\#(code)","answers":{\#(answers)}}"#
    }

    static func full(_ tax: BallotChoice, _ taxServices: BallotChoice, _ centre: BallotChoice, _ market: BallotChoice) -> [(
        String, String, BallotChoice
    )] {
        [
            ("payingTaxes", "市税务局", tax), ("governmentServices", "市政务服务中心", centre), ("governmentServices", "市税务局", taxServices),
            ("startingBusiness", "市市场监管局", market),
        ]
    }

    @Test func aMonthRunsFromItsPublishedFrameToResultsTheTrendAndTheAssessment() async throws {
        try await withApp { app, _ in
            let m = try await Self.month(app)
            let record = try #require(try await SatisfactionRead.survey(m.id, scope: Fixture.jingmen, on: app.db))
            // the frame is every above-scale enterprise of the jurisdiction, by USCC, bound by its digest
            #expect(m.frame.count == 9 && m.frame == m.frame.sorted())
            #expect(record.frameDigest == PublicDraw.digest(register: m.frame))
            let key = try PublicDraw.key(sources: [["03", "09", "17", "22", "26", "31"], ["14"]])
            let positions = try PublicDraw.select(count: 6, pool: 9, key: key)
            #expect(record.drawKey == key && record.drawn == positions)
            #expect(m.codes.count == 6 && Set(m.codes).count == 6)
            let kept = try await app.db.sql.raw("SELECT digest FROM satisfaction_codes").all().map { try RowReader($0).string("digest") }
            #expect(Set(kept) == Set(m.codes.map { BallotCode.digest($0, campaign: m.id.uuidString) }))

            let enterprise = APIClient(app: app, token: nil)
            let opened = try await enterprise.send(.POST, "/api/v1/survey-answers/open", json: #"{"code":"\#(m.codes[0].lowercased())"}"#)
            #expect(opened.status == .ok && (opened.json["items"] as? [Any])?.count == 4)
            let given = [
                Self.full(.satisfied, .dissatisfied, .satisfied, .satisfied),
                Self.full(.basicallySatisfied, .dissatisfied, .satisfied, .unknown),
                Self.full(.dissatisfied, .unknown, .basicallySatisfied, .unknown),
            ]
            for (n, picks) in given.enumerated() {
                let answered = try await enterprise.send(.POST, "/api/v1/survey-answers", json: Self.answer(m, picks, code: m.codes[n]))
                #expect(answered.status == .created)
            }
            // a used code, a forged one and nonsense hear the same refusal
            for code in [m.codes[0], "ABCD-EFGH-JKMN", "not a code"] {
                let again = try await enterprise.send(.POST, "/api/v1/survey-answers", json: Self.answer(m, given[0], code: code))
                #expect(again.status == .unprocessableEntity && again.json["code"] as? String == "invalid_code")
            }
            // an answer naming a unit outside the month, or leaving one out, is refused and the code still answers
            var outside = Self.answer(m, given[0], code: m.codes[3])
            outside = outside.replacingOccurrences(
                of: "\"answers\":{", with: "\"answers\":{\"payingTaxes.\(UUID().uuidString)\":\"satisfied\",")
            let refused = try await enterprise.send(.POST, "/api/v1/survey-answers", json: outside)
            #expect(refused.status == .unprocessableEntity && refused.json["code"] as? String == "ballot_invalid")
            let partial = try await enterprise.send(
                .POST, "/api/v1/survey-answers", json: Self.answer(m, Array(given[0].prefix(2)), code: m.codes[3]))
            #expect(partial.status == .unprocessableEntity && partial.json["code"] as? String == "validation_failed")
            // no unit's figure before the close
            #expect(try await m.api.send(.GET, "/api/v1/satisfaction-surveys/\(m.id)/results").status == .notFound)
            #expect(try await m.api.send(.POST, "/api/v1/satisfaction-surveys/\(m.id)/close", json: #"{"version":1}"#).status == .conflict)
            let closed = try await m.api.send(.POST, "/api/v1/satisfaction-surveys/\(m.id)/close", json: #"{"version":2}"#)
            #expect(closed.status == .ok && closed.json["answered"] as? Int == 3)
            #expect(
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM satisfaction_codes").first().map { try RowReader($0).int("n") } == 0)
            let late = try await enterprise.send(.POST, "/api/v1/survey-answers", json: Self.answer(m, given[0], code: m.codes[4]))
            #expect(late.json["code"] as? String == "invalid_code")

            let results = try await m.api.send(.GET, "/api/v1/satisfaction-surveys/\(m.id)/results").json
            let units = Dictionary(
                uniqueKeysWithValues: (results["units"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) })
            // 税务局: 1 满意 + 1 基本满意 + 3 不满意 over its two indicators → (1 + ½) / 5 = 30.0%
            #expect(units["市税务局"]?["scorePermille"] as? Int == 300 && units["市税务局"]?["place"] as? Int == 2)
            // 政务服务中心: 2 满意 + 1 基本满意 → (2 + ½) / 3 = 83.3%
            #expect(units["市政务服务中心"]?["scorePermille"] as? Int == 833 && units["市政务服务中心"]?["place"] as? Int == 1)
            // 市场监管局 was rated by one enterprise only: withheld
            #expect(units["市市场监管局"]?["scorePermille"] == nil && units["市市场监管局"]?["place"] == nil)
            let indicators = Dictionary(
                uniqueKeysWithValues: (results["indicators"] as? [[String: Any]] ?? []).map { ($0["indicator"] as? String ?? "", $0) })
            // 政务服务: the centre's 2 满意 1 基本满意 and the tax bureau's 2 不满意 → (2 + ½) / 5 = 50.0%
            #expect(indicators["governmentServices"]?["scorePermille"] as? Int == 500)
            #expect(indicators["startingBusiness"]?["scorePermille"] == nil)
            #expect(
                indicators["payingTaxes"]?["owner"] as? String
                    == (try await Person.find(Fixture.id(of: "leader", on: app.db), on: app.db))?.name)

            let trend = try await m.api.send(.GET, "/api/v1/satisfaction-trends?year=2026").json
            let centre = (trend["units"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "市政务服务中心" }
            #expect((centre?["months"] as? [String: Int])?["11"] == 833)
            #expect(try await m.api.send(.GET, "/api/v1/satisfaction-trends?year=2022").status == .badRequest)

            // the assessment scores the month's satisfaction first: 83.3% for the centre
            let ranking = try await m.api.send(.GET, "/api/v1/rankings?period=2026-11").json
            let line = (ranking["units"] as? [[String: Any]] ?? []).first { $0["unitName"] as? String == "市政务服务中心" }
            let satisfaction = (line?["lines"] as? [[String: Any]] ?? []).first { $0["measure"] as? String == "satisfaction" }
            #expect(satisfaction?["achievedPermille"] as? Int == 833)
        }
    }

    @Test func theBureauAloneRunsAMonthAndBadInputIsRefusedWithNothingWritten() async throws {
        try await withApp { app, _ in
            let m = try await Self.month(app)
            let cadre = try await APIClient.issue(app, login: "cadre")
            let body = #"{"year":2026,"month":12,"seedSource":"2026年12月福利彩票开奖号码"}"#
            #expect(try await cadre.send(.POST, "/api/v1/satisfaction-surveys", json: body).status == .forbidden)
            #expect(try await cadre.send(.GET, "/api/v1/satisfaction-surveys/\(m.id)").status == .ok)
            // a cadre is not an indicator's owner; no unit at all is refused
            let cadreID = try await Fixture.id(of: "cadre", on: app.db)
            let owner = try await m.api.send(
                .POST, "/api/v1/satisfaction-indicators",
                json:
                    #"{"indicator":"payingTaxes","owner":"\#(cadreID.uuidString)","units":["\#(m.units["市税务局"]!.uuidString)"],"version":1}"#
            )
            #expect(owner.status == .unprocessableEntity && (owner.json["fields"] as? [String: Any])?["owner"] != nil)
            let none = try await m.api.send(
                .POST, "/api/v1/satisfaction-indicators", json: #"{"indicator":"payingTaxes","units":[],"version":1}"#)
            #expect(none.status == .unprocessableEntity)
            let stale = try await m.api.send(
                .POST, "/api/v1/satisfaction-indicators",
                json: #"{"indicator":"payingTaxes","units":["\#(m.units["市税务局"]!.uuidString)"],"version":0}"#)
            #expect(stale.status == .conflict)
            for bad in [
                #"{"year":2022,"month":5,"seedSource":"2022年福利彩票开奖号码"}"#, #"{"year":2026,"month":13,"seedSource":"福利彩票开奖号码"}"#,
                #"{"year":2026,"month":12,"seedSource":"福利\#u{200B}彩票开奖号码"}"#,
                #"{"year":2026,"month":12,"sampleSize":10,"seedSource":"福利彩票开奖号码"}"#,
                // a year the fuzzer sent once overflowed the month arithmetic and stopped the server
                #"{"year":1129569750034846464,"month":11,"sampleSize":448806349504303,"seedSource":"福利彩票开奖号码"}"#,
            ] {
                let refused = try await m.api.send(.POST, "/api/v1/satisfaction-surveys", json: bad)
                #expect(refused.status == .unprocessableEntity)
                // a year far out is named as the year, not the month
                let fields = refused.json["fields"] as? [String: Any] ?? [:]
                #expect(bad.contains("2022") || bad.contains("1129569750034846464") ? fields["year"] != nil : fields["year"] == nil)
            }
            let again = try await m.api.send(
                .POST, "/api/v1/satisfaction-surveys", json: #"{"year":2026,"month":11,"sampleSize":6,"seedSource":"福利彩票开奖号码"}"#)
            #expect(again.status == .conflict)
            #expect(try await SatisfactionRead.surveys(scope: Fixture.jingmen, on: app.db).count == 1)
            // the month is drawn once
            let twice = try await m.api.send(.POST, "/api/v1/satisfaction-surveys/\(m.id)/draw", json: #"{"version":2,"seed":["01"]}"#)
            #expect(twice.status == .conflict && twice.json["code"] as? String == "survey_state")
            // another jurisdiction's bureau finds nothing
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.GET, "/api/v1/satisfaction-surveys/\(m.id)").status == .notFound)
        }
    }

    /// What is kept after answers: the cells' counts and the unused codes — no row per answer, no
    /// spent code, nothing in the audit trail that names one.
    @Test func nothingKeptTiesAnAnswerToItsLinkOrItsEnterprise() async throws {
        try await withApp { app, _ in
            let m = try await Self.month(app)
            let enterprise = APIClient(app: app, token: nil)
            let spent = Array(m.codes.prefix(2))
            for code in spent {
                let answered = try await enterprise.send(
                    .POST, "/api/v1/survey-answers",
                    json: Self.answer(m, Self.full(.satisfied, .satisfied, .dissatisfied, .unknown), code: code))
                #expect(answered.status == .created)
            }
            let digests = spent.map { BallotCode.digest($0, campaign: m.id.uuidString) }
            let remaining = try await app.db.sql.raw("SELECT digest FROM satisfaction_codes").all().map {
                try RowReader($0).string("digest")
            }
            #expect(remaining.count == 4 && Set(remaining).isDisjoint(with: digests))
            let audit = try await app.db.sql.raw("SELECT action, after_json FROM \(unsafeRaw: AuditRecord.schema)").all().map {
                (try RowReader($0).string("action")) + (try RowReader($0).string("after_json"))
            }.joined(separator: "\n")
            for secret in spent + digests { #expect(!audit.contains(secret)) }
            #expect(!audit.contains("survey.answer"))
            // the cells hold sums only: one row per indicator and unit whatever the number of answers
            #expect(
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM satisfaction_cells").first().map { try RowReader($0).int("n") } == 4)
        }
    }

    /// [002]: "对满意度靠后的单位进行通报批评" — the month's bulletin names the units its survey listed lowest.
    @Test func theMonthsBulletinCriticisesTheUnitsItsSurveyListedLowest() async throws {
        try await withApp { app, _ in
            let m = try await Self.month(app, month: 10)
            let enterprise = APIClient(app: app, token: nil)
            // 政务服务中心 satisfied throughout, 税务局 not: of the two rated enough, 税务局 is below
            for code in m.codes.prefix(3) {
                let answered = try await enterprise.send(
                    .POST, "/api/v1/survey-answers",
                    json: Self.answer(m, Self.full(.dissatisfied, .dissatisfied, .satisfied, .unknown), code: code))
                #expect(answered.status == .created)
            }
            #expect(try await m.api.send(.POST, "/api/v1/satisfaction-surveys/\(m.id)/close", json: #"{"version":2}"#).status == .ok)
            let low = try await SatisfactionTrend.lowest(year: 2026, month: 10, scope: Fixture.jingmen, on: app.db)
            #expect(low == [m.units["市税务局"]!: 0])
            #expect(try await m.api.send(.POST, "/api/v1/rankings", json: #"{"period":"2026-10","formulaVersion":0}"#).status == .created)
            let issued = try await m.api.send(.POST, "/api/v1/bulletins", json: #"{"period":"2026-10","issuer":"荆门市招商局"}"#)
            #expect(issued.status == .created)
            let criticism = (issued.json["bulletin"] as? [String: Any])?["criticism"] as? [[String: Any]] ?? []
            let tax = criticism.first { $0["unit"] as? String == "市税务局" }
            // 0 满意 of 6 answers over its two indicators: 0.0%
            #expect((tax?["text"] as? String)?.contains("10 月企业满意度测评靠后（满意度 0.0%）") == true)
            #expect(!criticism.contains { ($0["text"] as? String)?.contains("企业满意度") == true && $0["unit"] as? String == "市政务服务中心" })
        }
    }
}
