import Domain
import Fluent
import Vapor

/// 目标任务 (`/targets`, a unit's sheet at `/targets/{id}`) and 进度 (`/progress`, a unit's figures
/// with the projects and entries behind them at `/progress/{id}`).
struct AssessmentWebController {
    typealias Measure = ScoreFormula.Measure

    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.targets.pattern, use: targets)
        pages.get(SiteURL.unitTargets(SiteURL.anyID).pattern, use: editTargets)
        pages.post(SiteURL.unitTargets(SiteURL.anyID).pattern, use: saveTargets)
        pages.get(SiteURL.progress.pattern, use: progress)
        pages.get(SiteURL.unitProgress(SiteURL.anyID).pattern, use: unitProgress)
    }

    func targets(_ request: Request) async throws -> Response {
        let year = try AssessmentUnits.year(request)
        let units = try await AssessmentUnits.visible(request)
        let sheets = try await TargetService.sheets(year: year, units: units.map(\.id), on: request.db)
        let model = TargetsView.ListModel(
            year: year, latestYear: TargetService.years(today: request.clock.today).upperBound, units: units.map { ($0, sheets[$0.id]) },
            mayManage: request.may(.manage, .assessment))
        return .html(TargetsView.list(model, context: PageContext(request: request)))
    }

    func editTargets(_ request: Request) async throws -> Response {
        let editable = try await TargetService(request: request).editable(try Self.id(request))
        let year = try AssessmentUnits.year(request)
        let stored = try await TargetService.sheets(year: year, units: [editable.unit.id], on: request.db)[editable.unit.id] ?? .empty
        return try await form(request, unit: editable.unit, year: year, state: FormState(values: TargetsView.values(stored)))
    }

    func saveTargets(_ request: Request) async throws -> Response {
        let service = TargetService(request: request)
        let editable = try await service.editable(try Self.id(request))
        let values = try request.content.decode([String: String].self)
        let year = Int(values["year"] ?? "") ?? 0
        do {
            try await service.save(
                editable, year: year, sheet: try Self.sheet(values), version: Int(values["version"] ?? "") ?? 0, note: values["note"] ?? "")
            return request.redirect(to: SiteURL.targets.with(query: ["year": String(year)]))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await form(
                request, unit: editable.unit, year: year, state: FormState(values: values, error: error), status: error.status)
        }
    }

    static func id(_ request: Request) throws -> UUID {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        return id
    }

    private func form(_ request: Request, unit: AssessmentUnits.Row, year: Int, state: FormState, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let cadres = try await CadreFigures.people(of: [unit], on: request.db)
        let model = TargetsView.FormModel(unit: unit, year: year, form: state, cadres: cadres)
        return .html(TargetsView.form(model, context: PageContext(request: request)), status: status)
    }

    /// The sheet typed on the form: each measure's year figure and, where any quarter is filled,
    /// its four quarters (an empty quarter is 0). A figure that is not a number is named.
    static func sheet(_ values: [String: String]) throws -> TargetSheet<UUID> {
        var sheet = TargetSheet<UUID>(year: [:])
        var errors: [String: AppError.Message] = [:]
        func read(_ name: String, _ measure: Measure) -> Int64? {
            let raw = (values[name] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { return nil }
            guard let value = TargetText.parse(raw, measure) else {
                let unit = TargetText.inputColumn(measure).map { "单位：\($0.unit)，最多两位小数，或写明“亿”" } ?? "整数"
                errors[name.hasPrefix("cadre.") ? "cadres" : measure.rawValue] = .init(
                    zh: "\(measure.label)请填写不小于 0 的数（\(unit)）。", en: "\(measure.englishLabel): a number of at least 0.")
                return nil
            }
            return value
        }
        // the split among the unit's cadres: "cadre.<person>.<measure>", a figure where one is typed
        for (name, _) in values.sorted(by: { $0.key < $1.key }) where name.hasPrefix("cadre.") {
            let parts = name.split(separator: ".")
            guard parts.count == 3, let person = UUID(uuidString: String(parts[1])), let measure = Measure(rawValue: String(parts[2])),
                measure != .satisfaction
            else { continue }
            if let figure = read(name, measure) { sheet.cadres[person, default: [:]][measure] = figure }
        }
        for measure in Measure.targeted {
            if let whole = read(measure.rawValue, measure) { sheet.year[measure] = whole }
            let names = (1...4).map { "\(measure.rawValue).q\($0)" }
            if names.contains(where: { !(values[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) {
                sheet.quarters[measure] = names.map { read($0, measure) ?? 0 }
            }
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return sheet
    }

    /// The page's table is the same for everyone who sees the same units: it is rendered once and
    /// kept 30 s (dropped by any write of this process, as the figures behind it are refreshed), so
    /// a county's people opening it together cost one rendering of a city's hundreds of rows.
    func progress(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .assessment)
        let year = try AssessmentUnits.year(request, results: true)
        let context = PageContext(request: request)
        let today = request.clock.today
        let sees = AccessPolicy.seesWholeJurisdiction(user.roles) ? "*" : user.unitID.uuidString
        let key = ShortCache.writeSensitive + "progress|\(user.scope.value)|\(year)|\(today)|\(sees)|\(context.lang.rawValue)"
        let content = try await request.application.shortCache.value(key, ttl: 30) {
            let overview = try await ProgressFigures.overview(request, year: year, units: try await AssessmentUnits.visible(request))
            let model = ProgressView.Model(
                year: year, latestYear: today.year, through: overview.figures.through,
                rows: overview.units.map { .init(unit: $0.unit, lines: $0.lines) },
                missingRates: overview.figures.tally.missingRates.sorted())
            return HNode.frozen(ProgressView.content(model, context.lang))
        }
        return .html(ProgressView.page(year, content: [content], context: context))
    }

    func unitProgress(_ request: Request) async throws -> Response {
        let unit = try await AssessmentUnits.readable(request, try Self.id(request))
        let year = try AssessmentUnits.year(request, results: true)
        let overview = try await ProgressFigures.overview(request, year: year, units: [unit])
        let figures = overview.figures
        // one measure with targets, or every one
        let focus = try request.queryChoice("measure", Measure.self, among: Measure.targeted)
        let page = try request.queryPage()
        let all = Dictionary(
            uniqueKeysWithValues: Measure.targeted.map { ($0, figures.tally.figure(unit: unit.id.uuidString, $0).items) })
        let shown = ProgressView.UnitModel.shown(all, focus: focus, page: page)
        var model = ProgressView.UnitModel(
            unit: unit, year: year, latestYear: request.clock.today.year, through: figures.through,
            lines: overview.units.first?.lines ?? [], items: shown.items,
            titles: try await ProgressFigures.titles(of: shown.items.values.joined().map(\.project), on: request.db))
        (model.counts, model.focus, model.page, model.hasMore) = (all.mapValues(\.count), focus, page, shown.hasMore)
        return .html(ProgressView.unit(model, context: PageContext(request: request)))
    }
}

extension ScoreFormula.Measure.Kind {
    var isMoney: Bool {
        if case .money = self { return true }
        return false
    }
}
