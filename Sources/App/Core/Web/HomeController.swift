import Domain
import Fluent
import Vapor

/// 工作台: who I am, what my jurisdiction holds, where to go next.
struct HomeController {
    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let lang = request.lang
        let context = PageContext(request: request)
        var cards: [HNode] = []
        var share: RegistryStatistics.Share?
        func card(_ number: Int, _ label: String) -> HNode {
            el("div", [.cls("card")], el("div", [.cls("num")], text(String(number))), el("div", [.cls("label")], text(label)))
        }
        if context.may(.read, .enterprise) {
            let count = try await Enterprise.query(on: request.db).within(\.$regionCode, user.scope).count()
            let attracted = try await Enterprise.query(on: request.db).within(\.$regionCode, user.scope).filter(\.$attracted == true)
                .count()
            cards += [card(count, lang("辖区企业", "Enterprises")), card(attracted, lang("招商引资企业", "Attracted enterprises"))]
            share = try await RegistryStatistics.attractedShare(in: user.scope, on: request.db)
        }
        if context.may(.read, .organisation) {
            let units = try await Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope).count()
            cards.append(card(units, lang("单位", "Units")))
        }
        var content: [HNode] = [
            el(
                "section", [.cls("panel")],
                el(
                    "p", [], text(lang("您好，\(user.name)。您的辖区：", "Hello, \(user.name). Your jurisdiction: ")),
                    el("strong", [], text(user.scope.value))),
                el("p", [.cls("muted")], text(lang("角色：", "Roles: ") + user.roles.sorted().map { $0.label(lang) }.joined(separator: "、")))),
            el("div", [.cls("cards")], children: cards),
        ]
        if let share { content.append(AttractedShareView.panel(share, lang)) }
        if context.may(.read, .enterprise) {
            content.append(
                el(
                    "form", [.action(.enterprises), .get, .cls("toolbar"), Attr(name: "role", value: "search")],
                    el(
                        "div", [.cls("grow")],
                        voidEl(
                            "input",
                            [
                                .type("search"), .name("q"), Attr(name: "aria-label", value: lang("检索企业", "Search enterprises")),
                                Attr(name: "placeholder", value: lang("检索企业：名称、信用代码、法定代表人", "Search enterprises")),
                            ])),
                    Components.submit(lang("检索企业", "Search"))))
        }
        return .html(Layout.page(lang("工作台", "Home"), context: context, content: content))
    }
}
