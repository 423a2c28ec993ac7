import Domain
import Vapor

/// Every error a user can cause: a stable code for the API, a message in Chinese and English,
/// and a 4xx status. A 500 is a bug.
struct AppError: Error, AbortError, Sendable {
    let code: String
    let status: HTTPResponseStatus
    let zh: String
    let en: String
    /// Per-field messages for forms: field name → (zh, en).
    var fields: [String: Message] = [:]

    struct Message: Sendable, Equatable {
        let zh: String
        let en: String
        func text(_ lang: Lang) -> String { lang == .en ? en : zh }
    }

    var reason: String { zh }
    func message(_ lang: Lang) -> String { lang == .en ? en : zh }

    static func validation(_ fields: [String: Message]) -> AppError {
        AppError(
            code: "validation_failed", status: .unprocessableEntity, zh: "提交的内容有误，请按提示修改。",
            en: "Some fields are invalid.", fields: fields)
    }

    static func field(_ name: String, zh: String, en: String) -> AppError {
        validation([name: Message(zh: zh, en: en)])
    }

    static let notFound = AppError(code: "not_found", status: .notFound, zh: "找不到该记录，或它不在您的辖区内。", en: "Not found.")
    static let forbidden = AppError(code: "forbidden", status: .forbidden, zh: "您的角色无权进行此操作。", en: "Your role may not do this.")
    static let unauthenticated = AppError(
        code: "unauthenticated", status: .unauthorized, zh: "请先登录。", en: "Please log in.")
    static let invalidToken = AppError(
        code: "invalid_token", status: .unauthorized, zh: "API 令牌无效或已吊销。", en: "The API token is invalid or revoked.")
    static let csrf = AppError(
        code: "csrf_failed", status: .forbidden, zh: "页面已过期或来源不明，请刷新后重试。",
        en: "The form has expired or did not come from this site; reload and try again.")
    static let badBody = AppError(
        code: "invalid_body", status: .badRequest, zh: "请求内容格式不正确。", en: "The request body could not be read.")

    /// A body that did not parse, naming the field that did not (`invalid_body` with `fields`).
    static func badBody(_ error: DecodingError) -> AppError {
        let path: [any CodingKey]
        let missing: Bool
        switch error {
        case .keyNotFound(let key, let context): (path, missing) = (context.codingPath + [key], true)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            (path, missing) = (context.codingPath, false)
        @unknown default: return badBody
        }
        let name = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
        guard !name.isEmpty else { return badBody }
        let message =
            missing
            ? Message(zh: "缺少字段 \(name)。", en: "\(name) is missing.")
            : Message(zh: "字段 \(name) 的格式不正确。", en: "\(name) has the wrong form.")
        return AppError(
            code: "invalid_body", status: .badRequest, zh: "请求内容格式不正确：\(message.zh)",
            en: "The request body could not be read: \(message.en)",
            fields: [name: message])
    }

    static func conflict(_ conflict: VersionConflict) -> AppError {
        AppError(
            code: "version_conflict", status: .conflict,
            zh: "此记录已被他人修改（您编辑的是第 \(conflict.expected) 版，当前为第 \(conflict.current) 版）。您的修改未保存，请刷新后重新编辑。",
            en:
                "Someone saved this record first (you edited version \(conflict.expected), it is now \(conflict.current)). Nothing was overwritten; reload and edit again."
        )
    }

    static func duplicate(_ what: String, zh: String, en: String) -> AppError {
        field(what, zh: zh, en: en).with(code: "duplicate", status: .conflict)
    }

    func with(code: String, status: HTTPResponseStatus) -> AppError {
        AppError(code: code, status: status, zh: zh, en: en, fields: fields)
    }
}

extension AppError.Message {
    static func required(_ label: String, _ labelEN: String) -> Self {
        .init(zh: "请填写\(label)。", en: "\(labelEN) is required.")
    }
    static func tooLong(_ label: String, _ labelEN: String, _ max: Int) -> Self {
        .init(zh: "\(label)不能超过 \(max) 个字。", en: "\(labelEN) must be at most \(max) characters.")
    }
}

extension AppError.Message: Error {}

/// A command that failed: its message has been printed; the process exits non-zero (the
/// entry point exits with the code, without a crash report).
public struct ExitCode: Error, CustomStringConvertible {
    public let code: Int32
    init(_ code: Int32) { self.code = code }
    public var description: String { "exit code \(code)" }
}

extension String {
    /// NUL and other control characters have no place in names and would be refused by
    /// PostgreSQL; bidirectional overrides and isolates (U+202A–202E, U+2066–2069) make a name
    /// read otherwise than it is. Both are rejected at validation, with a message.
    var hasControlCharacters: Bool {
        unicodeScalars.contains {
            ($0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t")
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
    }
}

extension String {
    /// Format characters — zero-width space and joiner, soft hyphen, byte order mark, direction
    /// marks — print as nothing: a name or a published text holding one reads otherwise than it
    /// is, and two that look the same are not (TextFold drops them where text is only compared).
    var hasInvisibleCharacters: Bool { unicodeScalars.contains { $0.properties.generalCategory == .format } }
}

extension AppError {
    /// Refuses the request if any of the given text fields carries control characters.
    static func checkText(_ fields: [String: String?]) throws(AppError) {
        let bad = fields.filter { $0.value?.hasControlCharacters == true }.keys.sorted()
        guard bad.isEmpty else {
            throw .validation(
                Dictionary(uniqueKeysWithValues: bad.map { ($0, Message(zh: "含有不可见的控制字符，请删除后重试。", en: "Contains control characters.")) }))
        }
    }
}
