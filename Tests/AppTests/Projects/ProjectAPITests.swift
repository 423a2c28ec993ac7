import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("项目 API")
struct ProjectAPITests {
    @Test func acceptReportRecordAndVerifyThroughTheAPI() async throws {
        try await withApp { app, _ in
            let w = try await ProjectTests.reviewed(app)
            let bureau = try await APIClient.issue(app, login: "bureau")
            let version = try #require(try await Lead.find(w.lead, on: app.db)).version
            let split = """
                {"version":\(version),"title":"伟德线路板项目","hostUnitID":"\(w.park)","leaderID":"\(w.leader)",
                 "attractors":[{"personID":"\(w.cadre)","basisPoints":7000},{"personID":"\(w.bureauID)","basisPoints":2000}]}
                """
            let refused = try await bureau.send(.POST, "/api/v1/leads/\(w.lead)/accept", json: split)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.json["code"] as? String == "validation_failed")
            #expect((refused.json["fields"] as? [String: String])?["attractors"]?.contains("90.0%") == true)
            let accepted = try await bureau.send(
                .POST, "/api/v1/leads/\(w.lead)/accept", json: split.replacingOccurrences(of: "2000", with: "3000"))
            #expect(accepted.status == .created)
            let id = try #require(accepted.json["id"] as? String)
            #expect(accepted.json["stage"] as? String == "negotiating")
            // the attractor signs: 29.14亿元 [004]
            let cadre = try await APIClient.issue(app, login: "cadre")
            let sign = """
                {"version":1,"to":"signed","occurredOn":"2026-11-21","contract":{"minorUnits":291400000000,"currency":"CNY"},"evidence":"合同 JM-018"}
                """
            #expect(try await cadre.send(.POST, "/api/v1/projects/\(id)/stages", json: sign).status == .created)
            #expect(try await cadre.send(.POST, "/api/v1/projects/\(id)/stages", json: sign).json["code"] as? String == "version_conflict")
            let skip = #"{"version":2,"to":"producing","occurredOn":"2026-11-21"}"#
            #expect(try await cadre.send(.POST, "/api/v1/projects/\(id)/stages", json: skip).json["code"] as? String == "stage_skip")
            let funds = #"{"arrivedOn":"2026-11-21","amount":{"minorUnits":43890000000,"currency":"CNY"},"evidence":"进账单"}"#
            let entry = try await cadre.send(.POST, "/api/v1/projects/\(id)/funds", json: funds)
            #expect(entry.status == .created)
            #expect(entry.json["amountText"] as? String == "4.389亿元")
            let report = try #require(try await StageReport.query(on: app.db).first()?.id)
            let verified = try await bureau.send(.POST, "/api/v1/projects/\(id)/stages/\(report)/verify")
            #expect(verified.status == .ok)
            #expect((verified.json["project"] as? [String: Any])?["verifiedStage"] as? String == "signed")
            #expect(verified.json["fundsTotalText"] as? String == "4.389亿元")
            let list = try await cadre.send(.GET, "/api/v1/projects?stage=signed&mine=1")
            #expect((list.json["items"] as? [[String: Any]])?.first?["amountText"] as? String == "29.14亿元")
            #expect(try await cadre.send(.GET, "/api/v1/projects?stage=done").status == .unprocessableEntity)
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.GET, "/api/v1/projects/\(id)").status == .notFound)
            #expect(try await cadre.send(.PUT, "/api/v1/rates/USD/2026-03", json: #"{"rate":"7.0982"}"#).status == .forbidden)
            #expect(try await bureau.send(.PUT, "/api/v1/rates/USD/2026-03", json: #"{"rate":"7.0982"}"#).status == .ok)
        }
    }

    @Test func thePanelWorksThroughTheAPI() async throws {
        try await withApp { app, _ in
            let members = try await Fixture.reviewers(on: app.db)
            let bureau = try await APIClient.issue(app, login: "bureau")
            let cadre = try await APIClient.issue(app, login: "cadre")
            let lead = #"{"enterpriseName":"湖北伟德线路板有限公司","investment":{"minorUnits":50000000000,"currency":"CNY"},"channel":"visit"}"#
            let leadID = try #require(try await cadre.send(.POST, "/api/v1/leads", json: lead).json["id"] as? String)
            let ids = members.map { "\"\($0)\"" }.joined(separator: ",")
            let tooFew = try await bureau.send(
                .POST, "/api/v1/panels", json: #"{"name":"专班","quorum":1,"criteria":["industryFit"],"memberIDs":[]}"#)
            #expect(tooFew.status == .unprocessableEntity)
            let created = try await bureau.send(
                .POST, "/api/v1/panels",
                json: #"{"name":"电子信息产业预审专班","quorum":2,"criteria":["industryFit","taxPerMu"],"memberIDs":["# + ids + "]}")
            #expect(created.status == .created)
            let panelID = try #require(created.json["id"] as? String)
            #expect(try await cadre.send(.GET, "/api/v1/panels").status == .forbidden)
            #expect(
                try await bureau.send(.POST, "/api/v1/leads/\(leadID)/review", json: #"{"panelID":"\#(panelID)"}"#).status == .noContent)
            let park = try await APIClient.issue(app, login: "rev-park")
            let opinion = #"{"recommendation":"recommend","scores":{"industryFit":85}}"#
            let first = try await park.send(.POST, "/api/v1/leads/\(leadID)/opinions", json: opinion)
            #expect(first.status == .created)
            #expect(first.json["votersCounted"] as? Int == 1 && first.json["quorumMet"] as? Bool == false)
            let twice = try await park.send(.POST, "/api/v1/leads/\(leadID)/opinions", json: opinion)
            #expect(twice.json["code"] as? String == "opinion_exists")
            let outOfRange = #"{"recommendation":"recommend","scores":{"industryFit":120},"isRevision":true}"#
            #expect(try await park.send(.POST, "/api/v1/leads/\(leadID)/opinions", json: outOfRange).status == .unprocessableEntity)
            let review = try await bureau.send(.GET, "/api/v1/leads/\(leadID)/review")
            #expect((review.json["opinions"] as? [[String: Any]])?.count == 1)
        }
    }
}
