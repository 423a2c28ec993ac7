import Domain
import Fluent
import Foundation
import Vapor

/// A project's life after 入库: stage reports and their verification, the host unit's answer.
/// Money is in `ProjectService+Funds.swift`. Every change is audited in its own transaction.
struct ProjectService {
    let request: Request

    /// A project the user may reach (`AccessPolicy` `.readProject`), or 404: the bureau, leaders
    /// and inspectors reach their jurisdiction's; everyone else the projects they or their unit
    /// have a part in — a district park hosting a city project works on it all the same.
    /// With a `deed`, the user must also be allowed it on this project (403 otherwise): the ties
    /// are read once for both questions.
    /// `db`: where to read it, when not the request's own connection (an import's transaction).
    func find(
        _ id: UUID, for action: AccessPolicy.Action = .read, deed: AccessPolicy.Deed? = nil, on db: (any Database)? = nil
    ) async throws -> Project {
        _ = try request.authorize(action, .project)
        let db = db ?? request.db
        guard let project = try await Project.read(id, on: db) else { throw AppError.notFound }
        try gate(project, owners: try await Self.owners(of: project, on: db), action, deed)
        return project
    }

    /// The project with its whole record (the page's one read): the record's own attractors and
    /// coordinators decide the ties, so they are read once.
    func findRecord(_ id: UUID) async throws -> ProjectRecord {
        _ = try request.authorize(.read, .project)
        guard let project = try await Project.read(id, on: request.db) else { throw AppError.notFound }
        let record = try await ProjectRecord.load(project, on: request.db)
        try gate(project, owners: record.owners, .read, nil)
        return record
    }

    /// 404 unless the user may reach the project; 403 when a `deed` is asked and refused.
    private func gate(_ project: Project, owners: ProjectRules.Owners, _ action: AccessPolicy.Action, _ deed: AccessPolicy.Deed?) throws {
        let user = try request.requireUser()
        var ties = owners.ties(person: user.personID.uuidString, unit: user.unitID.uuidString)
        if (try? request.authorize(action, .project, in: project.jurisdictionCode)) != nil { ties.insert(.withinJurisdiction) }
        // the bureau's own acts (manage) stay within its jurisdiction, whatever the ties
        guard AccessPolicy.may(user.roles, .readProject, ties: ties), action != .manage || ties.contains(.withinJurisdiction) else {
            throw AppError.notFound
        }
        if let deed, !AccessPolicy.may(user.roles, deed, ties: ties) { throw Self.refusal(deed) }
    }

    /// How a refused deed on a project is said.
    static func refusal(_ deed: AccessPolicy.Deed) -> AppError {
        switch deed {
        case .reportOnProject:
            AppError(
                code: "not_accountable", status: .forbidden, zh: "只有招商人、承接单位、包保领导或投促局可以报送该项目的进度。",
                en: "Only the project's attractors, host unit, leader or the bureau report on it.")
        case .answerAsHost: AppError(code: "not_host", status: .forbidden, zh: "只有承接单位可以答复承接。", en: "Only the host unit answers.")
        default: AppError.forbidden
        }
    }

    /// Attractors and coordinating units in one round trip, as plain ids (every project page and
    /// every write asks this before anything else).
    static func owners(of project: Project, on db: any Database) async throws -> ProjectRules.Owners {
        struct Row: Decodable { var kind: String, who: UUID }
        let id = try project.requireID()
        let rows = try await db.sql.raw(
            """
            SELECT 'attractor' AS kind, person_id AS who FROM project_attractors WHERE project_id = \(bind: id)
            UNION ALL SELECT 'coordinator' AS kind, unit_id AS who FROM project_coordinators WHERE project_id = \(bind: id)
            """
        ).all(decoding: Row.self)
        return ProjectRules.Owners(
            attractors: Set(rows.filter { $0.kind == "attractor" }.map(\.who.uuidString)), hostUnit: project.hostUnitID.uuidString,
            coordinators: Set(rows.filter { $0.kind == "coordinator" }.map(\.who.uuidString)), leader: project.leaderID?.uuidString)
    }

    /// The project, if the user answers for it (attractor, host unit, leader, or the bureau).
    func findForReporting(_ id: UUID, on db: (any Database)? = nil) async throws -> Project {
        try await find(id, for: .write, deed: .reportOnProject, on: db)
    }

    struct StageInput: Sendable {
        var to: ProjectStage
        var occurredOn: CivilDate?
        var reason: String
        var evidence: String
        /// Required when the project is signed.
        var contract: Money?
        /// A file proving the stage, kept with the report.
        var file: EvidenceUpload? = nil
    }

