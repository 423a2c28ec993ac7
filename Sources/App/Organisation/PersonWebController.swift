import Domain
import Fluent
import Vapor

/// Pages for persons: list, page, create, edit, roles, locks, rotation.
extension OrganisationWebController {
    func persons(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .organisation)
        let q = String((request.queryValue("q") ?? "").prefix(30)).trimmingCharacters(in: .whitespaces)
        let page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 1000))
        let rows = try await PersonRow.page(within: user.scope, query: q, page: page, per: 30, on: request.db)
        return .html(
            OrganisationViews.persons(
                Array(rows.prefix(30)), query: q, page: page, hasMore: rows.count > 30, now: request.clock.seconds,
                context: PageContext(request: request)))
    }

    func showPerson(_ request: Request) async throws -> Response {
        try await renderPerson(request, try request.idParameter())
    }

    func newPerson(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        return try await personForm(request, id: nil, form: FormState(values: ["unitID": request.queryValue("unit") ?? ""]))
    }

    func editPerson(_ request: Request) async throws -> Response {
        let person = try await OrganisationService(request: request).findPerson(try request.idParameter(), for: .write)
        let values = [
            "name": person.name, "unitID": person.$unit.id.uuidString, "post": person.post, "phone": person.phone,
            "login": person.login ?? "", "version": String(person.version),
        ]
        return try await personForm(request, id: person.id, form: FormState(values: values))
    }

    struct PersonBody: Content {
        var name: String?
        var unitID: String?
        var post: String?
        var phone: String?
        var login: String?
        var password: String?
        var version: Int?

        var values: [String: String] {
            [
                "name": name ?? "", "unitID": unitID ?? "", "post": post ?? "", "phone": phone ?? "", "login": login ?? "",
                "version": version.map(String.init) ?? "",
            ]
        }
    }

    func createPerson(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let body = try request.decodeForm(PersonBody.self)
        do {
            let input = try PersonInput.validate(
                name: body.name, unitID: body.unitID, post: body.post, phone: body.phone, login: body.login, password: body.password,
                creating: true)
            let person = try await OrganisationService(request: request).createPerson(input, roles: [.cadre])
            return request.redirect(to: SiteURL.person(person.id!).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await personForm(request, id: nil, form: FormState(values: body.values, error: error), status: error.status)
        }
    }

    func updatePerson(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(PersonBody.self)
        do {
            let current = try await OrganisationService(request: request).findPerson(id, for: .write)
            // the unit changes only through a rotation, which keeps the history
            let input = try PersonInput.validate(
                name: body.name, unitID: current.$unit.id.uuidString, post: body.post, phone: body.phone, login: body.login,
                password: body.password, creating: false)
            _ = try await OrganisationService(request: request).updatePerson(id, input, basedOn: body.version ?? 0)
            return request.redirect(to: SiteURL.person(id).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await personForm(request, id: id, form: FormState(values: body.values, error: error), status: error.status)
        } catch let conflict as VersionConflict {
            return try await personForm(
                request, id: id, form: FormState(values: body.values, error: .conflict(conflict)), status: .conflict)
        }
    }

    private func personForm(_ request: Request, id: UUID?, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let units = try await Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope).sort(\.$name).all().map {
            (value: $0.id!.uuidString, label: $0.name)
        }
        return .html(OrganisationViews.personForm(id: id, form: form, units: units, context: PageContext(request: request)), status: status)
    }

    struct RolesBody: Content {
        var roles: [String]?
        var version: Int?
    }

    func setRoles(_ request: Request) async throws -> Response {
        try request.authorize(.write, .accessControl)
        let id = try request.idParameter()
        let body = try request.decodeForm(RolesBody.self)
        let roles = Set((body.roles ?? []).compactMap(Role.init(rawValue:)))
        do {
            _ = try await OrganisationService(request: request).setRoles(id, roles, basedOn: body.version ?? 0)
            return request.redirect(to: SiteURL.person(id).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await renderPerson(request, id, rolesError: error)
        } catch let conflict as VersionConflict {
            return try await renderPerson(request, id, rolesError: .conflict(conflict))
        }
    }

    /// The person page; after a refused roles or rotation form, with its error and what was typed.
    private func renderPerson(
        _ request: Request, _ id: UUID, rolesError: AppError? = nil, rotationError: AppError? = nil, values: [String: String] = [:]
    ) async throws -> Response {
        let person = try await OrganisationService(request: request).findPerson(id)
        let rotations = try await Rotation.query(on: request.db).filter(\.$person.$id == id).sort(\.$effectiveOn, .descending).all()
        let user = try request.requireUser()
        let units = try await Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope).sort(\.$name).all()
        let version = ["version": String(person.version)]
        let model = OrganisationViews.PersonModel(
            person: PersonDTO(person, now: request.clock.seconds), unitName: person.unit.name,
            rotations: rotations.map {
                .init(
                    effectiveOn: $0.effectiveOn, fromUnitID: $0.fromUnitID, fromPost: $0.fromPost, toUnitID: $0.toUnitID, toPost: $0.toPost,
                    note: $0.note)
            },
            units: units.map { (id: $0.id!, name: $0.name) },
            rolesForm: rolesError.map { FormState(values: version, error: $0) } ?? FormState(values: version),
            rotationForm: rotationError.map { FormState(values: values.merging(version) { $1 }, error: $0) } ?? FormState(values: version))
        return .html(
            OrganisationViews.person(model, context: PageContext(request: request)), status: (rolesError ?? rotationError)?.status ?? .ok)
    }

    struct LockBody: Content {
        var lock: String?
        var version: Int?
    }

    func setLock(_ request: Request) async throws -> Response {
        let id = try request.idParameter()
        let body = try request.decodeForm(LockBody.self)
        _ = try await OrganisationService(request: request).setLock(id, locked: body.lock == "1", basedOn: body.version ?? 0)
        return request.redirect(to: SiteURL.person(id).path)
    }

    struct RotationBody: Content {
        var toUnitID: String?
        var toPost: String?
        var effectiveOn: String?
        var note: String?
        var version: Int?
    }

    func rotate(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let id = try request.idParameter()
        let body = try request.decodeForm(RotationBody.self)
        let values = [
            "toUnitID": body.toUnitID ?? "", "toPost": body.toPost ?? "", "effectiveOn": body.effectiveOn ?? "", "note": body.note ?? "",
        ]
        do {
            var errors: [String: AppError.Message] = [:]
            let unitID = UUID(uuidString: body.toUnitID ?? "")
            if unitID == nil { errors["toUnitID"] = .init(zh: "请选择新单位。", en: "Choose the new unit.") }
            let post = (body.toPost ?? "").trimmingCharacters(in: .whitespaces)
            if post.count > 40 { errors["toPost"] = .tooLong("新职务", "New post", 40) }
            let date = (body.effectiveOn ?? "").trimmingCharacters(in: .whitespaces)
            if !UnitInput.isDate(date) {
                errors["effectiveOn"] = .init(zh: "请填写生效日期，如 2026-11-21。", en: "Effective date, e.g. 2026-11-21.")
            }
            let note = String((body.note ?? "").prefix(200))
            guard errors.isEmpty, let unitID else { throw AppError.validation(errors) }
            try await OrganisationService(request: request).rotate(
                id, to: unitID, post: post, effectiveOn: date, note: note, basedOn: body.version ?? 0)
            return request.redirect(to: SiteURL.person(id).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await renderPerson(request, id, rotationError: error, values: values)
        } catch let conflict as VersionConflict {
            return try await renderPerson(request, id, rotationError: .conflict(conflict), values: values)
        }
    }
}
