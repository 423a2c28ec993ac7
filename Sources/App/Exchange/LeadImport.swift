import Domain
import Fluent
import Foundation
import Vapor

/// 线索导入: a unit's lead ledger, each row submitted through `LeadService.submit` as if typed in
/// the form — validated, put to the collision check (an enterprise another unit already holds is an
/// error naming who holds it: one enterprise is never credited twice), given its response clock
/// and audited. An open lead of the importer's own unit for the same enterprise is unchanged, so
/// the same ledger imported again changes nothing.
struct LeadImport: ImportKind {
    let name = "leads"
    let title = "招商线索"

    let fields = [
        ImportField("enterpriseName", "企业名称", .text(maxLength: 100), required: true, synonyms: ["企业名称", "投资主体", "投资方", "公司名称", "企业"]),
        ImportField("uscc", "统一社会信用代码", .text(maxLength: 18), synonyms: ["统一社会信用代码", "社会信用代码", "信用代码"]),
        ImportField(
            "investment", "意向投资额", .amount(default: .wanYuan), required: true,
            synonyms: ["意向投资额", "计划总投资", "计划投资额", "拟投资额", "总投资", "投资额", "投资规模"]),
        ImportField("channel", "线索来源", .text(maxLength: 20), required: true, synonyms: ["线索来源", "信息来源", "来源渠道", "来源"]),
        ImportField("industryCode", "行业代码", .text(maxLength: 5), synonyms: ["行业代码", "国民经济行业代码"]),
        ImportField("landMu", "用地（亩）", .text(maxLength: 12), synonyms: ["用地面积", "用地", "拟用地", "土地"]),
        ImportField("spaceM2", "厂房（平方米）", .integer, synonyms: ["厂房面积", "厂房", "标准厂房"]),
        ImportField("jobs", "用工（人）", .integer, synonyms: ["用工人数", "用工", "就业"]),
        ImportField("projectContent", "项目内容", .text(maxLength: 500), synonyms: ["项目内容", "项目简介", "建设内容", "项目名称"]),
        ImportField("contactName", "联系人", .text(maxLength: 30), synonyms: ["联系人", "对接人"]),
        ImportField("contactPhone", "联系电话", .text(maxLength: 24), synonyms: ["联系电话", "电话", "手机"]),
        ImportField("homeCity", "所在城市", .text(maxLength: 30), synonyms: ["所在城市", "企业所在地", "来源地"]),
        ImportField("notes", "备注", .text(maxLength: 1000), synonyms: ["备注", "说明", "进展情况"]),
    ]

    struct Context: Sendable {
        var user: CurrentUser
        var submission: LeadService.Submission
    }

    let resource = AccessPolicy.Resource.lead

    func prepare(_ request: Request) async throws -> Context {
        Context(user: try authorize(request), submission: try await LeadService(request: request).submission())
    }

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let name = values.text("enterpriseName") ?? ""
        var errors: [String] = []
        let investment = Self.investment(values)
        // an unknown channel is said once, not again as a missing one
        let channel = Self.channel(values, row: row, errors: &errors) ?? (values.text("channel") == nil ? nil : .other)
        let input: LeadInput
        do {
            input = try LeadInput.validate(
                .init(
                    enterpriseName: name, uscc: values.text("uscc"), industryCode: values.text("industryCode"), investment: investment,
                    landMu: values.text("landMu"), spaceM2: values.text("spaceM2"), energyTCE: nil, powerKVA: nil,
                    jobs: values.text("jobs"), channel: channel?.rawValue, notes: values.text("notes"), confirmDuplicate: false,
                    contactName: values.text("contactName"), contactPhone: values.text("contactPhone"), homeCity: values.text("homeCity"),
                    projectContent: values.text("projectContent")))
        } catch {
            return RowApplied(outcome: .error(errors + ImportMessages.of(error, values, row)), subject: name)
        }
        let key = input.uscc.map { "uscc:" + $0 } ?? "name:" + NameNormalizer.key(for: input.enterpriseName)
        guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: name, naturalKey: key) }
        // the same enterprise already open as this unit's own lead: imported before
        let scope = LeadRules.collisionScope(for: context.user.scope)
        if let holder = try await LeadService.openLead(for: input.enterpriseName, uscc: input.uscc, within: scope, on: db),
            holder.submitterUnitID == context.user.unitID
        {
            return RowApplied(outcome: .unchanged, subject: input.enterpriseName, naturalKey: key)
        }
        do {
            _ = try await LeadService.submit(input, context.submission, on: db)
            return RowApplied(outcome: .create, subject: input.enterpriseName, naturalKey: key)
        } catch let error as AppError {
            guard error.code == "lead_collision" else {
                return RowApplied(outcome: .error(ImportMessages.of(error, values, row)), subject: name, naturalKey: key)
            }
            let held = error.fields["enterpriseName"]?.zh ?? ""
            let messages = [
                values.place(row, "enterpriseName")
                    + "该企业已在办（\(held)）。同一企业不重复计功：请删去此行；确属不同项目的，请在线索页单独提交并勾选“仍要提交”"
            ]
            return RowApplied(outcome: .error(messages), subject: name, naturalKey: key)
        }
    }

    /// The 投资额 column as the lead form's check takes it (empty is 0, which it refuses).
    static func investment(_ values: Import.Values) -> Result<Money, AppError.Message> {
        do { return .success(try values.amount("investment", default: .wanYuan) ?? Money(minorUnits: 0)) } catch {
            return .failure(.init(zh: error.message, en: error.message))
        }
    }

    /// The 线索来源 column read by the ledgers' words; an unknown word is an error listing them.
    static func channel(_ values: Import.Values, row: Int, errors: inout [String]) -> LeadChannel? {
        values.choice("channel", row: row, LedgerWords.leadChannels, noun: "线索来源", label: { $0.label(.zh) }, errors: &errors)
    }
}