    func reportStage(_ id: UUID, _ input: StageInput, basedOn version: Int) async throws -> StageReport {
        let project = try await findForReporting(id)
        // a report based on an older version is a conflict before anything else is judged
        _ = try VersionCheck.next(editing: version, current: project.version)
        let write = try stageWrite(project, input, rates: try await ExchangeRate.table(request))
        return try await request.writeTransaction { db in
            try await Versioned.claim(Project.schema, id: id, expected: version, on: db)
            guard let fresh = try await Project.find(id, on: db) else { throw AppError.notFound }
            return try await write(fresh, db)
        }
    }

    /// The report checked against the stage machine, its date and the money rules on `project` as
    /// read, as the write that records it on `db` for the project as it stands there (the form's
    /// own transaction, or an import's, which reports a ledger's stages one after another).
    func stageWrite(_ project: Project, _ input: StageInput, rates: ExchangeRates) throws
        -> @Sendable (Project, any Database) async throws -> StageReport
    {
        let id = try project.requireID()
        let user = try request.requireUser()
        let today = request.clock.today
        var errors: [String: AppError.Message] = [:]
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = input.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count > 500 || reason.hasControlCharacters { errors["reason"] = .tooLong("理由", "Reason", 500) }
        if evidence.count > 500 || evidence.hasControlCharacters { errors["evidence"] = .tooLong("佐证材料", "Evidence", 500) }
        if input.occurredOn == nil { errors["occurredOn"] = .required("发生日期（如 2022-04-28）", "The date") }
        if input.to == .signed, (input.contract?.minorUnits ?? 0) <= 0 {
            errors["contract"] = .required("合同投资额", "The contract amount")
        }
        if let contract = input.contract, contract.minorUnits > ProjectRules.largestEntry {
            errors["contract"] = .init(zh: "金额过大，请核对单位（万元/亿元）。", en: "Amount too large; check the unit.")
        }
        guard errors.isEmpty, let date = input.occurredOn else { throw AppError.validation(errors) }
        do {
            try StageMachine.check(
                from: project.stage, to: input.to, heldAt: project.heldAt, reason: reason,
                byBureau: AccessPolicy.may(user.roles, .correctStage))
        } catch { throw Self.message(error) }
        do { try ProjectRules.checkStageDate(date, after: project.stage, since: CivilDate(project.stageSince), today: today) } catch {
            throw Self.message(error)
        }
        // a contract is judged against the major threshold in CNY at the signing month's rate: the
        // rate must exist now (named on the field), the judgement waits for the bureau's verification
        if input.to == .signed, let contract = input.contract {
            do { _ = try rates.requireCNY(contract, on: date) } catch { throw MoneyInput.missingRate(error, field: "contract") }
        }
        let actor = request.auditActor
        let millis = request.clock.millis
        return { fresh, db in
            let before = ProjectDTO.Summary(fresh)
            let earlier = try await StageReport.query(on: db).filter(\.$projectID == id).sort(\.$sequence).all()
            let last = earlier.last
            let report = StageReport()
            report.id = UUID()
            report.projectID = id
            report.sequence = (last?.sequence ?? 0) + 1
            report.fromStage = fresh.stage
            report.toStage = input.to
            report.occurredOn = date.description
            report.reason = reason
            report.evidence = evidence
            report.reportedBy = user.personID
            report.reportedOn = today.description
            if input.to == .signed, let contract = input.contract {
                (report.contractMinor, report.contractCurrency) = (contract.minorUnits, contract.currency.rawValue)
            }
            try await report.create(on: db)
            fresh.heldAt = input.to == .onHold ? fresh.stage : nil
            fresh.stage = input.to
            fresh.stageSince = date.description
            fresh.lastActivityOn = max(fresh.lastActivityOn, today.description)
            // the reported signing follows the reports: a correction back to 在谈 withdraws it
            ProjectFactsStore.apply(earlier + [report], to: fresh)
            try await StaleTallies.mark(lead: fresh.leadID, on: db)
            try await fresh.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "project.stage", objectType: "project", objectID: id.uuidString, before: before,
                after: ProjectDTO.Stage(report), at: millis)
            if let file = input.file {
                _ = try await file.insert(
                    project: id, entry: .stage(report.id!), by: user.personID, on: today, actor: actor, millis: millis, db: db)
            }
            return report
        }
    }

    /// 核验: the bureau confirms a reported stage; only verified stages count. Nobody verifies
    /// their own report.
    func verifyStage(_ id: UUID, report reportID: UUID) async throws {
        let user = try request.requireUser()
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today.description
        let rates = try await ExchangeRate.table(request)
        let found = try await find(id, for: .manage)
        let threshold = try await SettingsService.inEffect(request, for: found.jurisdictionCode, on: request.clock.today).majorThreshold
        try await request.writeTransaction { db in
            guard let project = try await Project.find(id, on: db) else { throw AppError.notFound }
            guard
                let report = try await VerificationFlow.verify(StageReport.self, reportID, of: id, by: user.personID, on: today, db: db)
            else { return }
            ProjectFactsStore.apply(try await StageReport.query(on: db).filter(\.$projectID == id).all(), to: project)
            // the funnel counts verified signings and production by the lead's unit and year
            try await StaleTallies.mark(lead: project.leadID, on: db)
            // a verified contract at or above the jurisdiction's threshold makes the project major
            // (a reported one does not: like every figure, the threshold reads what was verified)
            if let minor = project.verifiedContractMinor, let signed = project.verifiedSignedOn.flatMap(CivilDate.init) {
                let contract = Money(minorUnits: minor, currency: Currency(rawValue: project.verifiedContractCurrency ?? "") ?? .cny)
                do throws(ExchangeRates.MissingRate) {
                    project.isMajor = try ProjectRules.isMajor(contract, on: signed, rates: rates, threshold: threshold) || project.isMajor
                } catch {
                    throw MoneyInput.missingRate(error, field: "report")
                }
            }
            project.version += 1
            try await project.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "project.verify", objectType: "project", objectID: id.uuidString,
                after: ["report": reportID.uuidString, "stage": report.toStage.rawValue, "occurredOn": report.occurredOn], at: millis)
        }
    }

    /// The host unit accepts the project or declines it with a reason; a decline lands on the
    /// bureau's list until it names another host.
    func answerAsHost(_ id: UUID, accept: Bool, reason raw: String, basedOn version: Int) async throws {
        _ = try await find(id, for: .write, deed: .answerAsHost)
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if !accept, reason.isEmpty || reason.count > 500 || reason.hasControlCharacters {
            throw AppError.field("reason", zh: "不承接须说明理由（不超过 500 字），投促局将另行协调。", en: "A decline needs a reason.")
        }
        try await change(id, version: version, action: accept ? "project.host.accept" : "project.host.decline") { project in
            guard project.hostStatus == .pending else {
                throw AppError(code: "invalid_state", status: .conflict, zh: "承接单位已答复。", en: "The host has answered already.")
            }
            project.hostStatus = accept ? .accepted : .declined
            project.hostReason = reason
        }
    }

    /// After a decline the bureau names another host, who must answer in turn.
    func reassignHost(_ id: UUID, to unitID: UUID, basedOn version: Int) async throws {
        let project = try await find(id, for: .manage)
        let scope = try JurisdictionCode(project.jurisdictionCode)
        guard let unit = try await Unit.find(unitID, on: request.db), unit.id != project.hostUnitID, unit.dissolvedOn == nil,
            let code = try? JurisdictionCode(unit.jurisdictionCode), scope.contains(code)
        else { throw AppError.field("hostUnit", zh: "请选择本辖区的另一承接单位。", en: "Choose another host of this jurisdiction.") }
        try await change(id, version: version, action: "project.host.reassign") { project in
            project.hostUnitID = unitID
            project.hostStatus = .pending
            project.hostReason = ""
        }
    }

    /// The bureau names (or changes) the responsible leader (包保领导), e.g. when a contract makes a
    /// project major.
    func assignLeader(_ id: UUID, leader leaderID: UUID, basedOn version: Int) async throws {
        let project = try await find(id, for: .manage)
        let scope = try JurisdictionCode(project.jurisdictionCode)
        guard let person = try await Person.query(on: request.db).filter(\.$id == leaderID).with(\.$unit).first(),
            Self.mayLead(person, project: scope)
        else { throw AppError.field("leader", zh: Self.leaderOutOfReach.zh, en: Self.leaderOutOfReach.en) }
        try await change(id, version: version, action: "project.leader") { $0.leaderID = leaderID }
    }

    /// What the route gate asks before a project route reads its body (`RouteGates`).
    static func installGate(_ app: Application) {
        app.objectGates.checks["project"] = { request, id, gate in
            _ = try await ProjectService(request: request).find(id, for: gate.action, deed: gate.deed)
        }
    }

    /// Whether the person may be the project's responsible leader (包保领导), by `AccessPolicy`.
    static func mayLead(_ person: Person, project: JurisdictionCode) -> Bool {
        guard let code = try? JurisdictionCode(person.unit.jurisdictionCode) else { return false }
        return AccessPolicy.mayBeResponsibleLeader(roles: person.roles, leaderScope: code, project: project)
    }

    static let leaderOutOfReach = AppError.Message(
        zh: "包保领导须为本辖区或上级辖区的领导。", en: "The responsible leader must lead this jurisdiction or one enclosing it.")

    func change(_ id: UUID, version: Int, action: String, _ apply: @escaping @Sendable (Project) throws -> Void) async throws {
        let actor = request.auditActor
        let millis = request.clock.millis
        try await request.writeTransaction { db in
            try await Versioned.claim(Project.schema, id: id, expected: version, on: db)
            guard let project = try await Project.find(id, on: db) else { throw AppError.notFound }
            let before = ProjectDTO.Summary(project)
            try apply(project)
            try await project.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: action, objectType: "project", objectID: id.uuidString, before: before,
                after: ProjectDTO.Summary(project), at: millis)
        }
    }

}
