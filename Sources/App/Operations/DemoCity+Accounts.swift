import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The demo's outside accounts with something of their own: `demo-enterprise` speaks for one
/// registry enterprise and follows its demands and complaints (some open, some answered and waiting
/// for its confirmation, some closed); `demo-observer` follows its reports.
extension DemoCity {
    func createOutsideAccounts(app: Application) async throws {
        let db = app.db
        guard let contact = try await Person.query(on: db).filter(\.$login == "demo-enterprise").first()?.id,
            let observer = try await Person.query(on: db).filter(\.$login == "demo-observer").first(),
            let enterprise = try await Enterprise.query(on: db).filter(\.$attracted == true).sort(\.$name).first()
        else { return }
        let today = app.clock.today.description
        try await db.sql.raw(
            """
            INSERT INTO enterprise_accounts (person_id, enterprise_id, linked_on, linked_by)
            VALUES (\(bind: contact), \(bind: try enterprise.requireID()), \(bind: today), 'demo-bureau')
            """
        ).run()
        try await own(["enterpriseDemand", "complaint"], by: (contact, enterprise.name), enterprise: enterprise.name, on: db)
        try await own(["observerReport"], by: (try observer.requireID(), observer.name), enterprise: "", on: db)
    }

    /// Gives the requester the newest items of the kinds: three waiting for their confirmation,
    /// two still being handled, three closed.
    private func own(_ kinds: [String], by requester: (id: UUID, name: String), enterprise: String, on db: any Database) async throws {
        struct Row: Decodable { var id: UUID }
        var ids: [UUID] = []
        for (statuses, count) in [(["answered"], 3), (["routed", "signedFor", "inProgress"], 2), (["closed"], 3)] {
            ids += try await db.sql.raw(
                """
                SELECT id FROM work_orders WHERE kind IN (\(binds: kinds)) AND status IN (\(binds: statuses))
                ORDER BY submitted_on DESC, number DESC LIMIT \(bind: count)
                """
            ).all(decoding: Row.self).map(\.id)
        }
        guard !ids.isEmpty else { return }
        try await db.sql.raw(
            """
            UPDATE work_orders SET requester_id = \(bind: requester.id), requester_name = \(bind: requester.name),
              enterprise_name = \(bind: enterprise) WHERE id IN (\(binds: ids))
            """
        ).run()
        try await db.sql.raw(
            """
            UPDATE work_order_events SET actor_name = \(bind: requester.name)
            WHERE work_order_id IN (\(binds: ids)) AND step IN ('submit', 'reopen', 'confirm')
            """
        ).run()
    }
}
