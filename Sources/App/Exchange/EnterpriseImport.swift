import Domain
import Fluent
import Foundation
import Vapor

/// 企业导入: a registry ledger's rows matched to the registry by USCC, else by the normalised name
/// in the region; new ones created, changed ones updated, the rest left alone — each through
/// `EnterpriseService` as if typed in the form (validated, checked for duplicates, audited) — a
/// chunk of rows at a time (`Batch`).
struct EnterpriseImport: ImportKind {
    let name = "enterprises"
    let title = "企业库"

    let fields = [
        ImportField("name", "企业名称", .text(maxLength: 100), required: true, synonyms: ["企业名称", "单位名称", "公司名称", "企业", "名称"]),
        ImportField("uscc", "统一社会信用代码", .text(maxLength: 18), synonyms: ["统一社会信用代码", "社会信用代码", "信用代码", "统一代码"]),
        ImportField("legalRepresentative", "法定代表人", .text(maxLength: 50), synonyms: ["法定代表人", "法人代表", "法人"]),
        ImportField("industryCode", "行业代码", .text(maxLength: 5), synonyms: ["行业代码", "国民经济行业代码", "行业分类代码", "行业"]),
        ImportField("region", "所在地区", .text(maxLength: 20), synonyms: ["行政区划代码", "所在地区", "所属地区", "所在区县", "区县", "地区"]),
        ImportField("capital", "注册资本", .amount(default: .wanYuan), synonyms: ["注册资本", "注册资金"]),
        ImportField("attracted", "招引企业", .text(maxLength: 4), synonyms: ["是否招引企业", "招引企业", "是否招商引资企业"]),
        ImportField("formerNames", "曾用名", .text(maxLength: 500), synonyms: ["曾用名", "原名称"]),
    ]

    struct Context: Sendable {
        var user: CurrentUser
        /// Division codes by name and by code, for a column that writes 东宝区 or 420802.
        var regions: [String: String]
        var batch = Batch()
    }

    let resource = AccessPolicy.Resource.enterprise

    func prepare(_ request: Request) async throws -> Context {
        Context(user: try authorize(request), regions: try await Self.regions(request))
    }

    /// The division a row's column names — a code or a name; none means the importer's own
    /// jurisdiction — or the error said in `errors`.
    static func division(
        _ values: Import.Values, _ row: Int, _ key: String, regions: [String: String], fallback: String, errors: inout [String]
    ) -> String {
        guard let written = values.text(key) else { return fallback }
        if let code = regions[written], !code.isEmpty { return code }
        errors.append(values.place(row, key) + "“\(written)”不是已登记的行政区划（写代码如 420802 或名称如 东宝区）")
        return fallback
    }

