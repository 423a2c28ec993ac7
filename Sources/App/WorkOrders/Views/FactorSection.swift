import Foundation

/// A project's factor requests (要素保障) and its 边建边办 standing, as its page shows them.
enum FactorSection {
    struct Model: Sendable {
        struct Item: Sendable {
            var id: UUID
            var number: String
            var title: String
            var status: String
        }

        var projectID: UUID
        var isBureau: Bool
        var factorRequests: [Item]
        var parallelMarkedOn: String?
        var missingApprovals: [String]
    }

    static func render(_ model: Model, context: PageContext) -> [HNode] {
        let lang = context.lang
        var nodes: [HNode] = [el("h2", [], text(lang("要素保障", "Factor requests")))]
        nodes.append(
            Components.table(
                [lang("编号", "No."), lang("事项", "Item"), lang("状态", "Status")],
                model.factorRequests.map { [text($0.number), link(.workOrder($0.id), $0.title), text($0.status)] },
                empty: lang("尚无要素保障事项。", "No factor requests yet.")))
        if let marked = model.parallelMarkedOn {
            nodes.append(
                el("p", [], el("span", [.cls("tag attracted")], text(lang("已实行边建边办（\(marked)）", "Parallel approval since \(marked)")))))
        } else if model.isBureau {
            let missing =
                model.missingApprovals.isEmpty
                ? lang("法定前置审批均已办结。", "The required approvals are done.")
                : lang("尚缺法定前置审批：", "Missing: ") + model.missingApprovals.joined(separator: "、")
            nodes.append(el("p", [.cls("muted")], text(missing)))
            nodes.append(
                Components.postForm(
                    .projectParallel(model.projectID), context, cls: "inline",
                    [Components.submit(lang("实行边建边办", "Mark parallel approval"), cls: "")]))
        }
        return nodes
    }
}
