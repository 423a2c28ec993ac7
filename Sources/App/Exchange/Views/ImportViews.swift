import Domain
import Foundation
import Spreadsheet

/// 导入 pages: the upload form with one's recent imports, and one import's plan and report.
enum ImportViews {
    static func list(
        _ imports: [ImportRecord], kinds: [(name: String, title: String, fields: [ImportField])], titles: [String: String], form: FormState,
        context: PageContext
    ) -> String {
        let lang = context.lang
        let upload = Components.postForm(
            .imports, context, multipart: true,
            Components.banner(form, lang) + [
                Components.select("kind", lang("导入内容", "What"), kinds.map { ($0.name, $0.title) }, form, lang),
                el("ul", [.cls("muted")], children: kinds.map { kind in columns(kind.title, kind.fields, lang) }),
                Components.wrap(
                    "file", lang("文件（.xlsx 或 .csv，20 MB 以内）", "File (.xlsx or .csv, up to 20 MB)"), form, lang, required: true,
                    hint: lang(
                        "Excel、WPS 另存的 .xlsx，或 CSV（UTF-8 或 GBK 编码均可）。先试导入，核对每一行后再导入；有一行出错则一条也不写入。",
                        "An .xlsx, or a CSV in UTF-8 or GBK. Dry-run first; one row in error writes nothing."),
                    control: voidEl("input", [.type("file"), .name("file"), .id("f-file"), Attr(name: "accept", value: ".xlsx,.csv")])),
                Components.submit(lang("上传并检查", "Upload and check")),
            ])
        let rows = imports.map { record -> [HNode] in
            let stored = record.stored
            return [
                link(.importItem(record.id!), record.fileName),
                text(titles[record.kind] ?? record.kind),
                text(status(record.status, lang)),
                text(stored.map { "新增 \($0.count("新增"))，更新 \($0.count("更新"))，错误 \($0.count("错误"))" } ?? "—"),
                text(BeijingTime.text(millis: record.createdAt)),
            ]
        }
        return Layout.page(
            lang("导入", "Import"), context: context,
            content: [
                el("section", [.cls("panel")], el("h2", [], text(lang("上传台账", "Upload a ledger"))), upload),
                el("h2", [], text(lang("我的导入", "My imports"))),
                Components.table(
                    [lang("文件", "File"), lang("内容", "What"), lang("状态", "Status"), lang("结果", "Result"), lang("上传时间", "Uploaded")], rows,
                    empty: lang("还没有导入过文件。", "No imports yet."), dates: [4]),
            ])
    }

    /// "招商线索：企业名称、意向投资额、线索来源 必填；可有 …" — what a kind's ledger needs.
    static func columns(_ title: String, _ fields: [ImportField], _ lang: Lang) -> HNode {
        let required = fields.filter(\.required).map(\.label).joined(separator: "、")
        let optional = fields.filter { !$0.required }.map(\.label).joined(separator: "、")
        return el(
            "li", [],
            text(lang("\(title)：\(required.isEmpty ? "" : "须有 \(required) 列；")可有 \(optional)", "\(title): \(required) required")))
    }

    /// A long run's progress: "已处理 1,200 / 10,000 行", the page refreshing itself every two
    /// seconds (the script), or by the link without it.
    static func running(_ progress: ImportJobs.Progress?, commit: Bool, _ record: ImportRecord, _ lang: Lang) -> HNode {
        let doing = commit ? lang("正在导入", "Importing") : lang("正在试导入", "Dry-running")
        let again = link(.importItem(record.id!), lang("刷新", "Refresh"))
        guard let progress else {
            return el(
                "section", [.cls("panel"), .id("report"), Attr(name: "data-refresh", value: "5")],
                el("h2", [], text(doing)),
                el(
                    "p", [],
                    text(lang("这份台账在另一台服务器上处理，或处理已中断。请稍后", "Running on another server, or stopped. ")), again,
                    text(lang("；如长时间没有结果，请重新试导入。", "; if nothing comes, dry-run again."))))
        }
        let percent = progress.total == 0 ? 0 : progress.done * 100 / progress.total
        return el(
            "section", [.cls("panel"), .id("report"), Attr(name: "data-refresh", value: "2")],
            el("h2", [], text(doing)),
            el(
                "progress", [Attr(name: "value", value: String(progress.done)), Attr(name: "max", value: String(max(progress.total, 1)))],
                text("\(percent)%")),
            el(
                "p", [],
                text(
                    lang(
                        "已处理 \(AmountColumn.grouped(UInt64(progress.done))) / \(AmountColumn.grouped(UInt64(progress.total))) 行（\(percent)%）。全部完成前不写入任何记录。本页每 2 秒自动刷新，也可",
                        "\(progress.done) of \(progress.total) rows (\(percent)%). Nothing is written until all are done. ")), again,
                text(lang("。", "."))))
    }

