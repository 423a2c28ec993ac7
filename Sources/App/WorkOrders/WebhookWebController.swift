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

    struct Line: Decodable {
        var unitName: String, url: String, pending: Int, sent: Int, failed: Int
        enum CodingKeys: String, CodingKey { case url, pending, sent, failed, unitName = "unit_name" }
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, FormState())
    }

    private func render(_ request: Request, _ form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.authorize(.manage, .workOrder)
        let lines = try await request.db.sql.raw(
            """
            SELECT u.name AS unit_name, h.url,
              CAST(SUM(CASE WHEN d.status = 'pending' THEN 1 ELSE 0 END) AS BIGINT) AS pending,
              CAST(SUM(CASE WHEN d.status = 'sent' THEN 1 ELSE 0 END) AS BIGINT) AS sent,
              CAST(SUM(CASE WHEN d.status = 'failed' THEN 1 ELSE 0 END) AS BIGINT) AS failed
            FROM unit_webhooks h JOIN units u ON u.id = h.unit_id LEFT JOIN webhook_deliveries d ON d.unit_id = h.unit_id
            WHERE u.jurisdiction_code >= \(bind: user.scope.prefix) AND u.jurisdiction_code < \(bind: user.scope.prefix + "~")
            GROUP BY u.name, h.url ORDER BY u.name
            """
        ).all(decoding: Line.self)
        let units = try await WorkOrderPage.unitOptions(request)
        return .html(WebhookViews.page(lines, units: units, form: form, context: PageContext(request: request)), status: status)
    }

    struct Body: Content {
        var unit: String?
        var url: String?
    }

    func save(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .workOrder)
        let body = try request.decodeForm(Body.self)
        let raw = (body.url ?? "").trimmingCharacters(in: .whitespaces)
        let units = try await WorkOrderPage.unitOptions(request)
        guard let unit = body.unit.flatMap(UUID.init(uuidString:)), units.contains(where: { $0.value == unit.uuidString }) else {
            return try await render(
                request, FormState(values: ["url": raw], error: .field("unit", zh: "请选择本辖区的单位。", en: "Choose a unit.")),
                status: .unprocessableEntity)
        }
        let parsed = URI(string: raw)
        guard raw.isEmpty || (raw.count <= 300 && ["http", "https"].contains(parsed.scheme ?? "") && !(parsed.host ?? "").isEmpty) else {
            let error = AppError.field(
                "url", zh: "机器人地址应以 https:// 开头（留空则停用）。", en: "The robot address starts with https:// (empty to stop).")
            return try await render(request, FormState(values: ["url": raw], error: error), status: .unprocessableEntity)
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            let existing = try await UnitWebhook.query(on: db).filter(\.$unitID == unit).first()
            if raw.isEmpty {
                try await existing?.delete(on: db)
            } else {
                let hook = existing ?? UnitWebhook()
                (hook.unitID, hook.url) = (unit, raw)
                try await hook.save(on: db)
            }
            // the address is a credential of the group: the log keeps its host only
            try await AuditLog.append(
                on: db, by: actor, action: "webhook.set", objectType: "unit", objectID: unit.uuidString,
                after: ["host": parsed.host ?? "", "enabled": raw.isEmpty ? "no" : "yes"], at: millis)
        }
        return request.redirect(to: SiteURL.webhooks.path)
    }
}

enum WebhookViews {
    static func page(
        _ lines: [WebhookWebController.Line], units: [(value: String, label: String)], form: FormState, context: PageContext
    ) -> String {
        let lang = context.lang
        let table = Components.table(
            [lang("单位", "Unit"), lang("机器人地址", "Robot"), lang("待发送", "Pending"), lang("已发送", "Sent"), lang("放弃", "Failed")],
            lines.map { l in
                let host = URI(string: l.url).host ?? ""
                return [text(l.unitName), text(host), text(String(l.pending)), text(String(l.sent)), text(String(l.failed))]
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
        return Layout.page(
            lang("群机器人推送", "Group robots"),
            crumbs: [.init(title: lang("工单", "Work orders"), url: .workOrders), .init(title: lang("群机器人推送", "Group robots"))],
            context: context,
            content: [
                el(
                    "p", [.cls("muted")],
                    text(
                        lang(
                            "发给单位的消息同时推送到该单位的群机器人；失败后按 30 秒、1 分钟、2 分钟……重试，最多 8 次。",
                            "Notices to a unit also go to its robot; failures are retried with back-off, 8 times at most."))),
                table, form,
            ])
    }
}
