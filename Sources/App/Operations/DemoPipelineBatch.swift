import Domain
import Fluent
import Foundation
import Vapor

/// A thousand leads of the demo pipeline with everything that grew from them, written in one
/// transaction.
struct PipelineBatch: Sendable {
    var leads: [Lead] = []
    var reviews: [LeadReview] = []
    var opinions: [ReviewOpinion] = []
    var projects: [Project] = []
    var attractors: [ProjectAttractor] = []
    var reports: [StageReport] = []
    var funds: [FundsArrival] = []
    var activities: [Activity] = []
    /// The demo's today: next steps due before it are mostly done, the recent ones still open.
    let today: CivilDate

    func save(on db: any Database) async throws {
        try await leads.create(on: db)
        if !reviews.isEmpty { try await reviews.create(on: db) }
        if !opinions.isEmpty { try await opinions.create(on: db) }
        if !projects.isEmpty { try await projects.create(on: db) }
        if !attractors.isEmpty { try await attractors.create(on: db) }
        if !reports.isEmpty { try await reports.create(on: db) }
        if !funds.isEmpty { try await funds.create(on: db) }
        // PostgreSQL takes at most 65,535 binds a statement: a province batch's activities go in parts
        for start in stride(from: 0, to: activities.count, by: 3_000) {
            try await Array(activities[start..<min(activities.count, start + 3_000)]).create(on: db)
        }
    }

    mutating func addReview(of lead: Lead, panel: UUID, members: [UUID], _ rng: inout SeededRandom) {
        let review = LeadReview()
        review.id = rng.uuid()
        review.leadID = lead.id!
        review.panelID = panel
        review.startedOn = lead.respondedOn ?? lead.submittedOn
        review.recusedCodes = ""
        reviews.append(review)
        for (index, member) in members.prefix(2).enumerated() {
            let opinion = ReviewOpinion()
            opinion.id = rng.uuid()
            opinion.leadID = lead.id!
            opinion.memberID = member
            opinion.recommendation = .recommend
            opinion.scoreCodes = "industryFit=\(70 + rng.next() % 30),taxPerMu=\(60 + rng.next() % 40)"
            opinion.suggestedPark = ""
            opinion.comment = ""
            opinion.sequence = index + 1
            opinions.append(opinion)
        }
    }

