import Domain
import Foundation

/// What a published seating or ranking says of itself: when and by whom, to which day, and
/// whether its stored lines still agree with the digest published in the audit log.
enum PublicationText {
    /// `verb`: 发布 for a seating or a ranking, 印发 for a bulletin.
    static func line(_ p: SeatingService.Publication, through: String, _ lang: Lang, verb: String = "发布") -> HNode {
        let check =
            p.intact
            ? el("span", [.cls("tag ontime")], text(lang("摘要核对一致", "digest agrees")))
            : el("span", [.cls("tag late")], text(lang("摘要不一致：\(verb)后的记录被改动过", "digest differs: edited after publication")))
        return el(
            "p", [.cls("totals")],
            text(
                lang(
                    "已\(verb)：\(BeijingTime.text(millis: p.at)) 由 \(p.by) \(verb)，实绩截至 \(through)。摘要 SHA-256 ",
                    "Published \(BeijingTime.text(millis: p.at)) by \(p.by). SHA-256 ")),
            el("code", [], text(String(p.digest.prefix(16)) + "…")), text(" "), check)
    }
}
