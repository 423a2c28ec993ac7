import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// 边建边办 [000]: the bureau marks a project for parallel approval only once the approvals the
/// law requires first are done; the mark is audited.
@Suite("边建边办")
struct ParallelApprovalTests {
    static func closedApproval(_ factor: FactorType, project: UUID, on db: any Database) async throws {
        let order = WorkOrder()
        order.id = UUID()
        (order.number, order.kind, order.category, order.title, order.detail) = (
            "GD-2026-\(factor.rawValue)", .factorRequest, factor.rawValue, "申请" + factor.label(.zh), ""
        )
        (order.jurisdictionCode, order.projectID, order.enterpriseName) = (Fixture.jingmen, project, "湖北伟德线路板有限公司")
        (order.quantityAsked, order.quantityGranted, order.status, order.requesterName) = ("", "", .closed, "测试cadre")
        (order.submittedOn, order.deadline, order.answer, order.answerEvidence) = ("2026-11-02", "2026-11-16", "已批复", "批复文号")
        (order.reopenCount, order.answeredLate, order.version) = (0, false, 3)
        try await order.create(on: db)
    }

    @Test func parallelApprovalWaitsForTheEnvironmentalAssessment() async throws {
        try await withApp { app, _ in
            let (project, w) = try await ProjectTests.accepted(app)
            let id = try project.requireID()
            var page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("尚缺法定前置审批：备案/立项、环评、能评、用地审批"))
            for factor in [FactorType.filing, .energyReview, .landUse] { try await Self.closedApproval(factor, project: id, on: app.db) }
            let refused = try await w.bureau.post("/projects/\(id)/parallel-approval", [])
            #expect(refused.status == .conflict && refused.body.string.contains("尚缺法定前置审批：环评，不能实行边建边办"))
            // the API says the same, with a stable code
            let api = try await APIClient.issue(app, login: "bureau")
            let refusedByAPI = try await api.send(.POST, "/api/v1/projects/\(id)/parallel-approval")
            #expect(refusedByAPI.status == .conflict && refusedByAPI.json["code"] as? String == "approvals_missing")
            #expect(try await ParallelApprovalMark.query(on: app.db).count() == 0)
            // only the bureau marks
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            #expect(try await cadre.post("/projects/\(id)/parallel-approval", []).status == .forbidden)
            try await Self.closedApproval(.environmental, project: id, on: app.db)
            #expect(try await w.bureau.post("/projects/\(id)/parallel-approval", []).status == .seeOther)
            page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("已实行边建边办（2026-11-21）") && page.contains("申请环评"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "project.parallelApproval").count() == 1)
        }
    }
}
