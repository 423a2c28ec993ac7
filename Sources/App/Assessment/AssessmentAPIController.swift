import Domain
import Vapor

/// `GET /api/v1/targets?year=` (the sheets of the units one reads), `PUT /api/v1/units/{id}/targets`
/// (the bureau saves a unit's sheet whole), `GET /api/v1/progress?year=` and
/// `GET /api/v1/units/{id}/progress?year=` (the figures with the items behind them). Money is in
/// minor units of its currency (fen; cents for fundsForeign), counts as they are.
struct AssessmentAPIController {
    typealias Measure = ScoreFormula.Measure

    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.targets.pattern, use: targets)
        api.put(APIRoute.unitTargets.pattern, use: save)
        api.get(APIRoute.progress.pattern, use: progress)
        api.get(APIRoute.unitProgress.pattern, use: unitProgress)
    }

    struct Cadre: Content {
        var personID: UUID
        var targets: [String: Int64]
    }

    struct Sheet: Content {
        var unitID: UUID
        var unitName: String
        var year: Int
        /// 0 before the first save.
        var version: Int
        var note: String
        var targets: [String: Int64]
        var quarters: [String: [Int64]]
        var cadres: [Cadre]

        init(unit: AssessmentUnits.Row, year: Int, _ stored: TargetService.Stored) {
            (unitID, unitName, self.year, version, note) = (unit.id, unit.name, year, stored.version, stored.note)
            let audited = TargetService.Audited(year: year, stored.sheet)
            (targets, quarters) = (audited.targets, audited.quarters)
            cadres = stored.sheet.cadres.sorted { $0.key.uuidString < $1.key.uuidString }.map { person, figures in
                Cadre(personID: person, targets: Dictionary(uniqueKeysWithValues: figures.map { ($0.key.rawValue, $0.value) }))
            }
        }
    }

    struct SheetPage: Content {
        var year: Int
        var sheets: [Sheet]
    }

    func targets(_ request: Request) async throws -> SheetPage {
        let year = try AssessmentUnits.year(request)
        let units = try await AssessmentUnits.visible(request)
        let stored = try await TargetService.sheets(year: year, units: units.map(\.id), on: request.db)
        return SheetPage(year: year, sheets: units.map { Sheet(unit: $0, year: year, stored[$0.id] ?? .empty) })
    }

    struct SaveBody: Content {
        var year: Int
        var version: Int
        var note: String?
        var targets: [String: Int64]
        var quarters: [String: [Int64]]?
        var cadres: [Cadre]?
    }

    func save(_ request: Request) async throws -> Sheet {
        let service = TargetService(request: request)
        let editable = try await service.editable(try AssessmentWebController.id(request))
        let body = try request.decodeForm(SaveBody.self)
        var unknown: [String: AppError.Message] = [:]
        func measures(_ figures: [String: Int64]) -> [Measure: Int64] {
            var read: [Measure: Int64] = [:]
            for (key, value) in figures {
                guard let measure = Measure(rawValue: key) else {
                    unknown[key] = .init(zh: "没有名为 \(key) 的指标。", en: "No measure \(key).")
                    continue
                }
                read[measure] = value
            }
            return read
        }
        var sheet = TargetSheet<UUID>(year: measures(body.targets))
        for (key, parts) in body.quarters ?? [:] {
            guard let measure = Measure(rawValue: key) else {
                unknown[key] = .init(zh: "没有名为 \(key) 的指标。", en: "No measure \(key).")
                continue
            }
            sheet.quarters[measure] = parts
        }
        for cadre in body.cadres ?? [] { sheet.cadres[cadre.personID] = measures(cadre.targets) }
        guard unknown.isEmpty else { throw AppError.validation(unknown) }
        let stored = try await service.save(editable, year: body.year, sheet: sheet, version: body.version, note: body.note ?? "")
        return Sheet(unit: editable.unit, year: body.year, stored)
    }

    struct Item: Content {
        var projectID: String
        var fundsID: String?
        var on: String
        var whole: Int64
        var credited: Int64
    }

    struct Line: Content {
        var measure: String
        var currency: String?
        var done: Int64
        var target: Int64?
        var permille: Int64?
        var pace: String?
        var lastYear: Int64
        var items: [Item]?

        init(_ line: ProgressLine, through: CivilDate, items: [CreditedResults.Item]? = nil) {
            measure = line.measure.rawValue
            if case .money(let c) = line.measure.kind { currency = c.rawValue }
            (done, target, permille, pace, lastYear) = (
                line.done, line.target, line.permille, line.pace(on: through)?.rawValue, line.lastYear
            )
            self.items = items?.map {
                Item(projectID: $0.project, fundsID: $0.funds, on: $0.on.description, whole: $0.whole, credited: $0.credited)
            }
        }
    }

    struct UnitProgress: Content {
        var unitID: UUID
        var unitName: String
        var lines: [Line]
    }

    struct Progress: Content {
        var year: Int
        var through: String
        /// 序时进度 in tenths of a percent.
        var calendarPermille: Int64
        var missingRates: [String]
        var units: [UnitProgress]
    }

    func progress(_ request: Request) async throws -> Progress {
        let year = try AssessmentUnits.year(request, results: true)
        return Self.progress(try await ProgressFigures.overview(request, year: year, units: try await AssessmentUnits.visible(request)))
    }

    func unitProgress(_ request: Request) async throws -> Progress {
        let unit = try await AssessmentUnits.readable(request, try AssessmentWebController.id(request))
        let year = try AssessmentUnits.year(request, results: true)
        return Self.progress(try await ProgressFigures.overview(request, year: year, units: [unit]), items: true)
    }

    /// The overview as the API writes it; one unit's with the items behind each figure.
    static func progress(_ overview: ProgressFigures.Overview, items: Bool = false) -> Progress {
        let figures = overview.figures
        return Progress(
            year: figures.year, through: figures.through.description, calendarPermille: CalendarProgress.permille(on: figures.through),
            missingRates: figures.tally.missingRates.sorted(),
            units: overview.units.map { unit, lines in
                UnitProgress(
                    unitID: unit.id, unitName: unit.name,
                    lines: lines.map {
                        Line(
                            $0, through: figures.through,
                            items: items ? figures.tally.figure(unit: unit.id.uuidString, $0.measure).items : nil)
                    })
            })
    }
}
