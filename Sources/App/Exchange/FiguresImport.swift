import Domain
import Fluent
import Foundation
import Vapor

/// 企业年度数据导入: the statistics bureau's or tax bureau's yearly table — one row per enterprise and
/// year, found in the registry of the importer's jurisdiction by USCC, else by its one entry of
/// that normalised name — each year's figures written through `EnterpriseService.writeFigures` as
/// the enterprise page's form writes them (audited; the same figures again change nothing).
struct FiguresImport: ImportKind {
    let name = "figures"
    let title = "企业年度数据"
    let resource = AccessPolicy.Resource.enterprise

    let fields = [
        ImportField("name", "企业名称", .text(maxLength: 100), synonyms: ["企业名称", "单位名称", "公司名称", "纳税人名称", "企业"]),
        ImportField("uscc", "统一社会信用代码", .text(maxLength: 18), synonyms: ["统一社会信用代码", "社会信用代码", "信用代码", "纳税人识别号"]),
        ImportField("year", "年度", .integer, required: true, synonyms: ["年度", "年份", "统计年度", "所属年度"]),
        ImportField("output", "产值", .amount(default: .wanYuan), synonyms: ["工业总产值", "总产值", "产值"]),
        ImportField("revenue", "营业收入", .amount(default: .wanYuan), synonyms: ["营业收入", "主营业务收入", "营收", "销售收入"]),
        ImportField("profit", "利润", .amount(default: .wanYuan), synonyms: ["利润总额", "利润", "净利润"]),
        ImportField("tax", "税收", .amount(default: .wanYuan), synonyms: ["实缴税金", "纳税额", "税收", "税金", "入库税收"]),
        ImportField("employees", "从业人数", .integer, synonyms: ["从业人数", "从业人员", "用工人数", "职工人数", "员工人数"]),
    ]

    typealias Context = CurrentUser

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let (name, uscc) = (values.text("name"), values.text("uscc"))
        let named = name ?? uscc ?? ""
        var errors: [String] = []
        func amount(_ key: String) -> Money {
            do {
                let money = try values.amount(key, default: .wanYuan)
                return money ?? Money(minorUnits: 0)
            } catch {
                errors.append(values.place(row, key) + error.message)
                return Money(minorUnits: 0)
            }
        }
        func whole(_ key: String) -> Int {
            guard let text = values.text(key) else { return 0 }
            // 2025年, 2025年度, 1,200
            let digits = TextFold.fold(text).filter { $0 != "," }.replacingOccurrences(of: "年度", with: "").replacingOccurrences(
                of: "年", with: "")
            guard let number = Double(digits), number == number.rounded(), abs(number) < 1e9 else {
                errors.append(values.place(row, key) + "“\(text)”不是整数")
                return 0
            }
            return Int(number)
        }
        let input = EnterpriseService.FigureInput(
            year: whole("year"), output: amount("output"), revenue: amount("revenue"), profit: amount("profit"), tax: amount("tax"),
            employees: whole("employees"))
        if errors.isEmpty {
            errors += EnterpriseService.problems(input).sorted { $0.key < $1.key }.map { values.place(row, $0.key) + $0.value.zh }
        }
        let enterprise: Enterprise
        switch try await Self.enterprise(name: name, uscc: uscc, scope: context.scope, on: db) {
        case .found(let found): enterprise = found
        case .problem(let message):
            return RowApplied(outcome: .error(errors + [values.place(row, uscc == nil ? "name" : "uscc") + message]), subject: named)
        }
        let id = try enterprise.requireID()
        let subject = "\(enterprise.name) \(input.year) 年"
        let key = "figures:\(id)|\(input.year)"
        guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: subject, naturalKey: key) }
        guard (try? request.authorize(.write, .enterprise, in: enterprise.regionCode)) != nil else {
            return RowApplied(
                outcome: .error([values.place(row, "name") + "该企业登记在您辖区之外"]), subject: subject, naturalKey: key)
        }
        let outcome: Import.Outcome =
            switch try await EnterpriseService.writeFigures(id, input, on: db, by: actor, at: millis) {
            case .created: .create
            case .updated: .update
            case .unchanged: .unchanged
            }
        return RowApplied(outcome: outcome, subject: subject, naturalKey: key)
    }

    enum Match {
        case found(Enterprise)
        case problem(String)
    }

    /// The registry entry a row names: by its USCC, else the one entry of the jurisdiction with
    /// that normalised name (two of one name: the row must give the USCC).
    static func enterprise(name: String?, uscc: String?, scope: JurisdictionCode, on db: any Database) async throws -> Match {
        if let uscc {
            guard let found = try await Enterprise.query(on: db).filter(\.$uscc == uscc).within(\.$regionCode, scope).first() else {
                return .problem("辖区企业库中没有统一社会信用代码为 \(uscc) 的企业（请先导入或登记企业）")
            }
            return .found(found)
        }
        guard let name else { return .problem("请写明企业名称或统一社会信用代码") }
        let named = try await Enterprise.query(on: db).filter(\.$nameKey == NameNormalizer.key(for: name))
            .within(\.$regionCode, scope).limit(2).all()
        guard let first = named.first else { return .problem("辖区企业库中没有“\(name)”（请先导入或登记企业）") }
        guard named.count == 1 else { return .problem("辖区内有两家以上名为“\(name)”的企业，请填写统一社会信用代码") }
        return .found(first)
    }
}
