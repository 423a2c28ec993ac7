import Domain
import Fluent
import Foundation
import Vapor

/// A year of work orders in the demo city: routing rules, items of every kind, most answered in
/// time, some late, some reopened, a few overdue now — so the lists and the accountability board
/// have something true to show.
extension DemoCity {
    /// The province set carries three years of a busy province's items, for the benchmark.
    var workOrderCount: Int { scale == .county ? 600 : 500_000 }
    var workOrderDays: Int { scale == .county ? 365 : 1_095 }

    func createWorkOrders(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        let units = try await Unit.query(on: db).filter(\.$jurisdictionCode == Self.cityCode).all()
        func unit(_ name: String) -> UUID? { units.first { $0.name == name }?.id }
        let rules: [(WorkOrderKind, String, String)] = [
            (.complaint, "", "市市场监督管理局"), (.observerReport, "", "市政务服务中心"), (.factorRequest, "land", "市自然资源和规划局"),
            (.factorRequest, "landUse", "市自然资源和规划局"), (.factorRequest, "planning", "市自然资源和规划局"),
            (.factorRequest, "energy", "市发展和改革委员会"), (.factorRequest, "energyReview", "市发展和改革委员会"),
            (.factorRequest, "filing", "市发展和改革委员会"), (.factorRequest, "power", "国网演示市供电公司"),
            (.factorRequest, "environmental", "市生态环境局"), (.factorRequest, "wastewater", "市生态环境局"),
            (.factorRequest, "construction", "市住房和城乡建设局"), (.factorRequest, "labour", "市经济和信息化局"),
        ]
        var ruleRows: [RoutingRule] = []
        for (kind, category, name) in rules {
            guard let id = unit(name) else { continue }
            let rule = RoutingRule()
            rule.id = rng.uuid()
            (rule.jurisdictionCode, rule.kind, rule.category, rule.unitID) = (Self.cityCode, kind, category, id)
            ruleRows.append(rule)
        }
        try await ruleRows.create(on: db)
        let responsible = units.filter { $0.kind == .department || $0.kind == .park || $0.kind == .town }.compactMap(\.id)
        let projects = try await Project.query(on: db).filter(\.$stage ~~ [.signed, .started]).limit(300).all()
        guard !responsible.isEmpty else { return }
        let titles: [WorkOrderKind: [String]] = [
            .enterpriseDemand: ["厂房消防验收协调", "员工子女入学", "物流通道限行", "融资担保对接"], .complaint: ["执法检查过多", "窗口办事推诿", "收费标准不透明"],
            .observerReport: ["政务大厅午间无人值守", "审批材料重复提交"], .supervisorLetter: ["建议压缩施工许可时限", "建议公开涉企检查计划"],
            .supervisionItem: ["重点项目开工率督查"], .reformItem: ["工程建设项目审批改革", "企业开办一日办结"],
        ]
        let cast = WorkOrderCast(rules: ruleRows, responsible: responsible, projects: projects, titles: titles, today: app.clock.today)
        var batch: (orders: [WorkOrder], events: [WorkOrderEvent]) = ([], [])
        // numbered as the product numbers: GD-<year>-<serial>, the counter going on from the last
        var serials: [Int: Int] = [:]
        for index in 0..<workOrderCount {
            let (order, events) = makeWorkOrder(cast, &rng)
            let year = Int(order.submittedOn.prefix(4)) ?? 0
            serials[year, default: 0] += 1
            order.number = String(format: "GD-%04d-%06d", year, serials[year]!)
            batch.orders.append(order)
            batch.events += events
            if batch.orders.count == 1_500 || index == workOrderCount - 1 {
                // PostgreSQL takes at most 65,535 binds a statement
                let (orders, events) = batch
                try await app.writeTransaction { db in
                    try await orders.create(on: db)
                    for start in stride(from: 0, to: events.count, by: 5_000) {
                        try await Array(events[start..<min(events.count, start + 5_000)]).create(on: db)
                    }
                }
                batch = ([], [])
            }
        }
        try await WorkOrderTally.rebuild(on: db)
    }

