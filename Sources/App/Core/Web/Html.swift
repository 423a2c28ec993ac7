import Plot
import Vapor

/// A thin layer over Plot's `Node`: one node type for every element, so forms, tables and lists
/// built from data compose without Plot's per-element contexts; text and attribute values are
/// still escaped by Plot.
typealias HNode = Node<HTML.BodyContext>

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
    let attributeNodes: [HNode] = attrs.map { attr in
        if let value = attr.value { return .attribute(named: attr.name, value: value, ignoreIfValueIsEmpty: false) }
        return .attribute(named: attr.name)
    }
    return .element(named: tag, nodes: attributeNodes + children)
}

/// Elements without content: input, meta, link, br.
func voidEl(_ tag: String, _ attrs: [Attr]) -> HNode {
    .selfClosedElement(
        named: tag,
        attributes: attrs.map { Attribute<HTML.BodyContext>.attribute(named: $0.name, value: $0.value ?? $0.name) })
}

func text(_ value: String) -> HNode { .text(value) }
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
