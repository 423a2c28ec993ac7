import Domain
import Foundation

/// The project page: one timeline of stages and money, the three accountable roles, the ledger's
/// totals, time in each stage, and the forms for those who answer for the project.
enum ProjectShowView {
    struct VerifyForm: Sendable {
        var url: SiteURL
        var field: String
        var value: String
    }

    struct Entry: Sendable {
        var date: String
        var title: String
        var detail: String
        var who: String
        /// Who verified it and when; nil while unverified (nil too for the acceptance itself).
        var verified: String?
        var verifyForm: VerifyForm? = nil
        /// Stages and money are verified; activities are not.
        var verifiable = true
        var files: [FileLink] = []
        /// Where more evidence for this entry is sent, while it is unverified and the user answers for it.
        var attach: (type: String, id: UUID)? = nil
        /// Recorded more than a week after it happened (补录).
        var backFilled = false
    }

    struct FileLink: Sendable {
        var id: UUID
        var name: String
        var size: String
    }

    struct Attractor: Sendable {
        var name: String
        var unit: String
        var basisPoints: Int
    }

    struct Model {
        var project: ProjectDTO.Summary
        var hostName: String
        var leaderName: String
        var taskForceName: String
        var attractors: [Attractor]
        var coordinators: [String]
        var timeline: [Entry]
        /// Reported and not yet verified: shown beside the verified figure, never inside it.
        var fundsPending: String?
        var fundsVerified: String
        var foreign: [String]
        var missingRates: [String]
        var stageDays: [(ProjectStage, Int)]
        var alerts: [StallRule.Alert]
        /// The limits of the project's jurisdiction that raised them.
        var stallRule = StallRule()
        /// Days from the verified signing to the verified production, as seed [002] counts them.
        var daysToProduction: Int?
        var mayReport: Bool
        var isHost: Bool
        var isBureau: Bool
        var hostOptions: [(value: String, label: String)]
        var leaderOptions: [(value: String, label: String)] = []
        /// What later rooms show on the page (`ProjectExtensions`).
        var sections: [HNode] = []
        var actions: [HNode] = []
        /// Who did what when (`RecordHistory`), folded under the timeline.
        var history: HNode = text("")
        var error: AppError.Message?
        var form = FormState()
    }

