import Domain
import Fluent
import Spreadsheet
import Testing
import Vapor
import VaporTesting

@testable import App

/// The seeds' own figures, computed from records: [004]'s resident month and [000]'s funnel.
@Suite("驻点月报与招商漏斗")
struct FiguresTests {
    /// A lead and, when `project` is given, the project it became, attracted by `person` of `unit`.
    @discardableResult
    static func leadAndProject(
        _ name: String, person: UUID, unit: UUID, submitted: String, accepted: String? = nil, signed: String? = nil,
        contract: Int64 = 0, verifiedStage: ProjectStage = .negotiating, verified: Bool = true, host: UUID, on db: any Database
    ) async throws -> UUID? {
        let lead = Lead()
        lead.enterpriseName = name
        lead.nameKey = NameNormalizer.key(for: name)
        lead.industryCode = "C3982"
        lead.investmentMinor = 100_000_000 * 100
        lead.investmentCurrency = "CNY"
        (lead.landMuTenths, lead.spaceM2, lead.energyTCE, lead.powerKVA, lead.jobs) = (0, 0, 0, 0, 0)
        lead.channel = .residentTeam
        lead.notes = ""
        lead.status = accepted == nil ? .rejected : .accepted
        lead.submitterID = person
        lead.submitterUnitID = unit
        lead.jurisdictionCode = Fixture.jingmen
        lead.submittedOn = submitted
        (lead.respondBy, lead.assessBy, lead.feedbackBy) = (submitted, submitted, submitted)
        lead.decisionNote = ""
        lead.version = 1
        try await lead.create(on: db)
        guard let accepted else { return nil }
        let project = Project()
        project.leadID = lead.id!
        project.enterpriseName = name
        project.nameKey = lead.nameKey
        project.title = name + "项目"
        project.industryCode = "C3982"
        project.jurisdictionCode = Fixture.jingmen
        project.investmentMinor = lead.investmentMinor
        project.investmentCurrency = "CNY"
        project.stage = verifiedStage
        project.verifiedStage = .negotiating
        project.stageSince = signed ?? accepted
        project.hostUnitID = host
        project.hostStatus = .accepted
        project.hostReason = ""
        project.isMajor = true
        project.acceptedOn = accepted
        project.lastActivityOn = accepted
        project.version = 1
        try await project.create(on: db)
        // the reports that brought it there, verified by the bureau unless `verified` is false
        if let signed {
            let bureau = try await Fixture.id(of: "bureau", on: db)
            var reports: [StageReport] = []
            let reached = max(1, ProjectStage.line.firstIndex(of: verifiedStage) ?? 1)
            for (n, stage) in ProjectStage.line[1...reached].enumerated() {
                let report = StageReport()
                (report.projectID, report.sequence, report.toStage, report.occurredOn) = (project.id!, n + 1, stage, signed)
                report.fromStage = n == 0 ? .negotiating : ProjectStage.line[n]
                (report.reason, report.evidence, report.reportedBy, report.reportedOn) = ("", "", person, signed)
                if stage == .signed { (report.contractMinor, report.contractCurrency) = (contract, "CNY") }
                if verified { (report.verifiedBy, report.verifiedOn) = (bureau, signed) }
                try await report.create(on: db)
                reports.append(report)
            }
            ProjectFactsStore.apply(reports, to: project)
            try await project.update(on: db)
        }
        let attractor = ProjectAttractor()
        attractor.projectID = project.id!
        attractor.personID = person
        attractor.unitID = unit
        attractor.basisPoints = 10_000
        try await attractor.create(on: db)
        return project.id
    }

    static func activity(_ kind: ActivityKind, _ counterpart: String, on date: String, person: UUID, unit: UUID, db: any Database)
        async throws
    {
        let a = Activity()
        a.kind = kind
        a.occurredOn = date
        a.city = "深圳"
        a.participants = ""
        a.counterpart = counterpart
        a.counterpartKey = NameNormalizer.key(for: counterpart)
        a.outcome = "洽谈"
        a.nextStep = ""
        a.ownerID = person
        a.unitID = unit
        a.jurisdictionCode = Fixture.jingmen
        try await a.create(on: db)
    }

