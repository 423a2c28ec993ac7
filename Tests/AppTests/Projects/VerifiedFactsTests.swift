import Domain
import Fluent
import Testing
import Vapor

@testable import App

/// Every figure reads what the bureau verified (SPEC §5, "Verified facts"): a reported signing is
/// shown beside the counted figure until verified, and a correction back to 在谈 withdraws it.
@Suite("核验事实：报送、核验与纠正")
struct VerifiedFactsTests {
    @Test func aSigningCountsOnceVerifiedAndNoLongerOnceCorrectedBack() async throws {
        try await withApp { app, _ in
            // given: the 伟德 project, signed for 29.14亿 by its attractor on 2026-03-02
            let (project, w) = try await ProjectTests.accepted(app)
            try await ProjectTests.backdate(project, to: "2026-01-05", on: app.db)
            let id = try project.requireID()
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            #expect(
                try await ProjectTests.report(cadre, id, to: "signed", on: "2026-03-02", contract: "29.14亿", app: app).status == .seeOther)

            // then: reported, not counted
            var stored = try #require(try await Project.find(id, on: app.db))
            #expect(stored.signedOn == "2026-03-02" && stored.contract == .major(2_914_000_000))
            #expect(stored.verifiedSignedOn == nil && stored.verifiedContract == nil)
            var page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("待核验：29.14亿元（2026-03-02 签约）"))
            var board = try await w.bureau.get("/projects?mine=0").body.string
            #expect(board.contains("签约 · 0") && board.contains("另有待核验 1 个") && board.contains("在谈 · 1"))

            // when: the bureau verifies it
            let report = try #require(try await StageReport.query(on: app.db).filter(\.$projectID == id).first())
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.id!.uuidString)]).status == .seeOther)

            // then: counted, on the page and in the funnel
            #expect(try await Self.signedInFunnel(app) == 1)
            stored = try #require(try await Project.find(id, on: app.db))
            #expect(stored.verifiedSignedOn == "2026-03-02" && stored.verifiedContract == .major(2_914_000_000))
            page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("29.14亿元（2026-03-02 签约，已核验）") && !page.contains("待核验："))
            board = try await w.bureau.get("/projects?mine=0").body.string
            #expect(board.contains("签约 · 1") && !board.contains("另有待核验"))

            // when: the bureau corrects the project back to 在谈 (the contract fell through)
            let correction = try await ProjectTests.report(
                w.bureau, id, to: "negotiating", on: "2026-03-20", reason: "合同未生效，退回在谈", app: app)
            #expect(correction.status == .seeOther)

            // then: the reported signing is withdrawn at once; the counted one stands until the correction is verified
            stored = try #require(try await Project.find(id, on: app.db))
            #expect(stored.signedOn == nil && stored.contract == nil)
            #expect(stored.verifiedSignedOn == "2026-03-02")

            // when: a second bureau officer verifies the correction (nobody verifies their own report)
            let officer = try #require(try await Person.find(w.bureauID, on: app.db))
            let person = Person()
            (person.name, person.post, person.phone, person.login) = ("测试bureau-colleague", "", "", "bureau-colleague")
            person.$unit.id = officer.$unit.id
            person.passwordHash = try Bcrypt.hash(Secrets.passwordInput(Fixture.password), cost: 4)
            (person.roles, person.failedLogins, person.active, person.version) = ([.bureau], 0, true, 1)
            try await person.create(on: app.db)
            let second = Browser(app)
            try await second.login("bureau-colleague")
            let back = try #require(
                try await StageReport.query(on: app.db).filter(\.$projectID == id).filter(\.$toStage == .negotiating).first())
            #expect(try await second.post("/projects/\(id)/stages/verify", [("report", back.id!.uuidString)]).status == .seeOther)

            // then: the signing no longer counts anywhere
            stored = try #require(try await Project.find(id, on: app.db))
            #expect(stored.verifiedSignedOn == nil && stored.verifiedContract == nil && stored.verifiedStage == .negotiating)
            #expect(try await Self.signedInFunnel(app) == 0)
        }
    }

    @Test func theBackFillRecomputesStoredFactsFromTheReports() async throws {
        try await withApp { app, _ in
            // given: two projects signed for 1.3亿 on 2025-10-20, one verified and one waiting, their stored facts spoilt
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let unit = try #require(try await Person.find(cadre, on: app.db)).$unit.id
            let park = try await Fixture.unit("东宝工业园", .park, Fixture.dongbao, on: app.db)
            var ids: [UUID] = []
            for (n, verified) in [(1, true), (2, false)] {
                let id = try await FiguresTests.leadAndProject(
                    "深圳引进\(n)有限公司", person: cadre, unit: unit, submitted: "2025-09-01", accepted: "2025-10-08", signed: "2025-10-20",
                    contract: 130_000_000 * 100, verifiedStage: .signed, verified: verified, host: park, on: app.db)
                ids.append(try #require(id))
            }
            try await app.db.sql.raw(
                "UPDATE projects SET signed_on = '2000-01-01', verified_signed_on = NULL, verified_contract_minor = NULL, verified_stage = 'producing'"
            ).run()

            // when: the migration's back-fill runs
            try await ProjectFactsStore.refreshAll(on: app.db)

            // then: each project's facts are its reports' again
            let verified = try #require(try await Project.find(ids[0], on: app.db))
            #expect(verified.verifiedSignedOn == "2025-10-20" && verified.verifiedContract == .major(130_000_000))
            #expect(verified.verifiedStage == .signed && verified.signedOn == "2025-10-20")
            let waiting = try #require(try await Project.find(ids[1], on: app.db))
            #expect(waiting.verifiedSignedOn == nil && waiting.verifiedStage == .negotiating && waiting.signedOn == "2025-10-20")
        }
    }

    /// Signed projects in 2026's funnel of 荆门, as the funnel page counts them.
    static func signedInFunnel(_ app: Application) async throws -> Int {
        let rows = try await PipelineFigures.funnels(
            .unit(scope: try JurisdictionCode(Fixture.jingmen)), from: CivilDate("2026-01-01")!, through: CivilDate("2026-12-31")!,
            on: app.db)
        return rows.map(\.funnel.signed).reduce(0, +)
    }
}
