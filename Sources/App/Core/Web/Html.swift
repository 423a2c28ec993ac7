import Vapor

/// The pages' HTML: one node type for every element, so forms, tables and lists built from data
/// compose freely. Every text and attribute value is escaped when rendered; there is no way to
/// put raw markup in a page — the one shortcut, `frozen`, keeps bytes these nodes rendered
/// themselves, so a page part kept in a cache is still escaped output. (Plot rendered this
/// before; see README, "Design notes".)
struct HNode: Sendable {
    fileprivate enum Kind: Sendable {
        case element(String, [Attr], [HNode])
        case void(String, [Attr])
        case text(String)
        /// What `frozen` rendered: escaped output of nodes, never text from outside.
        case rendered([UInt8])
    }

    fileprivate let kind: Kind

    /// The nodes rendered once, to be written again as they are (a page part kept in a cache).
    static func frozen(_ nodes: [HNode]) -> HNode {
        var out: [UInt8] = []
        out.reserveCapacity(65_536)
        for node in nodes { node.write(into: &out) }
        return HNode(kind: .rendered(out))
    }

    func render() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32_768)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends byte by byte into one buffer: a concatenation such as `"<" + tag` would make a
    /// string of its own for every element of the page, and appending to a `String` re-checks
    /// its capacity and flags on every piece (a tenth of a list page's time).
    func write(into out: inout [UInt8]) {
        switch kind {
        case .text(let value):
            out.appendEscaped(value)
        case .rendered(let bytes):
            out.append(contentsOf: bytes)
        case .element(let tag, let attrs, let children):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: tag.utf8)
            Self.write(attrs, flagsValued: false, into: &out)
            out.append(UInt8(ascii: ">"))
            for child in children { child.write(into: &out) }
            out.append(contentsOf: "</".utf8)
            out.append(contentsOf: tag.utf8)
            out.append(UInt8(ascii: ">"))
        case .void(let tag, let attrs):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: tag.utf8)
            Self.write(attrs, flagsValued: true, into: &out)
            out.append(contentsOf: "/>".utf8)
        }
    }

    /// A flag of a void element is written `name="name"` (`<input disabled="disabled"/>`).
    private static func write(_ attrs: [Attr], flagsValued: Bool, into out: inout [UInt8]) {
        for attr in attrs {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: attr.name.utf8)
            if let value = attr.value ?? (flagsValued ? attr.name : nil) {
                out.append(contentsOf: "=\"".utf8)
                out.appendEscaped(value)
                out.append(UInt8(ascii: "\""))
            }
        }
    }
}

extension [UInt8] {
    /// Appends `value` with `& < > " '` escaped, reading its bytes in place: the runs between
    /// special characters (most text has none) are copied whole.
    mutating func appendEscaped(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
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
