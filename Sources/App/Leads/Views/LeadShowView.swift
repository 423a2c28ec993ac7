import Domain
import Foundation

enum LeadShowView {
    struct Model {
        var lead: LeadDTO
        var submitter: String
        var unit: String
        var related: [LeadDTO]
        var today: CivilDate
        var submitted: Bool
        var error: AppError.Message?
        var review: ReviewViews.Section? = nil
        var panels: [ReviewViews.PanelChoice] = []
        var parkMatches: [ParkMatch.Match] = []
        /// What later rooms show (the project it became, the 入库 form): `LeadExtensions`.
        var outcome = LeadExtensions.Outcome()
        /// Who did what when (`RecordHistory`).
        var history: HNode = text("")
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let lead = model.lead
        var content: [HNode] = []
        if model.submitted { content.append(Components.notice(lang("线索已提交，投促局将在时限内响应。", "Submitted; the bureau will respond in time."))) }
        if let error = model.error {
            content.append(el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(error.text(lang))))
        }
        if lead.collidesWithID != nil, lead.status.isOpen {
            content.append(
                el(
                    "div", [.cls("alert warn")],
                    text(lang("提交时该企业已有在办线索，待投促局合并或关联。", "This enterprise had an open lead at submission; the bureau will merge or link.")))
            )
        }
        content.append(
            el(
                "section", [.cls("panel")],
                Components.definitionList(
                    [
                        (lang("状态", "Status"), text(lead.status.label(lang))),
                        (lang("意向投资", "Investment"), text(lead.investmentText)),
                        (
                            lang("统一社会信用代码", "USCC"),
                            el(
                                "span", [], text(lead.uscc ?? "—"),
                                lead.enterpriseID.map { link(.enterprise($0), lang("（企业库）", " (registry)")) } ?? text(""))
                        ),
                        (lang("行业", "Industry"), text(lead.industryCode.isEmpty ? "—" : IndustryCodes.label(lead.industryCode))),
                        (lang("项目内容", "Project"), text(lead.projectContent.isEmpty ? "—" : lead.projectContent)),
                        (lang("投资方联系人", "Contact"), text(contact(lead))),
                        (lang("来源", "Channel"), text(lead.channel.label(lang))),
                        (lang("提交人", "Submitted by"), text("\(model.unit) \(model.submitter) · \(lead.submittedOn)")),
                        (lang("需求", "Needs"), text(needs(lead, lang))),
                        (lang("情况说明", "Notes"), text(lead.notes.isEmpty ? "—" : lead.notes)),
                    ] + (lead.decisionNote.isEmpty ? [] : [(lang("办理意见", "Decision"), text(lead.decisionNote))]))))
        content.append(el("h2", [], text(lang("响应时限（法定工作日）", "Response clock (working days)"))))
        let clock = LeadClock(lead, today: model.today)
        content.append(
            Components.table(
                [lang("环节", "Step"), lang("时限", "Due"), lang("完成", "Done"), ""],
                clock.steps.map { step in
                    [
                        text(step.label.text(lang)), text(step.deadline), text(step.done ?? "—"),
                        step.late ? el("span", [.cls("tag late")], text(lang("逾期", "Late"))) : text(""),
                    ]
                }, empty: ""))
        if !model.parkMatches.isEmpty { content += parkMatches(model.parkMatches, lang) }
        if let review = model.review {
            content += ReviewViews.section(review, leadID: lead.id, context: context)
        } else if context.may(.manage, .lead), lead.status.isOpen {
            content.append(el("h2", [], text(lang("预审", "Pre-review"))))
            content += ReviewViews.putToPanel(model.panels, leadID: lead.id, context: context)
        }
        content.insert(contentsOf: model.outcome.banner, at: 0)
        if lead.status.isOpen { content += model.outcome.section }
        if context.may(.manage, .lead), lead.status.isOpen { content += actions(model, context) }
        content.append(model.history)
        return Layout.page(
            lead.enterpriseName, crumbs: [.init(title: lang("招商线索", "Leads"), url: .leads), .init(title: lead.enterpriseName)],
            context: context, content: content)
    }

    /// The parks ranked by fit, with the reasons a cadre would give.
    static func parkMatches(_ matches: [ParkMatch.Match], _ lang: Lang) -> [HNode] {
        [
            el("h2", [], text(lang("园区匹配", "Park matching"))),
            Components.table(
                [lang("园区", "Park"), lang("匹配度", "Fit"), "", lang("理由", "Reasons")],
                matches.map { match in
                    [
                        text(match.park.name), text(String(match.score)),
                        match.fits
                            ? el("span", [.cls("tag attracted")], text(lang("可落地", "Fits")))
                            : el("span", [.cls("tag late")], text(lang("有缺口", "Gaps"))),
                        text(match.reasons.map { $0.label(lang) }.joined(separator: "；")),
                    ]
                }, empty: "", numeric: [1]),
        ]
    }

    static func needs(_ lead: LeadDTO, _ lang: Lang) -> String {
        var parts: [String] = []
        if lead.landMu != "0" { parts.append(lang("用地\(lead.landMu)亩", "land \(lead.landMu) mu")) }
        if lead.spaceM2 > 0 { parts.append(lang("厂房\(lead.spaceM2)㎡", "space \(lead.spaceM2) m²")) }
        if lead.energyTCE > 0 { parts.append(lang("能耗\(lead.energyTCE)吨标煤", "energy \(lead.energyTCE) tce")) }
        if lead.powerKVA > 0 { parts.append(lang("用电\(lead.powerKVA)kVA", "power \(lead.powerKVA) kVA")) }
        if lead.jobs > 0 { parts.append(lang("用工\(lead.jobs)人", "\(lead.jobs) jobs")) }
        return parts.isEmpty ? "—" : parts.joined(separator: "、")
    }

    /// The bureau's actions: respond, return or reject with a reason, merge into another lead.
    static func actions(_ model: Model, _ context: PageContext) -> [HNode] {
        let lang = context.lang
        let lead = model.lead
        let version = voidEl("input", [.type("hidden"), .name("version"), .value(String(lead.version))])
        var nodes: [HNode] = [el("h2", [], text(lang("投促局办理", "Bureau actions")))]
        if lead.status == .submitted {
            nodes.append(
                Components.postForm(
                    .leadRespond(lead.id), context, cls: "actions", [version, Components.submit(lang("已响应（联系线索提供人）", "Responded"))]))
        }
        let decisions = [
            (value: "returned", label: lang("退回补充材料", "Return for information")), (value: "rejected", label: lang("不予入库", "Reject")),
        ]
        let form = FormState(values: ["decision": "returned"])
        nodes.append(
            Components.postForm(
                .leadDecision(lead.id), context,
                [
                    version, Components.select("decision", lang("研判结论", "Decision"), decisions, form, lang, required: true),
                    Components.textArea("reason", lang("理由（将反馈给提供人）", "Reason (sent to the source)"), form, lang),
                    Components.submit(lang("提交结论", "Record decision")),
                ]))
        let targets = model.related.filter { $0.status.isOpen }
        if !targets.isEmpty {
            let options = targets.map { (value: $0.id.uuidString, label: "\($0.enterpriseName) · \($0.submittedOn)") }
            nodes.append(
                Components.postForm(
                    .leadMerge(lead.id), context,
                    [
                        version, Components.select("target", lang("并入同一企业的线索", "Merge into"), options, FormState(), lang, required: true),
                        Components.submit(lang("合并（同一企业只计一次）", "Merge"), cls: ""),
                    ]))
        }
        return nodes
    }

    /// "胡俊 · 0755-83001234 · 深圳", or "—".
    static func contact(_ lead: LeadDTO) -> String {
        let parts = [lead.contactName, lead.contactPhone, lead.homeCity].filter { !$0.isEmpty }
        return parts.isEmpty ? "—" : parts.joined(separator: " · ")
    }
}