    /// The project an accepted lead became, moved along the stages as far as its dates reach today.
    mutating func addProject(from lead: Lead, cast: DemoCity.Cast, today: CivilDate, _ rng: inout SeededRandom) {
        let accepted = CivilDate(lead.feedbackOn ?? lead.submittedOn) ?? today
        let project = Project()
        project.id = rng.uuid()
        project.leadID = lead.id!
        project.enterpriseName = lead.enterpriseName
        project.nameKey = lead.nameKey
        project.title = String(lead.enterpriseName.prefix(while: { $0 != "有" })) + "项目"
        project.industryCode = lead.industryCode
        project.jurisdictionCode = lead.jurisdictionCode
        project.investmentMinor = lead.investmentMinor
        project.investmentCurrency = lead.investmentCurrency
        project.hostUnitID = rng.pick(cast.hosts)
        project.hostStatus = rng.next() % 30 == 0 ? .declined : (accepted.days(until: today) < 10 ? .pending : .accepted)
        project.hostReason = project.hostStatus == .declined ? "园区用地指标不足，建议另择承接地。" : ""
        // the demo's amounts are in CNY: no rate is needed
        project.isMajor = (try? ProjectRules.isMajor(lead.investment, on: accepted, rates: ExchangeRates())) ?? false
        project.leaderID = project.isMajor ? cast.leader : nil
        project.taskForceID = project.isMajor && rng.next() % 4 == 0 ? cast.taskForce : nil
        project.acceptedOn = accepted.description
        project.version = 1
        addAttractors(project.id!, lead: lead, cast: cast, &rng)

        // how long each step takes, in days; the seed's [002] project did signing → production in 278
        var stage = ProjectStage.negotiating
        var since = accepted
        var signedOn: CivilDate?
        let steps: [(ProjectStage, ClosedRange<Int>, UInt64)] = [
            (.signed, 15...120, 72), (.started, 20...260, 65), (.built, 90...300, 70), (.producing, 20...120, 85),
        ]
        for (next, days, chance) in steps {
            guard rng.next() % 100 < chance else { break }
            let date = CivilDate(dayNumber: since.dayNumber + days.lowerBound + Int(rng.next() % UInt64(days.count)))
            guard date <= today else { break }
            addReport(project.id!, from: stage, to: next, on: date, reporter: lead.submitterID, cast: cast, today: today, &rng)
            if next == .signed { signedOn = date }
            stage = next
            since = date
        }
        if stage == .negotiating, accepted.days(until: today) > 240 {
            // talks that went nowhere are closed, as a bureau closes them: "many signed, few landed"
            let date = CivilDate(dayNumber: accepted.dayNumber + 90 + Int(rng.next() % 150))
            addReport(project.id!, from: stage, to: .terminated, on: date, reporter: lead.submitterID, cast: cast, today: today, &rng)
            stage = .terminated
            since = date
        } else if stage != .producing, rng.next() % 100 < 8 {
            let date = CivilDate(dayNumber: min(today.dayNumber, since.dayNumber + 30 + Int(rng.next() % 90)))
            let side: ProjectStage = rng.next() % 2 == 0 ? .onHold : .terminated
            addReport(project.id!, from: stage, to: side, on: date, reporter: lead.submitterID, cast: cast, today: today, &rng)
            project.heldAt = side == .onHold ? stage : nil
            stage = side
            since = date
        }
        project.stage = stage
        project.stageSince = since.description
        var lastActivity = since
        if let signedOn {
            // 签约: the contract is the intended investment, give or take; then money arrives in parts
            let contract = lead.investmentMinor * Int64(80 + rng.next() % 60) / 100
            if let signing = reports.reversed().prefix(while: { $0.projectID == project.id }).first(where: { $0.toStage == .signed }) {
                (signing.contractMinor, signing.contractCurrency) = (contract, "CNY")
            }
            project.isMajor =
                project.isMajor || ((try? ProjectRules.isMajor(Money(minorUnits: contract), on: signedOn, rates: ExchangeRates())) ?? false)
            project.leaderID = project.isMajor ? cast.leader : nil
            // money arrives once construction has started (开工), never on the day of signing
            let started = reports.reversed().prefix(while: { $0.projectID == project.id }).first { $0.toStage == .started }
                .flatMap { CivilDate($0.occurredOn) }
            lastActivity =
                addFunds(
                    project.id!, contract: contract, signed: signedOn, started: started, until: stage == .terminated ? since : today,
                    reporter: lead.submitterID, cast: cast, &rng) ?? since
        }
        // what is counted and what is only reported, from the reports as the product keeps them
        // (this project's reports are the last ones added)
        ProjectFactsStore.apply(Array(reports.reversed().prefix { $0.projectID == project.id }), to: project)
        if stage != .terminated, stage != .producing {
            // visits and calls keep most live projects warm; about one in five has gone quiet
            lastActivity = max(lastActivity, CivilDate(dayNumber: today.dayNumber - Int(rng.next() % 76)))
        }
        project.lastActivityOn = max(lastActivity, since).description
        if stage != .terminated, stage != .producing, let last = CivilDate(project.lastActivityOn), last > since {
            // the last contact on record is the one that keeps the project warm
            addActivity(
                rng.next() % 3 == 0 ? .call : .enterpriseVisit, lead.enterpriseName, on: last, person: lead.submitterID,
                unit: lead.submitterUnitID, project: project.id, &rng)
        }
        projects.append(project)
    }

    /// What came of a visit, and the next step it set (none when the enterprise has no plans).
    static let outcomes: [(String, String)] = [
        ("了解企业扩产计划", "报送企业扩产需求至承接园区"), ("介绍园区载体和政策", "寄送园区载体和政策汇编"),
        ("企业有投资意向，待考察", "安排企业高管来本市考察"), ("协调用地和能耗指标", "会同自然资源部门踏勘地块"),
        ("企业暂无投资计划", ""), ("企业暂无投资计划", ""),
    ]

    /// An activity of `person` (of `unit`) with `counterpart` on `date`.
    mutating func addActivity(
        _ kind: ActivityKind, _ counterpart: String, on date: CivilDate, person: UUID, unit: UUID, project: UUID? = nil,
        _ rng: inout SeededRandom
    ) {
        let activity = Activity()
        activity.id = rng.uuid()
        activity.kind = kind
        activity.occurredOn = date.description
        activity.city = rng.pick(["深圳", "上海", "苏州", "东莞", "本市", "本市", "本市"])
        activity.participants = ""
        activity.counterpart = counterpart
        activity.counterpartKey = counterpart.isEmpty ? "" : NameNormalizer.key(for: counterpart)
        activity.projectID = project
        // one draw of the demo's stream, as before next steps were kept (the rest of the city stays
        // as it was); the step's own dates come of a generator seeded by that draw
        let draw = rng.next()
        let (outcome, next) = Self.outcomes[Int(draw % UInt64(Self.outcomes.count))]
        var local = SeededRandom(seed: draw)
        activity.outcome = outcome
        activity.nextStep = next
        // a next step falls due one to three weeks on; those older than two months were all done,
        // the recent ones mostly so, and what is left is the cadres' open to-dos (a few late)
        if !next.isEmpty {
            let due = CivilDate(dayNumber: date.dayNumber + 7 + Int(local.next() % 15))
            activity.nextDue = due.description
            let settled = due.dayNumber < today.dayNumber - 60 || (due < today && local.next() % 5 != 0)
            activity.nextDoneOn =
                settled ? CivilDate(dayNumber: max(date.dayNumber, due.dayNumber - Int(local.next() % 5))).description : nil
        } else {
            (activity.nextDue, activity.nextDoneOn) = (nil, nil)
        }
        activity.ownerID = person
        activity.unitID = unit
        activity.jurisdictionCode = DemoCity.cityCode
        activities.append(activity)
    }

