import Vapor

/// The pages' HTML: one node type for every element, so forms, tables and lists built from data
/// compose freely. Every text and attribute value is escaped when rendered; there is no way to
/// put raw markup in a page. (Plot rendered this before; see README, "Design notes".)
struct HNode: Sendable {
    fileprivate enum Kind: Sendable {
        case element(String, [Attr], [HNode])
        case void(String, [Attr])
        case text(String)
    }

    fileprivate let kind: Kind

    func render() -> String {
        var out = ""
        out.reserveCapacity(32_768)
        write(into: &out)
        return out
    }

    /// Appends piece by piece: a concatenation such as `"<" + tag` would make a string of its
    /// own for every element of the page.
    func write(into out: inout String) {
        switch kind {
        case .text(let value):
            out.appendEscaped(value)
        case .element(let tag, let attrs, let children):
            out.append("<")
            out.append(tag)
            for attr in attrs {
                out.append(" ")
                out.append(attr.name)
                if let value = attr.value {
                    out.append("=\"")
                    out.appendEscaped(value)
                    out.append("\"")
                }
            }
            out.append(">")
            for child in children { child.write(into: &out) }
            out.append("</")
            out.append(tag)
            out.append(">")
        case .void(let tag, let attrs):
            out.append("<")
            out.append(tag)
            for attr in attrs {
                out.append(" ")
                out.append(attr.name)
                out.append("=\"")
                out.appendEscaped(attr.value ?? attr.name)
                out.append("\"")
            }
            out.append("/>")
        }
    }
}

extension String {
    /// Appends `value` with `& < > " '` escaped. Most text (Chinese names, amounts) has none of
    /// them and is appended as it is, without walking its characters.
    mutating func appendEscaped(_ value: String) {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard value.utf8.contains(where: special) else {
            append(value)
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        append(String(decoding: bytes, as: UTF8.self))
    }
}

struct Attr: Sendable {
    let name: String
    let value: String?

    static func cls(_ value: String) -> Attr { Attr(name: "class", value: value) }
    static func id(_ value: String) -> Attr { Attr(name: "id", value: value) }
    static func href(_ url: SiteURL) -> Attr { Attr(name: "href", value: url.path) }
    static func href(_ raw: String) -> Attr { Attr(name: "href", value: raw) }
    static func name(_ value: String) -> Attr { Attr(name: "name", value: value) }
    static func value(_ value: String) -> Attr { Attr(name: "value", value: value) }
    static func type(_ value: String) -> Attr { Attr(name: "type", value: value) }
    static func title(_ value: String) -> Attr { Attr(name: "title", value: value) }
    static func `for`(_ value: String) -> Attr { Attr(name: "for", value: value) }
    static func data(_ key: String, _ value: String) -> Attr { Attr(name: "data-\(key)", value: value) }
    static func aria(_ key: String, _ value: String) -> Attr { Attr(name: "aria-\(key)", value: value) }
    static func flag(_ name: String) -> Attr { Attr(name: name, value: nil) }
    static func action(_ url: SiteURL) -> Attr { Attr(name: "action", value: url.path) }
    static let post = Attr(name: "method", value: "post")
    static let get = Attr(name: "method", value: "get")
}

func el(_ tag: String, _ attrs: [Attr] = [], _ children: HNode...) -> HNode {
    el(tag, attrs, children: children)
}

func el(_ tag: String, _ attrs: [Attr], children: [HNode]) -> HNode {
    HNode(kind: .element(tag, attrs, children))
}

/// Elements without content: input, meta, link, br.
func voidEl(_ tag: String, _ attrs: [Attr]) -> HNode {
    HNode(kind: .void(tag, attrs))
}

func text(_ value: String) -> HNode { HNode(kind: .text(value)) }
func link(_ url: SiteURL, _ label: String, _ attrs: [Attr] = []) -> HNode {
    el("a", [.href(url)] + attrs, text(label))
}

extension Response {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "html", parameters: ["charset": "utf-8"])
        return Response(status: status, headers: headers, body: .init(string: body))
    }
}
