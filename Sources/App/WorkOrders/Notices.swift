import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 消息: a notice in a person's inbox — an assignment, an answer, a reopening, a deadline two
/// working days ahead, an escalation. Each is written once, whatever node or scan writes it: its
/// dedupe key is unique and a second insert is ignored.
final class Notice: Model, @unchecked Sendable {
    static let schema = "notices"
    @ID var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "work_order_id") var workOrderID: UUID?
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Int64
    @OptionalField(key: "read_at") var readAt: Int64?
    @Field(key: "dedupe_key") var dedupeKey: String

    init() {}
}

enum Notices {
    enum Audience: Sendable {
        case unit(UUID)
        case person(UUID)
        /// Persons of the jurisdiction holding the role (leaders, the bureau).
        case role(Role, jurisdiction: String)
    }

    /// Sends `text` to everyone in `audience`, once per `key`.
    static func send(
        _ kind: String, _ text: String, about order: UUID?, to audience: Audience, key: String, at millis: Int64, on db: any Database
    ) async throws {
        let sql = db.sql
        let people: [UUID]
        struct Row: Decodable { var id: UUID }
        switch audience {
        case .person(let id): people = [id]
        case .unit(let unit):
            people = try await sql.raw("SELECT id FROM persons WHERE unit_id = \(bind: unit) AND active = \(bind: true)")
                .all(decoding: Row.self).map(\.id)
            try await Webhooks.enqueue(text, unit: unit, key: key, at: millis, on: db)
        case .role(let role, let code):
            people = try await sql.raw(
                """
                SELECT p.id FROM persons p JOIN units u ON u.id = p.unit_id
                WHERE u.jurisdiction_code = \(bind: code) AND p.active = \(bind: true) AND p.roles LIKE \(bind: "%" + role.rawValue + "%")
                """
            ).all(decoding: Row.self).map(\.id)
        }
        for person in people {
            try await sql.raw(
                """
                INSERT INTO notices (id, person_id, kind, work_order_id, text, created_at, dedupe_key)
                VALUES (\(bind: UUID()), \(bind: person), \(bind: kind), \(bind: order), \(bind: text), \(bind: millis), \(bind: key + ":" + person.uuidString))
                ON CONFLICT (dedupe_key) DO NOTHING
                """
            ).run()
        }
    }

    /// Marks all of a person's notices read.
    static func markAllRead(_ person: UUID, at millis: Int64, on db: any Database) async throws {
        try await db.sql.raw("UPDATE notices SET read_at = \(bind: millis) WHERE person_id = \(bind: person) AND read_at IS NULL").run()
    }

    /// The notice a step sends: the unit hears of an assignment or a reopening, the requester of an answer.
    static func after(_ step: WorkOrderMachine.Step, _ order: WorkOrder, sequence: Int, at millis: Int64, on db: any Database) async throws
    {
        let id = order.id!
        let key = "\(step.rawValue):\(id):\(sequence)"
        switch step {
        case .route, .reopen:
            guard let unit = order.responsibleUnitID else { return }
            let text =
                step == .route
                ? "新分办事项 \(order.number)「\(order.title)」，请于 \(order.deadline) 前答复。" : "事项 \(order.number)「\(order.title)」被退回重办。"
            try await send(step.rawValue, text, about: id, to: .unit(unit), key: key, at: millis, on: db)
        case .answer:
            guard let requester = order.requesterID else { return }
            try await send(
                "answer", "您提出的 \(order.number)「\(order.title)」已答复，请确认办理结果。", about: id, to: .person(requester), key: key, at: millis,
                on: db)
        case .signFor, .start, .confirm: return
        }
    }
}

/// In the background of `serve` until shutdown: the scan every `interval` seconds, and the
/// robots' deliveries every 10 seconds (off the request path: a slow robot never blocks a page).
struct NoticeScanner: LifecycleHandler {
    var interval: Int64 = 300

    func didBootAsync(_ app: Application) async throws {
        let task = Task { [interval] in
            var lastScan: Int64 = 0
            while !Task.isCancelled {
                do {
                    let (today, millis) = (app.clock.today, app.clock.millis)
                    if millis - lastScan >= interval * 1_000 {
                        _ = try await app.writeTransaction { db in try await NoticeScan.run(on: db, today: today, millis: millis) }
                        lastScan = millis
                    }
                    try await Webhooks.deliverDue(app, now: millis)
                } catch {
                    app.logger.warning("notice job failed: \(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: 10_000_000_000)
            }
        }
        app.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[TaskKey.self]?.cancel()
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }
}