    struct WorkOrderCast {
        var rules: [RoutingRule]
        var responsible: [UUID]
        var projects: [Project]
        var titles: [WorkOrderKind: [String]]
        var today: CivilDate
    }

    /// One item with its timeline: most answered in time, one in four late, one in seven sent
    /// back once, one in sixty left for months; the unanswered overdue ones carry the escalation steps taken on their days.
    private func makeWorkOrder(_ cast: WorkOrderCast, _ rng: inout SeededRandom) -> (WorkOrder, [WorkOrderEvent]) {
        let (today, clock, projects, titles, ruleRows) = (cast.today, WorkOrderService.clock, cast.projects, cast.titles, cast.rules)
        let submitted = CivilDate(dayNumber: today.dayNumber - Int(rng.next() % UInt64(workOrderDays)))
        var kind = rng.pick(WorkOrderKind.allCases)
        if kind == .factorRequest, projects.isEmpty { kind = .enterpriseDemand }
        let order = WorkOrder()
        order.id = rng.uuid()
        order.kind = kind
        order.jurisdictionCode = Self.cityCode
        order.submittedOn = submitted.description
        let deadline = clock.deadline(kind, submitted: submitted)
        order.deadline = deadline.description
        (order.detail, order.quantityGranted, order.answer, order.answerEvidence) = ("", "", "", "")
        order.requesterName = kind == .enterpriseDemand || kind == .complaint ? "演示企业" : "演示市投资促进局"
        if kind == .factorRequest {
            let project = rng.pick(projects)
            let factor = rng.pick([FactorType.land, .energy, .power, .environmental, .construction, .labour])
            (order.projectID, order.enterpriseName, order.category) = (project.id, project.enterpriseName, factor.rawValue)
            order.title = "申请" + factor.label(.zh)
            order.quantityAsked = factor == .energy ? "26.7万吨标煤" : factor == .labour ? "214人" : ""
            order.responsibleUnitID = ruleRows.first { $0.kind == kind && $0.category == factor.rawValue }?.unitID
        } else {
            (order.enterpriseName, order.category, order.quantityAsked) = ("", "", "")
            order.title = rng.pick(titles[kind] ?? ["事项"])
            order.responsibleUnitID = ruleRows.first { $0.kind == kind && $0.category.isEmpty }?.unitID
        }
        if order.responsibleUnitID == nil { order.responsibleUnitID = rng.pick(cast.responsible) }
        order.detail = order.title + "，请协调解决。"
        order.reopenCount = 0
        order.version = 1
        var log: [(String, CivilDate, String)] = [("submit", submitted, ""), ("route", submitted, "")]
        // one unit in four answers late; one item in seven is sent back once
        // and one in sixty sits for three months: the items a bulletin names
        let late = rng.next() % 4 == 0
        let stuck = rng.next() % 60 == 0
        let answerDay =
            stuck
            ? clock.calendar.adding(workingDays: 60, to: deadline)
            : late
                ? clock.calendar.adding(workingDays: 2 + Int(rng.next() % 6), to: deadline)
                : CivilDate(dayNumber: deadline.dayNumber - Int(rng.next() % 3))
        let signed = clock.calendar.adding(workingDays: 1, to: submitted)
        var (firstAnswer, reopenedOn): (CivilDate?, CivilDate?) = (nil, nil)
        if signed > today {
            order.status = .routed
        } else if answerDay > today {
            log += [("signFor", signed, ""), ("start", signed, "")]
            order.status = .inProgress
        } else {
            let answered = max(signed, answerDay)
            firstAnswer = answered
            log += [("signFor", signed, ""), ("answer", answered, "已协调解决。")]
            (order.status, order.answeredOn, order.answer) = (.answered, answered.description, "已协调解决。")
            order.answerEvidence = kind.answerNeedsEvidence ? "办理记录" : ""
            var verdict = clock.calendar.adding(workingDays: 3, to: answered)
            if rng.next() % 7 == 0, verdict <= today {
                (order.reopenCount, order.satisfied) = (1, false)
                log.append(("reopen", verdict, "问题未彻底解决。"))
                reopenedOn = verdict
                order.status = .inProgress
                let again = clock.calendar.adding(workingDays: 3, to: verdict)
                verdict = clock.calendar.adding(workingDays: 2, to: again)
                if again <= today {
                    log.append(("answer", again, "已再次协调，问题解决。"))
                    (order.status, order.answeredOn) = (.answered, again.description)
                }
            }
            if order.status == .answered, verdict <= today {
                log.append(("confirm", verdict, ""))
                (order.status, order.satisfied, order.closedOn) = (.closed, true, verdict.description)
                order.daysToClose = submitted.days(until: verdict)
            }
        }
        order.answeredLate = order.answeredOn.map { $0 > order.deadline } ?? false
        // the scan's steps, on the days it took them: while the item waited for its first answer, or
        // (for the rest) once it was sent back and waits again
        let waited = firstAnswer ?? CivilDate(dayNumber: today.dayNumber + 1)
        order.reminded = clock.reminderDay(deadline: deadline) < waited
        for step in WorkOrderClock.Escalation.allCases where step != .none {
            guard var day = clock.escalationDate(step, deadline: deadline) else { continue }
            if day >= waited {
                guard order.status == .inProgress, let reopened = reopenedOn else { break }
                day = max(day, reopened)
            }
            guard day <= today else { break }
            order.escalation = step
            log.append((step.rawValue, day, "超过期限 \(deadline)，\(step.label(.zh))"))
        }
        log = log.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
        var events: [WorkOrderEvent] = []
        for (sequence, entry) in log.enumerated() where entry.1 <= today {
            let event = WorkOrderEvent()
            event.id = rng.uuid()
            (event.workOrderID, event.sequence, event.step, event.onDate, event.note) = (
                order.id!, sequence + 1, entry.0, entry.1.description, entry.2
            )
            event.actorName =
                WorkOrderClock.Escalation(rawValue: entry.0) != nil
                ? "系统督办" : entry.0 == "submit" || entry.0 == "reopen" || entry.0 == "confirm" ? order.requesterName : "演示经办人"
            events.append(event)
        }
        return (order, events)
    }

