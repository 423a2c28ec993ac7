import Domain
import Vapor

/// What every page needs besides its own content: language, who is logged in, the CSRF token,
/// which navigation entries this person may use.
struct PageContext: Sendable {
    var lang: Lang
    var user: CurrentUser?
    var path: String
    var isDemo: Bool
    /// How many items wait on the person (the workbench's count), shown on 工作台 in the menu.
    var workBadge: Int?

    init(request: Request) {
        lang = request.lang
        user = request.currentUser
        path = request.url.path
        isDemo = request.application.isDemoData
        workBadge = request.workBadge
    }

    init(lang: Lang, user: CurrentUser?, path: String, isDemo: Bool = false) {
        self.lang = lang
        self.user = user
        self.path = path
        self.isDemo = isDemo
    }

    var csrfToken: String { user?.csrfToken ?? "" }

    func may(_ action: AccessPolicy.Action, _ resource: AccessPolicy.Resource) -> Bool {
        guard let user else { return false }
        return AccessPolicy.decide(user.actor, action, resource) == .allowed
    }

    /// Whether the user works inside the pipeline; an enterprise or an observer follows only what
    /// they asked for (`AccessPolicy.worksInside`).
    var worksInside: Bool { user.map { AccessPolicy.worksInside($0.roles) } ?? false }

    /// A deed that needs no tie to an object (the bureau's own).
    func may(_ deed: AccessPolicy.Deed) -> Bool {
        guard let user else { return false }
        return AccessPolicy.may(user.roles, deed)
    }
}

extension Request {
    private struct WorkBadgeKey: StorageKey { typealias Value = Int }
    /// Set for a signed-in page by the workbench (`WorkBadgeMiddleware`).
    var workBadge: Int? {
        get { storage[WorkBadgeKey.self] }
        set { storage[WorkBadgeKey.self] = newValue }
    }
}

extension Application {
    private struct DemoKey: StorageKey { typealias Value = Bool }
    /// The database holds the fictional demo city: every page says so.
    var isDemoData: Bool {
        get { storage[DemoKey.self] ?? false }
        set { storage[DemoKey.self] = newValue }
    }
}

/// The page shell a government user expects: header with person / unit / role, navigation by
/// capability on the left (on top at phone width), breadcrumbs, the content.
enum Layout {
    struct Crumb {
        var title: String
        var url: SiteURL?
    }

    static func page(_ title: String, crumbs: [Crumb] = [], context: PageContext, content: [HNode]) -> String {
        let lang = context.lang
        let body: [HNode] = [
            header(context),
            el(
                "div", [.cls("shell")],
                navigation(context),
                el(
                    "main", [.cls("content"), .id("main")],
                    children: [breadcrumbs(crumbs, context), el("h1", [], text(title))] + content)),
        ]
        return document(title: title + " · " + lang("招商", "Zhaoshang"), lang: lang, body: body)
    }

    /// A page without navigation: login and errors before login.
    static func bare(_ title: String, context: PageContext, content: [HNode]) -> String {
        document(
            title: title + " · " + context.lang("招商", "Zhaoshang"), lang: context.lang,
            body: [el("main", [.cls("bare")], children: demoBanner(context) + content)])
    }

