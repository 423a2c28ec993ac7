import Domain
import Fluent
import FluentSQL
import Vapor

/// The bureau's settings of the work-order engine, one set of rules for its pages and the API:
/// one-time links for enterprises, routing rules, and each unit's group-robot address.
struct WorkOrderSettings {
    let request: Request

    /// Issues a one-time link for an enterprise; only the token's digest is stored, so the
    /// address is shown this once.
    func issueLink(enterpriseName raw: String) async throws -> (link: DemandLink, url: String) {
        let user = try request.authorize(.manage, .workOrder)
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80, !name.hasControlCharacters else {
            throw AppError.field("enterpriseName", zh: "请填写企业名称（80 字以内）。", en: "Name the enterprise (80 characters at most).")
        }
        let token = Secrets.token(bytes: 24)
        let link = DemandLink()
        link.id = UUID()
        link.tokenHash = Secrets.digest(token)
        link.jurisdictionCode = user.scope.value
        link.enterpriseName = name
        link.createdBy = user.personID
        link.createdOn = request.clock.today.description
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await link.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "workorder.link", objectType: "demand_link", objectID: link.id!.uuidString,
                after: ["enterprise": name], at: millis)
        }
        // from the configured public address, never from the request's Host header (which the
        // caller chooses); without one, the path alone
        return (link, (request.application.publicURL ?? "") + SiteURL.demand(token).path)
    }

    struct Rule: Content {
        var id: UUID
        var kind: WorkOrderKind
        /// A factor type for factor requests; empty for every item of the kind.
        var category: String
        var unitID: UUID
        var unitName: String
    }

    /// The routing rules of the caller's jurisdiction, by kind.
    func rules() async throws -> [Rule] {
        let user = try request.authorize(.manage, .workOrder)
        struct Row: Decodable {
            var id: UUID, kind: WorkOrderKind, category: String, unitID: UUID, unitName: String
            enum CodingKeys: String, CodingKey { case id, kind, category, unitID = "unit_id", unitName = "unit_name" }
        }
        return try await request.db.sql.raw(
            """
            SELECT r.id, r.kind, r.category, r.unit_id, u.name AS unit_name FROM routing_rules r JOIN units u ON u.id = r.unit_id
            WHERE r.jurisdiction_code = \(bind: user.scope.value) ORDER BY r.kind, r.category
            """
        ).all(decoding: Row.self).map { Rule(id: $0.id, kind: $0.kind, category: $0.category, unitID: $0.unitID, unitName: $0.unitName) }
    }

    /// Sets which unit answers a kind (and, for factor requests, a factor type), replacing the
    /// rule for the same kind and category.
    func setRule(kind raw: String, category rawCategory: String, unit: UUID?) async throws -> Rule {
        let user = try request.authorize(.manage, .workOrder)
        guard let kind = WorkOrderKind(rawValue: raw) else {
            throw AppError.field("kind", zh: "请选择事项类型。", en: "Choose the kind of item.")
        }
        let category = rawCategory.trimmingCharacters(in: .whitespaces)
        guard category.isEmpty || (kind == .factorRequest && FactorType(rawValue: category) != nil) else {
            throw AppError.field("category", zh: "只有要素保障可按要素类型分办。", en: "Only factor requests route by factor type.")
        }
        let options = try await WorkOrderPage.unitOptions(request)
        guard let unit, let option = options.first(where: { $0.value == unit.uuidString }) else {
            throw AppError.field("unit", zh: "请选择本辖区内的责任单位。", en: "Choose a responsible unit of the jurisdiction.")
        }
        let (scope, actor, millis) = (user.scope.value, request.auditActor, request.clock.millis)
        let id = try await request.writeTransaction { db in
            let rule =
                try await RoutingRule.query(on: db).filter(\.$jurisdictionCode == scope).filter(\.$kind == kind)
                .filter(\.$category == category).first() ?? RoutingRule()
            let before = rule.id.map { _ in ["unit": rule.unitID.uuidString] }
            (rule.jurisdictionCode, rule.kind, rule.category, rule.unitID) = (scope, kind, category, unit)
            try await rule.save(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "workorder.rule.set", objectType: "routing_rule", objectID: rule.id!.uuidString,
                before: before, after: ["kind": kind.rawValue, "category": category, "unit": unit.uuidString], at: millis)
            return rule.id!
        }
        return Rule(id: id, kind: kind, category: category, unitID: unit, unitName: option.label)
    }

    func deleteRule(_ id: UUID) async throws {
        let user = try request.authorize(.manage, .workOrder)
        guard let rule = try await RoutingRule.find(id, on: request.db), rule.jurisdictionCode == user.scope.value else {
            throw AppError.notFound
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await rule.delete(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "workorder.rule.delete", objectType: "routing_rule", objectID: id.uuidString,
                before: ["kind": rule.kind.rawValue, "category": rule.category, "unit": rule.unitID.uuidString], at: millis)
        }
    }

    struct Robot: Content {
        var unitID: UUID
        var unitName: String
        /// The address is a credential of the group: only its host is ever shown.
        var host: String
        var pending: Int
        var sent: Int
        var failed: Int
    }

    /// Each unit's robot of the jurisdiction and how its deliveries went.
    func robots() async throws -> [Robot] {
        let user = try request.authorize(.manage, .workOrder)
        struct Line: Decodable {
            var unitID: UUID, unitName: String, url: String, pending: Int, sent: Int, failed: Int
            enum CodingKeys: String, CodingKey { case url, pending, sent, failed, unitID = "unit_id", unitName = "unit_name" }
        }
        return try await request.db.sql.raw(
            """
            SELECT h.unit_id, MIN(u.name) AS unit_name, MIN(h.url) AS url,
              CAST(SUM(CASE WHEN d.status = 'pending' THEN 1 ELSE 0 END) AS BIGINT) AS pending,
              CAST(SUM(CASE WHEN d.status = 'sent' THEN 1 ELSE 0 END) AS BIGINT) AS sent,
              CAST(SUM(CASE WHEN d.status = 'failed' THEN 1 ELSE 0 END) AS BIGINT) AS failed
            FROM unit_webhooks h JOIN units u ON u.id = h.unit_id LEFT JOIN webhook_deliveries d ON d.unit_id = h.unit_id
            WHERE u.jurisdiction_code >= \(bind: user.scope.prefix) AND u.jurisdiction_code < \(bind: user.scope.prefix + "~")
            GROUP BY h.unit_id ORDER BY MIN(u.name)
            """
        ).all(decoding: Line.self).map {
            Robot(
                unitID: $0.unitID, unitName: $0.unitName, host: URI(string: $0.url).host ?? "", pending: $0.pending, sent: $0.sent,
                failed: $0.failed)
        }
    }

    /// Sets a unit's robot address; an empty address stops its pushes.
    func setRobot(unit: UUID?, url raw: String) async throws {
        try request.authorize(.manage, .workOrder)
        let url = raw.trimmingCharacters(in: .whitespaces)
        let units = try await WorkOrderPage.unitOptions(request)
        guard let unit, units.contains(where: { $0.value == unit.uuidString }) else {
            throw AppError.field("unit", zh: "请选择本辖区的单位。", en: "Choose a unit of the jurisdiction.")
        }
        let parsed = URI(string: url)
        if !url.isEmpty {
            do { _ = try await request.application.robotPolicy.check(url) } catch { throw RobotPolicy.message(error) }
        }
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            let existing = try await UnitWebhook.query(on: db).filter(\.$unitID == unit).first()
            if url.isEmpty {
                try await existing?.delete(on: db)
            } else {
                let hook = existing ?? UnitWebhook()
                (hook.unitID, hook.url) = (unit, url)
                try await hook.save(on: db)
            }
            // the log keeps the host only
            try await AuditLog.append(
                on: db, by: actor, action: "webhook.set", objectType: "unit", objectID: unit.uuidString,
                after: ["host": parsed.host ?? "", "enabled": url.isEmpty ? "no" : "yes"], at: millis)
        }
    }
}
