import Domain
import Fluent
import FluentSQL
import Foundation

/// Once a scan (every few minutes on each node): deadlines two working days ahead and the
/// escalation steps of unanswered items. Each is claimed on the item by a conditional update
/// (`reminded`, `escalation`), so however many nodes scan, one takes it: that one records the
/// step on the item's timeline with the day it was taken and sends the notices.
enum NoticeScan {
    struct Open: Decodable {
        var id: UUID, number: String, title: String, deadline: String, unitID: UUID, jurisdictionCode: String
        var escalation: WorkOrderClock.Escalation, reminded: Bool
        enum CodingKeys: String, CodingKey {
            case id, number, title, deadline, escalation, reminded
            case unitID = "responsible_unit_id", jurisdictionCode = "jurisdiction_code"
        }
    }

    struct Outcome: Equatable {
        /// Unanswered items due within a week or overdue and not yet on the bulletin.
        var examined = 0
        var reminders = 0
        var escalations = 0
    }

    @discardableResult
    static func run(on db: any Database, today: CivilDate, millis: Int64, clock: WorkOrderClock = WorkOrderService.clock) async throws
        -> Outcome
    {
        // over the (status, deadline) index: the few items a county has open, never the archive
        let horizon = CivilDate(dayNumber: today.dayNumber + 7).description
        let open = try await db.sql.raw(
            """
            SELECT id, number, title, deadline, responsible_unit_id, jurisdiction_code, escalation, reminded FROM work_orders
            WHERE status IN ('routed', 'signedFor', 'inProgress') AND deadline <= \(bind: horizon) AND escalation <> 'bulletin'
              AND responsible_unit_id IS NOT NULL
            """
        ).all(decoding: Open.self)
        var outcome = Outcome(examined: open.count)
        for item in open {
            guard let deadline = CivilDate(item.deadline) else { continue }
            if !item.reminded, today >= clock.reminderDay(deadline: deadline), today <= deadline,
                try await claim(item.id, "reminded = \(bind: true)", when: "reminded = \(bind: false)", on: db)
            {
                outcome.reminders += 1
                try await Notices.send(
                    "deadline", "事项 \(item.number)「\(item.title)」将于 \(item.deadline) 到期。", about: item.id, to: .unit(item.unitID),
                    key: "deadline:\(item.id)", at: millis, on: db)
            }
            let step = clock.escalation(deadline: deadline, today: today)
            guard step > item.escalation,
                try await claim(
                    item.id, "escalation = \(bind: step.rawValue)", when: "escalation = \(bind: item.escalation.rawValue)", on: db)
            else { continue }
            outcome.escalations += 1
            for reached in WorkOrderClock.Escalation.allCases where reached > item.escalation && reached <= step {
                try await escalate(item, to: reached, today: today, millis: millis, on: db)
            }
        }
        try await remindLinkage(on: db, today: today, millis: millis)
        return outcome
    }

    /// Sets `change` on the item if `condition` still holds; true for the one scan that did.
    private static func claim(_ id: UUID, _ change: SQLQueryString, when condition: SQLQueryString, on db: any Database) async throws
        -> Bool
    {
        let query: SQLQueryString = "UPDATE work_orders SET " + change + " WHERE id = \(bind: id) AND " + condition + " RETURNING id"
        return try await db.sql.raw(query).first() != nil
    }

    private static func escalate(
        _ item: Open, to reached: WorkOrderClock.Escalation, today: CivilDate, millis: Int64, on db: any Database
    ) async throws {
        let text = "事项 \(item.number)「\(item.title)」已超过期限 \(item.deadline)，\(reached.label(.zh))。"
        let audience: Notices.Audience =
            switch reached {
            case .leader: .role(.leader, jurisdiction: item.jurisdictionCode)
            case .bulletin: .role(.bureau, jurisdiction: item.jurisdictionCode)
            default: .unit(item.unitID)
            }
        // a state change like any other: audited, as the system
        try await AuditLog.append(
            on: db, by: .system("escalation"), action: "workorder.escalate", objectType: "work_order", objectID: item.id.uuidString,
            before: ["escalation": item.escalation.rawValue], after: ["escalation": reached.rawValue, "deadline": item.deadline],
            at: millis)
        try await WorkOrderService.event(
            item.id, step: reached.rawValue, actor: "系统督办", on: today, note: "超过期限 \(item.deadline)，\(reached.label(.zh))", db: db)
        try await Notices.send(
            reached.rawValue, text, about: item.id, to: audience, key: "\(reached.rawValue):\(item.id)", at: millis, on: db)
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