    static func document(title: String, lang: Lang, body: [HNode]) -> String {
        let html = el(
            "html", [Attr(name: "lang", value: lang.htmlCode)],
            el(
                "head", [],
                voidEl("meta", [Attr(name: "charset", value: "utf-8")]),
                voidEl("meta", [.name("viewport"), Attr(name: "content", value: "width=device-width, initial-scale=1")]),
                el("title", [], text(title)),
                voidEl("link", [Attr(name: "rel", value: "stylesheet"), .href(Stylesheet.path)]),
                el("script", [Attr(name: "src", value: Script.path), .flag("defer")])),
            el("body", [], children: body))
        var out: [UInt8] = Array("<!DOCTYPE html>".utf8)
        out.reserveCapacity(65_536)
        html.write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func demoBanner(_ context: PageContext) -> [HNode] {
        guard context.isDemo else { return [] }
        return [
            el(
                "div", [.cls("demo-banner")],
                text(context.lang("演示数据：本系统中的城市、单位、人员和企业均为虚构。", "Demo data: every city, unit, person and enterprise here is fictional.")))
        ]
    }

    static func header(_ context: PageContext) -> HNode {
        let lang = context.lang
        var right: [HNode] = [languageSwitch(context)]
        if let user = context.user {
            let roles = user.roles.sorted().map { $0.label(lang) }.joined(separator: "、")
            right.insert(
                el(
                    "span", [.cls("who")], el("strong", [], text(user.name)), el("span", [.cls("unit")], text(" · " + user.unitName)),
                    text(" · "), el("span", [.cls("roles")], text(roles))), at: 0)
            right.append(
                el(
                    "form", [.action(.logout), .post, .cls("inline")], csrfField(context),
                    el("button", [.type("submit"), .cls("link-button")], text(lang("退出", "Log out")))))
        }
        return el(
            "header", [.cls("topbar")],
            children: [
                el("a", [.href(.home), .cls("brand")], text(lang("招商 · 投资促进管理系统", "Zhaoshang · Investment promotion"))),
                el("div", [.cls("topbar-right")], children: right),
            ] + demoBanner(context))
    }

    static func languageSwitch(_ context: PageContext) -> HNode {
        let target: Lang = context.lang == .zh ? .en : .zh
        return el(
            "form", [.action(.language), .post, .cls("inline")],
            voidEl("input", [.type("hidden"), .name("lang"), .value(target.rawValue)]),
            voidEl("input", [.type("hidden"), .name("next"), .value(context.path)]),
            csrfField(context),
            el("button", [.type("submit"), .cls("link-button")], text(target == .en ? "English" : "中文")))
    }

    static func navigation(_ context: PageContext) -> HNode {
        let lang = context.lang
        var items: [(SiteURL, String)] = [(.home, lang("工作台", "Home"))]
        if context.may(.read, .lead) { items.append((.leads, lang("招商线索", "Leads"))) }
        if context.may(.manage, .lead) {
            items += [(.panels, lang("预审专班", "Review panels")), (.intents, lang("意向收件箱", "Intent inbox"))]
        }
        if context.may(.read, .project) { items.append((.projects, lang("项目看板", "Pipeline board"))) }
        if context.may(.write, .activity) {
            items += [
                (.activities, lang("走访活动", "Activities")), (.todos, lang("我的待办", "My to-dos")), (.funnel, lang("招商漏斗", "Funnel")),
            ]
        }
        if context.may(.read, .assessment) {
            items += [
                (.progress, lang("目标进度", "Progress")), (.targets, lang("目标任务", "Targets")), (.seats, lang("年终座次", "Seating")),
                (.rankings, lang("考核排名", "Rankings")), (.bulletins, lang("通报", "Bulletins")),
                (.cadres, lang("干部实绩", "Cadres")),
            ]
            // the pool of their own jurisdiction
            if let roles = context.user?.roles, AccessPolicy.may(roles, .readReservePool, ties: .withinJurisdiction) {
                items.append((.reservePool, lang("提拔后备库", "Reserve pool")))
            }
        }
        if context.may(.read, .evaluation) {
            items.append((.evaluations, lang("双百双评", "Evaluation")))
            items.append((.satisfaction, lang("满意度月评", "Satisfaction")))
        }
        if context.may(.read, .tolerance) { items.append((.tolerance, lang("容错纠错", "Fault tolerance"))) }
        if context.may(.read, .workOrder) {
            let orders = context.worksInside ? lang("工单", "Work orders") : lang("我的诉求", "My requests")
            items += [(.workOrders, orders), (.inbox, lang("消息", "Inbox"))]
        }
        if context.may(.read, .linkage) { items.append((.linkage, lang("领导包联", "Linkage"))) }
        if context.may(.manage, .project) { items.append((.rates, lang("汇率表", "Rate table"))) }
        if context.may(.read, .settings) { items.append((.settings, lang("规则设置", "Rules"))) }
        if context.may(.read, .enterprise) { items.append((.enterprises, lang("企业库", "Enterprises"))) }
        // whoever may write one kind of record the imports take in
        if AccessPolicy.importable.contains(where: { context.may(.write, $0) }) {
            items.append((.imports, lang("Excel 导入", "Import")))
        }
        // the organisation's pages stay readable to every business role (a link from a record
        // opens them), but the menu offers them to those who keep or report on the organisation
        if context.may(.write, .organisation) || context.may(.export, .organisation) || context.may(.read, .accessControl) {
            items += [
                (.units, lang("单位", "Units")), (.persons, lang("人员", "People")),
                (.jurisdictions, lang("行政区划", "Jurisdictions")),
            ]
        }
        if context.may(.read, .audit) { items.append((.audit, lang("审计日志", "Audit log"))) }
        if context.may(.read, .ownTokens) { items.append((.tokens, lang("API 令牌", "API tokens"))) }
        let links = items.map { url, label -> HNode in
            let current = url.path == "/" ? context.path == "/" : context.path.hasPrefix(url.path)
            var attrs: [Attr] = current ? [.cls("current"), .aria("current", "page")] : []
            guard url.path == "/", let count = context.workBadge, count > 0 else { return el("li", [], link(url, label, attrs)) }
            // the count of what waits, read aloud with its meaning
            let shown = count > 999 ? "999+" : String(count)
            attrs.append(.aria("label", label + context.lang("，待办 \(shown) 项", ", \(shown) to do")))
            return el("li", [], el("a", [.href(url)] + attrs, text(label), text(" "), el("span", [.cls("badge")], text(shown))))
        }
        return el("nav", [.cls("sidenav"), .aria("label", lang("主导航", "Main navigation"))], el("ul", [], children: links))
    }

    static func breadcrumbs(_ crumbs: [Crumb], _ context: PageContext) -> HNode {
        let all = [Crumb(title: context.lang("工作台", "Home"), url: .home)] + crumbs
        let parts = all.enumerated().map { index, crumb -> HNode in
            if let url = crumb.url, index < all.count - 1 { return el("li", [], link(url, crumb.title)) }
            return el("li", [.aria("current", "page")], text(crumb.title))
        }
        return el("nav", [.cls("crumbs"), .aria("label", context.lang("位置", "Breadcrumbs"))], el("ol", [], children: parts))
    }

    static func csrfField(_ context: PageContext) -> HNode {
        voidEl("input", [.type("hidden"), .name(CSRFMiddleware.field), .value(context.csrfToken)])
    }
}
