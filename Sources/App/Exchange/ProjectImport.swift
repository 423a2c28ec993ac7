import Domain
import Fluent
import Foundation
import Vapor

/// 项目台账导入 (补录): a bureau's ledger of past projects — signed in 2022, producing in 2023 [002]
/// — each row recorded with its real dates through the same paths as by hand: the lead through
/// `LeadService.submit` (validated, put to the collision check: one enterprise is never credited
/// twice), credited to the ledger's 招商人; its acceptance through `ProjectAcceptance` (host unit,
/// credit split, the major project's 包保领导), dated the ledger's 入库日期; each stage through
/// `ProjectService.stageWrite` (the stage machine, dates in order, a contract at signing). The
/// history is back-filled (补录) on the timeline and in the audit log, and reported, not verified:
/// a second person of the bureau verifies each stage before any figure counts it.
///
/// A project already recorded (same title and enterprise) gains the stages the ledger adds since
/// (next month's ledger with a 开工日期); the same ledger again changes nothing.
struct ProjectImport: ImportKind {
    let name = "projects"
    let title = "项目台账（补录）"

    let fields = [
        ImportField("title", "项目名称", .text(maxLength: 80), required: true, synonyms: ["项目名称", "项目"]),
        ImportField(
            "enterpriseName", "企业名称", .text(maxLength: 100), required: true,
            synonyms: ["企业名称", "投资主体", "投资方", "签约企业", "公司名称", "企业"]),
        ImportField("uscc", "统一社会信用代码", .text(maxLength: 18), synonyms: ["统一社会信用代码", "社会信用代码", "信用代码"]),
        ImportField(
            "investment", "计划总投资", .amount(default: .wanYuan), required: true,
            synonyms: ["计划总投资", "项目总投资", "总投资", "投资总额", "计划投资额", "意向投资额"]),
        ImportField("industryCode", "行业代码", .text(maxLength: 5), synonyms: ["行业代码", "国民经济行业代码"]),
        ImportField("channel", "线索来源", .text(maxLength: 20), synonyms: ["线索来源", "信息来源", "来源渠道", "来源"]),
        ImportField("acceptedOn", "入库日期", .date, required: true, synonyms: ["入库日期", "入库时间", "立项日期", "对接日期"]),
        ImportField(
            "hostUnit", "承接单位", .text(maxLength: 60), required: true,
            synonyms: ["承接单位", "承接园区", "落地园区", "落户园区", "所在园区", "承载单位", "落地单位"]),
        ImportField(
            "attractors", "招商人（分成）", .text(maxLength: 200), required: true,
            synonyms: ["招商人", "招引人", "招商责任人", "招引责任人", "首谈人"]),
        ImportField("leader", "包保领导", .text(maxLength: 30), synonyms: ["包保领导", "包联领导", "责任领导", "联系领导"]),
        ImportField("signedOn", "签约日期", .date, synonyms: ["签约日期", "签约时间"]),
        ImportField(
            "contract", "合同投资额", .amount(default: .wanYuan), synonyms: ["合同投资额", "签约金额", "合同金额", "协议投资额", "签约投资额"]),
        ImportField("startedOn", "开工日期", .date, synonyms: ["开工日期", "开工时间"]),
        ImportField("builtOn", "竣工日期", .date, synonyms: ["竣工日期", "建成日期", "竣工时间"]),
        ImportField("producingOn", "投产日期", .date, synonyms: ["投产日期", "投产时间"]),
        ImportField("evidence", "佐证材料", .text(maxLength: 500), synonyms: ["佐证材料", "佐证", "备注", "说明"]),
    ]

    let resource = AccessPolicy.Resource.project

    /// The ledger's stage columns, in the order of the main line.
    static let stageColumns: [(key: String, stage: ProjectStage)] = [
        ("signedOn", .signed), ("startedOn", .started), ("builtOn", .built), ("producingOn", .producing),
    ]

    struct Context: Sendable {
        var user: CurrentUser
        var submission: LeadService.Submission
        var prepared: ProjectAcceptance.Prepared
        var directory: Directory
    }

    /// 补录 is the bureau's (`AccessPolicy` `.backFill`): a cadre's own project is accepted through
    /// the panel, and the upload form does not offer this kind to them.
    func authorize(_ request: Request) throws -> CurrentUser {
        let user = try request.authorize(.write, resource)
        guard AccessPolicy.may(user.roles, .backFill) else { throw AppError.forbidden }
        return user
    }

