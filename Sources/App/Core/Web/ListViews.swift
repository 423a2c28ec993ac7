import Domain
import Foundation

/// The pieces every filtered list shows: sortable column headers and the count and totals of the
/// filtered set ("共 N 条", the money in 万元/亿元 with what is counted apart).
enum ListViews {
    /// A column header that sorts by it; a second click turns the order.
    static func sortLink(_ title: String, sort: String, current: String, descending: Bool, url: SiteURL, query: [String: String])
        -> HNode
    {
        let isCurrent = sort == current
        let next = isCurrent ? !descending : true
        let arrow = isCurrent ? (descending ? " ↓" : " ↑") : ""
        let href = url.with(query: query.merging(["sort": sort, "dir": next ? "desc" : "asc", "page": ""]) { $1 })
        return el("a", [.href(href)] + (isCurrent ? [.cls("sorted")] : []), text(title + arrow))
    }

    /// "共 N 个项目" / "共 N 条线索".
    static func count(_ count: Int, _ noun: (zh: String, en: String), _ lang: Lang) -> HNode {
        el("span", [], text(lang("共 ", "")), el("strong", [], text(String(count))), text(lang(" " + noun.zh, " " + noun.en)))
    }

    /// 范围: the whole jurisdiction, or what I and my unit answer for (`mine`), for those who read it all.
    static func scopeChoice(_ form: FormState, _ lang: Lang) -> HNode {
        Components.select(
            "mine", lang("范围", "Scope"),
            [("0", lang("本辖区全部", "Whole jurisdiction")), ("1", lang("我和本单位负责的", "Mine and my unit's"))], form, lang)
    }

    /// A total in prose: the CNY figure, and beside it the foreign part and the months without a rate.
    static func amount(_ label: String, _ total: ExchangeRates.Total, _ lang: Lang) -> HNode {
        var notes: [String] = []
        let foreign = total.foreign.values.sorted { $0.currency.rawValue < $1.currency.rawValue }.map(ChineseAmount.format)
        if !foreign.isEmpty { notes.append(lang("含外币 ", "incl. ") + foreign.joined(separator: "、")) }
        if !total.missingMonths.isEmpty { notes.append(lang("缺汇率未折算：", "no rate: ") + total.missingMonths.joined(separator: "、")) }
        return el(
            "span", [], text(label + " "), el("strong", [], text(ChineseAmount.format(total.cny))),
            text(notes.isEmpty ? "" : "（" + notes.joined(separator: "；") + "）"))
    }

    /// 导出 Excel · 导出 CSV: the list with the same filters, every page of it (the Exchange room's
    /// `ExportMiddleware` answers `format=`), for those `AccessPolicy` lets export it.
    static func exportLinks(_ url: SiteURL, query: [String: String], resource: AccessPolicy.Resource, _ context: PageContext) -> [HNode] {
        guard context.may(.export, resource) else { return [] }
        let lang = context.lang
        let base = query.merging(["page": ""]) { $1 }
        return [
            el(
                "span", [.cls("exports")],
                el(
                    "a", [.href(url.with(query: base.merging(["format": "xlsx"]) { $1 })), .cls("button")],
                    text(lang("导出 Excel", "Export Excel"))),
                el(
                    "a", [.href(url.with(query: base.merging(["format": "csv"]) { $1 })), .cls("button")],
                    text(lang("导出 CSV", "Export CSV"))))
        ]
    }
}
