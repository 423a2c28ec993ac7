import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// 工单 filtered: what a view counts and lists for a filter is what judging every item one by one
/// says; a unit's view stays its own whatever unit the URL names; the page reads "共 N 条".
@Suite("工单列表：筛选与计数等于逐条判断")
struct WorkOrderFilterTests {
    @Test func countsAreWhatEveryItemSays() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            let all = try await WorkOrder.query(on: app.db).all()
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            let today = app.clock.today
            let ours = all.filter { $0.jurisdictionCode.hasPrefix(bureau.scope.prefix) }
            let busiest = try #require(
                Dictionary(grouping: ours.compactMap(\.responsibleUnitID), by: { $0 }).max { $0.value.count < $1.value.count }?.key)
            let word = try #require(ours.first { $0.title.count >= 4 }).title.prefix(3)
            func filter(_ change: (inout WorkOrderList.Filter) -> Void) -> WorkOrderList.Filter {
                var f = WorkOrderList.Filter()
                change(&f)
                return f
            }
            let open: Set<WorkOrderStatus> = [.submitted, .routed, .signedFor, .inProgress]
            let cases: [(String, WorkOrderList.View, WorkOrderList.Filter, (WorkOrder) -> Bool)] = [
                ("all", .all, filter { _ in }, { _ in true }),
                ("one unit", .all, filter { $0.unit = busiest }, { $0.responsibleUnitID == busiest }),
                ("closed", .all, filter { $0.status = .closed }, { $0.status == .closed }),
                (
                    "keyword", .all, filter { $0.keyword = String(word) },
                    { $0.title.contains(word) || $0.enterpriseName.contains(word) || $0.requesterName.contains(word) }
                ),
                (
                    "submitted in 2026", .all, filter { ($0.from, $0.to) = (CivilDate("2026-01-01"), CivilDate("2026-12-31")) },
                    { $0.submittedOn.hasPrefix("2026") }
                ),
                (
                    "overdue of one unit", .overdue, filter { $0.unit = busiest },
                    { $0.responsibleUnitID == busiest && open.contains($0.status) && $0.deadline < today.description }
                ),
            ]
            for (label, view, f, keeps) in cases {
                let expected = ours.filter(keeps)
                let count = try await WorkOrderList.count(bureau, view, filter: f, today: today, on: app.db)
                #expect(count == expected.count && count > 0, "\(label): \(count) of \(expected.count)")
                let rows = try await WorkOrderList.rows(bureau, view, filter: f, today: today, limit: 1_000, on: app.db)
                #expect(Set(rows.map(\.id)) == Set(expected.compactMap(\.id)), "\(label)")
            }
            // sorted by number, oldest first, on request
            let byNumber = try await WorkOrderList.rows(
                bureau, .all, filter: filter { ($0.sort, $0.descending) = (.number, false) }, today: today, limit: 20, on: app.db)
            #expect(byNumber.map(\.number) == ours.map(\.number).sorted().prefix(20).map { $0 })
            // a unit's own view, whatever unit the URL names
            let officer = try #require(try await Person.query(on: app.db).filter(\.$unit.$id != busiest).with(\.$unit).first())
            let asOfficer = CurrentUser(
                personID: try officer.requireID(), login: "", name: officer.name, unitID: officer.$unit.id, unitName: officer.unit.name,
                roles: [.cadre], scope: try JurisdictionCode(officer.unit.jurisdictionCode), csrfToken: nil)
            let theirs = try await WorkOrderList.count(asOfficer, .all, filter: filter { $0.unit = busiest }, today: today, on: app.db)
            #expect(theirs == ours.filter { $0.responsibleUnitID == officer.$unit.id }.count)
        }
    }

    @Test func thePageAndTheAPIFilterAlike() async throws {
        try await withApp { app, _ in
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/work-orders/new")
            for (title, detail) in [("招工难", "一周内需 214 人"), ("用电增容", "新增 2000 千伏安"), ("招工补贴", "申请稳岗补贴")] {
                #expect(
                    try await cadre.post("/work-orders", [("kind", "enterpriseDemand"), ("title", title), ("detail", detail)]).status
                        == .seeOther)
            }
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let page = try await bureau.get("/work-orders?view=unrouted&q=%E6%8B%9B%E5%B7%A5").body.string
            #expect(page.contains("共 <strong>2</strong> 条") && page.contains("招工补贴") && !page.contains("用电增容"))
            let api = try await APIClient.issue(app, login: "bureau")
            struct Page: Decodable { var count: Int }
            let answer = try await api.send(.GET, "/api/v1/work-orders?view=unrouted&q=%E6%8B%9B%E5%B7%A5%E2%80%8B")
            let counted = try answer.content.decode(Page.self).count
            #expect(answer.status == .ok && counted == 2, "\(answer.body.string)")
            for bad in ["status=lost", "from=2026-13-01", "sort=title", "dir=up"] {
                let refused = try await api.send(.GET, "/api/v1/work-orders?\(bad)")
                #expect(refused.status == .badRequest && refused.body.string.contains("invalid_query"), "\(bad)")
            }
        }
    }
}
