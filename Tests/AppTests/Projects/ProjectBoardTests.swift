import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// The pipeline board reads its cards and its attention list by walks of indexes that stop at what
/// they show (migration 028); what it shows is what judging every project of the jurisdiction one
/// by one says, for the bureau, for a park's own projects, with a host or "major only" filter, and
/// with the city on limits of its own.
@Suite("项目看板：按索引读取，等于逐个项目判断")
struct ProjectBoardTests {
    @Test func theBoardReadByIndexesIsWhatJudgingEveryProjectSays() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 9, scale: .county, logger: app.logger).generate(app: app)
            let today = app.clock.today
            let all = try await Project.query(on: app.db).all()
            let attractors = try await ProjectAttractor.query(on: app.db).all()
            let coordinators = try await ProjectCoordinator.query(on: app.db).all()
            #expect(all.count > 100 && Set(all.map(\.verifiedStage)).count >= 5, "the demo city has a board to read")
            // the city stricter than the standard: quiet after 30 days, signed and not started after 60
            let county = DemoCity.cityCode
            var strict = JurisdictionSettings.standard
            (strict.quietDays, strict.signedNotStartedDays) = (30, 60)
            let settings = SettingsSchedule([
                .init(jurisdiction: try JurisdictionCode(county), effectiveFrom: today.adding(days: -400), settings: strict)
            ])
            let park = try #require(all.first { $0.hostStatus == .accepted }?.hostUnitID)
            let cases: [(login: String, filter: ProjectBoard.Filter)] = [
                ("demo-bureau", .init()), ("demo-bureau", .init(majorOnly: true)), ("demo-bureau", .init(hostUnit: park)),
                ("demo-host", .init(mine: true)), ("demo-cadre", .init(mine: true)),
            ]
            for (login, filter) in cases {
                let user = try await LeadListTests.user(login, on: app.db)
                let label = "\(login) \(filter.query)"
                let seen = all.filter { p in
                    let scoped =
                        filter.mine
                        ? p.hostUnitID == user.unitID || p.leaderID == user.personID
                            || attractors.contains { $0.projectID == p.id && $0.personID == user.personID }
                            || coordinators.contains { $0.projectID == p.id && $0.unitID == user.unitID }
                        : p.jurisdictionCode.hasPrefix(user.scope.prefix)
                    return scoped && (filter.hostUnit.map { p.hostUnitID == $0 } ?? true) && (!filter.majorOnly || p.isMajor)
                }
                // the cards: the newest stage changes of each verified stage
                let cards = try await ProjectBoard.cards(user, filter, on: app.db)
                for stage in ProjectStage.allCases {
                    let expected = seen.filter { $0.verifiedStage == stage }.map(\.stageSince).sorted(by: >)
                        .prefix(ProjectBoard.cardsPerStage(stage))
                    let shown = cards[stage] ?? []
                    #expect(shown.map(\.stageSince) == Array(expected), "\(label) \(stage)")
                    #expect(shown.allSatisfy { card in seen.contains { $0.id == card.id && $0.verifiedStage == stage } }, "\(label)")
                }
                // the counts, and those reported into a stage and waiting for verification
                let counts = try await ProjectBoard.counts(user, filter, on: app.db)
                #expect(counts == Dictionary(grouping: seen, by: \.verifiedStage).mapValues(\.count), "\(label)")
                let pending = try await ProjectBoard.counts(user, filter, pending: true, on: app.db)
                let waiting = seen.filter { $0.stage != $0.verifiedStage }
                #expect(pending == Dictionary(grouping: waiting, by: \.stage).mapValues(\.count), "\(label)")
                // the attention list: each project by its own jurisdiction's limits, newest activity first
                let attention = try await ProjectBoard.attention(user, filter, today: today, settings: settings, on: app.db)
                let needing = seen.filter { p in
                    let rule = settings.inEffect(for: try! JurisdictionCode(p.jurisdictionCode), on: today).settings
                    let signedLimit = today.adding(days: -rule.signedNotStartedDays).description
                    let quietLimit = today.adding(days: -rule.quietDays).description
                    return ![.producing, .terminated].contains(p.stage)
                        && ((p.verifiedStage == .signed && (p.verifiedSignedOn ?? "9999") < signedLimit)
                            || p.lastActivityOn < quietLimit || p.hostStatus == .declined || (p.isMajor && p.leaderID == nil))
                }
                let newest = needing.map(\.lastActivityOn).sorted(by: >).prefix(12)
                #expect(attention.map(\.lastActivityOn) == Array(newest), "\(label)")
                #expect(attention.allSatisfy { card in needing.contains { $0.id == card.id } }, "\(label)")
            }
            #expect(
                !(try await ProjectBoard.attention(
                    LeadListTests.user("demo-bureau", on: app.db), .init(), today: today, settings: settings, on: app.db)).isEmpty)
            // the plans: every card and attention walk an index, with no sort of the jurisdiction
            guard app.databaseEngine == .sqlite else { return }
            let bureau = try await LeadListTests.user("demo-bureau", on: app.db)
            for stage in [ProjectStage.negotiating, .signed] {
                let plan = try await Self.plan(
                    """
                    SELECT p.id FROM projects p WHERE p.verified_stage = \(bind: stage.rawValue) AND \(ProjectBoard.conditions(bureau, .init(), indexOrdered: true))
                    ORDER BY p.stage_since DESC, p.id DESC LIMIT 14
                    """, on: app.db)
                #expect(
                    plan.contains { $0.contains("projects_verified_newest") } && !plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            }
            let pendingPlan = try await Self.plan(
                "SELECT p.stage, COUNT(*) FROM projects p WHERE \(ProjectBoard.conditions(bureau, .init())) AND p.stage <> p.verified_stage GROUP BY p.stage",
                on: app.db)
            #expect(pendingPlan.contains { $0.contains("projects_pending") }, "\(pendingPlan)")
        }
    }

    static func plan(_ query: SQLQueryString, on db: any Database) async throws -> [String] {
        try await db.sql.raw("EXPLAIN QUERY PLAN " + query).all().map { try $0.decode(column: "detail", as: String.self) }
    }
}
