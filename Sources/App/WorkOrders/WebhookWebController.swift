import Domain
import Fluent
import FluentSQL
import Vapor

/// The bureau sets each unit's group-robot address and sees how its deliveries went.
struct WebhookWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.webhooks.pattern, use: page)
        pages.post(SiteURL.webhooks.pattern, use: save)
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, FormState())
    }

    private func render(_ request: Request, _ form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let settings = WorkOrderSettings(request: request)
        let robots = try await settings.robots()
        let units = try await WorkOrderPage.unitOptions(request)
        return .html(WebhookViews.page(robots, units: units, form: form, context: PageContext(request: request)), status: status)
    }

    struct Body: Content {
        var unit: String?
        var url: String?
    }

    func save(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(Body.self)
        do {
            try await WorkOrderSettings(request: request).setRobot(unit: body.unit.flatMap(UUID.init(uuidString:)), url: body.url ?? "")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(request, FormState(values: ["url": body.url ?? ""], error: error), status: error.status)
        }
        return request.redirect(to: SiteURL.webhooks.path)
    }
}

enum WebhookViews {
    static func page(
        _ lines: [WorkOrderSettings.Robot], units: [(value: String, label: String)], form: FormState, context: PageContext
    ) -> String {
        let lang = context.lang
        let table = Components.table(
            [lang("单位", "Unit"), lang("机器人地址", "Robot"), lang("待发送", "Pending"), lang("已发送", "Sent"), lang("放弃", "Failed")],
            lines.map { l in
                [text(l.unitName), text(l.host), text(String(l.pending)), text(String(l.sent)), text(String(l.failed))]
            }, empty: lang("尚未设置群机器人。", "No robots yet."), numeric: [2, 3, 4])
        let form = Components.postForm(
            .webhooks, context,
            Components.banner(form, lang) + [
                el(
                    "div", [.cls("grid")], Components.select("unit", lang("单位", "Unit"), units, form, lang, required: true),
                    Components.field(
                        "url", lang("群机器人地址", "Robot address"), form, lang,
                        hint: lang("企业微信或钉钉群机器人的 Webhook 地址；留空则停用", "WeCom or DingTalk robot webhook; empty to stop"))),
                Components.submit(lang("保存", "Save")),
            ])
        return WorkOrderViews.subpage(
            ("群机器人推送", "Group robots"),
            intro: (
                "发给单位的消息同时推送到该单位的群机器人；失败后按 30 秒、1 分钟、2 分钟……重试，最多 8 次。",
                "Notices to a unit also go to its robot; failures are retried with back-off, 8 times at most."
            ), [table, form], context: context)
    }
}
