import Domain
import Foundation

/// 通报: the list of issued bulletins (第 N 期 by year) with the bureau's way to issue one — pick a
/// period whose ranking is published, preview, issue — and each bulletin as its A4 document.
enum BulletinView {
    struct ListModel {
        var issued: [BulletinService.Summary]
        /// Periods with a published ranking and no bulletin yet (the bureau's only).
        var issuable: [RankingPeriod]
        var mayManage: Bool
        var form: FormState
    }

    static func list(_ model: ListModel, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "通报依据已发布的考核排名（年终通报另依据已发布的年终座次）和闭环工单记录生成，按 GB/T 9704-2012 的 A4 版式排印；印发后按印发时的内容保存，摘要记入审计日志，不随以后的数据更正而改变。",
                        "Bulletins are drawn from published rankings and kept as issued.")))
        ]
        // the form below shows its fields' errors; without it (nothing left to issue) the banner says them
        var form = model.form
        if model.issuable.isEmpty || !model.mayManage, !form.errors.isEmpty {
            form.banner = .init(
                zh: form.errors.values.map(\.zh).sorted().joined(separator: " "),
                en: form.errors.values.map(\.en).sorted().joined(separator: " "))
        }
        content += Components.banner(form, lang)
        let rows = model.issued.map { s -> [HNode] in
            [
                el(
                    "a", [.href(SiteURL.bulletin(year: s.year, number: s.number).path)],
                    text(BulletinRecord.numberText(year: s.year, number: s.number))),
                text(s.title), text(RankingPeriod(s.period)?.label ?? s.period), text(s.issuedOn),
            ]
        }
        content.append(
            Components.table(
                [lang("期号", "No."), lang("标题", "Title"), lang("期次", "Period"), lang("印发日期", "Issued")], rows,
                empty: lang("尚未印发通报。", "No bulletin issued yet."), dates: [3]))
        if model.mayManage {
            content.append(el("h2", [], text(lang("印发通报", "Issue a bulletin"))))
            if model.issuable.isEmpty {
                content.append(
                    el("p", [.cls("empty")], text(lang("没有待印发的期次：先在“考核排名”中发布一期排名。", "No published ranking waits for a bulletin."))))
            } else {
                var form = model.form
                form.idPrefix = "b-"
                content.append(
                    el(
                        "form",
                        [Attr(name: "action", value: SiteURL.bulletinDraft.path), Attr(name: "method", value: "get"), .cls("form")],
                        Components.select(
                            "period", lang("期次（已发布排名）", "Period"), model.issuable.map { ($0.description, $0.label) }, form, lang,
                            required: true),
                        Components.field("issuer", lang("发文机关", "Issuing body"), form, lang, required: true),
                        el("p", [.cls("actions")], Components.submit(lang("预览", "Preview")))))
            }
        }
        return Layout.page(lang("通报", "Bulletins"), crumbs: [.init(title: lang("通报", "Bulletins"))], context: context, content: content)
    }

    /// The bureau's preview, with the button that issues it.
    static func draft(_ record: BulletinRecord, context: PageContext) -> String {
        let lang = context.lang
        let issue = Components.postForm(
            .bulletins, context, cls: "form no-print",
            [
                voidEl("input", [.type("hidden"), .name("period"), .value(record.period)]),
                voidEl("input", [.type("hidden"), .name("issuer"), .value(record.issuer)]),
                el(
                    "p", [.cls("muted")],
                    text(
                        lang(
                            "印发后编定期号，按此内容保存，不再重排；印发记入审计日志，附 SHA-256 摘要。",
                            "Once issued it is numbered and kept as it is; the digest goes to the audit log."))),
                el(
                    "p", [.cls("actions")], Components.submit(lang("印发", "Issue")),
                    el("a", [.href(SiteURL.bulletins.path), .cls("button")], text(lang("返回", "Back")))),
            ])
        return Layout.page(
            lang("通报预览", "Bulletin preview"),
            crumbs: [.init(title: lang("通报", "Bulletins"), url: .bulletins), .init(title: lang("预览", "Preview"))],
            context: context, content: [issue, BulletinDocument.render(record, draft: true, demo: context.isDemo)])
    }

    static func issued(_ b: BulletinService.Issued, mayExport: Bool, context: PageContext) -> String {
        let lang = context.lang
        var actions: [HNode] = [
            el("button", [.type("button"), .cls("primary"), .data("print", "")], text(lang("打印（A4）", "Print (A4)")))
        ]
        if mayExport {
            actions.append(
                el(
                    "a",
                    [
                        .href(SiteURL.bulletin(year: b.record.year, number: b.record.number).with(query: ["format": "xlsx"])),
                        .cls("button"),
                    ],
                    text(lang("下载 Excel", "Download .xlsx"))))
        }
        actions.append(el("a", [.href(SiteURL.bulletins.path), .cls("button")], text(lang("全部通报", "All bulletins"))))
        let status = el(
            "div", [.cls("no-print")],
            PublicationText.line(b.publication, through: b.record.through, lang, verb: "印发"),
            el("p", [.cls("actions")], children: actions))
        return Layout.page(
            "\(b.record.numberText) " + b.record.title,
            crumbs: [.init(title: lang("通报", "Bulletins"), url: .bulletins), .init(title: b.record.numberText)], context: context,
            content: [status, BulletinDocument.render(b.record, draft: false, demo: context.isDemo)])
    }
}
