import Foundation

/// A record's history on its page: folded under "操作记录（N）", newest first, one line an act.
enum HistoryView {
    static func render(_ entries: [RecordHistory.Entry], _ lang: Lang) -> HNode {
        guard !entries.isEmpty else { return text("") }
        return el(
            "details", [.cls("history")],
            el("summary", [], text(lang("操作记录（\(entries.count)）", "History (\(entries.count))"))),
            el(
                "ol", [.cls("history-list")],
                children: entries.map { entry in
                    el(
                        "li", [], el("span", [.cls("when")], text(BeijingTime.text(millis: entry.atMillis))),
                        text(" " + entry.who + " "), el("strong", [], text(RecordHistory.phrase(entry.action, lang))))
                }))
    }
}
