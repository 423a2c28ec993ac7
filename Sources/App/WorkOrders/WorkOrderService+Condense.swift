import Domain
import Fluent
import Foundation
import Vapor

/// 归并 [003]: supervisors' letters come by the thousand and say the same things; the bureau
/// condenses the unrouted ones into one suggestion, forwards it to the unit that must act with
/// the kind's deadline, and each letter shows where it went.
extension WorkOrderService {
    struct Suggestion: Sendable {
        var letters: [UUID]
        var title: String
        var detail: String
        var unitID: UUID?
    }

    func condense(_ suggestion: Suggestion) async throws -> WorkOrder {
        let user = try request.authorize(.manage, .workOrder)
        let ids = Array(Set(suggestion.letters))
        let letters = try await WorkOrder.query(on: request.db).filter(\.$id ~~ ids).all()
            .filter { (try? request.authorize(.manage, .workOrder, in: $0.jurisdictionCode)) != nil }
        guard letters.count == ids.count else { throw AppError.field("letters", zh: "所选来信不存在或不在本辖区。", en: "Unknown letters.") }
        do {
            try WorkOrderMachine.checkCondense(letters.map { ($0.number, $0.kind, $0.status) })
        } catch {
            let (zh, en): (String, String) =
                switch error {
                case .tooFew: ("请至少选择两封来信归并。", "Choose at least two letters.")
                case .tooMany: ("一次最多归并 50 封来信。", "At most 50 letters at once.")
                case .notALetter(let n): ("\(n) 不是监督员来信。", "\(n) is not a supervisor's letter.")
                case .alreadyHandled(let n): ("\(n) 已分办或已归并，不能再归并。", "\(n) was already routed or merged.")
                }
            throw AppError.field("letters", zh: zh, en: en)
        }
        guard let unitID = suggestion.unitID,
            try await WorkOrderPage.unitOptions(request).contains(where: { $0.value == unitID.uuidString })
        else { throw AppError.field("unit", zh: "请选择本辖区内的责任单位。", en: "Choose a responsible unit of the jurisdiction.") }
        let sorted = letters.sorted { $0.number < $1.number }
        var input = Input(
            kind: .supervisorLetter, category: "", title: suggestion.title,
            detail: suggestion.detail.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "请针对来信反映的问题限期整改。" : suggestion.detail, projectID: nil, enterpriseName: "",
            quantityAsked: "")
        (_, input) = try Self.validate(input)
        input.detail += "\n（归并自 \(sorted.count) 封监督员来信：\(sorted.map(\.number).joined(separator: "、"))）"
        let (actor, millis, today, scope) = (request.auditActor, request.clock.millis, request.clock.today, user.scope.value)
        let (clean, sources) = (input, sorted.map { ($0.id!, $0.version) })
        return try await request.writeTransaction { db in
            let order = try await Self.create(
                .supervisorLetter, clean, jurisdiction: scope, requester: (user.personID, user.name), link: nil, today: today, actor: actor,
                millis: millis, routeTo: unitID, on: db)
            for (id, version) in sources {
                // a letter someone routed meanwhile refuses the whole condensation (409)
                try await Versioned.claim(WorkOrder.schema, id: id, expected: version, on: db)
                guard let letter = try await WorkOrder.find(id, on: db) else { throw AppError.notFound }
                letter.status = .merged
                try await letter.update(on: db)
                try await Self.event(id, step: "merge", actor: user.name, on: today, note: "归并为 \(order.number)「\(order.title)」", db: db)
                try await AuditLog.append(
                    on: db, by: actor, action: "workorder.merge", objectType: "work_order", objectID: id.uuidString,
                    after: ["into": order.number], at: millis)
            }
            return order
        }
    }
}
