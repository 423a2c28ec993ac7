import Domain
import Fluent
import Foundation
import Vapor

/// The funds-arrival ledger and the rate table, and the messages for refused stage changes.
extension ProjectService {
    struct FundsInput: Sendable {
        var arrivedOn: CivilDate?
        var amount: Money?
        var isForeign: Bool
        var evidence: String
        /// A file proving the arrival (a bank slip), kept with the entry.
        var file: EvidenceUpload? = nil
    }

    func recordFunds(_ id: UUID, _ input: FundsInput) async throws -> FundsArrival {
        let write = try fundsWrite(try await findForReporting(id), input)
        return try await request.writeTransaction(write)
    }

    /// The entry checked against the money rules, as the write that records it on `db` (the form's
    /// own transaction, or an import's); the project is one the user may report on.
    func fundsWrite(_ project: Project, _ input: FundsInput) throws -> @Sendable (any Database) async throws -> FundsArrival {
        let id = try project.requireID()
        let user = try request.requireUser()
        let today = request.clock.today
        var errors: [String: AppError.Message] = [:]
        let evidence = input.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        if evidence.count > 500 || evidence.hasControlCharacters { errors["evidence"] = .tooLong("佐证材料", "Evidence", 500) }
        if input.arrivedOn == nil { errors["arrivedOn"] = .required("到位日期", "The date") }
        if input.amount == nil { errors["amount"] = .required("到位金额（如 4389万）", "The amount") }
        guard errors.isEmpty, let date = input.arrivedOn, let amount = input.amount else { throw AppError.validation(errors) }
        do {
            try ProjectRules.checkFunds(
                stage: project.stage, heldAt: project.heldAt, signedOn: project.signedOn.flatMap(CivilDate.init), amount: amount,
                arrivedOn: date, today: today)
        } catch { throw Self.message(error) }
        let actor = request.auditActor
        let millis = request.clock.millis
        return { db in
            let entry = FundsArrival()
            entry.id = UUID()
            entry.projectID = id
            entry.arrivedOn = date.description
            entry.recordedOn = today.description
            entry.amountMinor = amount.minorUnits
            entry.currency = amount.currency.rawValue
            entry.isForeign = input.isForeign || amount.currency != .cny
            entry.evidence = evidence
            entry.reportedBy = user.personID
            try await entry.create(on: db)
            try await db.sql.raw(
                "UPDATE projects SET last_activity_on = \(bind: today.description), version = version + 1 WHERE id = \(bind: id)"
            ).run()
            try await AuditLog.append(
                on: db, by: actor, action: "funds.record", objectType: "project", objectID: id.uuidString,
                after: ProjectDTO.Funds(entry), at: millis)
            if let file = input.file {
                _ = try await file.insert(
                    project: id, entry: .funds(entry.id!), by: user.personID, on: today, actor: actor, millis: millis, db: db)
            }
            return entry
        }
    }

    func verifyFunds(_ id: UUID, entry entryID: UUID) async throws {
        _ = try await find(id, for: .manage)
        let user = try request.requireUser()
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today.description
        try await request.writeTransaction { db in
            guard
                let entry = try await VerificationFlow.verify(FundsArrival.self, entryID, of: id, by: user.personID, on: today, db: db)
            else { return }
            try await AuditLog.append(
                on: db, by: actor, action: "funds.verify", objectType: "project", objectID: id.uuidString,
                after: ["entry": entryID.uuidString, "amount": ChineseAmount.format(entry.amount)], at: millis)
        }
    }

    /// Sets (or corrects) a month's rate; the old value is in the audit log.
    func setRate(_ currency: Currency, month: String, rate: Int64) async throws {
        try request.authorize(.manage, .project)
        guard currency != .cny else { throw AppError.field("currency", zh: "人民币无需汇率。", en: "CNY needs no rate.") }
        guard month.count == 7, CivilDate(month + "-01") != nil else {
            throw AppError.field("month", zh: "月份格式为 2026-03。", en: "Month as 2026-03.")
        }
        let actor = request.auditActor
        let millis = request.clock.millis
        try await request.writeTransaction { db in
            let existing = try await ExchangeRate.query(on: db).filter(\.$currency == currency.rawValue).filter(\.$month == month).first()
            let row = existing ?? ExchangeRate()
            let before = existing.map { ["rate": ExchangeRates.rateText($0.rate)] }
            row.currency = currency.rawValue
            row.month = month
            row.rate = rate
            try await row.save(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "rate.set", objectType: "exchange_rate", objectID: "\(currency.rawValue)-\(month)",
                before: before,
                after: ["rate": ExchangeRates.rateText(rate)], at: millis)
        }
    }

    static func message(_ problem: ProjectRules.FundsProblem) -> AppError {
        let (field, zh, en): (String, String, String) =
            switch problem {
            case .terminated: ("amount", "项目已终止，不能登记到位资金。", "The project is terminated.")
            case .notSigned: ("amount", "项目签约后才能登记到位资金。", "Funds are recorded after signing.")
            case .notPositive: ("amount", "到位金额应大于零。", "The amount must be positive.")
            case .absurd: ("amount", "金额过大（超过 1万亿），请核对单位。", "Over 1 trillion; check the unit.")
            case .inFuture: ("arrivedOn", "到位日期不能晚于今天。", "The date cannot be in the future.")
            case .beforeSigning: ("arrivedOn", "到位日期不能早于签约日期。", "Funds cannot arrive before signing.")
            }
        let error = AppError.field(field, zh: zh, en: en)
        return problem == .terminated || problem == .notSigned ? error.with(code: "invalid_state", status: .conflict) : error
    }

    static func message(_ problem: StageMachine.Problem) -> AppError {
        switch problem {
        case .noChange: AppError.field("to", zh: "项目已处于该阶段。", en: "The project is in that stage already.")
        case .terminatedIsFinal:
            AppError(code: "invalid_state", status: .conflict, zh: "项目已终止，不能再变更阶段。", en: "A terminated project stays terminated.")
        case .reasonRequired: AppError.field("reason", zh: "暂缓或终止须说明理由。", en: "Holding or terminating needs a reason.")
        case .needsBureau:
            AppError(
                code: "stage_skip", status: .forbidden, zh: "跨阶段或回退须由投促局办理并说明理由。",
                en: "Skipping or reversing a stage is for the bureau, with a reason.")
        case .resumeToHeldStage(let stage):
            AppError.field("to", zh: "暂缓的项目恢复到暂缓前的阶段（\(stage.label(.zh))）。", en: "A held project resumes at \(stage.rawValue).")
        }
    }

    static func message(_ problem: ProjectRules.DateProblem) -> AppError {
        switch problem {
        case .inFuture: AppError.field("occurredOn", zh: "日期不能晚于今天。", en: "The date cannot be in the future.")
        case .beforePrevious(let stage, let date):
            // name what the date is compared with: 入库 for a project still negotiating, else the stage
            AppError.field(
                "occurredOn",
                zh: "日期不能早于上一阶段「\(stage == .negotiating ? "入库（在谈）" : stage.label(.zh))」的日期 \(date)。",
                en: "The date cannot precede the previous stage (\(stage == .negotiating ? "accepted" : stage.rawValue), \(date)).")
        }
    }
}
