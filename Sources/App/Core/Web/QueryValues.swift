import Domain
import Vapor

/// Query values are checked like any input: a value outside what the parameter takes is a 400 that
/// names the parameter (`overdue=AAA`), never silently read as the default.
extension Request {
    /// A query value as sent (`+` read as a space, percent-decoded; the last of a repeated name),
    /// or nil. The query is parsed once a request: Vapor's form decoder parses the whole query for
    /// every value asked, which was a twentieth of a list page's processor time.
    func queryValue(_ name: String) -> String? {
        if let parsed = storage[ParsedQueryKey.self] { return parsed[name] }
        let parsed = Self.parseQuery(url.query ?? "")
        storage[ParsedQueryKey.self] = parsed
        return parsed[name]
    }

    private struct ParsedQueryKey: StorageKey { typealias Value = [String: String] }

    static func parseQuery(_ query: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String? {
                part.contains("+") ? part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding : part.removingPercentEncoding
            }
            guard let name = decoded(parts[0]), let value = parts.count == 2 ? decoded(parts[1]) : "" else { continue }
            values[name] = value
        }
        return values
    }

    static func invalidQuery(_ name: String, _ raw: String, expected zh: String, _ en: String) -> AppError {
        AppError(
            code: "invalid_query", status: .badRequest, zh: "参数 \(name) 应为\(zh)，而不是“\(raw.prefix(20))”。",
            en: "\(name) must be \(en), not \"\(raw.prefix(20))\".")
    }

    /// A flag: absent or empty is false; "1" true, "0" false; anything else refused.
    func queryFlag(_ name: String) throws -> Bool {
        guard let raw = queryValue(name), !raw.isEmpty else { return false }
        switch raw {
        case "1": return true
        case "0": return false
        default: throw Self.invalidQuery(name, raw, expected: " 1 或 0", "1 or 0")
        }
    }

    /// `mine` of the project lists: whoever does not read every project of the jurisdiction sees
    /// only their own (`AccessPolicy.seesWholeJurisdiction`); the others when they ask.
    func queryMine() throws -> Bool {
        let readsAll = currentUser.map { AccessPolicy.seesWholeJurisdiction($0.roles) } ?? false
        return try !readsAll || queryFlag("mine")
    }

    /// One of an enumeration's values (of `choices` where only some may be asked for), or nil when
    /// absent or empty; any other value is refused, naming the ones allowed.
    func queryChoice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, among choices: [T]? = nil) throws -> T?
    where T.RawValue == String {
        guard let raw = queryValue(name), !raw.isEmpty else { return nil }
        let allowed = choices ?? Array(T.allCases)
        guard let value = allowed.first(where: { $0.rawValue == raw }) else {
            let names = allowed.map(\.rawValue)
            throw Self.invalidQuery(
                name, raw, expected: "以下之一：\(names.joined(separator: "、"))", "one of \(names.joined(separator: ", "))")
        }
        return value
    }

    /// An id, or nil when absent or empty.
    func queryID(_ name: String) throws -> UUID? {
        guard let raw = queryValue(name), !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else { throw Self.invalidQuery(name, raw, expected: "记录编号", "an id") }
        return id
    }
}

extension Request {
    /// The whole numbers typed into a form's `keys` (full-width digits read alike); a key left
    /// empty is nil, anything else not a whole number refuses the form on that field.
    static func wholeNumbers(_ values: [String: String], _ keys: [String]) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for key in keys {
            let raw = TextFold.fold(values[key] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            guard let number = Int(raw) else { throw AppError.field(key, zh: "请填写整数。", en: "A whole number.") }
            out[key] = number
        }
        return out
    }
}

extension Response {
    /// A published list as the exact UTF-8 text its digest is of, one entry a line, downloaded.
    static func publishedText(_ lines: [String], filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\n")))
        response.headers.contentType = .init(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return response
    }
}
