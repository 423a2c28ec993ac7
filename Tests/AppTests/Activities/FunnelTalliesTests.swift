import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// The funnel's kept tallies are what counting every row says: after they are built from the
/// records, and after writes through the services (a visit, a lead, an acceptance, a verified
/// signing, a merge) have marked the units they touch.
@Suite("招商漏斗：保存的计数等于逐行统计")
struct FunnelTalliesTests {
    static func expectSame(_ app: Application, years: [Int], units: [UUID], sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let request = Request(application: app, on: app.eventLoopGroup.next())
        let groupings = [PipelineFigures.Grouping.unit(scope: try JurisdictionCode(Fixture.hubei))] + units.map { .person(unit: $0) }
        for year in years {
            for grouping in groupings {
                let kept = try await FunnelTallies.rows(grouping, year: year, request: request)
                let counted = try await PipelineFigures.funnels(
                    grouping, from: CivilDate(year: year, month: 1, day: 1)!, through: CivilDate(year: year, month: 12, day: 31)!,
                    on: app.db)
                let keptByID = Dictionary(uniqueKeysWithValues: kept.map { ($0.id, $0.funnel) })
                let countedByID = Dictionary(uniqueKeysWithValues: counted.map { ($0.id, $0.funnel) })
                #expect(!countedByID.isEmpty, "\(year) \(grouping)", sourceLocation: sourceLocation)
                #expect(keptByID == countedByID, "\(year) \(grouping)", sourceLocation: sourceLocation)
            }
        }
        let marks = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM stale_tallies").first()?.decode(column: "n", as: Int.self)
        #expect(marks == 0, "every mark recounted", sourceLocation: sourceLocation)
    }

    @Test func theKeptFunnelIsWhatCountingEveryRowSays() async throws {
        try await withApp { app, _ in
            let db = app.db
            let cadre = try await Fixture.id(of: "cadre", on: db)
            let bureauUnit = try #require(try await Person.find(cadre, on: db)).$unit.id
            let park = try await Fixture.unit("东宝工业园", .park, Fixture.dongbao, on: db)
            // 2026 through the services: a lead submitted, reviewed and accepted
            let (project, w) = try await ProjectTests.accepted(app)
            let id = try #require(project.id)
            try await Self.expectSame(app, years: [2026], units: [bureauUnit])
            // 2025 as seed [000] tells it, written as records: 200 PCB makers visited (some twice), 8 landed
            for n in 1...200 {
                try await FiguresTests.activity(
                    .enterpriseVisit, "线路板企业\(n)有限公司", on: "2025-0\(1 + n % 9)-10", person: cadre, unit: bureauUnit, db: db)
            }
            for n in 1...15 {
                try await FiguresTests.activity(
                    .enterpriseVisit, "线路板企业\(n)有限公司", on: "2025-11-10", person: cadre, unit: bureauUnit, db: db)
            }
            for n in 1...20 {
                _ = try await FiguresTests.leadAndProject(
                    "线路板企业\(n)有限公司", person: cadre, unit: bureauUnit, submitted: "2025-03-0\(1 + n % 9)",
                    accepted: n <= 12 ? "2025-04-01" : nil, signed: n <= 10 ? "2025-05-01" : nil, contract: 50_000_000 * 100,
                    verifiedStage: n <= 8 ? .producing : n <= 10 ? .signed : .negotiating, host: park, on: db)
            }
            try await FunnelTallies.rebuild(on: db)
            try await Self.expectSame(app, years: [2025, 2026], units: [bureauUnit])
            // then its signing reported and verified

            let api = try await APIClient.issue(app, login: "cadre")
            let signing = try await api.send(
                .POST, "/api/v1/projects/\(id)/stages",
                json:
                    #"{"version":\#(project.version),"to":"signed","occurredOn":"2026-11-21","evidence":"合同","contract":{"minorUnits":30000000000,"currency":"CNY"}}"#
            )
            #expect(signing.status == .created)
            let report = try #require(try await StageReport.query(on: db).filter(\.$projectID == id).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)
            // a visit recorded, and a second lead of the same enterprise merged into the first
            let browser = Browser(app)
            try await browser.login("cadre")
            _ = try await browser.get("/activities/new")
            #expect(try await browser.post("/activities", ActivityTests.visit()).status == .seeOther)
            _ = try await browser.get("/leads/new")
            let mould = LeadTests.weide.map { $0.0 == "enterpriseName" ? ($0.0, "荆门精密模具有限公司") : $0 }
            #expect(try await browser.post("/leads", mould).status == .seeOther)
            #expect(try await browser.post("/leads", mould + [("confirmDuplicate", "on")]).status == .seeOther)
            let moulds = try await Lead.query(on: db).filter(\.$enterpriseName == "荆门精密模具有限公司").sort(\.$createdAt).all()
            #expect(moulds.count == 2)
            let bureauAPI = try await APIClient.issue(app, login: "bureau")
            let merged = try await bureauAPI.send(
                .POST, "/api/v1/leads/\(moulds[1].id!)/merge", json: #"{"version":\#(moulds[1].version),"target":"\#(moulds[0].id!)"}"#)
            #expect(merged.status == .ok)
            try await Self.expectSame(app, years: [2025, 2026], units: [bureauUnit])
            // the kept figures moved with the writes: one more signing in 2026 than before it was verified
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let row = try await FunnelTallies.rows(.person(unit: bureauUnit), year: 2026, request: request).first { $0.id == cadre }
            // 2026: the visit, the accepted lead and the unmerged mould lead; the merged one not counted
            #expect(row?.funnel == Funnel(visits: 1, leads: 2, accepted: 1, signed: 1, producing: 0))
        }
    }
}
