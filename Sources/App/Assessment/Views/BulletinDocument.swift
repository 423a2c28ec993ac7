import Domain
import Foundation

/// A bulletin laid out as GB/T 9704-2012 asks of an official document: A4 with its margins and type
/// block (`@page bulletin` in the stylesheet: 37 mm top, 28 mm binding edge, 156 × 225 mm), the
/// masthead in red over a red rule, the title in 2号小标宋, the body in 3号仿宋, first-level headings
/// in 黑体, tables whose header repeats on every printed page and whose rows are never split, page
/// numbers "— 1 —" outside on odd and even pages, the issuing body and date, and the colophon.
enum BulletinDocument {
    static func render(_ b: BulletinRecord, draft: Bool, demo: Bool) -> HNode {
        let issued = CivilDate(b.issuedOn).map(BulletinRecord.chineseDate) ?? b.issuedOn
        var parts: [HNode] = []
        if draft { parts.append(el("p", [.cls("draft-mark")], text("草稿 · 未印发 · 期号印发时编定"))) }
        if demo { parts.append(el("p", [.cls("draft-mark")], text("演示数据：单位、人员和数字均为虚构"))) }
        parts += [
            el("p", [.cls("masthead")], text("招商引资工作通报")),
            el("p", [.cls("issue-no")], text(draft ? "\(b.year)年第　期" : b.numberText)),
            el(
                "div", [.cls("issue-line")], el("span", [], text(b.issuer)),
                el("span", [], text(issued))),
            el("h2", [.cls("doc-title")], text(b.title)),
        ]
        let opening = b.opening.split(separator: "\n").map(String.init)
        parts.append(el("p", [.cls("salutation")], text(opening.first ?? "")))
        parts += opening.dropFirst().map { el("p", [], text($0)) }
        parts.append(el("h3", [], text("一、考核排名")))
        parts.append(el("p", [], text(b.formula + b.tieRule)))
        var kinds: [String] = []
        for row in b.ranking where !kinds.contains(row.kind) { kinds.append(row.kind) }
        for (index, kind) in kinds.enumerated() {
            let rows = b.ranking.filter { $0.kind == kind }
            parts.append(el("p", [.cls("sub")], text("（\(chineseNumeral(index + 1))）\(kind)（\(rows.count) 个）")))
            parts.append(
                table(
                    ["名次", "单位", "得分", "实绩得分", "扣分", "合同投资完成"], wrap: [1],
                    rows.map {
                        [
                            "\($0.place)", $0.unit, RankingView.points($0.score), RankingView.points($0.results),
                            RankingView.points($0.deducted), $0.contract,
                        ]
                    }))
        }
        parts.append(el("h3", [], text("二、通报表扬")))
        parts.append(el("p", [], text(b.praiseRule)))
        parts += mentions(b.praise, none: "本期无表扬单位。")
        parts.append(el("h3", [], text("三、通报批评")))
        parts.append(el("p", [], text(b.criticismRule)))
        parts += mentions(b.criticism, none: "本期无批评单位。")
        parts.append(el("h3", [], text("四、工单超期进入通报环节情况")))
        if b.overdue.isEmpty {
            parts.append(el("p", [], text("本期无超期未答复进入通报环节的工单。")))
        } else {
            parts.append(el("p", [], text("以下工单超过答复期限 5 个工作日仍未答复，按闭环工单办法进入通报环节：")))
            parts.append(
                table(
                    ["责任单位", "工单编号", "事项", "答复期限", "进入通报", "答复日期"], wrap: [0, 2],
                    b.overdue.map { [$0.unit, $0.number, $0.title, $0.deadline, $0.reached, $0.answered ?? "未答复"] }))
        }
        parts.append(el("p", [], text(b.closing)))
        parts.append(
            el(
                "div", [.cls("signature")], el("p", [], text(b.issuer)),
                el("p", [], text(issued))))
        parts.append(
            el(
                "div", [.cls("colophon")], el("span", [], text(b.issuer)),
                el("span", [], text(issued + "印发"))))
        parts.append(el("p", [.cls("basis")], text("依据：" + b.sources.joined(separator: "；") + "。实绩截至 \(b.through)。")))
        return el("article", [.cls("paper")], children: parts)
    }

    static func mentions(_ list: [BulletinRecord.Mention], none: String) -> [HNode] {
        guard !list.isEmpty else { return [el("p", [], text(none))] }
        return list.enumerated().map { index, m in el("p", [], text("\(index + 1). \(m.unit)（\(m.kind)）：\(m.text)。")) }
    }

    /// A plain table: its header a `thead` (repeated on each printed page), rows kept whole; the
    /// columns in `wrap` (names, matters) wrap and align left, the figures and dates stay on one line.
    static func table(_ headers: [String], wrap: Set<Int>, _ rows: [[String]]) -> HNode {
        el(
            "table", [.cls("doc-table")],
            el("thead", [], el("tr", [], children: headers.map { el("th", [Attr(name: "scope", value: "col")], text($0)) })),
            el(
                "tbody", [],
                children: rows.map { row in
                    el("tr", [], children: row.enumerated().map { i, cell in el("td", wrap.contains(i) ? [.cls("name")] : [], text(cell)) })
                }))
    }

    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return n <= 10 ? digits[n] : n < 20 ? "十" + digits[n - 10] : "\(n)"
    }
}
