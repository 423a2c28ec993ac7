import Domain
import Foundation

/// The forms on the project page, each shown only to whom it is for.
enum ProjectForms {
    static func forms(_ model: ProjectShowView.Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        let p = model.project
        let version = voidEl("input", [.type("hidden"), .name("version"), .value(String(p.version))])
        var nodes: [HNode] = []
        if model.isHost, p.hostStatus == .pending {
            nodes.append(el("h2", [], text(lang("承接答复", "Host's answer"))))
            let choices = [
                (value: "accept", label: lang("承接", "Accept")), (value: "decline", label: lang("不承接（须说明理由）", "Decline (give a reason)")),
            ]
            nodes.append(
                Components.postForm(
                    .projectHost(p.id), context,
                    [
                        version,
                        Components.select(
                            "answer", lang("答复", "Answer"), choices, FormState(values: ["answer": "accept"]), lang, required: true),
                        Components.textArea("reason", lang("理由", "Reason"), FormState(), lang),
                        Components.submit(lang("提交答复", "Answer")),
                    ]))
        }
        if model.isBureau, p.hostStatus == .declined, !model.hostOptions.isEmpty {
            nodes.append(el("h2", [], text(lang("另定承接单位", "Name another host"))))
            nodes.append(
                Components.postForm(
                    .projectHostReassign(p.id), context,
                    [
                        version,
                        Components.select(
                            "hostUnit", lang("承接单位", "Host unit"), model.hostOptions.filter { $0.value != p.hostUnitID.uuidString },
                            FormState(), lang, required: true),
                        Components.submit(lang("改派", "Reassign")),
                    ]))
        }
        if model.isBureau, p.isMajor, !model.leaderOptions.isEmpty {
            nodes.append(el("h2", [], text(lang("包保领导", "Responsible leader"))))
            nodes.append(
                Components.postForm(
                    .projectLeader(p.id), context,
                    [
                        version,
                        Components.select(
                            "leader", lang("包保领导", "Leader"), model.leaderOptions,
                            FormState(values: ["leader": p.leaderID?.uuidString ?? ""]),
                            lang, required: true),
                        Components.submit(lang("确定", "Save"), cls: ""),
                    ]))
        }
        guard model.mayReport, p.stage != .terminated else { return nodes }
        nodes.append(el("h2", [], text(lang("报送进度", "Report progress"))))
        nodes.append(stageForm(model, context: context, version: version))
        if p.signedOn != nil {
            nodes.append(el("h2", [], text(lang("登记到位资金", "Record funds arrived"))))
            nodes.append(fundsForm(model, context: context))
        }
        return nodes
    }

    static func stageForm(_ model: ProjectShowView.Model, context: PageContext, version: HNode) -> HNode {
        let lang = context.lang
        let p = model.project
        let options = StageMachine.targets(from: p.stage, heldAt: p.heldAt, byBureau: model.isBureau).map {
            (value: $0.rawValue, label: $0.label(lang))
        }
        var form = model.form
        if form["to"].isEmpty { form.values["to"] = options.first?.value ?? "" }
        if form["occurredOn"].isEmpty { form.values["occurredOn"] = "" }
        return Components.postForm(
            .projectStage(p.id), context, multipart: true,
            Components.banner(form, lang) + [
                version,
                el(
                    "div", [.cls("grid")], Components.select("to", lang("进入阶段", "New stage"), options, form, lang, required: true),
                    Components.field("occurredOn", lang("发生日期", "Date"), form, lang, type: "date", required: true)),
                Components.field(
                    "contract", lang("合同投资额（签约时必填）", "Contract amount (at signing)"), form, lang,
                    hint: lang("如 29.14亿、5000万", "e.g. 29.14亿, 5000万")),
                Components.field(
                    "evidence", lang("佐证材料", "Evidence"), form, lang,
                    hint: lang("合同编号、施工许可证号等", "Contract number, permit number")),
                Components.evidenceFile(form, lang),
                Components.textArea("reason", lang("说明（暂缓、终止、跨阶段须填）", "Reason (needed to hold, terminate or skip)"), form, lang),
                Components.submit(lang("报送", "Report")),
            ])
    }

    static func fundsForm(_ model: ProjectShowView.Model, context: PageContext) -> HNode {
        let lang = context.lang
        var form = model.form
        form.idPrefix = "funds-"
        if form["currency"].isEmpty { form.values["currency"] = "CNY" }
        let currencies = Currency.allCases.map { (value: $0.rawValue, label: "\($0.rawValue) \($0.unitWord)") }
        return Components.postForm(
            .projectFunds(model.project.id), context, multipart: true,
            [
                el(
                    "div", [.cls("grid")], Components.field("arrivedOn", lang("到位日期", "Date"), form, lang, type: "date", required: true),
                    Components.field("amount", lang("金额", "Amount"), form, lang, required: true, hint: lang("如 4389万、1.2亿", "e.g. 4389万"))),
                el(
                    "div", [.cls("grid")], Components.select("currency", lang("币种", "Currency"), currencies, form, lang, required: true),
                    el(
                        "label", [.cls("check")], voidEl("input", [.type("checkbox"), .name("isForeign"), .value("1")]),
                        text(lang("外资（实际利用外资）", "Foreign capital")))),
                Components.field(
                    "evidence", lang("佐证材料", "Evidence"), form, lang, hint: lang("银行进账单号、验资报告等", "Bank slip, capital verification report")),
                Components.evidenceFile(form, lang),
                Components.submit(lang("登记", "Record")),
            ])
    }
}
