import Domain
import Fluent
import Foundation
import Vapor

/// 到位资金导入: a funds ledger's rows, each an arrival on a project of the importer's reach, found
/// by its title, its enterprise's name or its USCC. Each goes through `ProjectService.recordFunds`
/// as if typed on the project page: signed projects only, not before signing, not in the future,
/// audited — and reported, not verified: the bureau verifies it like any other entry before a
/// figure counts it. An entry already on the project (same day, amount and currency) is
/// unchanged, so the same ledger imported again changes nothing.
struct FundsImport: ImportKind {
    let name = "funds"
    let title = "到位资金台账"

    let fields = [
        ImportField("project", "项目名称", .text(maxLength: 100), synonyms: ["项目名称", "项目"]),
        ImportField("enterprise", "企业名称", .text(maxLength: 100), synonyms: ["企业名称", "投资主体", "投资方", "公司名称", "单位名称"]),
        ImportField("uscc", "统一社会信用代码", .text(maxLength: 18), synonyms: ["统一社会信用代码", "社会信用代码", "信用代码"]),
        ImportField("arrivedOn", "到位日期", .date, required: true, synonyms: ["到位日期", "到位时间", "到账日期", "日期"]),
        ImportField(
            "amount", "到位金额", .amount(default: .wanYuan), required: true,
            synonyms: ["本次到位资金", "到位金额", "到位资金", "实际到位资金", "到账金额", "金额"]),
        ImportField("isForeign", "是否外资", .text(maxLength: 4), synonyms: ["是否外资", "外资"]),
        ImportField("evidence", "佐证材料", .text(maxLength: 500), synonyms: ["佐证材料", "佐证", "凭证", "说明", "备注"]),
    ]

    typealias Context = CurrentUser

    let resource = AccessPolicy.Resource.project

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let (title, enterprise, uscc) = (values.text("project"), values.text("enterprise"), values.text("uscc"))
        let named = title ?? enterprise ?? uscc ?? ""
        var errors: [String] = []
        let arrivedOn = values.date("arrivedOn", row: row, errors: &errors)
        let amount = values.amount("amount", default: .wanYuan, row: row, errors: &errors)
        let isForeign = values.flag("isForeign", row: row, errors: &errors)
        if arrivedOn == nil, errors.isEmpty { errors.append(values.place(row, "arrivedOn") + "请填写到位日期") }
        if amount == nil, errors.isEmpty { errors.append(values.place(row, "amount") + "请填写到位金额（如 4389万）") }
        let project: Project
        switch try await Self.project(title: title, enterprise: enterprise, uscc: uscc, scope: context.scope, on: db) {
        case .found(let found): project = found
        case .problem(let message):
            return RowApplied(
                outcome: .error(errors + [values.place(row, title == nil ? "enterprise" : "project") + message]), subject: named)
        }
        guard errors.isEmpty, let arrivedOn, let amount, let id = project.id else {
            return RowApplied(outcome: .error(errors), subject: project.title)
        }
        let subject = "\(project.title) \(arrivedOn) \(ChineseAmount.format(amount))"
        let key = "funds:\(id)|\(arrivedOn)|\(amount.minorUnits)|\(amount.currency.rawValue)"
        let service = ProjectService(request: request)
        do {
            // the same gate as the project page's form, before anything about the entries is said
            let reachable = try await service.findForReporting(id, on: db)
            let same = try await FundsArrival.query(on: db).filter(\.$projectID == id).filter(\.$arrivedOn == arrivedOn.description)
                .filter(\.$amountMinor == amount.minorUnits).filter(\.$currency == amount.currency.rawValue).count()
            if same > 0 { return RowApplied(outcome: .unchanged, subject: subject, naturalKey: key) }
            let write = try service.fundsWrite(
                reachable, .init(arrivedOn: arrivedOn, amount: amount, isForeign: isForeign, evidence: values.text("evidence") ?? ""))
            _ = try await write(db)
            return RowApplied(outcome: .create, subject: subject, naturalKey: key)
        } catch let error as AppError {
            let messages =
                error.code == "not_found" || error.code == "forbidden"
                ? [values.place(row, "project") + "您不能为项目“\(project.title)”填报到位资金（只有招引、承接单位和投促局可以）"]
                : ImportMessages.of(error, values, row)
            return RowApplied(outcome: .error(messages), subject: subject, naturalKey: key)
        }
    }

    enum Match {
        case found(Project)
        case problem(String)
    }

    /// The one project of the importer's jurisdiction a row names: by title, narrowed by the
    /// enterprise's USCC or name when given (and found by those alone when the title is not).
    static func project(title: String?, enterprise: String?, uscc: String?, scope: JurisdictionCode, on db: any Database)
        async throws -> Match
    {
        guard title != nil || enterprise != nil || uscc != nil else {
            return .problem("请写明项目名称，或企业名称、统一社会信用代码")
        }
        let nameKey = enterprise.map(NameNormalizer.key(for:))
        let candidates = try await Project.query(on: db)
            .group(.or) { group in
                if let title { group.filter(\.$title == title) }
                if let nameKey { group.filter(\.$nameKey == nameKey) }
                if let uscc { group.filter(\.$uscc == uscc) }
            }
            .within(\.$jurisdictionCode, scope).limit(50).all()
        let matching = candidates.filter { project in
            (title == nil || project.title == title) && (uscc == nil || project.uscc == uscc)
                && (nameKey == nil || uscc != nil || project.nameKey == nameKey)
        }
        guard let first = matching.first else {
            return .problem("辖区内找不到项目“\(title ?? enterprise ?? uscc ?? "")”（按项目名称、企业名称或统一社会信用代码查找）")
        }
        guard matching.count == 1 else {
            let titles = matching.prefix(3).map { "“\($0.title)”" }.joined(separator: "、")
            return .problem("有 \(matching.count) 个项目与之相符（\(titles)），请在“项目名称”列写明是哪一个")
        }
        return .found(first)
    }
}

/// A service's refusal in the row's words: each field's message at its column.
enum ImportMessages {
    static func of(_ error: AppError, _ values: Import.Values, _ row: Int, keys: [String: String] = [:]) -> [String] {
        guard !error.fields.isEmpty else { return [values.place(row, "") + error.zh] }
        return error.fields.sorted { $0.key < $1.key }.map { values.place(row, keys[$0.key] ?? $0.key) + $0.value.zh }
    }
}
