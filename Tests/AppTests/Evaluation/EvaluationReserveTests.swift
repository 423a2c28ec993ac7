import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor

@testable import App

/// 双百双评's praised heads into the promotion reserve [003]: the first of each series (流动红旗; one
/// in a series of two or three, three from four units) has its head entered by the bureau, the
/// reason written from the results; a unit not praised, a person of another unit, a second entry
/// and every role but the bureau are refused.
@Suite("双百双评：流动红旗单位主要负责人列入提拔后备库")
struct EvaluationReserveTests {
    static func person(_ name: String, post: String, unit: UUID, on db: any Database) async throws -> UUID {
        let person = Person()
        (person.name, person.post, person.phone) = (name, post, "")
        person.$unit.id = unit
        person.roles = [.coordinator]
        (person.failedLogins, person.active, person.version) = (0, true, 1)
        try await person.create(on: db)
        return try person.requireID()
    }

    @Test func theBureauEntersAPraisedUnitsHeadOnceWithTheReasonFromTheResults() async throws {
        try await withApp { app, _ in
            let c = try await EvaluationTests.campaign(app)
            let u = c.units
            let deputy = try await Self.person("刘副", post: "副主任", unit: u["市政务服务中心"]!, on: app.db)
            let head = try await Self.person("王正", post: "党组书记、主任", unit: u["市政务服务中心"]!, on: app.db)
            let elsewhere = try await Self.person("赵他", post: "局长", unit: u["市供电公司"]!, on: app.db)
            let voter = APIClient(app: app, token: nil)
            for code in c.codes.prefix(3) {
                let vote: [String: BallotChoice] = [
                    "市税务局": .satisfied, "市公安局": .basicallySatisfied, "市市场监管局": .dissatisfied, "市政务服务中心": .satisfied,
                    "市供电公司": .dissatisfied,
                ]
                #expect(
                    try await voter.send(.POST, "/api/v1/ballots", json: EvaluationTests.ballot(u, vote, code: code.code)).status
                        == .created)
            }
            #expect(try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/close", json: #"{"version":4}"#).status == .ok)
            // the results page suggests the head, not the deputy, whose post names no head
            let browser = Browser(app)
            try await browser.login("bureau")
            let before = try await browser.get("/evaluations/\(c.id)/results").body.string
            #expect(before.contains("value=\"\(head.uuidString)\" selected") && !before.contains("value=\"\(deputy.uuidString)\" selected"))
            let body = { (unit: UUID, person: UUID) in
                #"{"unitID":"\#(unit.uuidString)","personID":"\#(person.uuidString)","decidedBy":"招商引资工作领导小组"}"#
            }
            // 市供电公司 is last of its series, not praised; a deputy's unit is praised but a person of another unit is not its head
            let notPraised = try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/reserve", json: body(u["市供电公司"]!, elsewhere))
            #expect(notPraised.status == .unprocessableEntity && (notPraised.json["fields"] as? [String: Any])?["unit"] != nil)
            let wrongPerson = try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/reserve", json: body(u["市政务服务中心"]!, elsewhere))
            #expect(wrongPerson.status == .unprocessableEntity && (wrongPerson.json["fields"] as? [String: Any])?["person"] != nil)
            let cadre = try await APIClient.issue(app, login: "cadre")
            #expect(
                try await cadre.send(.POST, "/api/v1/evaluations/\(c.id)/reserve", json: body(u["市政务服务中心"]!, head)).status == .forbidden)
            // entered through the page's form, as the bureau would
            let posted = try await browser.post(
                "/evaluations/\(c.id)/reserve",
                [("unit", u["市政务服务中心"]!.uuidString), ("person", head.uuidString), ("decidedBy", "招商引资工作领导小组")])
            #expect(posted.status == .seeOther)
            let records = try await c.api.send(.GET, "/api/v1/reserve-pool").json["records"] as? [[String: Any]] ?? []
            let entered = try #require(records.first { $0["personID"] as? String == head.uuidString })
            #expect(entered["source"] as? String == "evaluationPraised" && entered["year"] as? Int == 2026)
            #expect((entered["reason"] as? String)?.contains("窗口服务行业第 1 名（市政务服务中心，流动红旗）") == true)
            let again = try await c.api.send(.POST, "/api/v1/evaluations/\(c.id)/reserve", json: body(u["市政务服务中心"]!, head))
            #expect(again.status == .unprocessableEntity)
            let pool = try await c.api.send(.GET, "/api/v1/reserve-pool").json
            #expect((pool["current"] as? [String]) == [head.uuidString])
            #expect(try await browser.get("/evaluations/\(c.id)/results").body.string.contains("已入库：王正"))
        }
    }
}