    @Test func seed004ResidentTeamsMonthFromItsRecords() async throws {
        try await withApp { app, _ in
            let db = app.db
            let office = try await Fixture.unit("驻深圳招商工作队", .residentOffice, Fixture.jingmen, on: db)
            let team = try await Fixture.unit("驻深圳电子信息招商组", .industryTeam, Fixture.jingmen, on: db)
            let teamUnit = try #require(try await Unit.find(team, on: db))
            teamUnit.$parent.id = office
            try await teamUnit.update(on: db)
            let member = try await Fixture.id(of: "cadre", on: db)
            let park = try await Fixture.unit("东宝工业园", .park, Fixture.dongbao, on: db)
            // 346 enterprises (30 visited twice) and 40 chambers in October 2025; visits outside the month do not count
            for n in 1...346 {
                try await Self.activity(
                    .enterpriseVisit, "深圳企业\(n)有限公司", on: "2025-10-\(10 + n % 20)", person: member, unit: n % 2 == 0 ? office : team, db: db
                )
            }
            for n in 1...30 {
                try await Self.activity(.enterpriseVisit, "深圳企业\(n)有限公司", on: "2025-10-30", person: member, unit: office, db: db)
            }
            for n in 1...40 { try await Self.activity(.chamberVisit, "深圳市第\(n)商会", on: "2025-10-15", person: member, unit: office, db: db) }
            try await Self.activity(.enterpriseVisit, "深圳企业999有限公司", on: "2025-11-01", person: member, unit: office, db: db)
            // 22 projects accepted and signed in the month: 21 × 1.3亿 + 1.84亿 = 29.14亿
            var projects: [UUID] = []
            for n in 1...22 {
                let id = try await Self.leadAndProject(
                    "深圳引进\(n)有限公司", person: member, unit: n % 2 == 0 ? office : team, submitted: "2025-09-01", accepted: "2025-10-08",
                    signed: "2025-10-20", contract: n == 22 ? 184_000_000 * 100 : 130_000_000 * 100, verifiedStage: .signed,
                    verified: false, host: park, on: db)
                projects.append(try #require(id))
            }
            // 4.389亿 arrived in the month, in three entries; one in November is next month's
            for (amount, day) in [
                (200_000_000, "2025-10-25"), (200_000_000, "2025-10-28"), (38_900_000, "2025-10-31"), (50_000_000, "2025-11-02"),
            ] {
                let entry = FundsArrival()
                entry.projectID = projects[0]
                entry.arrivedOn = day
                entry.amountMinor = Int64(amount) * 100
                entry.currency = "CNY"
                entry.isForeign = false
                entry.evidence = ""
                entry.reportedBy = member
                try await entry.create(on: db)
            }
            let bureau = Browser(app)
            try await bureau.login("bureau")
            // reported, nobody verified yet: nothing counted, the amounts waiting shown beside
            let before = try await bureau.get("/units/\(office)/month?month=2025-10").body.string
            #expect(before.contains("走访企业346家、商协会40个，引进项目22个，合同投资额0元，到位资金0元"))
            #expect(before.contains("另有待核验 29.14亿元") && before.contains("另有待核验 4.389亿元"))
            let api = try await APIClient.issue(app, login: "bureau")
            let json = try await api.send(.GET, "/api/v1/units/\(office)/month?month=2025-10").json
            #expect(json["enterprisesVisited"] as? Int == 346 && json["chambersVisited"] as? Int == 40)
            #expect(json["contractText"] as? String == "0元" && json["pendingContractText"] as? String == "29.14亿元")
            #expect(json["pendingFundsText"] as? String == "4.389亿元")
            // its export: the counted columns 0, the waiting ones 291,400 and 43,890 万元
            let (waiting, said) = try ExportTests.workbook(try await bureau.get("/units/\(office)/month?month=2025-10&format=xlsx"))
            #expect(said.contains { $0.cells.values.contains(.text("金额单位")) })
            #expect(waiting[0][5] == .text("合同投资额（万元，已核验）") && waiting[1][2] == .number(346, isDate: false))
            #expect([5, 6, 7, 8].map { waiting[1][$0] } == [0, 291_400, 0, 43_890].map { .number(Double($0), isDate: false) })
            // the bureau verifies the 22 signings and the three entries of October
            for project in projects {
                let reports = try await StageReport.query(on: db).filter(\.$projectID == project).all()
                for report in reports {
                    let answer = try await bureau.post(SiteURL.projectVerify(project).path, [("report", report.id!.uuidString)])
                    #expect(answer.status == .seeOther)
                }
            }
            for entry in try await FundsArrival.query(on: db).filter(\.$arrivedOn < "2025-11-01").all() {
                let answer = try await bureau.post(SiteURL.projectFundsVerify(projects[0]).path, [("entry", entry.id!.uuidString)])
                #expect(answer.status == .seeOther)
            }
            let page = try await bureau.get("/units/\(office)/month?month=2025-10").body.string
            #expect(page.contains("走访企业346家、商协会40个，引进项目22个，合同投资额29.14亿元，到位资金4.389亿元"))
            #expect(!page.contains("另有待核验 29.14亿元") && !page.contains("另有待核验 4.389亿元"))
            let counted = try await api.send(.GET, "/api/v1/units/\(office)/month?month=2025-10").json
            #expect(counted["contractText"] as? String == "29.14亿元" && counted["fundsArrivedText"] as? String == "4.389亿元")
            #expect(counted["projectsIntroduced"] as? Int == 22 && counted["pendingContractText"] as? String == "0元")
            let verified = try ExportTests.workbook(try await api.send(.GET, "/api/v1/units/\(office)/month?month=2025-10&format=xlsx"))
            #expect([5, 6, 7, 8].map { verified.rows[1][$0] } == [291_400, 0, 43_890, 0].map { .number(Double($0), isDate: false) })
            #expect(try await AuditRecord.query(on: db).filter(\.$action == "export.resident-month").count() == 2)
            #expect(try await api.send(.GET, "/api/v1/units/\(office)/month?month=2025-13").status == .badRequest)
            #expect(try await bureau.get("/units/\(office)").body.string.contains("工作月报"))
            #expect(try await bureau.get("/units/\(park)/month").status == .notFound)  // only resident offices report so
            // a month that is not one is refused with the parameter named, not replaced by the current one
            let bad = try await bureau.get("/units/\(office)/month?month=2026-13")
            #expect(bad.status == .badRequest && bad.body.string.contains("参数 month"))
        }
    }

    @Test func seed000TwoHundredVisitsEightLanded() async throws {
        try await withApp { app, _ in
            let db = app.db
            let cadre = try await Fixture.id(of: "cadre", on: db)
            let bureauUnit = try #require(try await Person.find(cadre, on: db)).$unit.id
            let park = try await Fixture.unit("东宝工业园", .park, Fixture.dongbao, on: db)
            // about 200 PCB enterprises visited in 2025 [000] (a few twice), 8 landed
            for n in 1...200 {
                try await Self.activity(
                    .enterpriseVisit, "线路板企业\(n)有限公司", on: "2025-0\(1 + n % 9)-10", person: cadre, unit: bureauUnit, db: db)
            }
            for n in 1...15 {
                try await Self.activity(.enterpriseVisit, "线路板企业\(n)有限公司", on: "2025-11-10", person: cadre, unit: bureauUnit, db: db)
            }
            for n in 1...20 {
                try await Self.leadAndProject(
                    "线路板企业\(n)有限公司", person: cadre, unit: bureauUnit, submitted: "2025-03-0\(1 + n % 9)",
                    accepted: n <= 12 ? "2025-04-01" : nil, signed: n <= 10 ? "2025-05-01" : nil, contract: 50_000_000 * 100,
                    verifiedStage: n <= 8 ? .producing : n <= 10 ? .signed : .negotiating, host: park, on: db)
            }
            // written as records, past the services that mark the funnel's tallies: counted afresh
            try await FunnelTallies.rebuild(on: db)
            let bureau = Browser(app)
            try await bureau.login("bureau")
            let units = try await bureau.get("/funnel?year=2025").body.string
            #expect(units.contains("走访到投产 4.0%"))
            let people = try await bureau.get("/funnel?year=2025&unit=\(bureauUnit)").body.string
            #expect(people.contains("测试cadre"))
            let row = try #require(people.range(of: "测试cadre").map { String(people[$0.upperBound...].prefix(400)) })
            for figure in ["200", "20", "12", "10", "8", "4.0%"] { #expect(row.contains(">\(figure)<")) }
            // the export holds the same figures as numbers, the person's row and the unit's total
            #expect(people.contains("format=xlsx"))
            let (sheet, info) = try ExportTests.workbook(try await bureau.get("/funnel?year=2025&unit=\(bureauUnit)&format=xlsx"))
            #expect(sheet[0][0] == .text("人员") && sheet[0][5] == .text("投产（已核验）"))
            let person = try #require(sheet.first { $0[0] == .text("测试cadre") })
            #expect([1, 2, 3, 4, 5].map { person[$0] } == [200, 20, 12, 10, 8].map { .number(Double($0), isDate: false) })
            #expect(person[6] == .number(0.04, isDate: false))
            #expect(sheet.last?[0] == .text("合计") && sheet.last?[5] == .number(8, isDate: false))
            #expect(info.contains { $0.cells.values.contains(.text("年度：2025；单位：荆门市招商局")) })
            // no amount in the funnel, so no line about 万元
            #expect(!info.contains { $0.cells.values.contains(.text("金额单位")) })
            // a cadre sees their own unit's people, not the other units
            let cadreView = Browser(app)
            try await cadreView.login("cadre")
            #expect(try await cadreView.get("/funnel?year=2025").body.string.contains("荆门市招商局 · 招商漏斗 2025"))
        }
    }
}
