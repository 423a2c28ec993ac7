import Vapor

/// Simplified Chinese by default, English switchable (SPEC §12). Texts sit next to their use as
/// `lang("中文", "English")` so a page can be read and translated in one file.
enum Lang: String, Sendable, CaseIterable {
    case zh, en

    func callAsFunction(_ zh: String, _ en: String) -> String { self == .en ? en : zh }

    static let cookieName = "zs_lang"
    var htmlCode: String { self == .en ? "en" : "zh-CN" }
}

extension Request {
    var lang: Lang { cookies[Lang.cookieName].flatMap { Lang(rawValue: $0.string) } ?? .zh }
}
