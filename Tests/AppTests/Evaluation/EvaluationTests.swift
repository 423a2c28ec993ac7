import Domain
import Fluent
import FluentSQL
import Foundation
import Spreadsheet
import Testing
import Vapor

@testable import App

/// 双百双评 end to end: registers through the import engine, a draw anyone can re-run, one-time
/// codes, ballots, the close and the results — and every refusal the issue lists.
@Suite("双百双评：公开抽取、一次性选票码、匿名投票、按系列出结果")
struct EvaluationTests {
    struct Campaign {
        var id: UUID
        var codes: [(register: String, code: String)]
        var units: [String: UUID]
        var api: APIClient
        var version: Int
    }

    /// Three law-enforcement and two window-service departments ([003]'s series, fewer units),
    /// a campaign drawing 3 + 2 from registers of 6 and 4, codes issued.
    static func campaign(_ app: Application, minimumAnswers: Int = 2) async throws -> Campaign {
        var units: [String: UUID] = [:]
        for (name, series) in [
            ("市税务局", "lawEnforcement"), ("市公安局", "lawEnforcement"), ("市市场监管局", "lawEnforcement"),
            ("市政务服务中心", "windowService"), ("市供电公司", "windowService"),
        ] {
            let id = try await Fixture.unit(name, .department, Fixture.jingmen, on: app.db)
            try await app.db.sql.raw("UPDATE units SET evaluation_series = \(bind: series) WHERE id = \(bind: id)").run()
            units[name] = id
        }
        let api = try await APIClient.issue(app, login: "bureau")
        let opened = try await api.send(
            .POST, "/api/v1/evaluations",
            json: #"{"year":2026,"drawnEntrepreneurs":3,"drawnRepresentatives":2,"minimumAnswers":\#(minimumAnswers)}"#)
        #expect(opened.status == .created)
        let id = try #require(UUID(uuidString: opened.json["id"] as? String ?? ""))
        let folder = ImportTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try LedgerImportTests.workbook(columns, register, in: folder)
        let imported = try await LedgerImportTests.run(app, RegisterImport(), file, login: "bureau", commit: true)
        #expect(imported.committed && imported.rows.count == 10)
        let published = try await api.send(
            .POST, "/api/v1/evaluations/\(id)/publish", json: #"{"version":1,"seedSource":"2026年11月20日福利彩票双色球第2026135期开奖号码"}"#)
        #expect(published.status == .ok)
        let drawn = try await api.send(.POST, "/api/v1/evaluations/\(id)/draw", json: #"{"version":2,"seed":["03 09 17 22 26 31","14"]}"#)
        #expect(drawn.status == .ok)
        let issued = try await api.send(.POST, "/api/v1/evaluations/\(id)/codes", json: #"{"version":3}"#)
        #expect(issued.status == .created)
        let codes = (issued.json["codes"] as? [[String: String]] ?? []).map { (register: $0["register"] ?? "", code: $0["code"] ?? "") }
        return Campaign(id: id, codes: codes, units: units, api: api, version: 4)
    }

    static let columns = [Column("年度"), Column("名册"), Column("姓名"), Column("单位"), Column("身份")]
    static let register: [[Cell]] =
        [
            ("张建国", "湖北荆门某化工有限公司"), ("李红梅", "荆门某电子科技有限公司"), ("王志强", "某新材料股份有限公司"), ("赵丽", "某食品有限公司"),
            ("陈伟", "某物流有限公司"), ("刘洋", "某建材有限公司"),
        ].map { [.number(2026), .text("企业家"), .text($0.0), .text($0.1), .text("企业负责人")] }
        + [("孙立新", "市人大代表"), ("周敏", "市政协委员"), ("吴刚", "市人大代表"), ("郑芳", "社区群众代表")].map {
            [.number(2026), .text("群众代表"), .text($0.0), .text("东宝区"), .text($0.1)]
        }

    static func ballot(_ units: [String: UUID], _ choices: [String: BallotChoice], comment: (String, String)? = nil, code: String) -> String
    {
        let answers = units.map { "\"\($0.value.uuidString)\":\"\((choices[$0.key] ?? .unknown).rawValue)\"" }.joined(separator: ",")
        let comments = comment.map { "\"\(units[$0.0]!.uuidString)\":\"\($0.1)\"" } ?? ""
        return #"{"code":"\#(code)","answers":{\#(answers)},"comments":{\#(comments)}}"#
    }

    @Test func aCampaignRunsFromRegistersToResultsAndTheDrawIsReRunFromWhatWasPublished() async throws {
        try await withApp { app, _ in
            let c = try await Self.campaign(app)
            let record = try #require(try await EvaluationRead.campaign(c.id, scope: Fixture.jingmen, on: app.db))
            // the digests published are those of the registers' lines; the draw is RFC 3797's of the seed
            let entrepreneurs = try await EvaluationRead.register(c.id, .entrepreneur, on: app.db)
            #expect(entrepreneurs.map(\.position) == Array(1...6))
            #expect(record.digests["entrepreneur"] == PublicDraw.digest(register: entrepreneurs.map(\.line)))
            let key = try PublicDraw.key(sources: [["03", "09", "17", "22", "26", "31"], ["14"]])
            #expect(key == "3.9.17.22.26.31./14./" && record.drawKey == key)
            #expect(record.drawn["entrepreneur"] == (try PublicDraw.select(count: 3, pool: 6, key: key)))
            #expect(record.drawn["representative"] == (try PublicDraw.select(count: 2, pool: 4, key: key)))
            let sheet = try await c.api.send(.GET, "/api/v1/evaluations/\(c.id)/draw")
            #expect(sheet.json["matchesStored"] as? Bool == true)
            #expect(c.codes.count == 5 && Set(c.codes.map(\.code)).count == 5)
            #expect(c.codes.filter { $0.register == "entrepreneur" }.count == 3)
            // only digests are kept
            let kept = try await app.db.sql.raw("SELECT digest FROM evaluation_codes").all().map { try RowReader($0).string("digest") }
            #expect(Set(kept) == Set(c.codes.map { BallotCode.digest($0.code, campaign: c.id.uuidString) }))

            let voter = APIClient(app: app, token: nil)
            let u = c.units
            let votes: [[String: BallotChoice]] = [
                ["市税务局": .satisfied, "市公安局": .basicallySatisfied, "市市场监管局": .dissatisfied, "市政务服务中心": .satisfied, "市供电公司": .satisfied],
                ["市税务局": .satisfied, "市公安局": .satisfied, "市市场监管局": .dissatisfied, "市政务服务中心": .satisfied, "市供电公司": .dissatisfied],
                ["市税务局": .basicallySatisfied, "市公安局": .dissatisfied, "市市场监管局": .dissatisfied, "市政务服务中心": .satisfied],
            ]
            for (index, vote) in votes.enumerated() {
                let cast = try await voter.send(.POST, "/api/v1/ballots", json: Self.ballot(u, vote, code: c.codes[index].code))
                #expect(cast.status == .created)
            }
            // a used code, a forged one and a lowercase copy of a used one hear the same refusal
            for code in [c.codes[0].code, "ABCD-EFGH-JKMN", c.codes[1].code.lowercased(), "not a code"] {
                let again = try await voter.send(.POST, "/api/v1/ballots", json: Self.ballot(u, votes[0], code: code))
                #expect(again.status == .unprocessableEntity && again.json["code"] as? String == "invalid_code")
            }
            // a ballot naming a unit outside the campaign is refused whole, and the code still votes
            let outside = Self.ballot(u.merging(["外单位": UUID()]) { a, _ in a }, votes[0], code: c.codes[3].code)
            let refused = try await voter.send(.POST, "/api/v1/ballots", json: outside)
            #expect(refused.status == .unprocessableEntity && refused.json["code"] as? String == "ballot_invalid")
            let unanswered = try await voter.send(.POST, "/api/v1/ballots", json: #"{"code":"\#(c.codes[3].code)","answers":{}}"#)
            #expect(unanswered.status == .unprocessableEntity)
            // saved today, reopened with the same code
            let saved = try await voter.send(
                .POST, "/api/v1/ballots/save",
                json: Self.ballot(["市税务局": u["市税务局"]!], ["市税务局": .dissatisfied], comment: ("市税务局", "窗口排队时间较长"), code: c.codes[3].code))
            #expect(saved.status == .ok)
            let reopened = try await voter.send(.POST, "/api/v1/ballots/open", json: #"{"code":"\#(c.codes[3].code)"}"#)
            #expect((reopened.json["answers"] as? [String: String])?[u["市税务局"]!.uuidString] == "dissatisfied")
            #expect((reopened.json["comments"] as? [String: String])?[u["市税务局"]!.uuidString] == "窗口排队时间较长")
            // the draft is sealed: what the table holds does not say it
            let draft = try #require(try await app.db.sql.raw("SELECT draft FROM evaluation_codes WHERE draft IS NOT NULL").first())
            #expect(!(try RowReader(draft).string("draft")).contains("dissatisfied"))
            let fourth: [String: BallotChoice] = ["市税务局": .dissatisfied, "市公安局": .satisfied, "市市场监管局": .basicallySatisfied]
            let last = try await voter.send(
                .POST, "/api/v1/ballots", json: Self.ballot(u, fourth, comment: ("市税务局", "窗口排队时间较长"), code: c.codes[3].code))
            #expect(last.status == .created)

            // results are read only after the close
            let early = try await c.api.send(.GET, "/api/v1/evaluations/\(c.id)/results")
            #expect(early.status == .notFound)
            let stale = try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/close", json: #"{"version":3}"#)
            #expect(stale.status == .conflict)
            let closed = try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/close", json: #"{"version":4}"#)
            #expect(closed.status == .ok && closed.json["ballots"] as? Int == 4)
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM evaluation_codes").first().map { try RowReader($0).int("n") } == 0)
            let after = try await voter.send(.POST, "/api/v1/ballots", json: Self.ballot(u, votes[0], code: c.codes[4].code))
            #expect(after.status == .unprocessableEntity)

            let results = try await c.api.send(.GET, "/api/v1/evaluations/\(c.id)/results")
            let outcome = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(results.body.readableBytesView))
            #expect(outcome.intact && outcome.ballots == 4)
            let law = try #require(outcome.series.first { $0.series == .lawEnforcement })
            // 税务局: 满意 2, 基本满意 1, 不满意 1 → (2 + 0.5) / 4 = 62.5%
            // 公安局 the same: 满意 and 不满意 alike too, so the tie goes by name (公 before 税)
            #expect(law.lines.map(\.name) == ["市公安局", "市税务局", "市市场监管局"])
            #expect(
                law.lines[1].counts == .init(.init(satisfied: 2, basicallySatisfied: 1, dissatisfied: 1))
                    && law.lines[1].counts?.scorePermille == 625)
            #expect(law.lines[2].criticised && law.lines[2].step == 1 && law.lines[0].praised)
            // 供电公司 has two answers (1 满意, 1 不满意), 政务服务中心 three; both shown at the threshold of 2
            let window = try #require(outcome.series.first { $0.series == .windowService })
            #expect(window.lines.map(\.name) == ["市政务服务中心", "市供电公司"] && window.lines[1].counts?.answers == 2)
            let comments = try await EvaluationRead.comments(c.id, on: app.db)
            #expect(comments[u["市税务局"]!] == ["窗口排队时间较长"])

            // no ballot, no code, in the audit trail; the steps are there
            let records = try await AuditRecord.query(on: app.db).all()
            let actions = records.map(\.action)
            #expect(
                Set(actions.filter { $0.hasPrefix("evaluation.") }) == [
                    "evaluation.open", "evaluation.publish", "evaluation.draw", "evaluation.codes", "evaluation.close",
                ])
            #expect(!records.contains { $0.action.contains("ballot") || $0.objectType.contains("ballot") })
            // another city's bureau finds nothing; a cadre reads but may not run a campaign
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.GET, "/api/v1/evaluations/\(c.id)").status == .notFound)
            let cadre = try await APIClient.issue(app, login: "cadre")
            #expect(try await cadre.send(.GET, "/api/v1/evaluations/\(c.id)/results").status == .ok)
            #expect(try await cadre.send(.POST, "/api/v1/evaluations", json: #"{"year":2025}"#).status == .forbidden)
        }
    }

    /// Ballots cast while the bureau closes: each is either counted before the close's digest or
    /// refused after it — the counts always agree with the digest and with the ballots accepted.
    @Test func aCloseAmidBallotsCountsEachOnceOrRefusesIt() async throws {
        try await withApp { app, _ in
            let c = try await Self.campaign(app)
            let voter = APIClient(app: app, token: nil)
            let all = Dictionary(uniqueKeysWithValues: c.units.keys.map { ($0, BallotChoice.satisfied) })
            let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
                for code in c.codes {
                    group.addTask {
                        let cast = try await voter.send(.POST, "/api/v1/ballots", json: Self.ballot(c.units, all, code: code.code))
                        return cast.status == .created ? 1 : 0
                    }
                }
                group.addTask {
                    let closed = try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/close", json: #"{"version":4}"#)
                    #expect(closed.status == .ok)
                    return 0
                }
                return try await group.reduce(0, +)
            }
            let results = try await c.api.send(.GET, "/api/v1/evaluations/\(c.id)/results")
            let outcome = try JSONDecoder().decode(EvaluationOutcome.self, from: Data(results.body.readableBytesView))
            #expect(outcome.intact && outcome.ballots == accepted)
            #expect(outcome.series.flatMap(\.lines).allSatisfy { ($0.counts?.satisfied ?? accepted) == accepted })
        }
    }

