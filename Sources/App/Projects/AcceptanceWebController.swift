import Domain
import Fluent
import Vapor

/// 入库 from the lead page: the chair (or the bureau) names the title, the host unit, the
/// attractors with their shares, coordinating units and, for a major project, the leader.
struct AcceptanceWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.post(SiteURL.leadAccept(SiteURL.anyID).pattern, use: acceptLead)
    }

    struct Body: Content {
        var version: Int?
        var title: String?
        var hostUnit: String?
        var attractor1: String?
        var share1: String?
        var attractor2: String?
        var share2: String?
        var attractor3: String?
        var share3: String?
        var coordinators: [String]?
        var leader: String?
        var taskForce: String?
        var acceptedOn: String?

        var values: [String: String] {
            [
                "title": title ?? "", "hostUnit": hostUnit ?? "", "attractor1": attractor1 ?? "", "share1": share1 ?? "",
                "attractor2": attractor2 ?? "", "share2": share2 ?? "", "attractor3": attractor3 ?? "", "share3": share3 ?? "",
                "coordinators": (coordinators ?? []).joined(separator: ","), "leader": leader ?? "", "taskForce": taskForce ?? "",
                "acceptedOn": acceptedOn ?? "",
            ]
        }

        func input() throws -> ProjectAcceptance.Input {
            var attractors: [(person: UUID, basisPoints: Int)] = []
            for (person, share) in [(attractor1, share1), (attractor2, share2), (attractor3, share3)] {
                guard let person = UUID(uuidString: person ?? "") else { continue }
                guard let points = CreditSplit.basisPoints(percent: share ?? "") else {
                    throw AppError.field("attractors", zh: "分成比例写作百分数，如 60 或 33.33。", en: "Shares as percentages, e.g. 60 or 33.33.")
                }
                attractors.append((person, points))
            }
            return ProjectAcceptance.Input(
                title: title ?? "", hostUnitID: UUID(uuidString: hostUnit ?? ""), attractors: attractors,
                coordinators: (coordinators ?? []).compactMap(UUID.init(uuidString:)), leaderID: UUID(uuidString: leader ?? ""),
                taskForceID: UUID(uuidString: taskForce ?? ""), acceptedOn: try ProjectAcceptance.typedDate(acceptedOn))
        }
    }

    func acceptLead(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(Body.self)
        do {
            let project = try await ProjectAcceptance(request: request).accept(id, try body.input(), basedOn: body.version ?? 0)
            return request.redirect(to: SiteURL.project(project.id!).path)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await LeadWebController().renderWithAcceptForm(request, id: id, error: error, values: body.values)
        } catch let conflict as VersionConflict {
            return try await LeadWebController().renderWithAcceptForm(request, id: id, error: .conflict(conflict), values: body.values)
        }
    }

    /// What the accept form offers: the people and units of the jurisdiction, and the leaders who
    /// may answer for its projects (its own and the enclosing jurisdictions').
    static func options(_ request: Request) async throws -> AcceptForm.Options {
        let user = try request.requireUser()
        let people = try await PersonRow.page(within: user.scope, query: "", page: 1, per: 500, on: request.db)
        let units = try await Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope).filter(\.$dissolvedOn == nil).sort(\.$name)
            .all()
        return AcceptForm.Options(
            people: people.filter { !$0.roleSet.isDisjoint(with: [.bureau, .cadre, .host, .coordinator, .leader]) }.map {
                ($0.id.uuidString, "\($0.name)（\($0.unitName)）")
            },
            hosts: units.filter { $0.kind == .park || $0.kind == .town }.map { ($0.id!.uuidString, $0.name) },
            units: units.filter { $0.kind != .leadershipGroup }.map { ($0.id!.uuidString, $0.name) },
            leaders: try await DirectoryOptions.leaderOptions(request),
            taskForces: units.filter { $0.kind == .taskForce }.map { ($0.id!.uuidString, $0.name) })
    }
}