    static func status(_ raw: String, _ lang: Lang) -> String {
        switch raw {
        case "checking": lang("试导入中", "Dry-running")
        case "committing": lang("导入中", "Importing")
        case "committed": lang("已导入", "Imported")
        case "checked": lang("已试导入", "Dry-run done")
        default: lang("待试导入", "Uploaded")
        }
    }

    static func show(
        _ record: ImportRecord, source: ImportSource, kind: (title: String, fields: [ImportField]), progress: ImportJobs.Progress?,
        context: PageContext
    )
        -> String
    {
        let fields = kind.fields
        let lang = context.lang
        let plan = record.plan
        let headers = source.headers(at: plan.headerRow)
        let width = max((headers.keys.max() ?? -1) + 1, (source.rows.first?.cells.keys.max() ?? 0) + 1)
        let dataRows = source.rows.filter { $0.number > plan.headerRow && !$0.isBlank }.count
        var controls: [HNode] = []
        if source.sheetNames.count > 1 {
            controls.append(
                Components.select(
                    "sheet", lang("工作表", "Sheet"), source.sheetNames.map { ($0, $0) }, FormState(values: ["sheet": source.sheet]), lang))
        }
        controls.append(
            Components.field(
                "headerRow", lang("表头在第几行", "Header row"), FormState(values: ["headerRow": String(plan.headerRow)]), lang, type: "number",
                hint: lang("标题行、合并的表头都可以：选中真正写着列名的那一行", "The row that holds the column names"),
                attrs: [Attr(name: "min", value: "1"), Attr(name: "max", value: "50")]))
        let choices = [("", lang("（不导入）", "(skip)"))] + fields.map { ($0.key, $0.label + ($0.required ? "（必填）" : "")) }
        let mappingRows = (0..<min(width, 60)).map { column -> [HNode] in
            let sample =
                source.rows.first { $0.number > plan.headerRow && $0[column] != .empty }.map {
                    String($0[column].text(date1904: source.date1904).prefix(30))
                } ?? ""
            let name = "col\(column)"
            let options = choices.map { value, label in
                el("option", [.value(value)] + (plan.mapping[column] ?? "" == value ? [.flag("selected")] : []), text(label))
            }
            let label = ColumnMapping.columnName(column) + lang(" 列对应字段", " column's field")
            return [
                text(ColumnMapping.columnName(column)), text(headers[column] ?? ""), text(sample),
                el("select", [.name(name), .id("f-" + name), Attr(name: "aria-label", value: label)], children: options),
            ]
        }
        let planForm = Components.postForm(
            .importCheck(record.id!), context,
            controls + [
                Components.table(
                    [lang("列", "Column"), lang("表头", "Header"), lang("示例", "Example"), lang("对应字段", "Field")], mappingRows,
                    empty: lang("表头行为空。", "The header row is empty.")),
                Components.submit(lang("试导入", "Dry run")),
            ])
        var content: [HNode] = [
            el(
                "p", [.cls("muted")],
                text(
                    lang(
                        "\(record.fileName) · \(source.sheet.isEmpty ? "CSV" : "工作表“\(source.sheet)”") · 表头第 \(plan.headerRow) 行 · 数据 \(dataRows) 行",
                        "\(record.fileName) · header row \(plan.headerRow) · \(dataRows) rows"))),
            el("section", [.cls("panel")], el("h2", [], text(lang("列对应", "Column mapping"))), templateNote(record, lang), planForm),
        ]
        if record.status == "checking" || record.status == "committing" {
            // what the person waits for, first on the page
            content.insert(running(progress, commit: record.status == "committing", record, lang), at: 1)
        } else if let stored = record.stored {
            content += report(stored, record, template: record.template.isEmpty ? kind.title : record.template, context)
        }
        return Layout.page(
            lang("导入：", "Import: ") + record.fileName, crumbs: [.init(title: lang("导入", "Import"), url: .imports)], context: context,
            content: content)
    }