    /// The demo leader linked to eight key enterprises, with six months of contacts and on-site
    /// offices; two have had no contact this month and one no on-site office this quarter.
    func createLinkages(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        let today = app.clock.today
        guard let leader = try await Person.query(on: db).filter(\.$login == "demo-leader").with(\.$unit).first() else { return }
        // eight attracted enterprises drawn across the registry (by their random ids: the first names
        // of the alphabet all begin alike)
        let enterprises = try await Enterprise.query(on: db).within(\.$regionCode, try JurisdictionCode(Self.cityCode))
            .filter(\.$attracted == true).sort(\.$id).limit(8).all()
        var links: [Linkage] = []
        var batch = PipelineBatch(today: today)
        for (index, enterprise) in enterprises.enumerated() {
            let link = Linkage()
            link.id = rng.uuid()
            (link.leaderID, link.enterpriseName, link.nameKey) = (leader.id!, enterprise.name, NameNormalizer.key(for: enterprise.name))
            (link.jurisdictionCode, link.since) = (Self.cityCode, CivilDate(dayNumber: today.dayNumber - 400).description)
            links.append(link)
            for monthsAgo in 0..<6 {
                // the first two enterprises wait for this month's contact
                if monthsAgo == 0, index < 2 { continue }
                let day = CivilDate(dayNumber: max(today.dayNumber - monthsAgo * 30 - Int(rng.next() % 20), today.dayNumber - 179))
                let visible =
                    monthsAgo == 0 ? CivilDate(year: today.year, month: today.month, day: min(today.day, 1 + Int(rng.next() % 20)))! : day
                let onSite = monthsAgo % 3 == 0 && index != 2
                batch.addActivity(
                    onSite ? .onSiteOffice : .call, enterprise.name, on: visible, person: leader.id!, unit: leader.$unit.id, &rng)
            }
        }
        try await links.create(on: db)
        try await batch.activities.create(on: db)
    }
}
