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

/// Once a scan (every few minutes on each node): deadlines two working days ahead and the
/// escalation steps of unanswered items, each noticed once however many nodes scan.
enum NoticeScan {
    struct Open: Decodable {
        var id: UUID, number: String, title: String, deadline: String, unitID: UUID, jurisdictionCode: String
        enum CodingKeys: String, CodingKey {
            case id, number, title, deadline
            case unitID = "responsible_unit_id", jurisdictionCode = "jurisdiction_code"
        }
    }

    /// Returns how many items were looked at.
    @discardableResult
    static func run(on db: any Database, today: CivilDate, millis: Int64, clock: WorkOrderClock = WorkOrderService.clock) async throws
        -> Int
    {
        // unanswered items due within a week or already overdue: the few a county has open, not the archive
        let horizon = CivilDate(dayNumber: today.dayNumber + 7).description
        let open = try await db.sql.raw(
            """
            SELECT id, number, title, deadline, responsible_unit_id, jurisdiction_code FROM work_orders
            WHERE status IN ('routed', 'signedFor', 'inProgress') AND deadline <= \(bind: horizon) AND responsible_unit_id IS NOT NULL
            """
        ).all(decoding: Open.self)
        for item in open {
            guard let deadline = CivilDate(item.deadline) else { continue }
            if today >= clock.reminderDay(deadline: deadline), today <= deadline {
                try await Notices.send(
                    "deadline", "事项 \(item.number)「\(item.title)」将于 \(item.deadline) 到期。", about: item.id, to: .unit(item.unitID),
                    key: "deadline:\(item.id)", at: millis, on: db)
            }
            let step = clock.escalation(deadline: deadline, today: today)
            for reached in WorkOrderClock.Escalation.allCases where reached != .none && reached <= step {
                let text = "事项 \(item.number)「\(item.title)」已超过期限 \(item.deadline)，\(reached.label(.zh))。"
                let audience: Notices.Audience =
                    switch reached {
                    case .leader: .role(.leader, jurisdiction: item.jurisdictionCode)
                    case .bulletin: .role(.bureau, jurisdiction: item.jurisdictionCode)
                    default: .unit(item.unitID)
                    }
                try await Notices.send(
                    reached.rawValue, text, about: item.id, to: audience, key: "\(reached.rawValue):\(item.id)", at: millis, on: db)
            }
        }
        try await remindLinkage(on: db, today: today, millis: millis)
        return open.count
    }

    /// From the 20th, a leader still without this month's contact with a linked enterprise (or,
    /// in a quarter's last month, without its on-site office) is reminded, once a month per link.
    static func remindLinkage(on db: any Database, today: CivilDate, millis: Int64) async throws {
        guard today.day >= 20 else { return }
        struct Code: Decodable { var code: String }
        let scopes = try await db.sql.raw("SELECT DISTINCT jurisdiction_code AS code FROM linkages WHERE ended_on IS NULL").all(
            decoding: Code.self)
        let month = String(format: "%04d-%02d", today.year, today.month)
        for scope in scopes {
            guard let code = try? JurisdictionCode(scope.code) else { continue }
            for line in try await LinkageStanding.lines(scope: code, month: today, on: db) where line.standing.isBehind {
                var missing: [String] = []
                if line.standing.contactsShort > 0 { missing.append("本月尚未联系") }
                if line.standing.onSiteShort > 0, line.standing.quarterClosing { missing.append("本季度尚未现场办公") }
                try await Notices.send(
                    "linkage", "包联企业 \(line.enterpriseName)：\(missing.joined(separator: "、"))（\(month)）。", about: nil,
                    to: .person(line.leaderID), key: "linkage:\(line.linkageID):\(month)", at: millis, on: db)
            }
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
                        try await app.writeTransaction { db in try await NoticeScan.run(on: db, today: today, millis: millis) }
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
