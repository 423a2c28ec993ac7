import Domain
import Foundation

/// 工作台: who I am, what my jurisdiction holds, where to go next.
enum HomeView {
    struct Model: Sendable {
        var user: CurrentUser
        /// The jurisdiction's figures; nil for those who may not read them (an enterprise, an observer).
        var figures: HomeController.Figures?
        var sections: [WorkSection] = []
        /// When the sections were read (they are kept `WorkQueue.keptSeconds` per person).
        var readAtMillis: Int64?
        var unreadNotices = 0
        var today = CivilDate(dayNumber: 0)
        /// For an enterprise or an observer: what they asked for, by where it stands.
        var ownRequests: OwnRequests?
        /// The registry name an enterprise's account speaks for.
        var speaksFor: String?
        /// 已办: my own recent acts, newest first.
        var done: [DoneList.Item] = []
        /// The jurisdiction by name (演示市), its code when the directory has none.
        var scopeName = ""
    }

    struct OwnRequests: Sendable, Equatable {
        var open = 0
        var answered = 0
        var closed = 0
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let (user, figures) = (model.user, model.figures)
        var cards: [HNode] = []
        func card(_ number: Int, _ label: String) -> HNode {
            el("div", [.cls("card")], el("div", [.cls("num")], text(String(number))), el("div", [.cls("label")], text(label)))
        }
        if let figures {
            cards += [
                card(figures.enterprises, lang("辖区企业", "Enterprises")),
                card(figures.attracted, lang("招商引资企业", "Attracted enterprises")),
            ]
            if context.may(.read, .organisation) { cards.append(card(figures.units, lang("单位", "Units"))) }
        }
        if let own = model.ownRequests {
            cards += [
                card(own.open, lang("办理中", "In progress")), card(own.answered, lang("待我确认", "To confirm")),
                card(own.closed, lang("已办结", "Closed")),
            ]
        }
        let share = figures?.share
        var content: [HNode] = [
            el(
                "section", [.cls("panel")],
                greeting(model, lang),
                el("p", [.cls("muted")], text(lang("角色：", "Roles: ") + user.roles.sorted().map { $0.label(lang) }.joined(separator: "、")))),
            workPanel(model, lang),
            donePanel(model.done, lang),
            el("div", [.cls("cards")], children: cards),
        ]
        if model.ownRequests != nil {
            let line: [HNode] = [
                link(.workOrderNew, lang("提出诉求", "New request"), [.cls("button primary")]), text(" "),
                link(.workOrders, lang("查看我提出的全部事项", "All my requests"), [.cls("button")]),
            ]
            content.append(el("p", [.cls("actions")], children: line))
        }
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

    /// Who is here: the jurisdiction for those who work inside, the enterprise an account speaks for.
    static func greeting(_ model: Model, _ lang: Lang) -> HNode {
        let name = model.user.name
        if model.ownRequests != nil {
            guard let enterprise = model.speaksFor else { return el("p", [], text(lang("您好，\(name)。", "Hello, \(name)."))) }
            return el("p", [], text(lang("您好，\(name)。您代表企业：", "Hello, \(name). You speak for: ")), el("strong", [], text(enterprise)))
        }
        return el(
            "p", [], text(lang("您好，\(name)。您的辖区：", "Hello, \(name). Your jurisdiction: ")),
            el("strong", [], text(model.scopeName.isEmpty ? model.user.scope.value : model.scopeName)))
    }

