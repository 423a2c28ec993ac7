import Domain
import Vapor

/// What Activities adds to a project's page (`ProjectExtensions`): its visits and other
/// activities on the timeline, and a button to record one.
enum ActivityProjectExtension {
    static func install(_ app: Application) {
        app.projectExtensions.sources.append { request, project, _ in try await contribution(request, project) }
    }

    static func contribution(_ request: Request, _ project: ProjectDTO.Summary) async throws -> ProjectExtensions.Contribution {
        let lang = request.lang
        var part = ProjectExtensions.Contribution()
        for a in try await ActivityList.forProject(project.id, on: request.db) {
            var detail = a.outcome
            if !a.nextStep.isEmpty { detail += lang("；下一步：", "; next: ") + a.nextStep + "（\(a.nextDue ?? "")）" }
            part.timeline.append(
                .init(
                    date: a.occurredOn, title: a.activityKind.label(lang) + " · " + a.city, detail: detail,
                    who: "\(a.ownerName)（\(a.unitName)）", verified: nil, verifiable: false))
        }
        if request.may(.write, .activity) {
            part.actions.append(
                el(
                    "p", [],
                    el(
                        "a", [.href(SiteURL.activityNew.with(query: ["project": project.id.uuidString])), .cls("button")],
                        text(lang("记录走访/活动", "Record an activity")))))
        }
        return part
    }
}
