import Domain
import Fluent
import Vapor

/// `/api/v1/activities`: the same service as the pages.
struct ActivityAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.activities.pattern, use: list)
        api.post(APIRoute.activities.pattern, use: record)
        api.post(APIRoute.activityDone.pattern, use: done)
        api.get(APIRoute.unitMonth.pattern, use: ResidentMonthDTO.serve)
    }

    struct Item: Content {
        var id: UUID
        var kind: String
        var occurredOn: String
        var city: String
        var counterpart: String
        var outcome: String
        var nextStep: String
        var nextDue: String?
        var nextDoneOn: String?
        var ownerName: String
        var unitName: String
        var projectID: UUID?
        var leadID: UUID?

        init(_ row: ActivityList.Row) {
            (id, kind, occurredOn, city, counterpart, outcome) = (row.id, row.kind, row.occurredOn, row.city, row.counterpart, row.outcome)
            (nextStep, nextDue, nextDoneOn, ownerName, unitName) = (row.nextStep, row.nextDue, row.nextDoneOn, row.ownerName, row.unitName)
            (projectID, leadID) = (row.projectID, row.leadID)
        }
    }

    func list(_ request: Request) async throws -> PageDTO<Item> {
        let user = try request.authorize(.read, .activity)
        let paging = try Paging(request, maxPer: ActivityList.perPage)
        var filter = try ActivityList.Filter(request)
        filter.page = paging.page
        let rows = try await ActivityList.rows(for: user, filter, today: request.clock.today, on: request.db)
        return PageDTO(
            items: rows.prefix(ActivityList.perPage).map(Item.init), page: paging.page, per: ActivityList.perPage,
            hasMore: rows.count > ActivityList.perPage, count: try await ActivityList.count(request, filter))
    }

    struct Body: Content {
        var kind: String
        var occurredOn: String
        var city: String
        var participants: String?
        var counterpart: String?
        var outcome: String
        var nextStep: String?
        var nextDue: String?
        var projectID: UUID?
        var leadID: UUID?
    }

    func record(_ request: Request) async throws -> Response {
        try request.authorize(.write, .activity)
        let body = try request.decodeForm(Body.self)
        let activity = try await ActivityService(request: request).record(
            .init(
                kind: ActivityKind(rawValue: body.kind), occurredOn: CivilDate(body.occurredOn), city: body.city,
                participants: body.participants ?? "", counterpart: body.counterpart ?? "", leadID: body.leadID, projectID: body.projectID,
                outcome: body.outcome, nextStep: body.nextStep ?? "", nextDue: body.nextDue.flatMap(CivilDate.init)))
        return try Response.created(ActivityDTO(activity))
    }

    func done(_ request: Request) async throws -> Response {
        try await ActivityService(request: request).completeNextStep(try request.idParameter())
        return Response(status: .noContent)
    }
}
