import Domain
import Foundation

/// The 入库 form on the lead page, shown to the panel's chair (or the bureau) once the panel has
/// reached its quorum.
enum AcceptForm {
    struct Options: Sendable {
        var people: [(value: String, label: String)]
        var hosts: [(value: String, label: String)]
        var units: [(value: String, label: String)]
        var leaders: [(value: String, label: String)]
        var taskForces: [(value: String, label: String)]
    }

    struct Model: Sendable {
        var options: Options
        var form: FormState
        var isMajor: Bool
    }

    static func render(_ model: Model, leadID: UUID, version: Int, context: PageContext) -> [HNode] {
        let lang = context.lang
        let form = model.form
        let options = model.options
        var fields: [HNode] = [
            voidEl("input", [.type("hidden"), .name("version"), .value(String(version))]),
            Components.field("title", lang("项目名称", "Project title"), form, lang, required: true),
            Components.select(
                "hostUnit", lang("承接单位（园区或乡镇）", "Host unit (park or town)"), options.hosts, form, lang, required: true,
                blank: lang("请选择", "Choose")),
        ]
        for index in 1...3 {
            fields.append(
                el(
                    "div", [.cls("grid")],
                    Components.select(
                        "attractor\(index)", lang("招商人 \(index)", "Attractor \(index)"), options.people, form, lang, required: index == 1,
                        blank: lang("（无）", "(none)")),
                    Components.field(
                        "share\(index)", lang("分成 %", "Share %"), form, lang, hint: index == 1 ? lang("合计须为 100", "Must sum to 100") : nil))
            )
        }
        fields += Components.errorLine("attractors", form, lang)
        fields.append(
            Components.checkboxes(
                "coordinators", lang("协同单位", "Coordinating units"), options.units,
                checked: Set(form["coordinators"].split(separator: ",").map(String.init)), form, lang))
        fields.append(
            el(
                "div", [.cls("grid")],
                Components.select(
                    "leader", model.isMajor ? lang("包保领导（重大项目必填）", "Responsible leader (required)") : lang("包保领导", "Responsible leader"),
                    options.leaders, form, lang, required: model.isMajor, blank: lang("（无）", "(none)")),
                Components.select("taskForce", lang("项目专班", "Task force"), options.taskForces, form, lang, blank: lang("（无）", "(none)"))))
        if context.may(.backFill) {
            fields.append(
                Components.field(
                    "acceptedOn", lang("入库日期（补录历史项目时填写，默认今天）", "Accepted on (for a past project; default today)"), form, lang,
                    hint: lang("如 2022-03-01；补录的项目及其阶段同样须经投促局另一同志核验", "e.g. 2022-03-01")))
        }
        fields.append(Components.submit(lang("同意入库", "Accept into the pipeline")))
        return [
            el("h2", [], text(lang("入库（组长决定）", "Accept (the chair decides)"))),
            Components.postForm(.leadAccept(leadID), context, fields),
        ]
    }
}
