import Domain
import Fluent
import Vapor

/// A park's (or town's) profile for matching: kept by the bureau or by the park itself.
struct ParkProfileWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.parkProfile(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.parkProfile(SiteURL.anyID).pattern, use: save)
    }

    /// The park, if the user may keep its profile.
    private func park(_ request: Request) async throws -> Unit {
        let user = try request.authorize(.read, .project)
        let id = try request.idParameter()
        guard let unit = try await Unit.find(id, on: request.db), unit.kind == .park || unit.kind == .town,
            let code = try? JurisdictionCode(unit.jurisdictionCode), user.scope.contains(code) || user.unitID == id
        else { throw AppError.notFound }
        guard AccessPolicy.may(user.roles, .editParkProfile, ties: user.unitID == id ? .ownUnit : []) else { throw AppError.forbidden }
        return unit
    }

    func show(_ request: Request) async throws -> Response {
        let unit = try await park(request)
        let profile = try await ParkProfile.query(on: request.db).filter(\.$unitID == unit.id!).first()
        var values = ["version": String(profile?.version ?? 0)]
        if let p = profile {
            values["industries"] = p.industryCodes
            values["freeLandMu"] = "\(p.freeLandMuTenths / 10)" + (p.freeLandMuTenths % 10 == 0 ? "" : ".\(p.freeLandMuTenths % 10)")
            values["freeSpaceM2"] = String(p.freeSpaceM2)
            values["energyQuotaTCE"] = String(p.energyQuotaTCE)
            values["powerCapacityKVA"] = String(p.powerCapacityKVA)
            values["facilities"] = p.facilityCodes
        }
        return render(request, unit, FormState(values: values))
    }

    private func render(_ request: Request, _ unit: Unit, _ form: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let model = ParkProfileView.Model(unitID: unit.id!, unitName: unit.name, form: form)
        return .html(ParkProfileView.render(model, context: PageContext(request: request)), status: status)
    }

    struct Body: Content {
        var version: Int?
        var industries: String?
        var freeLandMu: String?
        var freeSpaceM2: String?
        var energyQuotaTCE: String?
        var powerCapacityKVA: String?
        var facilities: [String]?
    }

    func save(_ request: Request) async throws -> Response {
        let unit = try await park(request)
        let body = try request.decodeForm(Body.self)
        let values = [
            "version": String(body.version ?? 0), "industries": body.industries ?? "", "freeLandMu": body.freeLandMu ?? "",
            "freeSpaceM2": body.freeSpaceM2 ?? "", "energyQuotaTCE": body.energyQuotaTCE ?? "",
            "powerCapacityKVA": body.powerCapacityKVA ?? "",
            "facilities": (body.facilities ?? []).joined(separator: ","),
        ]
        var errors: [String: AppError.Message] = [:]
        let industries = (body.industries ?? "").uppercased().split(whereSeparator: { $0 == "," || $0 == "，" || $0 == " " }).map(
            String.init)
        if industries.contains(where: {
            !$0.hasPrefix("C") || $0.count > 5 || !$0.dropFirst().allSatisfy(\.isASCII) || !$0.dropFirst().allSatisfy(\.isNumber)
        }) {
            errors["industries"] = .init(zh: "行业代码前缀形如 C26、C3841。", en: "Code prefixes like C26 or C3841.")
        }
        let land = MoneyInput.tenths(body.freeLandMu)
        if land == nil { errors["freeLandMu"] = .init(zh: "亩数最多一位小数。", en: "Mu with at most one decimal.") }
        func count(_ raw: String?, _ field: String) -> Int {
            let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return 0 }
            guard let value = Int(text), (0...100_000_000).contains(value) else {
                errors[field] = .init(zh: "请填写 0 至 1 亿之间的整数。", en: "A whole number 0…100,000,000.")
                return 0
            }
            return value
        }
        let space = count(body.freeSpaceM2, "freeSpaceM2")
        let energy = count(body.energyQuotaTCE, "energyQuotaTCE")
        let power = count(body.powerCapacityKVA, "powerCapacityKVA")
        let facilities = (body.facilities ?? []).compactMap(ParkMatch.Facility.init(rawValue:)).map(\.rawValue)
        guard errors.isEmpty, let land else {
            let error = AppError.validation(errors)
            return render(request, unit, FormState(values: values, error: error), status: error.status)
        }
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today.description
        let unitID = unit.id!
        do {
            try await request.writeTransaction { db in
                let existing = try await ParkProfile.query(on: db).filter(\.$unitID == unitID).first()
                _ = try VersionCheck.next(editing: body.version ?? 0, current: existing?.version ?? 0)
                let profile = existing ?? ParkProfile()
                profile.unitID = unitID
                profile.industryCodes = industries.joined(separator: ",")
                (profile.freeLandMuTenths, profile.freeSpaceM2, profile.energyQuotaTCE, profile.powerCapacityKVA) = (
                    land, space, energy, power
                )
                profile.facilityCodes = facilities.joined(separator: ",")
                profile.updatedOn = today
                profile.version = (existing?.version ?? 0) + 1
                try await profile.save(on: db)
                try await AuditLog.append(
                    on: db, by: actor, action: "park.profile", objectType: "unit", objectID: unitID.uuidString,
                    after: [
                        "industries": profile.industryCodes, "land": String(land), "energy": String(energy),
                        "facilities": profile.facilityCodes,
                    ], at: millis)
            }
        } catch let conflict as VersionConflict {
            let error = AppError.conflict(conflict)
            return render(request, unit, FormState(values: values, error: error), status: error.status)
        }
        return request.redirect(to: SiteURL.unit(unitID).path)
    }
}
