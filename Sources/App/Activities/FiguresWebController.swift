import Domain
import Fluent
import Vapor

/// The funnel per unit and per person, and a resident office's monthly report.
struct FiguresWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.funnel.pattern, use: funnel)
        pages.get(SiteURL.residentMonth(SiteURL.anyID).pattern, use: residentMonth)
    }

    func funnel(_ request: Request) async throws -> Response {
        let f = try await Self.funnelFigures(request)
        let today = request.clock.today
        return .html(
            FiguresViews.funnel(
                f.rows, total: f.total, year: f.year, title: f.title, years: Array((today.year - 3)...today.year), unitID: f.openedUnit,
                context: PageContext(request: request)))
    }

    /// The funnel a request asks for (`year`, and `unit` for the bureau), for the page and its export.
    struct FunnelFigures: Sendable {
        var title: String
        var year: Int
        var rows: [FiguresViews.FunnelRow]
        var total: Funnel
        /// The unit the bureau opened (its people's rows), nil for the units' rows or a unit's own reader.
        var openedUnit: UUID?
        /// The unit whose people are the rows; nil when the rows are the jurisdiction's units.
        var unitName: String?
    }

    static func funnelFigures(_ request: Request) async throws -> FunnelFigures {
        let user = try request.authorize(.read, .activity)
        let today = request.clock.today
        let year = max(2000, min(request.query[Int.self, at: "year"] ?? today.year, today.year))
        let oversees = AccessPolicy.seesWholeJurisdiction(user.roles)
        // the bureau sees every unit and may open one; everyone else sees the people of their own unit
        var unitID = try request.queryID("unit")
        if !oversees { unitID = user.unitID }
        let lang = request.lang
        var rows: [FiguresViews.FunnelRow] = []
        var title = lang("招商漏斗 \(year)", "Funnel \(year)")
        var unitName: String?
        if let unitID {
            guard let unit = try await Unit.find(unitID, on: request.db),
                let code = try? JurisdictionCode(unit.jurisdictionCode), user.scope.contains(code)
            else { throw AppError.notFound }
            title = unit.name + lang(" · 招商漏斗 \(year)", " · funnel \(year)")
            unitName = unit.name
            let figures = try await FunnelTallies.rows(.person(unit: unitID), year: year, request: request)
            let names = try await Names.of(persons: figures.map(\.id), on: request.db)
            rows = figures.map { row in FiguresViews.FunnelRow(name: names[row.id] ?? "", url: nil, funnel: row.funnel) }
        } else {
            let figures = try await FunnelTallies.rows(.unit(scope: user.scope), year: year, request: request)
            let names = try await Names.of(units: figures.map(\.id), on: request.db)
            rows = figures.map { row in
                FiguresViews.FunnelRow(
                    name: names[row.id] ?? "",
                    url: SiteURL.funnel.with(query: ["year": String(year), "unit": row.id.uuidString]), funnel: row.funnel)
            }
        }
        rows.sort {
            ($0.funnel.producing, $0.funnel.signed, $0.funnel.visits, $0.name) > (
                $1.funnel.producing, $1.funnel.signed, $1.funnel.visits, $1.name
            )
        }
        let total = rows.reduce(Funnel(visits: 0, leads: 0, accepted: 0, signed: 0, producing: 0)) { sum, row in
            Funnel(
                visits: sum.visits + row.funnel.visits, leads: sum.leads + row.funnel.leads, accepted: sum.accepted + row.funnel.accepted,
                signed: sum.signed + row.funnel.signed, producing: sum.producing + row.funnel.producing)
        }
        return FunnelFigures(title: title, year: year, rows: rows, total: total, openedUnit: oversees ? unitID : nil, unitName: unitName)
    }

    func residentMonth(_ request: Request) async throws -> Response {
        let (office, month, figures) = try await Self.residentMonthFigures(request)
        return .html(
            FiguresViews.residentMonth(
                figures, office: office.name, monthText: month, context: PageContext(request: request), unitID: try office.requireID()))
    }

    /// A resident office of the user's jurisdiction, the month asked (`month=2025-10`, default
    /// this month) and its figures — for the page and the API alike.
    static func residentMonthFigures(_ request: Request) async throws -> (office: Unit, month: String, figures: ResidentMonth) {
        let user = try request.authorize(.read, .activity)
        let id = try request.idParameter()
        guard let unit = try await Unit.find(id, on: request.db), unit.kind == .residentOffice,
            let code = try? JurisdictionCode(unit.jurisdictionCode), user.scope.contains(code)
        else { throw AppError.notFound }
        let today = request.clock.today
        let raw = request.queryValue("month") ?? ""
        // a month that is not one is refused with the parameter named, not silently replaced
        guard raw.isEmpty || (raw.count == 7 && CivilDate(raw + "-01") != nil) else {
            throw Request.invalidQuery("month", raw, expected: "形如 2026-10 的月份", "a month like 2026-10")
        }
        let month = raw.isEmpty ? String(today.description.prefix(7)) : raw
        let figures = try await PipelineFigures.residentMonth(
            office: id, month: month, on: request.db, rates: try await ExchangeRate.table(request))
        return (unit, month, figures)
    }
}