    func prepare(_ request: Request) async throws -> Context {
        let user = try authorize(request)
        return Context(
            user: user, submission: try await LeadService(request: request).submission(),
            prepared: try await ProjectAcceptance(request: request).prepared(for: user.scope),
            directory: try await Directory.load(within: user.scope, on: request.db))
    }

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let title = values.text("title") ?? ""
        let enterprise = values.text("enterpriseName") ?? ""
        let key = "project:\(NameNormalizer.key(for: enterprise))|\(TextFold.fold(title))"
        var errors: [String] = []
        let stages = Self.stageColumns.compactMap { column -> (key: String, stage: ProjectStage, on: CivilDate)? in
            values.date(column.key, row: row, errors: &errors).map { (column.key, column.stage, $0) }
        }
        let contract = values.amount("contract", default: .wanYuan, row: row, errors: &errors)
        if let first = stages.first, first.stage != .signed {
            errors.append(values.place(row, "signedOn") + "填写了\(first.stage.label(.zh))日期的项目须写明签约日期和合同投资额")
        }
        if contract != nil, stages.first?.stage != .signed {
            errors.append(values.place(row, "signedOn") + "写了合同投资额，请同时写明签约日期")
        }
        guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: title, naturalKey: key) }
        // the project recorded before: the same enterprise and title, read as the row's key reads them
        let existing = try await Project.query(on: db).filter(\.$nameKey == NameNormalizer.key(for: enterprise))
            .within(\.$jurisdictionCode, context.user.scope).all().first { TextFold.fold($0.title) == TextFold.fold(title) }
        let service = ProjectService(request: request)
        let evidence = values.text("evidence") ?? "台账补录"
        func input(_ stage: (key: String, stage: ProjectStage, on: CivilDate)) -> ProjectService.StageInput {
            .init(
                to: stage.stage, occurredOn: stage.on, reason: "台账补录", evidence: evidence, contract: stage.stage == .signed ? contract : nil
            )
        }
        func messages(_ error: AppError, date column: String) -> [String] {
            ImportMessages.of(error, values, row, keys: ["occurredOn": column, "to": column, "reason": column])
        }
        if let existing {
            return try await Self.addStages(
                stages, to: existing, input: input, values: values, row: row, service: service, rates: context.prepared.rates, on: db,
                key: key, messages: messages)
        }
        // a new project: every check before anything is written
        let acceptedOn = values.date("acceptedOn", row: row, errors: &errors)
        let leadInput: LeadInput?
        do { leadInput = try Self.leadInput(values, row: row, errors: &errors) } catch {
            return RowApplied(outcome: .error(errors + ImportMessages.of(error, values, row)), subject: title, naturalKey: key)
        }
        if let acceptedOn {
            do { try BackFill.checkLedgerAcceptance(acceptedOn, today: context.prepared.today) } catch {
                errors += ImportMessages.of(ProjectAcceptance.refusal(error), values, row)
            }
        }
        let people = context.directory.people(values.text("attractors"), row: row, values: values, errors: &errors)
        let host = context.directory.unit(values.text("hostUnit"), row: row, values: values, errors: &errors)
        var leader: UUID?
        if let name = values.text("leader") {
            leader = context.directory.person(name, unit: nil, row: row, key: "leader", values: values, errors: &errors)?.person
        }
        guard errors.isEmpty, let acceptedOn, let leadInput, let host, let first = people.first else {
            return RowApplied(outcome: .error(errors), subject: title, naturalKey: key)
        }
        let acceptance = ProjectAcceptance.Input(
            title: title, hostUnitID: host, attractors: people.map { ($0.person, $0.basisPoints) }, coordinators: [], leaderID: leader,
            taskForceID: nil, acceptedOn: acceptedOn)
        do {
            let checked = try await ProjectAcceptance.check(
                acceptance, investment: leadInput.investment, scope: context.user.scope, context.prepared, on: db)
            // the stages checked in turn on a draft of the project as it will stand
            let draft = Project()
            let id = UUID()
            draft.id = id
            (draft.stage, draft.stageSince) = (.negotiating, acceptedOn.description)
            var writes: [@Sendable (Project, any Database) async throws -> StageReport] = []
            for stage in stages {
                do { writes.append(try service.stageWrite(draft, input(stage), rates: context.prepared.rates)) } catch let error as AppError
                {
                    return RowApplied(outcome: .error(messages(error, date: stage.key)), subject: title, naturalKey: key)
                }
                (draft.stage, draft.stageSince) = (stage.stage, stage.on.description)
            }
            // the lead as it was brought, on the day it was accepted, by the ledger's first 招商人
            var submission = context.submission
            submission.today = acceptedOn
            let lead = try await LeadService.submit(leadInput, submission, broughtBy: (first.person, first.unit), on: db)
            let project = try await ProjectAcceptance.insert(
                lead: lead, checked, acceptance, acceptedOn: acceptedOn, context.prepared, id: id, on: db)
            for write in writes { _ = try await write(project, db) }
            return RowApplied(outcome: .create, subject: title, naturalKey: key)
        } catch let error as AppError {
            guard error.code == "lead_collision" else {
                return RowApplied(outcome: .error(messages(error, date: "acceptedOn")), subject: title, naturalKey: key)
            }
            let held = error.zh.split(separator: "。").first.map(String.init) ?? error.zh
            let message = values.place(row, "enterpriseName") + held + "。同一企业不重复计功：请删去此行，或在项目页办理"
            return RowApplied(outcome: .error([message]), subject: title, naturalKey: key)
        }
    }

    /// The lead's fields as the lead form checks them; a missing 线索来源 is 其他.
    static func leadInput(_ values: Import.Values, row: Int, errors: inout [String]) throws(AppError) -> LeadInput? {
        let channel = LeadImport.channel(values, row: row, errors: &errors) ?? .other
        return try LeadInput.validate(
            .init(
                enterpriseName: values.text("enterpriseName"), uscc: values.text("uscc"), industryCode: values.text("industryCode"),
                investment: LeadImport.investment(values), landMu: nil, spaceM2: nil, energyTCE: nil, powerKVA: nil, jobs: nil,
                channel: channel.rawValue,
                notes: "台账补录", confirmDuplicate: false, contactName: nil, contactPhone: nil, homeCity: nil,
                projectContent: values.text("title")))
    }
}
