import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 双百双评名册导入: the two registers a campaign draws from — entrepreneurs, and public
/// representatives (人大代表, 政协委员, …) — one person a row: the campaign's year, the register,
/// name, organisation and standing. Each person is appended in the file's order (the order the
/// published register and its digest keep); the same person again in the file is refused as a
/// repeated row, one already in the register is left as it is. A campaign's registers are taken
/// only while it is being prepared: once their digest is published they are frozen.
struct RegisterImport: ImportKind {
    let name = "evaluationRegister"
    let title = "双百双评名册"
    let resource = AccessPolicy.Resource.evaluation

    let fields = [
        ImportField("year", "年度", .integer, required: true, synonyms: ["年度", "年份", "测评年度"]),
        ImportField("register", "名册", .text(maxLength: 20), required: true, synonyms: ["名册", "名册类别", "类别", "群体"]),
        ImportField("name", "姓名", .text(maxLength: 40), required: true, synonyms: ["姓名", "名字"]),
        ImportField("organisation", "单位", .text(maxLength: 100), required: true, synonyms: ["单位", "工作单位", "企业", "企业名称", "所在单位"]),
        ImportField("standing", "身份", .text(maxLength: 40), synonyms: ["身份", "职务", "界别", "代表类别"]),
    ]

    struct Context: Sendable {
        /// The jurisdiction's campaigns by year.
        var campaigns: [Int: EvaluationCampaignRecord]
    }

    func authorize(_ request: Request) throws -> CurrentUser { try request.authorize(.manage, .evaluation) }

    func prepare(_ request: Request) async throws -> Context {
        let user = try authorize(request)
        let campaigns = try await EvaluationRead.campaigns(scope: user.scope.value, on: request.db)
        return Context(campaigns: Dictionary(campaigns.map { ($0.year, $0) }) { a, _ in a })
    }

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        var errors: [String] = []
        let year = TargetImport.whole(values, "year", row: row, errors: &errors)
        let campaign = year.flatMap { context.campaigns[$0] }
        if let year, campaign == nil { errors.append(values.place(row, "year") + "\(year) 年度的“双百双评”尚未开启") }
        if let campaign, campaign.state != .open {
            errors.append(values.place(row, "year") + "\(campaign.year) 年度的名册摘要已公布，名册不能再改")
        }
        let writtenRegister = values.text("register") ?? ""
        let register = EvaluationCampaign.Register.from(writtenRegister)
        if register == nil { errors.append(values.place(row, "register") + "名册应为“企业家”或“群众代表”，不能是“\(writtenRegister)”") }
        let (name, organisation) = (Self.clean(values.text("name")), Self.clean(values.text("organisation")))
        let standing = Self.clean(values.text("standing")).isEmpty ? (register?.label ?? "") : Self.clean(values.text("standing"))
        for (key, value) in [("name", name), ("organisation", organisation), ("standing", standing)] {
            if value.hasControlCharacters || value.contains("\t") { errors.append(values.place(row, key) + "含有看不见的控制字符") }
            if value.hasInvisibleCharacters {
                errors.append(values.place(row, key) + "含有零宽字符等看不见的字符，请删除后重试")
            }
        }
        if name.isEmpty { errors.append(values.place(row, "name") + "请填写姓名") }
        let subject = "\(register?.label ?? writtenRegister) \(name)"
        guard errors.isEmpty, let campaign, let register else { return RowApplied(outcome: .error(errors), subject: subject) }
        let natural = "register:\(campaign.id)|\(register.rawValue)|\(EvaluationCampaign.personKey(name: name, organisation: organisation))"
        let added = try await EvaluationStore.append(
            to: campaign.id, register, name: name, organisation: organisation, standing: standing, on: db)
        return RowApplied(outcome: added ? .create : .unchanged, subject: subject, naturalKey: natural)
    }

    /// Spaces at the ends off, runs of spaces inside made one.
    static func clean(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
