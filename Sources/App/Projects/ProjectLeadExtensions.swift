import Domain
import Fluent
import Vapor

/// What Projects adds to a lead (`LeadExtensions`): a live project of the same enterprise holds it
/// as an open lead does, and the lead's page shows the project it became or the 入库 form.
enum ProjectLeadExtensions {
    static func install(_ app: Application) {
        app.leadExtensions.holders.append { name, uscc, scope, db in
            guard let project = try await liveProject(for: name, uscc: uscc, within: scope, on: db) else { return nil }
            return try await collision(project, on: db)
        }
        app.leadExtensions.outcomes.append { request, lead, review, form in try await outcome(request, lead, review, form) }
    }

    /// The project the lead became (a banner linking to it), or — once the panel's quorum is met
    /// and the viewer may decide — the 入库 form.
    static func outcome(_ request: Request, _ lead: Lead, _ review: ReviewViews.Section?, _ form: FormState?) async throws
        -> LeadExtensions.Outcome
    {
        let lang = request.lang
        let context = PageContext(request: request)
        if lead.status == .accepted {
            guard let projectID = try await Project.query(on: request.db).filter(\.$leadID == lead.id!).first()?.id else { return .init() }
            return .init(banner: [
                Components.notice(lang("已入库，", "Accepted; ")), link(.project(projectID), lang("查看项目", "open the project")),
            ])
        }
        guard let review, review.tally.quorumMet, lead.status.isOpen, review.canDecide else { return .init() }
        let defaults = FormState(values: [
            "title": lead.enterpriseName + "项目", "attractor1": lead.submitterID.uuidString, "share1": "100",
        ])
        let model = AcceptForm.Model(
            options: try await AcceptanceWebController.options(request), form: form ?? defaults,
            // a hint on the form; acceptance itself names a missing rate
            isMajor: (try? ProjectRules.isMajor(
                lead.investment, on: request.clock.today, rates: try await ExchangeRate.table(request),
                threshold: try await SettingsService.inEffect(request, for: lead.jurisdictionCode, on: request.clock.today).majorThreshold))
                ?? false)
        return .init(section: AcceptForm.render(model, leadID: lead.id!, version: lead.version, context: context))
    }

    /// A project of the same enterprise that is not terminated: it holds the enterprise as an open lead does.
    static func liveProject(for name: String, uscc: String?, within scope: JurisdictionCode, on db: any Database) async throws -> Project? {
        let key = NameNormalizer.key(for: name)
        let candidates = try await Project.query(on: db)
            .group(.or) { group in
                group.filter(\.$nameKey == key)
                if let uscc { group.filter(\.$uscc == uscc) }
            }
            .filter(\.$stage != .terminated).within(\.$jurisdictionCode, scope).sort(\.$acceptedOn).all()
        return candidates.first { LeadRules.sameEnterprise(nameA: name, usccA: uscc, nameB: $0.enterpriseName, usccB: $0.uscc) }
    }

    static func collision(_ project: Project, on db: any Database) async throws -> AppError {
        let host = try await Unit.find(project.hostUnitID, on: db)
        let stage = project.stage.label(.zh)
        return AppError(
            code: "lead_collision", status: .conflict,
            zh: "该企业已是在库项目“\(project.title)”（\(stage)，承接单位\(host?.name ?? "")，\(project.acceptedOn) 入库）。同一项目不重复计功；如确属新的项目，请勾选“仍要提交”。",
            en:
                "This enterprise is already a project (\(project.title), accepted \(project.acceptedOn)). Tick 'submit anyway' if it is a new one.",
            fields: ["enterpriseName": .init(zh: "已是在库项目", en: "Already a project")])
    }
}
