import Domain
import Vapor

/// `GET /api/v1/jurisdictions/{code}/settings` (what holds today, where it comes from, every entry
/// that reaches the jurisdiction) and `PUT …/settings/{effectiveFrom}` (the bureau sets a rule).
struct SettingsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.jurisdictionSettings.pattern, use: show)
        api.put(APIRoute.jurisdictionSetting.pattern, use: set)
    }

    struct Entry: Content {
        var jurisdiction: String
        var effectiveFrom: String
        var settings: JurisdictionSettings
        var note: String
        var setAt: Int64

        init?(_ row: SettingsService.Row) {
            guard let e = row.entry else { return nil }
            (jurisdiction, effectiveFrom, settings, note, setAt) = (
                row.jurisdictionCode, row.effectiveFrom, e.settings, row.note, row.setAt
            )
        }
    }

    struct Overview: Content {
        var jurisdiction: String
        var today: String
        var inEffect: JurisdictionSettings
        /// The entry today's rules come from; absent: the standard rules.
        var source: Entry?
        var entries: [Entry]
    }

    func show(_ request: Request) async throws -> Overview {
        let code = request.parameters.get("code") ?? ""
        try request.authorize(.read, .settings, in: code)
        guard let parsed = try? JurisdictionCode(code), try await Jurisdiction.find(code, on: request.db) != nil else {
            throw AppError.notFound
        }
        let today = request.clock.today
        let rows = try await SettingsService.rows(on: request.db)
        let (settings, source) = SettingsSchedule(rows.compactMap(\.entry)).inEffect(for: parsed, on: today)
        let relevant = rows.filter { (try? JurisdictionCode($0.jurisdictionCode)).map { $0.contains(parsed) } == true }
        return Overview(
            jurisdiction: code, today: today.description, inEffect: settings,
            source: source.flatMap { s in
                relevant.first { $0.jurisdictionCode == s.jurisdiction.value && $0.effectiveFrom == s.effectiveFrom.description }
            }.flatMap(Entry.init),
            entries: relevant.compactMap(Entry.init))
    }

    func set(_ request: Request) async throws -> Response {
        let code = request.parameters.get("code") ?? ""
        try request.authorize(.manage, .settings, in: code)
        let body = try request.decodeForm(SettingsService.APIBody.self)
        guard let from = request.parameters.get("effectiveFrom").flatMap(CivilDate.init) else {
            throw AppError.field("effectiveFrom", zh: "生效日期格式如 2027-01-01。", en: "effectiveFrom is a date like 2027-01-01.")
        }
        let row = try await SettingsService(request: request).set(code, from: from, body.settings, note: body.note)
        guard let entry = Entry(row) else { throw AppError.notFound }
        return try await entry.encodeResponse(status: .ok, for: request)
    }
}
