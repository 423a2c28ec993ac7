import Domain
import Fluent
import Foundation
import Vapor

/// 目标任务导入: the bureau's yearly task sheet — one row per unit and year, the unit named as the
/// organisation lists it in the importer's jurisdiction, each measure's year figure (合同投资额 and
/// 到位内资 in 万元 unless the header or the cell says 亿元; 实际利用外资 in 万美元; counts whole)
/// and the document it rests on. A row sets the figures it fills and keeps the rest of the unit's
/// sheet (its quarters and cadres' split included), through `TargetService.store` as the page
/// saves a sheet — checked by `TargetSheet.problems`, versioned, audited `targets.set`. The same
/// sheet again changes nothing.
struct TargetImport: ImportKind {
    typealias Measure = ScoreFormula.Measure
    let name = "targets"
    let title = "目标任务"
    let resource = AccessPolicy.Resource.assessment

    static let usdWan = ImportValues.AmountUnit(multiplier: "万", currency: .usd)

    let fields = [
        ImportField("unit", "单位名称", .text(maxLength: 100), required: true, synonyms: ["单位名称", "责任单位", "单位", "考核单位"]),
        ImportField("year", "年度", .integer, required: true, synonyms: ["年度", "年份", "考核年度"]),
        ImportField(
            Measure.contractInvestment.rawValue, "合同投资额", .amount(default: .wanYuan),
            synonyms: ["合同投资额", "签约额", "合同引资额", "招商引资额"]),
        ImportField(Measure.fundsDomestic.rawValue, "到位内资", .amount(default: .wanYuan), synonyms: ["到位内资", "实际到位内资", "到位资金"]),
        ImportField(Measure.fundsForeign.rawValue, "实际利用外资", .amount(default: usdWan), synonyms: ["实际利用外资", "到位外资", "利用外资"]),
        ImportField(Measure.projectsSigned.rawValue, "签约项目数", .integer, synonyms: ["签约项目数", "签约项目", "签约个数"]),
        ImportField(Measure.majorProjects.rawValue, "签约亿元以上项目数", .integer, synonyms: ["签约亿元以上项目数", "亿元以上项目", "亿元以上项目数"]),
        ImportField(Measure.projectsStarted.rawValue, "开工项目数", .integer, synonyms: ["开工项目数", "开工项目"]),
        ImportField(Measure.projectsProducing.rawValue, "投产项目数", .integer, synonyms: ["投产项目数", "投产项目"]),
        ImportField("note", "下达依据", .text(maxLength: 200), synonyms: ["下达依据", "文件号", "依据", "备注"]),
    ]

    struct Context: Sendable {
        var user: CurrentUser
        /// The jurisdiction's assessed units by their folded name (two of one name: ambiguous).
        var units: [String: [AssessmentUnits.Row]]
        var years: ClosedRange<Int>
    }

    func authorize(_ request: Request) throws -> CurrentUser { try request.authorize(.manage, .assessment) }

    func prepare(_ request: Request) async throws -> Context {
        let user = try authorize(request)
        let units = try await AssessmentUnits.assessed(scope: user.scope, on: request.db)
        return Context(
            user: user, units: Dictionary(grouping: units) { Self.fold($0.name) }, years: TargetService.years(today: request.clock.today))
    }

    static func fold(_ name: String) -> String { TextFold.fold(name).filter { !$0.isWhitespace } }

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        var errors: [String] = []
        let written = values.text("unit") ?? ""
        let matches = context.units[Self.fold(written)] ?? []
        if matches.isEmpty {
            errors.append(values.place(row, "unit") + "辖区内没有名为“\(written)”的考核单位")
        } else if matches.count > 1 {
            errors.append(values.place(row, "unit") + "辖区内有两个名为“\(written)”的单位，请在页面上分别下达")
        }
        let year = Self.whole(values, "year", row: row, errors: &errors)
        if let year, !context.years.contains(year) {
            errors.append(values.place(row, "year") + "年度应在 \(context.years.lowerBound) 年至 \(context.years.upperBound) 年之间")
        }
        var figures: [Measure: Int64] = [:]
        for measure in Measure.targeted {
            let key = measure.rawValue
            switch measure.kind {
            case .money(let currency):
                guard let money = values.amount(key, default: currency == .usd ? Self.usdWan : .wanYuan, row: row, errors: &errors) else {
                    continue
                }
                guard money.currency == currency else {
                    errors.append(
                        values.place(row, key) + "\(measure.label)以\(currency == .usd ? "美元" : "人民币")计，不能填写\(money.currency.unitWord)")
                    continue
                }
                figures[measure] = money.minorUnits
            case .count:
                if let count = Self.whole(values, key, row: row, errors: &errors) { figures[measure] = Int64(count) }
            }
        }
        let subject = "\(matches.first?.name ?? written) \(year.map(String.init) ?? "?") 年"
        guard errors.isEmpty, let unit = matches.first, let year else {
            return RowApplied(outcome: .error(errors), subject: subject)
        }
        let key = "targets:\(unit.id)|\(year)"
        let stored = try await TargetService.sheets(year: year, units: [unit.id], on: db)[unit.id] ?? .empty
        var sheet = stored.sheet
        for (measure, figure) in figures { sheet.year[measure] = figure }
        let problems = TargetService.messages(sheet.problems())
        guard problems.isEmpty else {
            return RowApplied(
                outcome: .error(problems.sorted { $0.key < $1.key }.map { values.place(row, $0.key) + $0.value.zh }), subject: subject,
                naturalKey: key)
        }
        let note = values.text("note") ?? stored.note
        if note.hasControlCharacters {
            return RowApplied(outcome: .error([values.place(row, "note") + "依据中有看不见的控制字符"]), subject: subject, naturalKey: key)
        }
        guard sheet != stored.sheet || note != stored.note else {
            return RowApplied(outcome: .unchanged, subject: subject, naturalKey: key)
        }
        try await TargetService.store(
            unit.id, year: year, sheet: sheet, version: stored.version, note: note, by: context.user.personID, actor: actor, at: millis,
            on: db)
        return RowApplied(outcome: stored.version == 0 ? .create : .update, subject: subject, naturalKey: key)
    }

    /// A whole number of at least 0 (2025年 and 1,200 read as written); nil when empty or refused.
    static func whole(_ values: Import.Values, _ key: String, row: Int, errors: inout [String]) -> Int? {
        guard let text = values.text(key) else { return nil }
        let digits = TextFold.fold(text).filter { $0 != "," }.replacingOccurrences(of: "年度", with: "").replacingOccurrences(
            of: "年", with: ""
        )
        .replacingOccurrences(of: "个", with: "")
        guard let number = Double(digits), number == number.rounded(), number >= 0, number < 1e9 else {
            errors.append(values.place(row, key) + "“\(text)”不是不小于 0 的整数")
            return nil
        }
        return Int(number)
    }
}
