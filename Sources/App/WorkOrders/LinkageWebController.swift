import Domain
import Fluent
import FluentSQL
import Vapor

/// 包联 page: each leader's linked enterprises with this month's contacts and this quarter's
/// on-site offices, those behind first; the bureau links and unlinks.
struct LinkageWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.linkage.pattern, use: page)
        pages.post(SiteURL.linkage.pattern, use: add)
        pages.post(SiteURL.linkageEnd(SiteURL.anyID).pattern, use: end)
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, FormState())
    }

    private func render(_ request: Request, _ form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.authorize(.read, .workOrder)
        guard LeadRules.seesWholeJurisdiction(user.roles) else { throw AppError.forbidden }
        let today = request.clock.today
        var month = today
        if let raw = request.query[String.self, at: "month"] {
            guard let parsed = CivilDate(raw + "-01") else {
                throw AppError.field("month", zh: "月份格式为 2026-11。", en: "Month as 2026-11.")
            }
            month = parsed
        }
        let lines = try await LinkageStanding.lines(scope: user.scope, month: month, on: request.db)
        let leaders = request.may(.manage, .workOrder) ? try await ProjectPage.leaderOptions(request) : []
        return .html(
            LinkageViews.page(lines, month: month, leaders: leaders, form: form, context: PageContext(request: request)), status: status)
    }

    struct AddBody: Content {
        var leader: String?
        var enterpriseName: String?
    }

    func add(_ request: Request) async throws -> Response {
        let user = try request.authorize(.manage, .workOrder)
        let body = try request.decodeForm(AddBody.self)
        let name = (body.enterpriseName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let leaders = try await ProjectPage.leaderOptions(request)
        guard let leader = body.leader.flatMap(UUID.init(uuidString:)), leaders.contains(where: { $0.value == leader.uuidString }) else {
            return try await render(
                request, FormState(values: ["enterpriseName": name], error: .field("leader", zh: "请选择本辖区的领导。", en: "Choose a leader.")),
                status: .unprocessableEntity)
        }
        guard !name.isEmpty, name.count <= 80, !name.hasControlCharacters else {
            return try await render(
                request,
                FormState(values: ["enterpriseName": name], error: .field("enterpriseName", zh: "请填写企业名称。", en: "Name the enterprise.")),
                status: .unprocessableEntity)
        }
        let link = Linkage()
        link.id = UUID()
        (link.leaderID, link.enterpriseName, link.nameKey) = (leader, name, NameNormalizer.key(for: name))
        (link.jurisdictionCode, link.since) = (user.scope.value, request.clock.today.description)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await link.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "linkage.add", objectType: "person", objectID: leader.uuidString, after: ["enterprise": name],
                at: millis)
        }
        return request.redirect(to: SiteURL.linkage.path)
    }

    func end(_ request: Request) async throws -> Response {
        let user = try request.authorize(.manage, .workOrder)
        let id = try request.idParameter()
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today.description)
        try await request.writeTransaction { db in
            guard let link = try await Linkage.find(id, on: db), link.endedOn == nil,
                user.scope.contains(try JurisdictionCode(link.jurisdictionCode))
            else { throw AppError.notFound }
            link.endedOn = today
            try await link.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "linkage.end", objectType: "person", objectID: link.leaderID.uuidString,
                after: ["enterprise": link.enterpriseName], at: millis)
        }
        return request.redirect(to: SiteURL.linkage.path)
    }
}
