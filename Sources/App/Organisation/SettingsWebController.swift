import Domain
import Fluent
import Vapor

/// 规则设置 (`/settings`): everyone working in a jurisdiction reads the rules that hold; the
/// bureau sets a new one from a day on.
struct SettingsWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.settings.pattern, use: show)
        pages.post(SiteURL.settings.pattern, use: save)
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .settings)
        let code = try request.query.get(String?.self, at: "jurisdiction") ?? user.scope.value
        return try await render(request, code: code, form: nil)
    }

    func save(_ request: Request) async throws -> Response {
        let body = try request.decodeForm(SettingsService.FormBody.self)
        let code = try body.jurisdiction ?? request.requireUser().scope.value
        try request.authorize(.manage, .settings, in: code)
        let values = try request.content.decode([String: String].self)
        do {
            let (from, settings) = try body.parsed()
            _ = try await SettingsService(request: request).set(code, from: from, settings, note: body.note ?? "")
            return request.redirect(to: SiteURL.settings.with(query: ["jurisdiction": code]))
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(request, code: code, form: FormState(values: values, error: error), status: error.status)
        }
    }

    private func render(_ request: Request, code: String, form: FormState?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.authorize(.read, .settings, in: code)
        guard let parsed = try? JurisdictionCode(code) else { throw AppError.notFound }
        let names = try await JurisdictionNames.load(request)
        guard let name = names[code] else { throw AppError.notFound }
        let today = request.clock.today
        let rows = try await SettingsService.rows(on: request.db)
        let schedule = SettingsSchedule(rows.compactMap(\.entry))
        let (inEffect, source) = schedule.inEffect(for: parsed, on: today)
        // this jurisdiction's entries and those of the jurisdictions enclosing it, which reach it
        let relevant = rows.filter { row in (try? JurisdictionCode(row.jurisdictionCode)).map { $0.contains(parsed) } == true }
        let setters = try await Person.query(on: request.db).filter(\.$id ~~ relevant.compactMap { UUID(uuidString: $0.setBy) }).all()
        func entry(_ row: SettingsService.Row) -> SettingsView.Entry? {
            guard let e = row.entry else { return nil }
            let current = schedule.inEffect(for: e.jurisdiction, on: today).source
            let state: SettingsView.State =
                e.effectiveFrom > today ? .scheduled : (current == e ? .inForce : .superseded)
            return .init(
                jurisdictionName: names[row.jurisdictionCode] ?? row.jurisdictionCode, effectiveFrom: row.effectiveFrom,
                settings: e.settings, note: row.note, setBy: setters.first { $0.id?.uuidString == row.setBy }?.name ?? "", state: state)
        }
        let sourceRow = source.flatMap { s in
            relevant.first { $0.jurisdictionCode == s.jurisdiction.value && $0.effectiveFrom == s.effectiveFrom.description }
        }
        let choices = names.keys.sorted().filter { (try? JurisdictionCode($0)).map(user.scope.contains) == true }.map {
            (value: $0, label: names[$0] ?? $0)
        }
        let mayManage = AccessPolicy.decide(user.actor, .manage, .settings, in: parsed) == .allowed
        // a new setting starts from the latest one (a scheduled change, else today's rule)
        let latest = schedule.entries.filter { $0.jurisdiction == parsed }.max { $0.effectiveFrom < $1.effectiveFrom }?.settings ?? inEffect
        let model = SettingsView.Model(
            jurisdiction: code, jurisdictionName: name, choices: choices, today: today, inEffect: inEffect,
            source: sourceRow.flatMap(entry),
            entries: relevant.sorted { ($0.effectiveFrom, $0.jurisdictionCode) > ($1.effectiveFrom, $1.jurisdictionCode) }.compactMap(
                entry),
            mayManage: mayManage,
            form: form ?? FormState(values: SettingsView.values(latest, from: today.adding(days: 1), jurisdiction: code)))
        return .html(SettingsView.render(model, context: PageContext(request: request)), status: status)
    }
}