    static func message(_ error: AppError) -> AppError.Message {
        AppError.Message(
            zh: error.zh + error.fields.values.map { " " + $0.zh }.joined(), en: error.en + error.fields.values.map { " " + $0.en }.joined()
        )
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let p = model.project
        var content: [HNode] = []
        if let error = model.error {
            content.append(el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error.text(lang))))
        }
        content += alerts(model, lang)
        let share = { (a: Attractor) in "\(a.name)（\(a.unit)）\(Percent.text(Int64(a.basisPoints / 10)))" }
        var stage = p.stage.label(lang)
        if p.stage != p.verifiedStage {
            stage += lang("（已核验：\(p.verifiedStage.label(lang))）", " (verified: \(p.verifiedStage.label(lang)))")
        }
        content.append(
            el(
                "section", [.cls("panel")],
                Components.definitionList([
                    (lang("企业", "Enterprise"), text(p.enterpriseName)),
                    (lang("阶段", "Stage"), text(stage + lang("，自 \(p.stageSince)", " since \(p.stageSince)"))),
                    (lang("意向投资", "Intended"), text(p.investmentText + (p.isMajor ? lang(" · 重大项目", " · major") : ""))),
                    (lang("合同投资额", "Contract amount"), text(contractLine(p, lang))),
                    (lang("到位资金", "Funds arrived"), text(fundsLine(model, lang))),
                    (lang("招商人", "Attractors"), text(model.attractors.map(share).joined(separator: "、"))),
                    (
                        lang("承接单位", "Host unit"),
                        text("\(model.hostName) · \(p.hostStatus.label(lang))" + (p.hostReason.isEmpty ? "" : "：\(p.hostReason)"))
                    ),
                    (lang("协同单位", "Coordinating"), text(model.coordinators.isEmpty ? "—" : model.coordinators.joined(separator: "、"))),
                    (lang("包保领导", "Responsible leader"), text(model.leaderName.isEmpty ? "—" : model.leaderName)),
                    (lang("项目专班", "Task force"), text(model.taskForceName.isEmpty ? "—" : model.taskForceName)),
                    (lang("来源线索", "From lead"), link(.lead(p.leadID), lang("查看线索与预审意见", "Lead and panel opinions"))),
                ])))
        content.append(el("h2", [], text(lang("各阶段用时（已核验，天）", "Days in each stage (verified)"))))
        if let days = model.daysToProduction {
            content.append(el("p", [], text(lang("签约至投产 \(days) 天（已核验）。", "\(days) days from signing to production (verified)."))))
        }
        content.append(Charts.bars(model.stageDays.map { ($0.0.label(lang), $0.1) }, unit: lang("天", "d")))
        content += model.sections
        // the story first; the forms fold away until needed (open when a host's answer is due or
        // a submission came back with an error)
        content.append(el("h2", [], text(lang("项目时间轴", "Timeline"))))
        content += model.actions
        content.append(timeline(model.timeline, project: p.id, context))
        let forms = ProjectForms.forms(model, context: context)
        if !forms.isEmpty {
            let open = model.error != nil || (model.isHost && p.hostStatus == .pending)
            content.append(
                el(
                    "details", [.cls("forms")] + (open ? [.flag("open")] : []),
                    children: [el("summary", [], text(lang("填报与办理（报送进度、登记资金等）", "Report and act (stages, funds…)")))] + forms))
        }
        content.append(model.history)
        return Layout.page(
            p.title, crumbs: [.init(title: lang("项目看板", "Pipeline board"), url: .projects), .init(title: p.title)], context: context,
            content: content)
    }

    /// The verified contract with its signing day; a reported signing not yet verified beside it
    /// (which one is pending is `ProjectFacts`' rule).
    static func contractLine(_ p: ProjectDTO.Summary, _ lang: Lang) -> String {
        func signing(_ on: String?, _ contract: Money?) -> ProjectFacts.Signing? {
            guard let on = on.flatMap({ CivilDate($0) }), let contract else { return nil }
            return .init(on: on, contract: contract)
        }
        var line =
            p.verifiedContractText.map {
                $0 + lang("（\(p.verifiedSignedOn ?? "") 签约，已核验）", " (signed \(p.verifiedSignedOn ?? ""), verified)")
            } ?? "—"
        if let pending = ProjectFacts.pendingSigning(
            verified: signing(p.verifiedSignedOn, p.verifiedContract), reported: signing(p.signedOn, p.contract))
        {
            let amount = ChineseAmount.format(pending.contract)
            line += lang("；待核验：\(amount)（\(pending.on) 签约）", "; pending: \(amount) (signed \(pending.on))")
        }
        return line
    }

    static func fundsLine(_ model: Model, _ lang: Lang) -> String {
        var line = lang("已核验 ", "verified ") + model.fundsVerified
        if let pending = model.fundsPending { line += lang("（另有待核验 \(pending)）", " (pending verification: \(pending))") }
        if !model.foreign.isEmpty { line += lang("；外币原值 ", "; in foreign currency ") + model.foreign.joined(separator: "、") }
        if !model.missingRates.isEmpty {
            line += lang("（缺汇率：", " (no rate: ") + model.missingRates.joined(separator: "、") + lang("，未计入）", ", not counted)")
        }
        return line
    }

    static func alerts(_ model: Model, _ lang: Lang) -> [HNode] {
        var nodes: [HNode] = model.alerts.map { alert in
            switch alert {
            case .signedNotStarted(let days):
                el(
                    "div", [.cls("alert warn")],
                    text(
                        lang(
                            "签约 \(days) 天未开工（超过本辖区规定的 \(model.stallRule.signedNotStartedDays) 天）。",
                            "Signed \(days) days ago and not started.")))
            case .quiet(let days):
                el(
                    "div", [.cls("alert warn")],
                    text(
                        lang(
                            "已 \(days) 天无任何进展记录（超过本辖区规定的 \(model.stallRule.quietDays) 天）。", "No activity for \(days) days.")))
            }
        }
        if model.project.isMajor, model.project.leaderID == nil {
            nodes.append(el("div", [.cls("alert warn")], text(lang("重大项目尚未明确包保领导。", "A major project without a responsible leader."))))
        }
        if model.project.hostStatus == .declined {
            nodes.append(
                el("div", [.cls("alert warn")], text(lang("承接单位不承接，已转投促局协调另定承接单位。", "The host declined; the bureau names another."))))
        }
        return nodes
    }

    static func timeline(_ entries: [Entry], project: UUID, _ context: PageContext) -> HNode {
        let lang = context.lang
        let items = entries.map { entry -> HNode in
            var children: [HNode] = [
                el("div", [.cls("when")], text(entry.date)),
                el(
                    "div", [.cls("what")],
                    children: [text(entry.title)]
                        + (entry.backFilled ? [text(" "), el("span", [.cls("tag")], text(lang("补录", "back-filled")))] : [])),
            ]
            if !entry.detail.isEmpty { children.append(el("div", [.cls("muted")], text(entry.detail))) }
            var status: [HNode] = []
            if !entry.who.isEmpty { status.append(text(entry.who + " · ")) }
            if let verified = entry.verified {
                status.append(el("span", [.cls("tag attracted")], text(lang("已核验 ", "Verified ") + verified)))
            } else if entry.verifiable, !entry.who.isEmpty {
                status.append(el("span", [.cls("tag late")], text(lang("待核验", "Not verified"))))
            }
            children.append(el("div", [.cls("small")], children: status))
            if !entry.files.isEmpty {
                let links = entry.files.map { f in
                    el("li", [], el("a", [.href(SiteURL.evidence(f.id).path)], text(f.name)), text("（\(f.size)）"))
                }
                children.append(el("ul", [.cls("files small")], children: links))
            }
            if let attach = entry.attach {
                children.append(attachForm(attach, project: project, context))
            }
            if let form = entry.verifyForm {
                children.append(
                    Components.postForm(
                        form.url, context, cls: "inline",
                        [
                            voidEl("input", [.type("hidden"), .name(form.field), .value(form.value)]),
                            Components.submit(lang("核验", "Verify"), cls: ""),
                        ]))
            }
            return el("li", [], children: children)
        }
        return el("ol", [.cls("timeline")], children: items)
    }

    static func attachForm(_ attach: (type: String, id: UUID), project: UUID, _ context: PageContext) -> HNode {
        let lang = context.lang
        return Components.postForm(
            .projectFiles(project), context, cls: "inline attach", multipart: true,
            [
                voidEl("input", [.type("hidden"), .name("entryType"), .value(attach.type)]),
                voidEl("input", [.type("hidden"), .name("entry"), .value(attach.id.uuidString)]),
                voidEl(
                    "input",
                    [
                        .type("file"), .name("file"), .flag("required"),
                        Attr(name: "accept", value: "application/pdf,image/jpeg,image/png"),
                        Attr(name: "aria-label", value: lang("补充佐证文件", "Add an evidence file")),
                    ]),
                Components.submit(lang("补充材料", "Add file"), cls: ""),
            ])
    }
}
