import Domain
import Foundation

/// The two sheets a campaign prints: the draw sheet anyone can check the draw by, and the slips
/// of one-time codes.
enum EvaluationSheets {
    typealias Register = EvaluationCampaign.Register

    static let method: [String] = [
        "名册：两份名册各按公布的顺序编号，每人一行“姓名⇥单位⇥身份”（以制表符分隔），全文按 UTF-8、行间以换行连接，其 SHA-256 摘要在取得种子之前公布；名册随后冻结。",
        "种子：来源事先公布（如某日某期福利彩票开奖号码）。取得后，每个来源的数值中，整数去掉前导零、按大小排序，其他文字原样排在其后；每个数值后加“.”，每个来源后加“/”，连成密钥。",
        "抽取（RFC 3797）：第 i 次（i 从 0 起）计算 MD5（i 的两个字节 ‖ 密钥 ‖ 同样两个字节），把 128 位结果看作整数，除以尚未抽中的人数取余数 r，抽中剩余名单中的第 r + 1 位并移出名单；重复至抽够人数。两份名册以同一密钥分别抽取。",
        "复算：任何人可用公布的名册和种子，以“zhaoshang draw-verify --register 名册.txt --digest 摘要 --count 100 --seed \"第一来源 / 第二来源\"”或任何实现 RFC 3797 的程序重新抽取，应得到同样的名单。",
    ]

    static func draw(_ c: EvaluationCampaignRecord, draw: EvaluationService.Draw?, context: PageContext) -> String {
        let lang = context.lang
        var content: [HNode] = [
            el("p", [.cls("actions no-print")], el("button", [.type("button"), .cls("primary"), .data("print", "")], text("打印（A4）"))),
            el("h2", [], text("抽取方法")),
            el("ol", [], children: method.map { el("li", [], text($0)) }),
            el("h2", [], text("公布的输入")),
        ]
        var facts: [(String, HNode)] = [(lang("种子来源", "Seed source"), text(c.seedSource ?? "—"))]
        if let at = c.publishedAt { facts.append((lang("公布时间", "Published"), text(BeijingTime.text(millis: at)))) }
        for register in Register.allCases {
            facts.append(("\(register.label)名册摘要", el("code", [.cls("digest")], text(c.digests[register.rawValue] ?? "—"))))
        }
        if let values = c.seedValues {
            facts.append(
                (
                    lang("种子", "Seed"),
                    text(values.enumerated().map { "第\($0.offset + 1)来源：\($0.element.joined(separator: " "))" }.joined(separator: "；"))
                ))
        }
        if let key = c.drawKey { facts.append((lang("密钥", "Key"), el("code", [], text(key)))) }
        content.append(Components.definitionList(facts))
        guard let draw else {
            content.append(el("p", [.cls("empty")], text("尚未取得种子、尚未抽取。")))
            return page(c, content, context)
        }
        content.append(
            el(
                "p", [.cls("totals")],
                draw.matchesStored
                    ? el("span", [.cls("tag ontime")], text("按公布的输入重新抽取：结果与抽取时记录的一致"))
                    : el("span", [.cls("tag late")], text("按公布的输入重新抽取：结果与抽取时记录的不一致"))))
        for register in Register.allCases {
            guard let r = draw.registers[register] else { continue }
            content.append(el("h2", [], text("抽中的\(register.label)（\(r.drawn.count) 人，名册共 \(r.pool) 人）")))
            if !r.digestMatches { content.append(el("p", [.cls("alert error")], text("名册与公布的摘要不一致。"))) }
            let rows = r.drawn.enumerated().map { i, e in
                [text(String(i + 1)), text(String(e.position)), text(e.name), text(e.organisation), text(e.standing)]
            }
            content.append(
                Components.table(
                    [
                        lang("抽取次序", "Order"), lang("名册序号", "Position"), lang("姓名", "Name"), lang("单位", "Organisation"),
                        lang("身份", "Standing"),
                    ],
                    rows, empty: "—", numeric: [0, 1]))
        }
        return page(c, content, context)
    }

    private static func page(_ c: EvaluationCampaignRecord, _ content: [HNode], _ context: PageContext) -> String {
        Layout.page(
            "\(c.title)抽取核验单",
            crumbs: EvaluationViews.crumbs(c, "抽取核验单", context.lang), context: context, content: content)
    }

    /// The A4 sheet of slips to cut: each with its register, the code and where to vote.
    static func slips(_ c: EvaluationCampaignRecord, codes: [(Register, String)], ballotURL: String, context: PageContext) -> String {
        let lang = context.lang
        let address = ballotURL.isEmpty ? SiteURL.ballot.path : ballotURL
        let slips = codes.map { register, code in
            el(
                "div", [.cls("slip")],
                el("p", [.cls("slip-head")], text("\(c.title) · \(register.label)")),
                el("p", [.cls("slip-code")], text(code)),
                el("p", [.cls("slip-help")], text("请在 \(address) 输入此码投票。一码一票，不记名；当天可保存后继续。")))
        }
        let content: [HNode] = [
            el(
                "div", [.cls("alert error no-print"), Attr(name: "role", value: "alert")],
                text("选票码只显示这一次：系统只保存摘要，离开此页后无法再查看。请现在打印（A4），裁开后随机装封，按名册类别发给抽中的人；不要记录谁领了哪一张。")),
            el(
                "p", [.cls("actions no-print")],
                el("button", [.type("button"), .cls("primary"), .data("print", "")], text(lang("打印（A4）", "Print"))),
                el("a", [.href(SiteURL.evaluation(c.id).path), .cls("button")], text(lang("返回测评", "Back")))),
            el("div", [.cls("slips")], children: slips),
        ]
        return Layout.page(
            "\(c.title)选票码（\(codes.count) 张）",
            crumbs: EvaluationViews.crumbs(c, "选票码", lang), context: context, content: content)
    }
}
