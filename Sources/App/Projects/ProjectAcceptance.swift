import Domain
import Fluent
import Foundation
import Vapor

/// 入库: the panel's chair (or the bureau) accepts a reviewed lead; it becomes a project in
/// `negotiating` with its three accountable roles, in one transaction with the lead's closing.
struct ProjectAcceptance {
    let request: Request

    struct Input: Sendable {
        var title: String
        var hostUnitID: UUID?
        var attractors: [(person: UUID, basisPoints: Int)]
        var coordinators: [UUID]
        var leaderID: UUID?
        var taskForceID: UUID?
        /// 补录: the day the project was really accepted, for a history entered from a ledger
        /// (default today).
        var acceptedOn: CivilDate? = nil
    }

    func accept(_ leadID: UUID, _ input: Input, basedOn version: Int) async throws -> Project {
        // the chair may be an outside expert (reviewer): the decision is checked against the panel below
        let user = try request.authorize(.read, .project)
        let lead = try await LeadService(request: request).find(leadID)
        guard let review = try await ReviewService(request: request).state(of: leadID) else {
            throw AppError(
                code: "not_reviewed", status: .conflict, zh: "线索须先经预审专班评议，才能入库。", en: "A lead is accepted only after a panel review.")
        }
        guard AccessPolicy.may(user.roles, .decideLead, ties: review.panel.chairID == user.personID ? .panelChair : []) else {
            throw AppError.forbidden
        }
        guard review.tally.quorumMet else {
            throw AppError(
                code: "no_quorum", status: .conflict, zh: "预审意见尚未达到法定人数，不能入库。", en: "The panel has not reached its quorum.")
        }
        let scope = try JurisdictionCode(lead.jurisdictionCode)
        let prepared = try await prepared(for: scope)
        let checked = try await Self.check(input, investment: lead.investment, scope: scope, prepared, on: request.db)
        let acceptedOn = try Self.acceptanceDate(input.acceptedOn, user: user, today: prepared.today)
        return try await request.writeTransaction { db in
            try await Versioned.claim(Lead.schema, id: leadID, expected: version, on: db)
            guard let fresh = try await Lead.find(leadID, on: db), fresh.status.isOpen else {
                throw AppError(code: "invalid_state", status: .conflict, zh: "该线索已办结。", en: "This lead is closed.")
            }
            return try await Self.insert(lead: fresh, checked, input, acceptedOn: acceptedOn, prepared, on: db)
        }
    }

    /// What an acceptance reads besides its input, before its transaction: the rate table and the
    /// rules of the jurisdiction in effect today. An import reads it once for all its rows.
    struct Prepared: Sendable {
        var rates: ExchangeRates
        var settings: JurisdictionSettings
        var today: CivilDate
        var actor: AuditActor
        var millis: Int64
    }

    func prepared(for scope: JurisdictionCode) async throws -> Prepared {
        let today = request.clock.today
        return Prepared(
            rates: try await ExchangeRate.table(request),
            settings: try await SettingsService.inEffect(request, for: scope.value, on: today),
            today: today, actor: request.auditActor, millis: request.clock.millis)
    }