    /// Division codes by code and by name, for a column that writes 东宝区 or 420802 ("" for a
    /// name two divisions share: it names neither).
    static func regions(_ request: Request) async throws -> [String: String] {
        var regions: [String: String] = [:]
        for (code, name) in try await JurisdictionNames.load(request) {
            regions[code] = code
            regions[name] = regions[name] == nil ? code : ""
        }
        return regions
    }

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let name = values.text("name") ?? ""
        var errors: [String] = []
        let region = Self.division(values, row, "region", regions: context.regions, fallback: context.user.scope.value, errors: &errors)
        if let code = try? JurisdictionCode(region), AccessPolicy.decide(context.user.actor, .write, .enterprise, in: code) != .allowed {
            errors.append(values.place(row, "region") + "\(region) 不在您的辖区内")
        }
        let capital = values.amount("capital", default: .wanYuan, row: row, errors: &errors) ?? Money(minorUnits: 0)
        let attracted = values.flag("attracted", row: row, errors: &errors)
        let input: EnterpriseInput
        do {
            input = try EnterpriseInput.validate(
                uscc: values.text("uscc"), name: name,
                formerNames: (values.text("formerNames") ?? "").split(whereSeparator: { "、,，;；\n".contains($0) }).map(String.init),
                legalRepresentative: values.text("legalRepresentative"), industryCode: values.text("industryCode"), regionCode: region,
                capital: .success(capital), tags: [], attracted: attracted)
        } catch {
            return RowApplied(outcome: .error(errors + Self.messages(error, values, row)), subject: name, naturalKey: nil)
        }
        let key = input.uscc.isEmpty ? "name:" + NameNormalizer.key(for: input.name) + "@" + input.regionCode : "uscc:" + input.uscc
        guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: name, naturalKey: key) }
        // the record it names: by USCC, else by its normalised name in the region — the same two
        // questions the service asks before it writes, asked once and handed on
        let matches = try await context.batch.matches(input, on: db)
        do {
            guard let existing = matches.byUSCC ?? matches.byName, let id = existing.id else {
                let (created, audit) = try EnterpriseService.created(input, matches: matches, by: actor, at: millis)
                context.batch.hold(created, audit)
                return RowApplied(outcome: .create, subject: input.name, naturalKey: key)
            }
            guard let code = try? JurisdictionCode(existing.regionCode),
                AccessPolicy.decide(context.user.actor, .write, .enterprise, in: code) == .allowed
            else {
                let message = values.place(row, "uscc") + "该企业已登记在您辖区之外，不能由本次导入修改"
                return RowApplied(outcome: .error([message]), subject: input.name, naturalKey: key)
            }
            let merged = Self.merged(input, over: existing, values: values)
            if Self.same(merged, existing) { return RowApplied(outcome: .unchanged, subject: input.name, naturalKey: key) }
            try await context.batch.flush(on: db)
            _ = try await EnterpriseService.replace(
                id, with: merged, expected: existing.version, on: db, by: actor, at: millis,
                matches: merged.uscc == input.uscc ? matches : nil, regionChecked: true)
            return RowApplied(outcome: .update, subject: input.name, naturalKey: key)
        } catch let error as AppError {
            return RowApplied(outcome: .error(Self.messages(error, values, row)), subject: input.name, naturalKey: key)
        }
    }

    /// What the file leaves out keeps what the registry holds: an import fills and corrects, it
    /// never blanks a field for want of a column.
    static func merged(_ input: EnterpriseInput, over existing: Enterprise, values: Import.Values) -> EnterpriseInput {
        var merged = input
        if values.columns["uscc"] == nil || input.uscc.isEmpty { merged.uscc = existing.uscc ?? "" }
        if values.columns["legalRepresentative"] == nil { merged.legalRepresentative = existing.legalRepresentative }
        if values.columns["industryCode"] == nil { merged.industryCode = existing.industryCode }
        if values.columns["capital"] == nil {
            merged.registeredCapital = Money(
                minorUnits: existing.registeredCapitalMinor, currency: Currency(rawValue: existing.registeredCapitalCurrency) ?? .cny)
        }
        if values.columns["attracted"] == nil { merged.attracted = existing.attracted }
        if values.columns["formerNames"] == nil { merged.formerNames = existing.formerNames.split(separator: "\n").map(String.init) }
        merged.tags = existing.tagCodes.split(separator: ",").compactMap { EnterpriseTag(rawValue: String($0)) }
        return merged
    }

    static func same(_ input: EnterpriseInput, _ existing: Enterprise) -> Bool {
        input.uscc == (existing.uscc ?? "") && input.name == existing.name && input.legalRepresentative == existing.legalRepresentative
            && input.industryCode == existing.industryCode && input.regionCode == existing.regionCode
            && input.registeredCapital.minorUnits == existing.registeredCapitalMinor
            && input.registeredCapital.currency.rawValue == existing.registeredCapitalCurrency && input.attracted == existing.attracted
            && input.formerNames.joined(separator: "\n") == existing.formerNames
    }

    static func messages(_ error: AppError, _ values: Import.Values, _ row: Int) -> [String] {
        ImportMessages.of(error, values, row, keys: ["registeredCapital": "capital", "regionCode": "region"])
    }
}
