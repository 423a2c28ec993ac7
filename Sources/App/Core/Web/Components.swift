import Domain
import Vapor

/// What a form shows: the values typed (kept on error, so nothing typed is lost) and per-field errors.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: AppError.Message] = [:]
    var banner: AppError.Message?
    /// Prefix of the inputs' ids, so two forms on one page asking the same thing stay apart.
    var idPrefix = "f-"

    subscript(_ key: String) -> String { values[key] ?? "" }

    init(values: [String: String] = [:]) { self.values = values }

    init(values: [String: String], error: AppError) {
        self.values = values
        self.errors = error.fields
        self.banner = .init(zh: error.zh, en: error.en)
    }
}

enum Components {
    static func banner(_ form: FormState, _ lang: Lang) -> [HNode] {
        guard let banner = form.banner else { return [] }
        return [el("div", [.cls("alert error"), Attr(name: "role", value: "alert")], text(banner.text(lang)))]
    }

    static func notice(_ message: String) -> HNode {
        el("div", [.cls("alert ok"), Attr(name: "role", value: "status")], text(message))
    }

    /// A labelled text input with its error under it.
    static func field(
        _ name: String, _ label: String, _ form: FormState, _ lang: Lang, type: String = "text",
        required: Bool = false, hint: String? = nil, attrs: [Attr] = []
    ) -> HNode {
        var inputAttrs: [Attr] = [.type(type), .name(name), .id(form.idPrefix + name), .value(form[name])] + attrs
        if required { inputAttrs.append(.flag("required")) }
        if form.errors[name] != nil { inputAttrs.append(Attr(name: "aria-invalid", value: "true")) }
        return wrap(name, label, form, lang, required: required, hint: hint, control: voidEl("input", inputAttrs))
    }

    static func textArea(_ name: String, _ label: String, _ form: FormState, _ lang: Lang, hint: String? = nil) -> HNode {
        wrap(
            name, label, form, lang, required: false, hint: hint,
            control: el("textarea", [.name(name), .id(form.idPrefix + name), Attr(name: "rows", value: "3")], text(form[name])))
    }

    static func select(
        _ name: String, _ label: String, _ options: [(value: String, label: String)], _ form: FormState, _ lang: Lang,
        required: Bool = false, blank: String? = nil
    ) -> HNode {
        var optionNodes: [HNode] = []
        if let blank { optionNodes.append(el("option", [.value("")], text(blank))) }
        for option in options {
            var attrs: [Attr] = [.value(option.value)]
            if form[name] == option.value { attrs.append(.flag("selected")) }
            optionNodes.append(el("option", attrs, text(option.label)))
        }
        var attrs: [Attr] = [.name(name), .id(form.idPrefix + name)]
        if required { attrs.append(.flag("required")) }
        return wrap(name, label, form, lang, required: required, hint: nil, control: el("select", attrs, children: optionNodes))
    }

    static func checkboxes(
        _ name: String, _ label: String, _ options: [(value: String, label: String)], checked: Set<String>,
        _ form: FormState, _ lang: Lang
    ) -> HNode {
        let boxes = options.map { option -> HNode in
            var attrs: [Attr] = [.type("checkbox"), .name("\(name)[]"), .value(option.value)]
            if checked.contains(option.value) { attrs.append(.flag("checked")) }
            return el("label", [.cls("check")], voidEl("input", attrs), text(option.label))
        }
        return el(
            "fieldset", [.cls("field")],
            children: [el("legend", [], text(label)), el("div", [.cls("checks")], children: boxes)] + errorLine(name, form, lang))
    }

    static func wrap(
        _ name: String, _ label: String, _ form: FormState, _ lang: Lang, required: Bool, hint: String?, control: HNode
    ) -> HNode {
        var children: [HNode] = [
            el("label", [.for(form.idPrefix + name)], children: [text(label)] + (required ? [el("span", [.cls("req")], text(" *"))] : [])),
            control,
        ]
        if let hint { children.append(el("small", [.cls("hint")], text(hint))) }
        return el("div", [.cls(form.errors[name] == nil ? "field" : "field has-error")], children: children + errorLine(name, form, lang))
    }