    /// The project made of an open lead on `db`, with its attractors and coordinators; the lead
    /// closes as accepted. A past `acceptedOn` (补录) is audited as back-filled.
    static func insert(
        lead fresh: Lead, _ checked: Checked, _ input: Input, acceptedOn: CivilDate, _ prepared: Prepared, id: UUID = UUID(),
        on db: any Database
    ) async throws -> Project {
        let today = prepared.today.description
        let backFilled = BackFill.isBackFilled(happened: acceptedOn, recorded: prepared.today)
        let project = Project()
        project.id = id
        project.leadID = try fresh.requireID()
        project.enterpriseID = fresh.enterpriseID
        project.enterpriseName = fresh.enterpriseName
        project.nameKey = fresh.nameKey
        project.uscc = fresh.uscc
        project.title = checked.title
        project.industryCode = fresh.industryCode
        project.jurisdictionCode = fresh.jurisdictionCode
        project.investmentMinor = fresh.investmentMinor
        project.investmentCurrency = fresh.investmentCurrency
        project.stage = .negotiating
        project.stageSince = acceptedOn.description
        project.verifiedStage = .negotiating
        project.hostUnitID = checked.host
        project.hostStatus = .pending
        project.hostReason = ""
        project.leaderID = input.leaderID
        project.taskForceID = input.taskForceID
        project.isMajor = checked.isMajor
        project.acceptedOn = acceptedOn.description
        project.recordedOn = today
        project.lastActivityOn = today
        project.version = 1
        try await project.create(on: db)
        for (person, unit, share) in checked.attractors {
            let row = ProjectAttractor()
            row.projectID = project.id!
            row.personID = person
            row.unitID = unit
            row.basisPoints = share
            try await row.create(on: db)
        }
        for unit in Set(input.coordinators) {
            let row = ProjectCoordinator()
            row.projectID = project.id!
            row.unitID = unit
            try await row.create(on: db)
        }
        fresh.status = .accepted
        let closedOn =
            CivilDate(fresh.submittedOn).map { BackFill.leadClosedOn(submitted: $0, accepted: acceptedOn, today: prepared.today) }?
            .description ?? today
        fresh.assessedOn = fresh.assessedOn ?? closedOn
        fresh.feedbackOn = fresh.feedbackOn ?? closedOn
        fresh.respondedOn = fresh.respondedOn ?? closedOn
        try await fresh.update(on: db)
        try await StaleTallies.mark(lead: fresh.id, on: db)
        try await AuditLog.append(
            on: db, by: prepared.actor, action: backFilled ? "project.accept.backfill" : "project.accept", objectType: "project",
            objectID: project.id!.uuidString, after: ProjectDTO.Summary(project), at: prepared.millis)
        return project
    }

