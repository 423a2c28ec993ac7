import Domain
import Vapor

/// 年终座次: the page (`/seats?year=`), the hall as a printable SVG (`/seats/hall.svg?year=`), and
/// the bureau's rules (`POST /seats/rules`) and publication (`POST /seats`).
struct SeatingWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.seats.pattern, use: page)
        pages.get(SiteURL.seatsHall.pattern, use: hall)
        pages.post(SiteURL.seatsRules.pattern, use: saveRules)
        pages.post(SiteURL.seats.pattern, use: publish)
    }

    func page(_ request: Request) async throws -> Response {
        try await render(request, year: try AssessmentUnits.year(request, results: true))
    }

    func hall(_ request: Request) async throws -> Response {
        let year = try AssessmentUnits.year(request, results: true)
        let seating = try await SeatingService(request: request).seating(year: year)
        let note =
            seating.hidden
            ? "\(year) 年的年终座次尚未发布。"
            : seating.publication.map { "已发布 · 实绩截至 \(seating.through) · SHA-256 \($0.digest.prefix(16))…" }
                ?? "草案 · 实绩截至 \(seating.through) · 尚未发布"
        let svg = SeatingHall.draw(year: year, lines: seating.lines, title: "\(year) 年度招商引资工作年终座次", note: note)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: SeatingHall.document(svg)))
    }

    func saveRules(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let values = try request.content.decode([String: String].self)
        let service = SeatingService(request: request)
        let year = Int(values["year"] ?? "") ?? 0
        do {
            let rules = try SeatingForms.rules(values)
            try await service.saveRules(year: year, rules: rules, version: Int(values["version"] ?? "") ?? -1)
            return request.redirect(to: SiteURL.seats.with(query: ["year": String(year)]))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            try service.checkYear(year)
            var form = FormState(values: values, error: error)
            form.idPrefix = "r-"
            return try await render(request, year: year, rulesForm: form, status: error.status)
        }
    }

    func publish(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let values = try request.content.decode([String: String].self)
        let service = SeatingService(request: request)
        let year = Int(values["year"] ?? "") ?? 0
        do {
            try await service.publish(year: year, rulesVersion: Int(values["version"] ?? "") ?? -1)
            return request.redirect(to: SiteURL.seats.with(query: ["year": String(year)]))
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            try service.checkYear(year)
            return try await render(
                request, year: year, publishError: .init(zh: error.fields.values.first?.zh ?? error.zh, en: error.en), status: error.status)
        }
    }

    private func render(
        _ request: Request, year: Int, rulesForm: FormState? = nil, publishError: AppError.Message? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let service = SeatingService(request: request)
        let seating = try await service.seating(year: year)
        let user = try request.requireUser()
        let last = try await SeatingService.published(scope: user.scope.value, year: year - 1, on: request.db)
        var form = rulesForm ?? FormState(values: SeatingForms.values(seating.rules, version: seating.rulesVersion))
        form.idPrefix = "r-"
        let model = SeatingView.Model(
            seating: seating,
            lastYear: Dictionary(last?.lines.map { ($0.unit.id, $0.seat) } ?? [], uniquingKeysWith: { a, _ in a }),
            lastYearPublished: last != nil, latestYear: request.clock.today.year, mayManage: request.may(.manage, .assessment),
            rulesForm: form, publishError: publishError)
        return .html(SeatingView.render(model, context: PageContext(request: request)), status: status)
    }
}
