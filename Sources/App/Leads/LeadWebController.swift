import Domain
import Fluent
import Vapor

/// Lead pages: the list with the response clock, the phone-width submission form, the lead page
/// with the bureau's actions.
struct LeadWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.leads.pattern, use: list)
        pages.post(SiteURL.leads.pattern, use: submit)
        pages.get(SiteURL.leadNew.pattern, use: newForm)
        pages.get(SiteURL.lead(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.leadRespond(SiteURL.anyID).pattern, use: respond)
        pages.post(SiteURL.leadDecision(SiteURL.anyID).pattern, use: decide)
        pages.post(SiteURL.leadMerge(SiteURL.anyID).pattern, use: merge)
    }

    func list(_ request: Request) async throws -> Response {
        let page = try await LeadList.read(request)
        let user = try request.requireUser()
        let readsAll = AccessPolicy.seesWholeJurisdiction(user.roles)
        // people of the chosen unit, or of one's own (whoever reads only their unit's leads)
        let unit = readsAll ? page.filter.unit : user.unitID
        var persons: [(value: String, label: String)] = []
        if let unit { persons = try await DirectoryOptions.personOptions(of: unit, request) }
        let model = LeadListView.Model(
            page: page, today: request.clock.today, units: readsAll ? try await DirectoryOptions.unitOptions(request) : [],
            persons: persons)
        return .html(LeadListView.render(model, context: PageContext(request: request)))
    }

    func newForm(_ request: Request) async throws -> Response {
        try request.authorize(.write, .lead)
        return .html(
            LeadFormView.render(
                form: FormState(values: ["currency": "CNY", "channel": LeadChannel.visit.rawValue]), context: PageContext(request: request))
        )
    }

    struct FormBody: Content {
        var enterpriseName: String?
        var uscc: String?
        var industryCode: String?
        var investment: String?
        var currency: String?
        var landMu: String?
        var spaceM2: String?
        var energyTCE: String?
        var powerKVA: String?
        var jobs: String?
        var channel: String?
        var notes: String?
        var confirmDuplicate: String?
        var contactName: String?
        var contactPhone: String?
        var homeCity: String?
        var projectContent: String?

        var values: [String: String] {
            [
                "enterpriseName": enterpriseName ?? "", "uscc": uscc ?? "", "industryCode": industryCode ?? "",
                "investment": investment ?? "",
                "currency": currency ?? "CNY", "landMu": landMu ?? "", "spaceM2": spaceM2 ?? "", "energyTCE": energyTCE ?? "",
                "powerKVA": powerKVA ?? "", "jobs": jobs ?? "", "channel": channel ?? "", "notes": notes ?? "",
                "contactName": contactName ?? "", "contactPhone": contactPhone ?? "", "homeCity": homeCity ?? "",
                "projectContent": projectContent ?? "",
            ]
        }

        func input() throws(AppError) -> LeadInput {
            let currency = Currency(rawValue: currency ?? "CNY") ?? .cny
            let amount: Result<Money, AppError.Message>
            do { amount = .success(try ChineseAmount.parse(investment ?? "", currency: currency)) } catch {
                amount = .failure(MoneyInput.amountError(error))
            }
            return try LeadInput.validate(
                .init(
                    enterpriseName: enterpriseName, uscc: uscc, industryCode: industryCode, investment: amount, landMu: landMu,
                    spaceM2: spaceM2, energyTCE: energyTCE, powerKVA: powerKVA, jobs: jobs, channel: channel, notes: notes,
                    confirmDuplicate: confirmDuplicate == "on" || confirmDuplicate == "true", contactName: contactName,
                    contactPhone: contactPhone, homeCity: homeCity, projectContent: projectContent))
        }
    }

    func submit(_ request: Request) async throws -> Response {
        try request.authorize(.write, .lead)
        let body = try request.decodeForm(FormBody.self)
        do {
            let lead = try await LeadService(request: request).submit(try body.input())
            return request.redirect(to: SiteURL.lead(lead.id!).with(query: ["submitted": "1"]))
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            var form = FormState(values: body.values, error: error)
            if error.code == "lead_collision" { form.values["showConfirm"] = "1" }
            return .html(LeadFormView.render(form: form, context: PageContext(request: request)), status: error.status)
        }
    }

    func show(_ request: Request) async throws -> Response {
        let lead = try await LeadService(request: request).find(try request.idParameter())
        return try await render(request, lead, error: nil)
    }

    /// The lead page with the accept form as typed, after a refused acceptance.
    func renderWithAcceptForm(_ request: Request, id: UUID, error: AppError, values: [String: String]) async throws -> Response {
        let lead = try await LeadService(request: request).find(id)
        return try await render(request, lead, error: error, status: error.status, acceptForm: FormState(values: values, error: error))
    }

    private func render(
        _ request: Request, _ lead: Lead, error: AppError?, status: HTTPResponseStatus = .ok, acceptForm: FormState? = nil
    ) async throws -> Response {
        let submitter = try await Person.find(lead.submitterID, on: request.db)
        let unit = try await Unit.find(lead.submitterUnitID, on: request.db)
        // other open leads of the same enterprise, for the bureau to merge into
        var related: [Lead] = []
        if request.may(.manage, .lead) {
            let scope = try request.requireUser().scope
            related = try await Lead.query(on: request.db).filter(\.$nameKey == lead.nameKey).filter(\.$id != lead.id!)
                .within(\.$jurisdictionCode, scope).all()
        }
        let (review, panels) = try await reviewSection(request, lead)
        var model = LeadShowView.Model(
            lead: LeadDTO(lead), submitter: submitter?.name ?? "", unit: unit?.name ?? "", related: related.map(LeadDTO.init),
            today: request.clock.today, submitted: request.queryValue("submitted") != nil,
            error: error.map { AppError.Message(zh: $0.zh + ($0.fields.values.first.map { " " + $0.zh } ?? ""), en: $0.en) })
        model.review = review
        model.panels = panels
        if lead.status.isOpen, let scope = try? JurisdictionCode(lead.jurisdictionCode) {
            let need = ParkMatch.Need(
                industryCode: lead.industryCode, landMuTenths: lead.landMuTenths, spaceM2: lead.spaceM2, energyTCE: lead.energyTCE,
                powerKVA: lead.powerKVA)
            // a lead that states neither industry nor needs has nothing to match
            if !need.isEmpty { model.parkMatches = ParkMatch.rank(need, try await ParkProfile.parks(within: scope, on: request.db)) }
        }
        for source in request.application.leadExtensions.outcomes {
            let outcome = try await source(request, lead, review, acceptForm)
            model.outcome.banner += outcome.banner
            model.outcome.section += outcome.section
        }
        model.history = HistoryView.render(try await RecordHistory.of("lead", try lead.requireID(), on: request.db), request.lang)
        return .html(LeadShowView.render(model, context: PageContext(request: request)), status: status)
    }

    /// The panel's state on this lead, or (for the bureau) the panels it could be put to.
    private func reviewSection(_ request: Request, _ lead: Lead) async throws -> (ReviewViews.Section?, [ReviewViews.PanelChoice]) {
        let user = try request.requireUser()
        guard let state = try await ReviewService(request: request).state(of: lead.id!) else {
            guard request.may(.manage, .lead) else { return (nil, []) }
            let panels = try await ReviewPanel.all(within: user.scope, on: request.db)
            return (nil, panels.map { ReviewViews.PanelChoice(id: $0.id!, name: $0.name) })
        }
        let recused = state.review.recused
        let tally = state.tally
        let latest = Dictionary(state.opinions.map { ($0.memberID, $0.sequence) }, uniquingKeysWith: { max($0, $1) })
        let names = try await Person.query(on: request.db).filter(\.$id ~~ state.panel.members).all()
        let nameOf = Dictionary(names.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        let criteria = state.panel.criteria
        let parks = try await Unit.query(on: request.db).filter(\.$kind == .park).within(\.$jurisdictionCode, user.scope).sort(\.$name)
            .all().map(\.name)
        let rows = state.opinions.map { opinion in
            ReviewViews.Section.Opinion(
                member: nameOf[opinion.memberID] ?? "", recommendation: opinion.recommendation,
                scores: criteria.compactMap { c in opinion.scores[c.rawValue].map { "\(c.label(request.lang)) \($0)" } }.joined(
                    separator: "、"),
                park: opinion.suggestedPark, comment: opinion.comment, isRevision: opinion.revisesID != nil,
                counts: latest[opinion.memberID] == opinion.sequence && !recused.contains(opinion.memberID))
        }
        let member = state.panel.members.contains(user.personID) && !recused.contains(user.personID) && lead.status.isOpen
        let section = ReviewViews.Section(
            panelName: state.panel.name, tally: tally, opinions: rows, criteria: criteria, parks: parks, canGiveOpinion: member,
            hasOpinion: state.opinions.contains { $0.memberID == user.personID },
            canDecide: AccessPolicy.may(user.roles, .decideLead, ties: state.panel.chairID == user.personID ? .panelChair : []))
        return (section, [])
    }

    struct ActionBody: Content {
        var version: Int?
        var decision: String?
        var reason: String?
        var target: String?
    }

    func respond(_ request: Request) async throws -> Response {
        try await act(request) { service, id, body in try await service.respond(id, basedOn: body.version ?? 0) }
    }

    func decide(_ request: Request) async throws -> Response {
        try await act(request) { service, id, body in
            guard let decision = LeadService.Decision(rawValue: body.decision ?? "") else {
                throw AppError.field("decision", zh: "请选择退回补充或不予入库。", en: "Choose return or reject.")
            }
            return try await service.decide(id, decision, reason: body.reason ?? "", basedOn: body.version ?? 0)
        }
    }

    func merge(_ request: Request) async throws -> Response {
        try await act(request) { service, id, body in
            guard let target = UUID(uuidString: body.target ?? "") else {
                throw AppError.field("target", zh: "请选择要并入的线索。", en: "Choose the lead to merge into.")
            }
            return try await service.merge(id, into: target, basedOn: body.version ?? 0)
        }
    }

    /// Runs a bureau action; a refused one re-renders the lead page with the reason.
    private func act(_ request: Request, _ action: (LeadService, UUID, ActionBody) async throws -> Lead) async throws -> Response {
        try request.authorize(.manage, .lead)
        let id = try request.idParameter()
        let body = try request.decodeForm(ActionBody.self)
        let service = LeadService(request: request)
        do {
            _ = try await action(service, id, body)
            return request.redirect(to: SiteURL.lead(id).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await render(request, try await service.find(id), error: error, status: error.status)
        } catch let conflict as VersionConflict {
            return try await render(request, try await service.find(id), error: .conflict(conflict), status: .conflict)
        }
    }
}