    /// The typed acceptance date (`2022-03-01`), nil when left empty.
    static func typedDate(_ raw: String?) throws -> CivilDate? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let date = CivilDate(text) else {
            throw AppError.field("acceptedOn", zh: "入库日期写作 2022-03-01。", en: "Write the date as 2022-03-01.")
        }
        return date
    }

    /// The acceptance's date: today, or a past day the bureau records (补录); never a future day
    /// nor one before 2000.
    static func acceptanceDate(_ typed: CivilDate?, user: CurrentUser, today: CivilDate) throws -> CivilDate {
        guard let typed else { return today }
        do { try BackFill.checkPastDate(typed, today: today) } catch { throw refusal(error) }
        if BackFill.isBackFilled(happened: typed, recorded: today), !AccessPolicy.may(user.roles, .backFill) {
            throw AppError.field(
                "acceptedOn", zh: "补录历史项目（入库日期早于 \(BackFill.graceDays) 天前）由投促局办理。",
                en: "Back-filling a past project is the bureau's.")
        }
        return typed
    }

    /// An acceptance day refused, in words, on the `acceptedOn` field (the form's and the ledger's).
    static func refusal(_ problem: BackFill.Problem) -> AppError {
        switch problem {
        case .inFuture: AppError.field("acceptedOn", zh: "入库日期不能晚于今天。", en: "The acceptance date cannot be in the future.")
        case .tooEarly: AppError.field("acceptedOn", zh: "入库日期不能早于 2000-01-01。", en: "The acceptance date cannot precede 2000-01-01.")
        case .notHistory:
            AppError.field(
                "acceptedOn", zh: "入库日期在 \(BackFill.graceDays) 天之内：新项目请提交线索，经预审专班评议后入库；台账只补录历史项目。",
                en: "Accepted this week: a new project goes through the panel; a ledger records history only.")
        }
    }

    struct Checked {
        var title: String
        var host: UUID
        var attractors: [(UUID, UUID, Int)]
        var isMajor: Bool
    }

    /// Every field of the acceptance, checked against the jurisdiction; all problems at once.
    static func check(_ input: Input, investment: Money, scope: JurisdictionCode, _ prepared: Prepared, on db: any Database)
        async throws -> Checked
    {
        var errors: [String: AppError.Message] = [:]
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 80 || title.hasControlCharacters {
            errors["title"] = .required("项目名称（不超过 80 字）", "Title (at most 80)")
        }
        do { try CreditSplit.validate(input.attractors.map { ($0.person, $0.basisPoints) }) } catch {
            errors["attractors"] = Self.message(error)
        }
        let units = try await Unit.query(on: db).filter(
            \.$id ~~ ([input.hostUnitID, input.taskForceID].compactMap { $0 } + input.coordinators)
        )
        .all()
        func unit(_ id: UUID?) -> Unit? { units.first { $0.id == id } }
        func inScope(_ unit: Unit) -> Bool { (try? JurisdictionCode(unit.jurisdictionCode)).map(scope.contains) ?? false }
        let host = unit(input.hostUnitID)
        if host == nil || !inScope(host!) || host!.dissolvedOn != nil {
            errors["hostUnit"] = .init(zh: "承接单位须为本辖区的在册单位（园区或乡镇）。", en: "The host must be a unit of this jurisdiction.")
        }
        if input.coordinators.contains(where: { unit($0).map(inScope) != true }) {
            errors["coordinators"] = .init(zh: "协同单位须为本辖区单位。", en: "Coordinating units must be of this jurisdiction.")
        }
        if let taskForce = input.taskForceID, unit(taskForce).map({ $0.kind == .taskForce && inScope($0) }) != true {
            errors["taskForce"] = .init(zh: "请选择本辖区的项目专班。", en: "Choose a task force of this jurisdiction.")
        }
        let people = try await Person.query(on: db).filter(\.$id ~~ (input.attractors.map(\.person) + [input.leaderID].compactMap { $0 }))
            .with(\.$unit).all()
        let peopleInScope = people.filter { inScope($0.unit) }
        if input.attractors.contains(where: { a in !peopleInScope.contains { $0.id == a.person } }), errors["attractors"] == nil {
            errors["attractors"] = .init(zh: "招商人须为本辖区人员。", en: "Attractors must be people of this jurisdiction.")
        }
        // the jurisdiction's threshold compares in CNY at this month's rate; a missing rate is named
        let settings = prepared.settings
        let isMajor: Bool
        do {
            isMajor = try ProjectRules.isMajor(investment, on: prepared.today, rates: prepared.rates, threshold: settings.majorThreshold)
        } catch {
            throw MoneyInput.missingRate(error, field: "leader")
        }
        if let leader = input.leaderID {
            if people.first(where: { $0.id == leader }).map({ ProjectService.mayLead($0, project: scope) }) != true {
                errors["leader"] = ProjectService.leaderOutOfReach
            }
        } else if isMajor {
            let threshold = ChineseAmount.format(settings.majorThreshold)
            errors["leader"] = .init(
                zh: "投资额 \(threshold)以上的重大项目须明确包保领导。", en: "A major project (≥ \(threshold)) needs a responsible leader.")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let attractors = input.attractors.map { a in (a.person, peopleInScope.first { $0.id == a.person }!.$unit.id, a.basisPoints) }
        return Checked(title: title, host: host!.id!, attractors: attractors, isMajor: isMajor)
    }

    static func message(_ problem: CreditSplit.Problem) -> AppError.Message {
        switch problem {
        case .noAttractor: .init(zh: "请至少填写一名招商人。", en: "Name at least one attractor.")
        case .shareOutOfRange: .init(zh: "每人分成应在 0.01% 与 100% 之间。", en: "Each share lies between 0.01% and 100%.")
        case .duplicateAttractor: .init(zh: "同一招商人不能重复填写。", en: "An attractor appears twice.")
        case .sumIsNot100(let sum):
            .init(
                zh: "招商人分成合计应为 100%，现为 \(Percent.text(Int64(sum / 10)))。",
                en: "Shares must sum to 100%; they sum to \(Percent.text(Int64(sum / 10))).")
        }
    }
}
