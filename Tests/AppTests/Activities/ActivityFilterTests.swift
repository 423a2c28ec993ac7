import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// 走访活动 filtered: what the list counts for a filter is what judging every activity one by one
/// says; a unit's list stays its own whatever unit the URL names; the page reads "共 N 条活动".
@Suite("走访活动列表：筛选与计数等于逐条判断")
struct ActivityFilterTests {
    @Test func countsAreWhatEveryActivitySays() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            let all = try await Activity.query(on: app.db).all()
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            let today = app.clock.today
            let ours = all.filter { $0.jurisdictionCode.hasPrefix(bureau.scope.prefix) }
            let busiest = try #require(Dictionary(grouping: ours, by: \.unitID).max { $0.value.count < $1.value.count }?.key)
            let owner = try #require(ours.first { $0.unitID == busiest }?.ownerID)
            let kind = try #require(ours.first?.kind)
            let city = try #require(ours.first { !$0.city.isEmpty }?.city)
            func filter(_ change: (inout ActivityList.Filter) -> Void) -> ActivityList.Filter {
                var f = ActivityList.Filter()
                change(&f)
                return f
            }
            func stepOpen(_ a: Activity) -> Bool { a.nextDue != nil && a.nextDoneOn == nil }
            let cases: [(String, ActivityList.Filter, (Activity) -> Bool)] = [
                ("all", filter { _ in }, { _ in true }),
                ("one kind", filter { $0.kind = kind }, { $0.kind == kind }),
                ("one unit", filter { $0.unit = busiest }, { $0.unitID == busiest }),
                ("one person", filter { $0.person = owner }, { $0.ownerID == owner }),
                ("next step open", filter { $0.step = .open }, stepOpen),
                ("next step late", filter { $0.step = .late }, { stepOpen($0) && $0.nextDue! < today.description }),
                (
                    "city", filter { $0.keyword = city },
                    { [$0.counterpart, $0.city, $0.outcome, $0.nextStep].contains { $0.contains(city) } }
                ),
                (
                    "in 2026", filter { ($0.from, $0.to) = (CivilDate("2026-01-01"), CivilDate("2026-12-31")) },
                    { $0.occurredOn.hasPrefix("2026") }
                ),
            ]
            for (label, f, keeps) in cases {
                let expected = ours.filter(keeps)
                let count = try await ActivityList.count(for: bureau, f, today: today, on: app.db)
                #expect(count == expected.count && count > 0, "\(label): \(count) of \(expected.count)")
                let rows = try await ActivityList.rows(for: bureau, f, today: today, on: app.db)
                let ids = Set(expected.compactMap(\.id))
                #expect(rows.allSatisfy { ids.contains($0.id) } && rows.count == min(expected.count, ActivityList.perPage + 1), "\(label)")
                // newest first: the page's dates are the newest of the set
                let newest = expected.map(\.occurredOn).sorted(by: >).prefix(rows.count)
                #expect(rows.map(\.occurredOn) == Array(newest), "\(label)")
            }
            // a unit's own list, whatever unit the URL names
            let officer = try #require(try await Person.query(on: app.db).filter(\.$unit.$id != busiest).with(\.$unit).first())
            let asOfficer = CurrentUser(
                personID: try officer.requireID(), login: "", name: officer.name, unitID: officer.$unit.id, unitName: officer.unit.name,
                roles: [.cadre], scope: try JurisdictionCode(officer.unit.jurisdictionCode), csrfToken: nil)
            let theirs = try await ActivityList.count(for: asOfficer, filter { $0.unit = busiest }, today: today, on: app.db)
            #expect(theirs == all.filter { $0.unitID == officer.$unit.id }.count)
            // the page: 共 N 条活动 for the kind, and a bad value a 400 naming it
            let browser = Browser(app)
            try await browser.login("demo-bureau", password: DemoCity.password)
            let page = try await browser.get("/activities?kind=\(kind.rawValue)").body.string
            #expect(page.contains("共 <strong>\(ours.filter { $0.kind == kind }.count)</strong> 条活动"))
            #expect(try await browser.get("/activities?step=soon").status == .badRequest)
        }
    }
}