    static func errorLine(_ name: String, _ form: FormState, _ lang: Lang) -> [HNode] {
        guard let error = form.errors[name] else { return [] }
        return [el("p", [.cls("field-error")], text(error.text(lang)))]
    }

    static func postForm(_ action: SiteURL, _ context: PageContext, cls: String = "form", multipart: Bool = false, _ children: [HNode])
        -> HNode
    {
        let encoding = multipart ? [Attr(name: "enctype", value: "multipart/form-data")] : []
        return el("form", [.action(action), .post, .cls(cls)] + encoding, children: [Layout.csrfField(context)] + children)
    }

    /// A file input for evidence: PDF or images, the limit said beside it.
    static func evidenceFile(_ form: FormState, _ lang: Lang) -> HNode {
        field(
            "file", lang("佐证文件", "Evidence file"), form, lang, type: "file",
            hint: lang("PDF、JPEG 或 PNG，5 MB 以内（可选）", "PDF, JPEG or PNG, up to 5 MB (optional)"),
            attrs: [Attr(name: "accept", value: "application/pdf,image/jpeg,image/png")])
    }

    static func submit(_ label: String, cls: String = "primary") -> HNode {
        el("button", [.type("submit"), .cls(cls)], text(label))
    }

    /// A table; columns in `numeric` (amounts, counts) are right-aligned in tabular figures.
    /// A table whose cells carry their column's name (`data-label`), so below 600 px every row
    /// becomes a card of labelled lines instead of a table scrolled sideways. `heads` replaces the
    /// header cells' text (a sort link), `foot` adds a totals row.
    static func table(
        _ headers: [String], _ rows: [[HNode]], empty: String, numeric: Set<Int> = [], dates: Set<Int> = [], heads: [HNode]? = nil,
        foot: [HNode]? = nil
    ) -> HNode {
        guard !rows.isEmpty else { return el("p", [.cls("empty")], text(empty)) }
        func attrs(_ column: Int) -> [Attr] { numeric.contains(column) ? [.cls("num")] : dates.contains(column) ? [.cls("date")] : [] }
        func cells(_ row: [HNode]) -> HNode {
            el(
                "tr", [],
                children: row.enumerated().map { column, node in
                    let label = column < headers.count && !headers[column].isEmpty ? [Attr(name: "data-label", value: headers[column])] : []
                    return el("td", attrs(column) + label, node)
                })
        }
        let head = headers.enumerated().map { column, title in
            el("th", [Attr(name: "scope", value: "col")] + attrs(column), heads.map { $0[column] } ?? text(title))
        }
        var parts = [el("thead", [], el("tr", [], children: head)), el("tbody", [], children: rows.map(cells))]
        if let foot { parts.append(el("tfoot", [], cells(foot))) }
        return el("div", [.cls("table-wrap")], el("table", [], children: parts))
    }

    /// Previous / next links; lists do not count all matches, so paging stays fast at a million rows.
    static func pager(_ url: SiteURL, query: [String: String], page: Int, hasMore: Bool, _ lang: Lang) -> HNode {
        var links: [HNode] = []
        if page > 1 {
            let href = url.with(query: query.merging(["page": String(page - 1)]) { $1 })
            links.append(el("a", [.href(href), Attr(name: "rel", value: "prev")], text(lang("上一页", "Previous"))))
        }
        links.append(el("span", [.cls("page-no")], text(lang("第 \(page) 页", "Page \(page)"))))
        if hasMore {
            let href = url.with(query: query.merging(["page": String(page + 1)]) { $1 })
            links.append(el("a", [.href(href), Attr(name: "rel", value: "next")], text(lang("下一页", "Next"))))
        }
        return el("nav", [.cls("pager")], children: links)
    }

    static func definitionList(_ pairs: [(String, HNode)]) -> HNode {
        el("dl", [.cls("facts")], children: pairs.flatMap { [el("dt", [], text($0.0)), el("dd", [], $0.1)] })
    }
}
