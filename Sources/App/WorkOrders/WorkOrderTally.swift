import Domain
import Fluent
import FluentSQL
import Foundation

/// What the closed items of one unit in one jurisdiction add to the accountability board. An item
/// is added once, in the transaction that closes it (closing is final), so the board reads a few
/// tally rows and the open items instead of every item ever filed.
enum WorkOrderTally {
    static let schema = "work_order_tallies"

    /// Adds a just-closed item.
    static func add(_ order: WorkOrder, on db: any Database) async throws {
        guard order.status == .closed, let unit = order.responsibleUnitID else { return }
        try await db.sql.raw(
            """
            INSERT INTO work_order_tallies (jurisdiction_code, unit_id, closed, late, reopened_items, reopenings, total_days)
            VALUES (\(bind: order.jurisdictionCode), \(bind: unit), 1, \(bind: order.answeredLate ? 1 : 0), \(bind: order.reopenCount > 0 ? 1 : 0),
              \(bind: order.reopenCount), \(bind: order.daysToClose ?? 0))
            ON CONFLICT (jurisdiction_code, unit_id) DO UPDATE SET closed = work_order_tallies.closed + 1,
              late = work_order_tallies.late + excluded.late, reopened_items = work_order_tallies.reopened_items + excluded.reopened_items,
              reopenings = work_order_tallies.reopenings + excluded.reopenings, total_days = work_order_tallies.total_days + excluded.total_days
            """
        ).run()
    }

    /// Counts the closed items afresh (after a bulk load, or when the tallies are first created).
    static func rebuild(on db: any Database) async throws {
        try await db.sql.raw("DELETE FROM work_order_tallies").run()
        try await db.sql.raw(
            """
            INSERT INTO work_order_tallies (jurisdiction_code, unit_id, closed, late, reopened_items, reopenings, total_days)
            SELECT jurisdiction_code, responsible_unit_id, COUNT(*), SUM(CASE WHEN answered_late = \(bind: true) THEN 1 ELSE 0 END),
              SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END), SUM(reopen_count), SUM(COALESCE(days_to_close, 0))
            FROM work_orders WHERE status = 'closed' AND responsible_unit_id IS NOT NULL
            GROUP BY jurisdiction_code, responsible_unit_id
            """
        ).run()
    }

    struct Aggregate: Decodable {
        var unitID: UUID, open: Int, overdue: Int, closed: Int, late: Int
        var reopenedItems: Int, reopenings: Int, answeredItems: Int, totalDays: Int
        enum CodingKeys: String, CodingKey {
            case open, overdue, closed, late, reopenings
            case unitID = "unit_id", reopenedItems = "reopened_items", answeredItems = "answered_items", totalDays = "total_days"
        }

        var line: AccountabilityLine {
            AccountabilityLine(
                open: open, overdue: overdue, closed: closed, late: late, reopenedItems: reopenedItems, reopenings: reopenings,
                answeredItems: answeredItems, totalDaysToClose: totalDays)
        }

        static func + (a: Aggregate, b: Aggregate) -> Aggregate {
            Aggregate(
                unitID: a.unitID, open: a.open + b.open, overdue: a.overdue + b.overdue, closed: a.closed + b.closed, late: a.late + b.late,
                reopenedItems: a.reopenedItems + b.reopenedItems, reopenings: a.reopenings + b.reopenings,
                answeredItems: a.answeredItems + b.answeredItems, totalDays: a.totalDays + b.totalDays)
        }
    }

    /// Per unit, for items filed in `prefix`'s jurisdiction: the open items counted now (over the
    /// (status, jurisdiction) index) plus the closed items' tallies. (PostgreSQL sums bigints
    /// into NUMERIC; the casts keep both engines' sums integers.)
    static func aggregates(prefix: String, today: CivilDate, on db: any Database) async throws -> [UUID: Aggregate] {
        let (low, high) = (prefix, prefix + "~")
        let open = try await db.sql.raw(
            """
            SELECT responsible_unit_id AS unit_id, COUNT(*) AS open,
              SUM(CASE WHEN status <> 'answered' AND deadline < \(bind: today.description) THEN 1 ELSE 0 END) AS overdue, 0 AS closed,
              SUM(CASE WHEN answered_late = \(bind: true) THEN 1 ELSE 0 END) AS late,
              SUM(CASE WHEN reopen_count > 0 THEN 1 ELSE 0 END) AS reopened_items, CAST(SUM(reopen_count) AS BIGINT) AS reopenings,
              SUM(CASE WHEN answered_on IS NOT NULL THEN 1 ELSE 0 END) AS answered_items, 0 AS total_days
            FROM work_orders
            WHERE status IN ('routed', 'signedFor', 'inProgress', 'answered') AND jurisdiction_code >= \(bind: low)
              AND jurisdiction_code < \(bind: high) AND responsible_unit_id IS NOT NULL
            GROUP BY responsible_unit_id
            """
        ).all(decoding: Aggregate.self)
        let closed = try await db.sql.raw(
            """
            SELECT unit_id, 0 AS open, 0 AS overdue, CAST(SUM(closed) AS BIGINT) AS closed, CAST(SUM(late) AS BIGINT) AS late,
              CAST(SUM(reopened_items) AS BIGINT) AS reopened_items, CAST(SUM(reopenings) AS BIGINT) AS reopenings,
              CAST(SUM(closed) AS BIGINT) AS answered_items, CAST(SUM(total_days) AS BIGINT) AS total_days
            FROM work_order_tallies WHERE jurisdiction_code >= \(bind: low) AND jurisdiction_code < \(bind: high)
            GROUP BY unit_id
            """
        ).all(decoding: Aggregate.self)
        var byUnit: [UUID: Aggregate] = [:]
        for row in open + closed { byUnit[row.unitID] = byUnit[row.unitID].map { $0 + row } ?? row }
        return byUnit
    }
}
