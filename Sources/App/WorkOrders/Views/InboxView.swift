import Foundation

/// 消息: the person's notices, newest first, with the button that marks them read.
enum InboxView {
    struct Item: Sendable {
        var when: String
        var text: String
        var workOrderID: UUID?
        var unread: Bool
    }

    struct Model: Sendable {
        var notices: [Item]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let lang = context.lang
        let rows: [[HNode]] = model.notices.map { n in
            let message: HNode = n.workOrderID.map { link(.workOrder($0), n.text) } ?? text(n.text)
            return [text(n.when), n.unread ? el("span", [], message, el("span", [.cls("tag late")], text(lang("未读", "New")))) : message]
        }
        var content: [HNode] = []
        if model.notices.contains(where: \.unread) {
            content.append(
                Components.postForm(.inboxRead, context, cls: "inline", [Components.submit(lang("全部标为已读", "Mark all read"), cls: "")]))
        }
        content.append(Components.table([lang("时间", "When"), lang("消息", "Notice")], rows, empty: lang("没有消息。", "No notices.")))
        return Layout.page(lang("消息", "Inbox"), context: context, content: content)
    }
}