    mutating func addAttractors(_ project: UUID, lead: Lead, cast: DemoCity.Cast, _ rng: inout SeededRandom) {
        var shares = [(lead.submitterID, lead.submitterUnitID, 10_000)]
        if rng.next() % 5 == 0 {
            let other = rng.pick(cast.cadres)
            if other.person != lead.submitterID {
                shares = [(lead.submitterID, lead.submitterUnitID, 6_000), (other.person, other.unit, 4_000)]
            }
        }
        for (person, unit, points) in shares {
            let row = ProjectAttractor()
            row.id = rng.uuid()
            row.projectID = project
            row.personID = person
            row.unitID = unit
            row.basisPoints = points
            attractors.append(row)
        }
    }

    mutating func addReport(
        _ project: UUID, from: ProjectStage, to: ProjectStage, on date: CivilDate, reporter: UUID, cast: DemoCity.Cast, today: CivilDate,
        _ rng: inout SeededRandom
    ) {
        let report = StageReport()
        report.id = rng.uuid()
        report.projectID = project
        report.sequence = reports.filter { $0.projectID == project }.count + 1
        report.fromStage = from
        report.toStage = to
        report.occurredOn = date.description
        report.reason = to == .onHold ? "企业融资进度放缓，暂缓推进。" : to == .terminated ? "企业战略调整，项目终止。" : ""
        report.evidence = to == .signed ? "投资合同" : to == .started ? "施工许可证" : to == .built ? "竣工验收备案" : ""
        report.reportedBy = reporter
        report.reportedOn = date.description
        // every row of a batch insert names the same columns
        (report.contractMinor, report.contractCurrency) = (nil, nil)
        // the bureau verifies within a month; the last month's reports are still waiting
        if date.days(until: today) > 30 {
            report.verifiedBy = cast.verifier
            report.verifiedOn = CivilDate(dayNumber: date.dayNumber + 7 + Int(rng.next() % 14)).description
        }
        reports.append(report)
    }

    /// One to three arrivals once construction has started (none before 开工); one project in twenty brings foreign capital in USD.
    mutating func addFunds(
        _ project: UUID, contract: Int64, signed: CivilDate, started: CivilDate?, until end: CivilDate, reporter: UUID,
        cast: DemoCity.Cast, _ rng: inout SeededRandom
    ) -> CivilDate? {
        let span = signed.days(until: end)
        guard span > 10 else { return nil }
        let foreign = rng.next() % 20 == 0
        var last: CivilDate?
        for part in 0..<Int(1 + rng.next() % 3) {
            // drawn as from the signing (the stream stays as it was), then counted from 开工
            let drawn = 10 + Int(rng.next() % UInt64(span - 9))
            let share = contract * Int64(10 + rng.next() % 25) / 100
            let entry = FundsArrival()
            entry.id = rng.uuid()
            guard let started else { continue }
            let date = CivilDate(dayNumber: started.dayNumber + drawn)
            guard date <= end else { continue }
            entry.projectID = project
            entry.arrivedOn = date.description
            // USD at about 7.1 yuan, rounded to 万美元
            entry.amountMinor = foreign ? max(1, share * 10 / 71 / 1_000_000) * 1_000_000 : share / 1_000_000 * 1_000_000
            entry.currency = foreign ? "USD" : "CNY"
            entry.isForeign = foreign
            entry.evidence = "银行进账单 \(part + 1)"
            entry.reportedBy = reporter
            if date.days(until: end) > 30 {
                entry.verifiedBy = cast.verifier
                entry.verifiedOn = CivilDate(dayNumber: date.dayNumber + 10).description
            }
            funds.append(entry)
            last = max(last ?? date, date)
        }
        return last
    }
}
