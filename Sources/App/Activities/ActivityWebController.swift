import Domain
import Fluent
import Vapor

/// Activity pages: the list, the form (from a project or lead page, pre-linked), the to-dos.
struct ActivityWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.activities.pattern, use: list)
        pages.post(SiteURL.activities.pattern, use: record)
        pages.get(SiteURL.activityNew.pattern, use: newForm)
        pages.post(SiteURL.activityDone(SiteURL.anyID).pattern, use: done)
        pages.get(SiteURL.todos.pattern, use: todos)
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .activity)
        let filter = try ActivityList.Filter(request)
        let today = request.clock.today
        let rows = try await ActivityList.rows(for: user, filter, today: today, on: request.db)
        let count = try await ActivityList.count(request, filter)
        let readsAll = AccessPolicy.seesWholeJurisdiction(user.roles)
        // people of the chosen unit, or of one's own (whoever reads only their unit's activities)
        var persons: [(value: String, label: String)] = []
        if let unit = readsAll ? filter.unit : user.unitID { persons = try await DirectoryOptions.personOptions(of: unit, request) }
        let model = ActivityViews.ListModel(
            rows: Array(rows.prefix(ActivityList.perPage)), filter: filter, count: count, hasMore: rows.count > ActivityList.perPage,
            today: today, units: readsAll ? try await DirectoryOptions.unitOptions(request) : [], persons: persons)
        return .html(ActivityViews.list(model, context: PageContext(request: request)))
    }

    func newForm(_ request: Request) async throws -> Response {
        try request.authorize(.write, .activity)
        var values = ["kind": ActivityKind.enterpriseVisit.rawValue, "occurredOn": request.clock.today.description]
        if let project = request.queryValue("project").flatMap(UUID.init(uuidString:)) {
            let found = try await ProjectService(request: request).find(project)
            values["project"] = project.uuidString
            values["counterpart"] = found.enterpriseName
        } else if let lead = request.queryValue("lead").flatMap(UUID.init(uuidString:)) {
            let found = try await LeadService(request: request).find(lead)
            values["lead"] = lead.uuidString
            values["counterpart"] = found.enterpriseName
        }
        return .html(ActivityViews.form(FormState(values: values), context: PageContext(request: request)))
    }

    struct Body: Content {
        var kind: String?
        var occurredOn: String?
        var city: String?
        var participants: String?
        var counterpart: String?
        var outcome: String?
        var nextStep: String?
        var nextDue: String?
        var project: String?
        var lead: String?

        var values: [String: String] {
            [
                "kind": kind ?? "", "occurredOn": occurredOn ?? "", "city": city ?? "", "participants": participants ?? "",
                "counterpart": counterpart ?? "", "outcome": outcome ?? "", "nextStep": nextStep ?? "", "nextDue": nextDue ?? "",
                "project": project ?? "", "lead": lead ?? "",
            ]
        }

        var input: ActivityService.Input {
            ActivityService.Input(
                kind: ActivityKind(rawValue: kind ?? ""), occurredOn: CivilDate(occurredOn ?? ""), city: city ?? "",
                participants: participants ?? "", counterpart: counterpart ?? "", leadID: UUID(uuidString: lead ?? ""),
                projectID: UUID(uuidString: project ?? ""), outcome: outcome ?? "", nextStep: nextStep ?? "",
                nextDue: CivilDate(nextDue ?? ""))
        }
    }

    func record(_ request: Request) async throws -> Response {
        try request.authorize(.write, .activity)
        let body = try request.decodeForm(Body.self)
        do {
            let activity = try await ActivityService(request: request).record(body.input)
            if let project = activity.projectID { return request.redirect(to: SiteURL.project(project).path) }
            return request.redirect(to: SiteURL.activities.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return .html(
                ActivityViews.form(FormState(values: body.values, error: error), context: PageContext(request: request)),
                status: error.status)
        }
    }

    func done(_ request: Request) async throws -> Response {
        try await ActivityService(request: request).completeNextStep(try request.idParameter())
        return request.redirect(to: SiteURL.todos.path)
    }

    func todos(_ request: Request) async throws -> Response {
        let user = try request.authorize(.write, .activity)
        let rows = try await ActivityList.todos(of: user.personID, on: request.db)
        return .html(ActivityViews.todos(rows, today: request.clock.today, context: PageContext(request: request)))
    }
}
