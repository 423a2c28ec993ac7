import Domain
import Foundation

/// 工作台: who I am, what my jurisdiction holds, where to go next.
enum HomeView {
    struct Model: Sendable {
        var user: CurrentUser
        var figures: HomeController.Figures
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let (user, figures) = (model.user, model.figures)
        var cards: [HNode] = []
        func card(_ number: Int, _ label: String) -> HNode {
            el("div", [.cls("card")], el("div", [.cls("num")], text(String(number))), el("div", [.cls("label")], text(label)))
        }
        if context.may(.read, .enterprise) {
            cards += [
                card(figures.enterprises, lang("辖区企业", "Enterprises")),
                card(figures.attracted, lang("招商引资企业", "Attracted enterprises")),
            ]
        }
        if context.may(.read, .organisation) { cards.append(card(figures.units, lang("单位", "Units"))) }
        let share = context.may(.read, .enterprise) ? figures.share : nil
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
        return Layout.page(lang("工作台", "Home"), context: context, content: content)
    }
}