    /// 已办: what I did in the last 30 days, the record it was done on, newest first.
    static func donePanel(_ done: [DoneList.Item], _ lang: Lang) -> HNode {
        let title = lang("已办（近 \(DoneList.days) 天）", "Done (last \(DoneList.days) days)")
        let body: HNode =
            done.isEmpty
            ? el("p", [.cls("muted")], text(lang("近期没有办理记录。", "Nothing done lately.")))
            : el(
                "ul", [.cls("donelist")],
                children: done.map { item in
                    el(
                        "li", [], el("span", [.cls("when")], text(BeijingTime.text(millis: item.atMillis))), text(" "),
                        el("strong", [], text(RecordHistory.phrase(item.action, lang))), text(" "), link(item.url, item.title))
                })
        return el(
            "details", [.cls("history"), Attr(name: "aria-label", value: title)],
            el("summary", [], text(title + (done.isEmpty ? "" : lang(" · 最近 \(done.count) 项", " · latest \(done.count)")))), body)
    }

    /// 我的待办: each kind of to-do with its count and its most overdue items, each with a light
    /// that says in words what its colour says.
    static func workPanel(_ model: Model, _ lang: Lang) -> HNode {
        let total = model.sections.reduce(0) { $0 + $1.count }
        var body: [HNode] = [
            el(
                "h2", [], text(lang("我的待办", "My to-dos")), text(" "),
                el(
                    "span", [.cls("muted")],
                    text(
                        model.sections.contains { $0.count >= WorkQueue.countBound }
                            ? lang("\(total) 项以上", "over \(total)") : lang("共 \(total) 项", "\(total) in all"))))
        ]
        if let at = model.readAtMillis {
            let time = String(BeijingTime.text(millis: at).suffix(8))
            body.append(el("p", [.cls("muted")], text(lang("截至 \(time)", "As of \(time)"))))
        }
        if model.unreadNotices > 0 {
            body.append(el("p", [], link(.inbox, lang("未读通知 \(model.unreadNotices) 条", "\(model.unreadNotices) unread notices"))))
        }
        if model.sections.isEmpty { body.append(el("p", [.cls("muted")], text(lang("暂无待办事项。", "Nothing waits on you.")))) }
        for section in model.sections {
            let more =
                section.count > section.items.count
                ? lang("，先列最早的 \(section.items.count) 项", ", the earliest \(section.items.count) shown") : ""
            body.append(
                el(
                    "h3", [.cls("work-kind")], text(section.kind.label(lang)), text(" "),
                    el(
                        "span", [.cls("muted")],
                        text(
                            section.count >= WorkQueue.countBound
                                ? lang("\(section.count) 项以上", "over \(section.count)")
                                : lang("共 \(section.count) 项", "\(section.count)") + more))))
            body.append(el("ul", [.cls("worklist")], children: section.items.map { item($0, model.today, lang) }))
        }
        return el("section", [.cls("panel"), Attr(name: "aria-label", value: lang("我的待办", "My to-dos"))], children: body)
    }

    static func item(_ item: WorkItem, _ today: CivilDate, _ lang: Lang) -> HNode {
        let light = item.light(today: today)
        let cls = ["late", "soon", "ontime"][light.rawValue]
        var parts: [HNode] = [
            el("span", [.cls("tag \(cls)")], text(lang(light.label.zh, light.label.en))), link(item.url, item.title),
        ]
        if !item.note.isEmpty { parts.append(el("span", [.cls("muted")], text(note(item, lang)))) }
        if let deadline = item.deadline {
            parts.append(el("span", [.cls("due")], text(lang("期限 \(deadline)", "due \(deadline)"))))
        }
        return el("li", [], children: parts)
    }

    /// The note in words: the stage reported, the day submitted or the funds arrived, the step to take.
    static func note(_ item: WorkItem, _ lang: Lang) -> String {
        switch item.kind {
        case .respondLead, .assessLead: lang("提交于 \(item.note)", "submitted \(item.note)")
        case .verifyReport: ProjectStage(rawValue: item.note).map { lang("报送：", "reported: ") + $0.label(lang) } ?? item.note
        case .verifyFunds: lang("到位日期 \(item.note)", "arrived \(item.note)")
        case .giveOpinion: lang("预审小组：\(item.note)", "panel: \(item.note)")
        default: item.note
        }
    }
}
