import Domain
import Vapor

/// What WorkOrders adds to a project's page (`ProjectExtensions`): its factor requests, its
/// 边建边办 standing with the bureau's button, and a button to request factors.
enum ParallelApprovalProjectExtension {
    static func install(_ app: Application) {
        app.projectExtensions.sources.append { request, project, viewer in try await contribution(request, project, viewer) }
    }

    static func contribution(_ request: Request, _ project: ProjectDTO.Summary, _ viewer: ProjectExtensions.Viewer) async throws
        -> ProjectExtensions.Contribution
    {
        let lang = request.lang
        let factors = try await ParallelApprovalService.factorRequests(of: project.id, on: request.db)
        let section = FactorSection.Model(
            projectID: project.id, isBureau: viewer.isBureau,
            factorRequests: factors.items.map { .init(id: $0.id, number: $0.number, title: $0.title, status: $0.status.label(lang)) },
            parallelMarkedOn: factors.markedOn,
            missingApprovals: ParallelApproval.missing(done: ParallelApprovalService.done(factors.items)).map { $0.label(lang) })
        var part = ProjectExtensions.Contribution(sections: FactorSection.render(section, context: PageContext(request: request)))
        if request.may(.write, .workOrder), project.stage != .terminated {
            part.actions.append(
                el(
                    "p", [],
                    el(
                        "a", [.href(SiteURL.workOrderNew.with(query: ["project": project.id.uuidString])), .cls("button")],
                        text(lang("提出要素保障（用地、能耗、审批等）", "Request factors (land, energy, approvals)")))))
        }
        return part
    }
}
