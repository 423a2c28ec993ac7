import Fluent
import FluentSQL
import Testing

@testable import App

/// The enterprise's whole story asks each room for one enterprise's records; each question is an
/// index search (migration 035), never a read of the whole table — on the province set a table
/// read made one enterprise page take 2.7 s.
@Suite("企业全景：每一问走索引")
struct EnterpriseStoryPlanTests {
    @Test func eachRoomIsSearchedByIndexForOneEnterprise() async throws {
        try await withApp { app, _ in
            guard app.databaseEngine == .sqlite else { return }  // the plan is SQLite's words
            let questions: [(table: String, condition: String)] = [
                ("leads l", "l.enterprise_id = 'x' OR l.name_key = 'k' OR l.uscc = 'u'"),
                ("projects l", "l.enterprise_id = 'x' OR l.name_key = 'k' OR l.uscc = 'u'"),
                ("activities a", "a.enterprise_id = 'x' OR a.counterpart_key = 'k'"),
                ("work_orders w", "w.enterprise_name = 'n'"),
                ("linkages k", "k.name_key = 'k' AND k.ended_on IS NULL"),
            ]
            for (table, condition) in questions {
                let plan = try await app.db.sql.raw("EXPLAIN QUERY PLAN SELECT 1 FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)")
                    .all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(table): \(plan)")
                #expect(plan.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") }, "\(table): \(plan)")
            }
        }
    }
}
