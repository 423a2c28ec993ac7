import Domain
import Fluent
import Testing
import Vapor

@testable import App

/// The demo city's three years of pipeline obey the same rules the product enforces.
@Suite("演示数据：三年的线索与项目")
struct DemoPipelineTests {
    @Test func theDemoPipelineKeepsEveryRule() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 3, scale: .county, logger: app.logger).generate(app: app)
            let db = app.db
            let leads = try await Lead.query(on: db).all()
            let projects = try await Project.query(on: db).all()
            #expect(leads.count == 3_000)
            // one project per accepted lead, and only for accepted leads
            #expect(Set(projects.map(\.leadID)) == Set(leads.filter { $0.status == .accepted }.map { $0.id! }))
            // hundreds of signings a year, a few dozen of them major; most leads never land
            let signed2025 = projects.filter { $0.signedOn?.hasPrefix("2025") == true }
            #expect((150...400).contains(signed2025.count))
            #expect((10...120).contains(signed2025.filter(\.isMajor).count))
            #expect(projects.filter { $0.stage == .producing }.count * 10 < leads.count)
            // credit splits sum to 100%; majors have a leader
            let shares = Dictionary(grouping: try await ProjectAttractor.query(on: db).all(), by: \.projectID)
            #expect(projects.allSatisfy { p in shares[p.id!]?.reduce(0) { $0 + $1.basisPoints } == CreditSplit.whole })
            #expect(projects.filter(\.isMajor).allSatisfy { $0.leaderID != nil })
            // every reported transition is one the stage machine allows an attractor to report
            let reports = Dictionary(grouping: try await StageReport.query(on: db).sort(\.$sequence).all(), by: \.projectID)
            for project in projects {
                var stage = ProjectStage.negotiating
                var held: ProjectStage?
                for report in reports[project.id!] ?? [] {
                    #expect(report.fromStage == stage)
                    #expect(throws: Never.self) {
                        try StageMachine.check(from: stage, to: report.toStage, heldAt: held, reason: report.reason, byBureau: false)
                    }
                    held = report.toStage == .onHold ? stage : nil
                    stage = report.toStage
                }
                #expect(project.stage == stage)
            }
            // money arrives only on signed projects, never before signing
            let signedOn = Dictionary(uniqueKeysWithValues: projects.map { ($0.id!, $0.signedOn) })
            let funds = try await FundsArrival.query(on: db).all()
            #expect(!funds.isEmpty)
            #expect(funds.allSatisfy { f in signedOn[f.projectID].flatMap { $0 }.map { f.arrivedOn >= $0 } == true })
            #expect(funds.allSatisfy { $0.amountMinor > 0 })
            // every foreign entry converts: the rate table covers each month
            let rates = try await ExchangeRate.table(on: db)
            let total = rates.total(funds.map { ($0.amount, CivilDate($0.arrivedOn)!) })
            #expect(total.missingMonths.isEmpty)
            // most enterprises visited never bring a lead, and the last contact of a live project is on record
            let activities = try await Activity.query(on: db).all()
            #expect(activities.filter { $0.kind == .enterpriseVisit }.count > 3 * leads.count)
            let lastContact = Dictionary(grouping: activities.compactMap { a in a.projectID.map { ($0, a.occurredOn) } }, by: \.0)
                .mapValues { $0.map(\.1).max()! }
            for project in projects where project.stage != .terminated && project.stage != .producing {
                #expect(project.lastActivityOn <= max(project.stageSince, lastContact[project.id!] ?? ""))
            }

            // work orders: deadlines by the clock, lateness by the original deadline, steps in the machine's order
            let orders = try await WorkOrder.query(on: db).all()
            #expect(orders.count == 600)
            let clock = WorkOrderService.clock
            let today = app.clock.today
            let steps = Dictionary(grouping: try await WorkOrderEvent.query(on: db).sort(\.$sequence).all(), by: \.workOrderID)
            for order in orders {
                #expect(order.deadline == clock.deadline(order.kind, submitted: CivilDate(order.submittedOn)!).description)
                #expect(order.answeredLate == (order.answeredOn.map { $0 > order.deadline } ?? false))
                var status = WorkOrderStatus.submitted
                var escalation = WorkOrderClock.Escalation.none
                for event in steps[order.id!] ?? [] where event.step != "submit" {
                    if let step = WorkOrderClock.Escalation(rawValue: event.step) {
                        // each escalation step once the clock reaches it, one after another
                        #expect(
                            step > escalation
                                && event.onDate >= clock.escalationDate(step, deadline: CivilDate(order.deadline)!)!.description)
                        escalation = step
                        continue
                    }
                    status = try WorkOrderMachine.next(from: status, try #require(WorkOrderMachine.Step(rawValue: event.step)))
                }
                #expect(status == order.status && escalation == order.escalation)
            }
            // some late, some reopened, some overdue now; most answered in time
            #expect(orders.filter(\.answeredLate).count * 2 < orders.count && orders.contains(where: \.answeredLate))
            #expect(orders.contains { $0.reopenCount > 0 && $0.status == .closed })
            #expect(orders.contains { $0.isLate(today: today) && $0.status != .closed && $0.answeredOn == nil })
            #expect(orders.contains { $0.escalation == .bulletin && $0.status != .closed })
            // the scan finds nothing left to do: the demo took every step due up to today
            let scan = try await NoticeScan.run(on: db, today: today, millis: app.clock.millis)
            #expect(scan.examined > 0 && scan.reminders == 0 && scan.escalations == 0)
            // the board (open items now + closed items' tallies) equals counting every item
            var counted: [UUID: AccountabilityLine] = [:]
            for o in orders {
                let unit = try #require(o.responsibleUnitID)
                var line =
                    counted[unit]
                    ?? AccountabilityLine(
                        open: 0, overdue: 0, closed: 0, late: 0, reopenedItems: 0, reopenings: 0, answeredItems: 0, totalDaysToClose: 0)
                line.open += o.status == .closed ? 0 : 1
                line.overdue += [.routed, .signedFor, .inProgress].contains(o.status) && o.deadline < today.description ? 1 : 0
                line.closed += o.status == .closed ? 1 : 0
                line.late += o.answeredLate ? 1 : 0
                line.reopenedItems += o.reopenCount > 0 ? 1 : 0
                line.reopenings += o.reopenCount
                line.answeredItems += o.answeredOn == nil ? 0 : 1
                line.totalDaysToClose += o.daysToClose ?? 0
                counted[unit] = line
            }
            let board = try await WorkOrderTally.aggregates(prefix: DemoCity.cityCode, today: today, on: db).mapValues(\.line)
            #expect(board == counted)
            // the lists read through their indexes give what sorting every item gives
            let bureau = try #require(try await WorkOrderTests.user(app, "demo-bureau"))
            let newest = orders.sorted { ($0.submittedOn, $0.number) > ($1.submittedOn, $1.number) }.prefix(50).map(\.number)
            #expect(try await WorkOrderList.rows(bureau, .all, today: today, limit: 50, on: db).map(\.number) == newest)
            let overdue = orders.filter { $0.status != .answered && $0.status != .closed && $0.deadline < today.description }
                .sorted { ($0.deadline, $0.number) < ($1.deadline, $1.number) }.map(\.number)
            #expect(!overdue.isEmpty)
            // 改革事项清单: one kind, newest first, and its overdue ones
            let reforms = orders.filter { $0.kind == .reformItem }
            let reformPage = try await WorkOrderList.rows(bureau, .all, kind: .reformItem, today: today, limit: 30, on: db).map(\.number)
            #expect(reformPage == reforms.sorted { ($0.submittedOn, $0.number) > ($1.submittedOn, $1.number) }.prefix(30).map(\.number))
            let overdueReforms = Set(reforms.map(\.number)).intersection(overdue)
            #expect(
                Set(try await WorkOrderList.rows(bureau, .overdue, kind: .reformItem, today: today, on: db).map(\.number)) == overdueReforms
            )
            #expect(
                try await WorkOrderList.rows(bureau, .overdue, today: today, limit: 10, offset: 5, on: db).map(\.number)
                    == Array(overdue.dropFirst(5).prefix(10)))
            // the demo leader's eight links, some behind this month
            let lines = try await LinkageStanding.lines(scope: try JurisdictionCode(DemoCity.cityCode), month: today, on: db)
            #expect(lines.count == 8 && lines.contains(where: \.standing.isBehind) && !lines.allSatisfy(\.standing.isBehind))
        }
    }

    /// What a cadre would find implausible is not in the demo: land out of proportion to the
    /// investment, money before construction, 包联 enterprises all of one name, attracted shares
    /// that read as one figure, a visit that never sets a next step.
    @Test func theDemoCityReadsTrue() async throws {
        try await withApp(fixture: false) { app, _ in
            try await DemoCity(seed: 5, scale: .county, logger: app.logger).generate(app: app)
            let db = app.db
            // 150–500万元 of investment per 亩 asked (no 773亩 for 1500万元)
            for lead in try await Lead.query(on: db).all() where lead.landMuTenths > 0 {
                let wan = lead.investmentMinor / 1_000_000
                #expect(
                    wan * 10 >= Int64(lead.landMuTenths) * 150 && wan * 10 < Int64(lead.landMuTenths + 10) * 500,
                    "\(wan) \(lead.landMuTenths)")
            }
            // funds arrive once construction has started, never before
            let started = Dictionary(
                grouping: try await StageReport.query(on: db).filter(\.$toStage == .started).all(), by: \.projectID
            ).compactMapValues { $0.map(\.occurredOn).min() }
            let funds = try await FundsArrival.query(on: db).all()
            #expect(!funds.isEmpty && funds.allSatisfy { f in started[f.projectID].map { f.arrivedOn > $0 } == true })
            // the leader's 包联 enterprises do not all begin alike
            let links = try await Linkage.query(on: db).all()
            #expect(links.count == 8 && Set(links.compactMap(\.enterpriseName.first)).count > 1, "\(links.map(\.enterpriseName))")
            // the attracted shares of output, revenue, profit and tax are four figures, not one
            let share = try #require(try await RegistryStatistics.attractedShare(in: try JurisdictionCode(DemoCity.cityCode), on: db))
            let measures: [AttractedShare.Measure] = [.output, .revenue, .profit, .tax]
            #expect(Set(measures.compactMap { share.shares[$0] ?? nil }).count >= 3, "\(share.shares)")
            // visits set next steps: some open, some done
            let steps = try await Activity.query(on: db).filter(\.$nextDue != nil).all()
            #expect(steps.contains { $0.nextDoneOn == nil } && steps.contains { $0.nextDoneOn != nil })
            // the tally's facts read a chunk of projects at a time: chunks of seven read what one read
            // does, and every verified funds entry of the year is behind the figures, none lost at a
            // chunk's edge
            let city = try JurisdictionCode(DemoCity.cityCode)
            let (first, last) = (CivilDate("2025-01-01")!, CivilDate("2025-12-31")!)
            let whole = try await ProgressFigures.read(scope: city, funds: first...last, chunk: 1_000_000, on: db)
            let chunked = try await ProgressFigures.read(scope: city, funds: first...last, chunk: 7, on: db)
            #expect(whole.projects.count > 7 && chunked.projects.count == whole.projects.count)
            let rates = try await ExchangeRate.table(on: db)
            func tally(_ facts: ProgressFigures.Facts) -> CreditedResults.Tally {
                CreditedResults.tally(projects: facts.projects, funds: facts.funds, from: first, through: last, rates: rates)
            }
            let (a, b) = (tally(whole), tally(chunked))
            #expect(a.units.keys.sorted() == b.units.keys.sorted() && a.persons.keys.sorted() == b.persons.keys.sorted())
            // the same sums of the same lines (in the order each read them)
            func lines(_ figure: CreditedResults.Figure) -> [String] {
                figure.items.map { "\($0.project) \($0.funds ?? "") \($0.on) \($0.credited) \($0.whole)" }.sorted()
            }
            for (unit, figures) in a.units {
                for (measure, figure) in figures {
                    #expect(b.figure(unit: unit, measure).done == figure.done && lines(b.figure(unit: unit, measure)) == lines(figure))
                }
            }
            let verifiedFunds = try await FundsArrival.query(on: db).filter(\.$verifiedBy != nil).all()
                .filter { $0.arrivedOn.hasPrefix("2025") }.map { $0.id!.uuidString }
            let behind = b.units.values.flatMap { [$0[.fundsDomestic], $0[.fundsForeign]] }.compactMap { $0 }.flatMap(\.items).compactMap(
                \.funds)
            #expect(!verifiedFunds.isEmpty && Set(behind) == Set(verifiedFunds))
        }
    }
}
