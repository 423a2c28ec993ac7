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

    /// A project's work order as its page lists it.
    struct Item: Decodable, Sendable {
        var id: UUID, number: String, title: String, kind: WorkOrderKind, category: String, status: WorkOrderStatus
    }

    /// The project's work orders (its factor requests), newest first, and the day it was marked
    /// for parallel approval: plain SQL, as the project page is read far more than written.
    static func factorRequests(of project: UUID, on db: any Database) async throws -> (items: [Item], markedOn: String?) {
        let items = try await db.sql.raw(
            """
            SELECT id, number, title, kind, category, status FROM work_orders WHERE project_id = \(bind: project)
            ORDER BY submitted_on DESC, number DESC
            """
        ).all(decoding: Item.self)
        struct Mark: Decodable {
            var markedOn: String
            enum CodingKeys: String, CodingKey { case markedOn = "marked_on" }
        }
        let mark = try await db.sql.raw("SELECT marked_on FROM parallel_approvals WHERE project_id = \(bind: project)").first(
            decoding: Mark.self)
        return (items, mark?.markedOn)
    }

    /// The required approvals a project has done: its closed factor requests of those kinds.
    static func done(_ items: [Item]) -> Set<FactorType> {
        Set(items.filter { $0.kind == .factorRequest && $0.status == .closed }.compactMap { FactorType(rawValue: $0.category) })
    }

    func mark(_ projectID: UUID) async throws {
        _ = try await ProjectService(request: request).find(projectID, for: .manage)
        let user = try request.requireUser()
        let missing = ParallelApproval.missing(done: Self.done(try await Self.factorRequests(of: projectID, on: request.db).items))
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
