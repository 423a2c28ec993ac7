import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 边建边办 on a project: marked by the bureau, once, when the approvals the law requires first
/// are recorded as done (closed factor requests of those kinds on the project) [000].
final class ParallelApprovalMark: Model, @unchecked Sendable {
    static let schema = "parallel_approvals"
    @ID var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "marked_on") var markedOn: String
    @Field(key: "marked_by") var markedBy: UUID

    init() {}
}

struct ParallelApprovalService {
    let request: Request

    /// The project's work orders (its factor requests), newest first.
    static func factorRequests(of project: UUID, on db: any Database) async throws -> [WorkOrder] {
        try await WorkOrder.query(on: db).filter(\.$projectID == project).sort(\.$submittedOn, .descending).all()
    }

    /// The required approvals a project has done: its closed factor requests of those kinds.
    static func done(_ orders: [WorkOrder]) -> Set<FactorType> {
        Set(orders.filter { $0.kind == .factorRequest && $0.status == .closed }.compactMap { FactorType(rawValue: $0.category) })
    }

    func mark(_ projectID: UUID) async throws {
        _ = try await ProjectService(request: request).find(projectID, for: .manage)
        let user = try request.requireUser()
        let missing = ParallelApproval.missing(done: Self.done(try await Self.factorRequests(of: projectID, on: request.db)))
        guard missing.isEmpty else {
            let names = missing.map { $0.label(.zh) }.joined(separator: "、")
            throw AppError(
                code: "approvals_missing", status: .conflict, zh: "尚缺法定前置审批：\(names)，不能实行边建边办。",
                en: "Required approvals missing: \(missing.map(\.rawValue).joined(separator: ", ")).")
        }
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today.description)
        try await request.writeTransaction { db in
            guard try await ParallelApprovalMark.query(on: db).filter(\.$projectID == projectID).first() == nil else { return }
            let mark = ParallelApprovalMark()
            (mark.id, mark.projectID, mark.markedOn, mark.markedBy) = (UUID(), projectID, today, user.personID)
            try await mark.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "project.parallelApproval", objectType: "project", objectID: projectID.uuidString,
                after: ["markedOn": today], at: millis)
        }
    }
}