    /// Ballots arriving together are written together (BallotBox); one code sent eight times at
    /// once still votes once, and the others' ballots all count.
    @Test func aCodeSentManyTimesAtOnceVotesOnce() async throws {
        try await withApp { app, _ in
            let c = try await Self.campaign(app)
            let voter = APIClient(app: app, token: nil)
            let all = Dictionary(uniqueKeysWithValues: c.units.keys.map { ($0, BallotChoice.dissatisfied) })
            let sent = Array(repeating: c.codes[0].code, count: 8) + c.codes.dropFirst().map(\.code)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for code in sent {
                    group.addTask { try await voter.send(.POST, "/api/v1/ballots", json: Self.ballot(c.units, all, code: code)).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == c.codes.count)
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 7)
            let units = try await EvaluationRead.units(c.id, on: app.db)
            #expect(units.allSatisfy { $0.dissatisfied == c.codes.count && $0.answered == c.codes.count })
        }
    }

    @Test func theStepsAreRefusedOutOfOrderAndARegisterIsFrozenOncePublished() async throws {
        try await withApp { app, _ in
            let id = try await Fixture.unit("市税务局", .department, Fixture.jingmen, on: app.db)
            try await app.db.sql.raw("UPDATE units SET evaluation_series = 'lawEnforcement' WHERE id = \(bind: id)").run()
            let api = try await APIClient.issue(app, login: "bureau")
            let opened = try await api.send(
                .POST, "/api/v1/evaluations", json: #"{"year":2026,"drawnEntrepreneurs":2,"drawnRepresentatives":1}"#)
            let campaign = try #require(opened.json["id"] as? String)
            #expect(try await api.send(.POST, "/api/v1/evaluations", json: #"{"year":2026}"#).status == .conflict)
            // a year long past is history, not a campaign to run; nobody is drawn from an empty draw
            let refused = try await api.send(.POST, "/api/v1/evaluations", json: #"{"year":2022,"drawnEntrepreneurs":0}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(Set((refused.json["fields"] as? [String: Any] ?? [:]).keys) == ["year", "drawnEntrepreneurs"])
            // a draw before the digests and the seed's source are published
            let early = try await api.send(.POST, "/api/v1/evaluations/\(campaign)/draw", json: #"{"version":1,"seed":["1 2 3"]}"#)
            #expect(early.status == .conflict && early.json["code"] as? String == "seed_not_published")
            let folder = ImportTests.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            // the same person twice, an unknown register: nothing is written
            let twice: [[Cell]] = [
                [.number(2026), .text("企业家"), .text("张建国"), .text("某化工有限公司"), .empty],
                [.number(2026), .text("企业家"), .text("张建国 "), .text("某化工有限公司"), .empty],
                [.number(2026), .text("外星人"), .text("李四"), .text("某公司"), .empty],
                [.number(2026), .text("企业家"), .text("王\u{200B}五"), .text("某公司"), .empty],
            ]
            let bad = try await LedgerImportTests.run(
                app, RegisterImport(), try LedgerImportTests.workbook(Self.columns, twice, in: folder), login: "bureau", commit: true)
            #expect(!bad.committed)
            let messages = bad.errors.map(\.message)
            #expect(messages.contains { $0.contains("与第 2 行是同一记录") })
            #expect(messages.contains { $0.contains("名册应为“企业家”或“群众代表”") } && messages.contains { $0.contains("零宽字符") })
            #expect(try await EvaluationRead.register(UUID(uuidString: campaign)!, .entrepreneur, on: app.db).isEmpty)
            // too small a register cannot be published
            let small = try await api.send(.POST, "/api/v1/evaluations/\(campaign)/publish", json: #"{"version":1,"seedSource":"某日开奖号码"}"#)
            #expect(small.status == .unprocessableEntity)
            let good = Array(Self.register.prefix(2)) + [Self.register[6]]
            // a register being prepared is the bureau's; once published, everyone's who works here
            let path = "/evaluations/\(campaign)/register?register=entrepreneur"
            let (bureau, cadre) = (Browser(app), Browser(app))
            _ = try await bureau.login("bureau")
            _ = try await cadre.login("cadre")
            _ = try await LedgerImportTests.run(
                app, RegisterImport(), try LedgerImportTests.workbook(Self.columns, Array(good.prefix(1)), in: folder), login: "bureau",
                commit: true)
            #expect(try await bureau.get(path).body.string == "张建国\t湖北荆门某化工有限公司\t企业负责人")
            #expect(try await cadre.get(path).status == .notFound)
            _ = try await LedgerImportTests.run(
                app, RegisterImport(), try LedgerImportTests.workbook(Self.columns, good, in: folder), login: "bureau", commit: true)
            #expect(
                try await api.send(.POST, "/api/v1/evaluations/\(campaign)/publish", json: #"{"version":1,"seedSource":"某日开奖号码"}"#).status
                    == .ok)
            let late = try await LedgerImportTests.run(
                app, RegisterImport(), try LedgerImportTests.workbook(Self.columns, [Self.register[2]], in: folder), login: "bureau",
                commit: true)
            #expect(!late.committed && late.errors.first?.message.contains("名册摘要已公布") == true)
            #expect(try await cadre.get(path).status == .ok)
            // codes before the draw
            #expect(try await api.send(.POST, "/api/v1/evaluations/\(campaign)/codes", json: #"{"version":2}"#).status == .conflict)
        }
    }
}
