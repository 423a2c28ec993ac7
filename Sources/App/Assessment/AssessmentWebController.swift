import Domain
import Fluent
import Vapor

/// 目标任务 (`/targets`, a unit's sheet at `/units/{id}/targets`) and 进度 (`/progress`, a unit's
/// figures with the projects and entries behind them at `/units/{id}/progress`).
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
            year: year, units: units.map { ($0, sheets[$0.id]) }, mayManage: request.may(.manage, .assessment))
        return .html(TargetsView.list(model, context: PageContext(request: request)))
    }

    func editTargets(_ request: Request) async throws -> Response {
        let (unit, year) = try await editable(request)
        let stored = try await TargetService.sheets(year: year, units: [unit.id], on: request.db)[unit.id] ?? .empty
        return try await form(request, unit: unit, year: year, state: FormState(values: TargetsView.values(stored)))
    }

    func saveTargets(_ request: Request) async throws -> Response {
        let (unit, _) = try await editable(request)
        let values = try request.content.decode([String: String].self)
        let year = Int(values["year"] ?? "") ?? 0
        do {
            let sheet = try Self.sheet(values)
            try await TargetService(request: request).save(
                unit: unit.id, year: year, sheet: sheet, version: Int(values["version"] ?? "") ?? 0, note: values["note"] ?? "")
            return request.redirect(to: SiteURL.targets.with(query: ["year": String(year), "saved": unit.id.uuidString]))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await form(request, unit: unit, year: year, state: FormState(values: values, error: error), status: error.status)
        }
    }

    /// The unit and year of an edit: the bureau of the unit's jurisdiction.
    private func editable(_ request: Request) async throws -> (AssessmentUnits.Row, Int) {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)), let unit = try await Unit.find(id, on: request.db)
        else { throw AppError.notFound }
        try request.authorize(.manage, .assessment, in: unit.jurisdictionCode)
        let year = try AssessmentUnits.year(request)
        return (AssessmentUnits.Row(id: id, name: unit.name, kind: unit.kind, jurisdictionCode: unit.jurisdictionCode), year)
    }

    private func form(_ request: Request, unit: AssessmentUnits.Row, year: Int, state: FormState, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let model = TargetsView.FormModel(unit: unit, year: year, form: state)
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
                errors[measure.rawValue] = .init(
                    zh: "\(measure.label)请填写不小于 0 的数（单位：\(TargetText.inputUnit(measure))\(measure.kind.isMoney ? "，最多两位小数" : "")）。",
                    en: "\(measure.englishLabel): a number of at least 0 (\(TargetText.inputUnit(measure))).")
                return nil
            }
            return value
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

    func progress(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .assessment)
        let year = try AssessmentUnits.year(request)
        let units = try await AssessmentUnits.visible(request)
        let figures = try await ProgressFigures.year(request, scope: user.scope, year: year)
        let sheets = try await TargetService.sheets(year: year, units: units.map(\.id), on: request.db)
        let rows = units.map { unit in
            ProgressView.UnitRow(unit: unit, lines: ProgressFigures.lines(figures, unit: unit.id, sheet: sheets[unit.id]?.sheet))
        }
        let model = ProgressView.Model(year: year, through: figures.through, rows: rows, missingRates: figures.tally.missingRates.sorted())
        return .html(ProgressView.render(model, context: PageContext(request: request)))
    }

    func unitProgress(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
        let unit = try await AssessmentUnits.readable(request, id)
        let year = try AssessmentUnits.year(request)
        let scope = try request.requireUser().scope
        let figures = try await ProgressFigures.year(request, scope: scope, year: year)
        let sheet = try await TargetService.sheets(year: year, units: [id], on: request.db)[id]
        let model = ProgressView.UnitModel(
            unit: unit, year: year, through: figures.through, lines: ProgressFigures.lines(figures, unit: id, sheet: sheet?.sheet),
            items: Dictionary(
                uniqueKeysWithValues: Measure.targeted.map { ($0, figures.tally.figure(unit: id.uuidString, $0).items) }),
            titles: figures.titles)
        return .html(ProgressView.unit(model, context: PageContext(request: request)))
    }
}

extension ScoreFormula.Measure.Kind {
    var isMoney: Bool {
        if case .money = self { return true }
        return false
    }
}