    static func templateNote(_ record: ImportRecord, _ lang: Lang) -> HNode {
        guard !record.template.isEmpty else {
            return el("p", [.cls("muted")], text(lang("列对应按表头自动识别，请逐列核对。", "Suggested from the headers; check each column.")))
        }
        return el(
            "p", [.cls("muted")],
            text(lang("已按本单位模板“\(record.template)”对应列（按表头名称找列，可调整）。", "Mapped by your unit's template “\(record.template)”.")))
    }

    static func report(_ stored: StoredReport, _ record: ImportRecord, template: String, _ context: PageContext) -> [HNode] {
        let lang = context.lang
        let title =
            stored.committed
            ? lang("导入完成", "Imported")
            : stored.dryRun
                ? lang("试导入结果（未写入任何记录）", "Dry run (nothing written)")
                : lang("未导入：一条也没有写入", "Not imported: nothing written")
        var nodes: [HNode] = [
            el("h2", [.id("report")], text(title)),
            el(
                "p", [.cls("totals")],
                children: ["新增", "更新", "无变化", "跳过", "错误"].map { word in
                    el("span", [], text(word + " "), el("strong", [], text(String(stored.count(word)))))
                }),
        ]
        nodes += stored.problems.map { el("p", [.cls("field-error")], text($0)) }
        let errors = stored.rows.filter { $0.word == "错误" }
        if !errors.isEmpty {
            nodes.append(
                el(
                    "p", [],
                    link(.importErrors(record.id!), lang("下载出错的行（.xlsx，附错误说明）", "Download the rows in error"), [.cls("button")]),
                    text(lang(" 改正后重新上传即可。", " Fix them and upload again."))))
            nodes.append(
                el(
                    "ul", [.cls("import-errors")],
                    children: errors.prefix(200).flatMap { row in row.messages.map { el("li", [], text($0)) } }))
        }
        if stored.dryRun, stored.problems.isEmpty, errors.isEmpty, record.status == "checked" {
            nodes.append(
                Components.postForm(
                    .importCommit(record.id!), context,
                    [
                        Components.field(
                            "template", lang("把列对应保存为模板（下月同样的台账直接套用；留空则不保存）", "Save the mapping as a template (blank: don't)"),
                            FormState(values: ["template": template]), lang,
                            attrs: [Attr(name: "maxlength", value: String(ImportTemplates.nameLimit))]),
                        Components.submit(lang("确认导入（共 \(stored.rows.count) 行）", "Import (\(stored.rows.count) rows)")),
                    ]))
        }
        let shown = stored.rows.prefix(200).map { row -> [HNode] in
            [text(String(row.row)), text(row.word), text(row.subject), text(row.messages.joined(separator: "；"))]
        }
        nodes.append(
            Components.table(
                [lang("行", "Row"), lang("结果", "Outcome"), lang("名称", "Name"), lang("说明", "Note")], shown,
                empty: lang("没有数据行。", "No data rows."), numeric: [0]))
        if stored.rows.count > 200 {
            nodes.append(el("p", [.cls("muted")], text(lang("仅列出前 200 行。", "The first 200 rows are shown."))))
        }
        return nodes
    }
}
