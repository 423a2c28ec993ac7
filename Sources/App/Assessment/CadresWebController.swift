import Domain
import Vapor

/// 干部实绩 (`/cadres?year=`, one cadre at `/cadres/{id}`) and 提拔后备库 (`/reserve-pool`; the
/// bureau adds a record with `POST /reserve-pool`).
struct CadresWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.cadres.pattern, use: cadres)
        pages.get(SiteURL.cadre(SiteURL.anyID).pattern, use: cadre)
        pages.get(SiteURL.reservePool.pattern, use: pool)
        pages.post(SiteURL.reservePool.pattern, use: addToPool)
    }

    /// Whether the person reads the pool of their jurisdiction.
    static func readsPool(_ request: Request) -> Bool {
        guard let user = request.currentUser else { return false }
        return AccessPolicy.may(user.roles, .readReservePool, ties: .withinJurisdiction)
    }

    func cadres(_ request: Request) async throws -> Response {
        let year = try AssessmentUnits.year(request, results: true)
        let (rows, figures) = try await CadreFigures.rows(request, year: year, units: try await AssessmentUnits.visible(request))
        let user = try request.requireUser()
        let pool =
            Self.readsPool(request)
            ? Set(
                ReservePool.current(try await ReservePoolService.records(scope: user.scope.value, on: request.db).map(\.entry)).keys
                    .compactMap(UUID.init(uuidString:))) : nil
        let model = CadresView.Model(
            year: year, latestYear: request.clock.today.year, through: figures.through, rows: rows, inPool: pool)
        return .html(CadresView.render(model, context: PageContext(request: request)))
    }

    func cadre(_ request: Request) async throws -> Response {
        let cadre = try await CadreFigures.readable(request, try AssessmentWebController.id(request))
        let year = try AssessmentUnits.year(request, results: true)
        let (rows, figures) = try await CadreFigures.rows(request, year: year, units: [cadre.unit])
        let key = cadre.id.uuidString
        let user = try request.requireUser()
        let own = Dictionary(uniqueKeysWithValues: ScoreFormula.Measure.targeted.map { ($0, figures.tally.figure(person: key, $0)) })
        let model = CadresView.PersonModel(
            cadre: cadre, year: year, latestYear: request.clock.today.year, through: figures.through,
            line: rows.first { $0.person.id == cadre.id }?.line, figures: own,
            titles: try await ProgressFigures.titles(of: own.values.flatMap(\.items).map(\.project), on: request.db),
            pool: Self.readsPool(request)
                ? try await ReservePoolService.records(scope: user.scope.value, person: cadre.id, on: request.db) : nil)
        return .html(CadresView.person(model, context: PageContext(request: request)))
    }

    func pool(_ request: Request) async throws -> Response {
        try await renderPool(request, form: FormState(values: ["year": String(request.clock.today.year - 1), "action": "enter"]))
    }

    func addToPool(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let values = try request.content.decode([String: String].self)
        do {
            try await ReservePoolService(request: request).add(try Self.input(values))
            return request.redirect(to: SiteURL.reservePool.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderPool(request, form: FormState(values: values, error: error), status: error.status)
        }
    }

    /// A record as typed on the form; what does not read is named.
    static func input(_ values: [String: String]) throws -> ReservePoolService.Input {
        var errors: [String: AppError.Message] = [:]
        let person = UUID(uuidString: values["person"] ?? "")
        if person == nil { errors["person"] = .init(zh: "请选择干部。", en: "Choose a cadre.") }
        let year = Int((values["year"] ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil { errors["year"] = .init(zh: "年度请填写四位数年份。", en: "A year, e.g. 2025.") }
        let action = ReservePool.Action(rawValue: values["action"] ?? "")
        if action == nil { errors["action"] = .init(zh: "请选择入库或移出。", en: "Enter or withdraw.") }
        let source = ReservePool.Source(rawValue: values["source"] ?? "")
        if source == nil { errors["source"] = .init(zh: "请选择来源。", en: "Choose a source.") }
        let decidedOn = CivilDate(values["decidedOn"] ?? "")
        if decidedOn == nil { errors["decidedOn"] = .init(zh: "请填写决定日期（如 2026-01-20）。", en: "A date, e.g. 2026-01-20.") }
        guard errors.isEmpty, let person, let year, let action, let source, let decidedOn else { throw AppError.validation(errors) }
        return ReservePoolService.Input(
            person: person, year: year, action: action, source: source, reason: values["reason"] ?? "",
            decidedBy: values["decidedBy"] ?? "", decidedOn: decidedOn)
    }

    private func renderPool(_ request: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let records = try await ReservePoolService(request: request).records()
        let user = try request.requireUser()
        let mayManage = request.may(.manage, .assessment)
        let people =
            mayManage
            ? try await CadreFigures.people(of: try await AssessmentUnits.assessed(scope: user.scope, on: request.db), on: request.db) : []
        let model = ReservePoolView.Model(records: records, people: people, mayManage: mayManage, form: form)
        return .html(ReservePoolView.render(model, context: PageContext(request: request)), status: status)
    }
}
