import Domain
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

@testable import App

/// The workbench lists exactly what waits on each role in the demo city, counted here record by
/// record, most overdue first; an item leaves it when it is done.
@Suite("工作台：我的待办等于逐条清点")
struct WorkQueueTests {
    static func counts(_ sections: [WorkSection]) -> [WorkItem.Kind: Int] {
        Dictionary(uniqueKeysWithValues: sections.map { ($0.kind, $0.count) })
    }

    @Test func eachRoleSeesWhatWaitsOnItAndNothingElse() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 11, scale: .county, logger: app.logger).generate(app: app)
            let today = app.clock.today
            let db = app.db
            // one project newly put to the demo park, waiting for its answer
            let park = try await LeadListTests.user("demo-host", on: db).unitID
            let put = try #require(try await Project.query(on: db).filter(\.$hostStatus == .accepted).first())
            (put.hostUnitID, put.hostStatus) = (park, .pending)
            try await put.save(on: db)
            let leads = try await Lead.query(on: db).all()
            let orders = try await WorkOrder.query(on: db).all()
            let projects = try await Project.query(on: db).all()
            let reports = try await StageReport.query(on: db).all()
            let activities = try await Activity.query(on: db).all()

            let bureau = try await LeadListTests.user("demo-bureau", on: db)
            let bureauSections = try await WorkQueue.sections(for: bureau, today: today, on: db)
            let seen = Self.counts(bureauSections)
            let inScope = { (code: String) in code.hasPrefix(bureau.scope.prefix) }
            #expect(seen[.respondLead] ?? 0 == leads.filter { inScope($0.jurisdictionCode) && $0.status == .submitted }.count)
            #expect(
                seen[.assessLead] ?? 0
                    == leads.filter { inScope($0.jurisdictionCode) && $0.status == .responded && $0.assessedOn == nil }.count)
            let ownReports = reports.filter { $0.verifiedBy == nil && $0.reportedBy != bureau.personID }
            #expect(seen[.verifyReport] ?? 0 == ownReports.filter { r in projects.contains { $0.id == r.projectID } }.count)
            #expect(seen[.routeWorkOrder] ?? 0 == orders.filter { inScope($0.jurisdictionCode) && $0.status == .submitted }.count)
            #expect((seen[.respondLead] ?? 0) > 0, "the demo bureau has leads to respond to")
            // most overdue first, each section within itself and the sections by their oldest item
            for section in bureauSections {
                let deadlines = section.items.map(\.deadline)
                #expect(deadlines == deadlines.sorted(by: WorkLight.precedes), "\(section.kind)")
                #expect(section.items.count == min(section.count, WorkQueue.shown))
            }

            // a host unit answers for its own pending projects, a cadre for their next steps
            let host = try await LeadListTests.user("demo-host", on: db)
            let hostSeen = Self.counts(try await WorkQueue.sections(for: host, today: today, on: db))
            #expect(hostSeen[.answerHosting] ?? 0 == projects.filter { $0.hostUnitID == host.unitID && $0.hostStatus == .pending }.count)
            #expect(hostSeen[.respondLead] == nil && hostSeen[.verifyReport] == nil, "a park does not act for the bureau")
            // the panel expert who sits in the same park does not answer for its hosting
            let reviewer = try await LeadListTests.user("demo-reviewer", on: db)
            #expect(reviewer.unitID == host.unitID && (hostSeen[.answerHosting] ?? 0) > 0, "the demo puts both in one park")
            #expect(Self.counts(try await WorkQueue.sections(for: reviewer, today: today, on: db))[.answerHosting] == nil)
            for login in ["demo-cadre", "demo-leader", "demo-coordinator"] {
                let user = try await LeadListTests.user(login, on: db)
                let sections = Self.counts(try await WorkQueue.sections(for: user, today: today, on: db))
                let steps = activities.filter { $0.ownerID == user.personID && $0.nextDue != nil && $0.nextDoneOn == nil }.count
                #expect(sections[.nextStep] ?? 0 == steps, "\(login)")
                let toAnswer = orders.filter { $0.responsibleUnitID == user.unitID && [.signedFor, .inProgress].contains($0.status) }
                if AccessPolicy.may(user.roles, .answerWorkOrder, ties: .ownUnit) {
                    #expect(sections[.answerWorkOrder] ?? 0 == toAnswer.count, "\(login)")
                } else {
                    #expect(sections[.answerWorkOrder] == nil, "\(login)")
                }
                #expect(sections[.respondLead] == nil, "\(login) does not respond for the bureau")
            }

            // 包联: the leader's enterprises not yet contacted this month or visited on site this quarter
            let leader = try await LeadListTests.user("demo-leader", on: db)
            let links = try await Linkage.query(on: db).filter(\.$leaderID == leader.personID).filter(\.$endedOn == nil).all()
            func behind(_ link: Linkage, _ activities: [Activity]) -> Bool {
                let mine = activities.filter { $0.ownerID == leader.personID && $0.counterpartKey == link.nameKey }
                    .compactMap { a in CivilDate(a.occurredOn).map { (kind: a.kind, date: $0) } }
                let month = mine.filter { $0.date.year == today.year && $0.date.month == today.month }.count
                let quarter = mine.filter {
                    $0.kind == .onSiteOffice && $0.date.year == today.year && ($0.date.month - 1) / 3 == (today.month - 1) / 3
                }
                return month < 1 || quarter.isEmpty
            }
            let leaderSeen = Self.counts(try await WorkQueue.sections(for: leader, today: today, on: db))
            let waiting = links.filter { behind($0, activities) }
            #expect(leaderSeen[.linkageContact] ?? 0 == waiting.count && !waiting.isEmpty, "\(leaderSeen)")
            #expect(Self.counts(bureauSections)[.linkageContact] == nil, "the bureau links no enterprise of its own")
            // an on-site office at the first of them (a contact too) takes it off the leader's workbench
            let visit = Browser(app)
            #expect(try await visit.login("demo-leader", password: DemoCity.password).status == .seeOther)
            _ = try await visit.get("/activities/new")
            var form = ActivityTests.visit(date: today.description)
            form = form.map { $0.0 == "counterpart" ? ($0.0, waiting[0].enterpriseName) : $0.0 == "kind" ? ($0.0, "onSiteOffice") : $0 }
            #expect(try await visit.post("/activities", form).status == .seeOther)
            let afterVisit = Self.counts(try await WorkQueue.sections(for: leader, today: today, on: db))
            #expect(afterVisit[.linkageContact] ?? 0 == waiting.count - 1)

            // a verification is due five working days after its report (Domain's clock)
            let toVerify = try #require(bureauSections.first { $0.kind == .verifyReport }?.items.first)
            let oldest = ownReports.filter { $0.projectID == toVerify.id }.compactMap { CivilDate($0.reportedOn) }.min()
            #expect(toVerify.deadline == oldest.map { VerifiableEntry.verifyBy(reportedOn: $0) })

            // the bureau responds to its most overdue lead on the page: it leaves the workbench
            let first = try #require(bureauSections.first { $0.kind == .respondLead }?.items.first)
            let lead = try #require(try await Lead.find(first.id, on: db))
            #expect(first.deadline == CivilDate(lead.respondBy))
            let browser = Browser(app)
            #expect(try await browser.login("demo-bureau", password: DemoCity.password).status == .seeOther)
            let answered = try await browser.post(SiteURL.leadRespond(first.id).path, [("version", String(lead.version))])
            #expect(answered.status == .seeOther)
            let after = Self.counts(try await WorkQueue.sections(for: bureau, today: today, on: db))
            #expect(after[.respondLead] ?? 0 == (seen[.respondLead] ?? 0) - 1)
            #expect(after[.assessLead] ?? 0 == (seen[.assessLead] ?? 0) + 1, "responded, it waits for its assessment")
        }
    }
}
