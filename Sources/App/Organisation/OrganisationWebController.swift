import Domain
import Fluent
import Vapor

/// Pages for jurisdictions, units and persons.
struct OrganisationWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.jurisdictions.pattern, use: jurisdictions)
        pages.post(SiteURL.jurisdictions.pattern, use: addJurisdiction)
        pages.get(SiteURL.units.pattern, use: units)
        pages.post(SiteURL.units.pattern, use: createUnit)
        pages.get(SiteURL.unitNew.pattern, use: newUnit)
        pages.get(SiteURL.unit(SiteURL.anyID).pattern, use: showUnit)
        pages.post(SiteURL.unit(SiteURL.anyID).pattern, use: updateUnit)
        pages.get(SiteURL.unitEdit(SiteURL.anyID).pattern, use: editUnit)
        pages.get(SiteURL.persons.pattern, use: persons)
        pages.post(SiteURL.persons.pattern, use: createPerson)
        pages.get(SiteURL.personNew.pattern, use: newPerson)
        pages.get(SiteURL.person(SiteURL.anyID).pattern, use: showPerson)
        pages.post(SiteURL.person(SiteURL.anyID).pattern, use: updatePerson)
        pages.get(SiteURL.personEdit(SiteURL.anyID).pattern, use: editPerson)
        pages.post(SiteURL.personRoles(SiteURL.anyID).pattern, use: setRoles)
        pages.post(SiteURL.personUnlock(SiteURL.anyID).pattern, use: setLock)
        pages.post(SiteURL.personRotate(SiteURL.anyID).pattern, use: rotate)
    }

    // MARK: jurisdictions

    func jurisdictions(_ request: Request) async throws -> Response {
        try request.authorize(.read, .organisation)
        let all = try await Jurisdiction.query(on: request.db).sort(\.$id).all().map { (code: $0.id ?? "", name: $0.name) }
        return .html(OrganisationViews.jurisdictions(all, form: FormState(), context: PageContext(request: request)))
    }

    struct JurisdictionBody: Content {
        var code: String?
        var name: String?
    }

    func addJurisdiction(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let body = try request.decodeForm(JurisdictionBody.self)
        let values = ["code": body.code ?? "", "name": body.name ?? ""]
        do {
            guard let code = try? JurisdictionCode(body.code ?? "") else {
                throw AppError.field("code", zh: "行政区划代码为 6 位数字（GB/T 2260），如 420802。", en: "A division code has 6 digits (GB/T 2260).")
            }
            try request.authorize(.write, .organisation, in: code.value)
            let name = (body.name ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 40 else {
                throw AppError.field("name", zh: "请填写名称（不超过 40 字）。", en: "Name is required (at most 40).")
            }
            let actor = request.auditActor
            let millis = request.clock.millis
            try await request.writeTransaction { db in
                if try await Jurisdiction.find(code.value, on: db) != nil {
                    throw AppError.duplicate("code", zh: "该代码已登记。", en: "This code exists.")
                }
                if let parent = code.parent, try await Jurisdiction.find(parent.value, on: db) == nil {
                    throw AppError.field("code", zh: "请先登记上级区划 \(parent.value)。", en: "Register the parent \(parent.value) first.")
                }
                try await Jurisdiction(code: code, name: name).create(on: db)
                try await AuditLog.append(
                    on: db, by: actor, action: "jurisdiction.create", objectType: "jurisdiction", objectID: code.value,
                    after: ["name": name], at: millis)
            }
            request.application.shortCache.invalidate(prefix: JurisdictionNames.cacheKey)
            return request.redirect(to: SiteURL.jurisdictions.path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            let all = try await Jurisdiction.query(on: request.db).sort(\.$id).all().map { (code: $0.id ?? "", name: $0.name) }
            return .html(
                OrganisationViews.jurisdictions(all, form: FormState(values: values, error: error), context: PageContext(request: request)),
                status: error.status)
        }
    }

    // MARK: units

    func units(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .organisation)
        let all = try await UnitRow.all(within: user.scope, on: request.db)
        return .html(OrganisationViews.unitTree(all, context: PageContext(request: request)))
    }

    func showUnit(_ request: Request) async throws -> Response {
        let unit = try await OrganisationService(request: request).findUnit(try request.idParameter())
        let members = try await Person.query(on: request.db).filter(\.$unit.$id == unit.id!).sort(\.$name).all()
        let children = try await Unit.query(on: request.db).filter(\.$parent.$id == unit.id!).sort(\.$name).all()
        let parent = try await unit.$parent.get(on: request.db).map { (id: $0.id!, name: $0.name) }
        let now = request.clock.seconds
        return .html(
            OrganisationViews.unit(
                UnitDTO(unit), parent: parent, children: children.map(UnitDTO.init), members: members.map { PersonDTO($0, now: now) },
                context: PageContext(request: request)))
    }

    func newUnit(_ request: Request) async throws -> Response {
        let user = try request.authorize(.write, .organisation)
        var values = ["jurisdictionCode": user.scope.value]
        if let parent = request.queryValue("parent") { values["parentID"] = parent }
        return try await unitForm(request, id: nil, form: FormState(values: values))
    }

    func editUnit(_ request: Request) async throws -> Response {
        let unit = try await OrganisationService(request: request).findUnit(try request.idParameter(), for: .write)
        return try await unitForm(request, id: unit.id, form: FormState(values: OrganisationViews.values(of: UnitDTO(unit))))
    }

    struct UnitBody: Content {
        var name: String?
        var kind: String?
        var jurisdictionCode: String?
        var parentID: String?
        var hostCity: String?
        var evaluationSeries: String?
        var dissolvedOn: String?
        var version: Int?

        func input() throws(AppError) -> UnitInput {
            try UnitInput.validate(
                name: name, kind: kind, jurisdictionCode: jurisdictionCode, parentID: parentID, hostCity: hostCity,
                evaluationSeries: evaluationSeries, dissolvedOn: dissolvedOn)
        }

        var values: [String: String] {
            [
                "name": name ?? "", "kind": kind ?? "", "jurisdictionCode": jurisdictionCode ?? "", "parentID": parentID ?? "",
                "hostCity": hostCity ?? "", "evaluationSeries": evaluationSeries ?? "", "dissolvedOn": dissolvedOn ?? "",
                "version": version.map(String.init) ?? "",
            ]
        }
    }

    func createUnit(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let body = try request.decodeForm(UnitBody.self)
        do {
            let unit = try await OrganisationService(request: request).createUnit(try body.input())
            return request.redirect(to: SiteURL.unit(unit.id!).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await unitForm(request, id: nil, form: FormState(values: body.values, error: error), status: error.status)
        }
    }

    func updateUnit(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let id = try request.idParameter()
        let body = try request.decodeForm(UnitBody.self)
        do {
            _ = try await OrganisationService(request: request).updateUnit(id, try body.input(), basedOn: body.version ?? 0)
            return request.redirect(to: SiteURL.unit(id).path)
        } catch let error as AppError where error.status != .forbidden && error.status != .notFound {
            return try await unitForm(request, id: id, form: FormState(values: body.values, error: error), status: error.status)
        } catch let conflict as VersionConflict {
            return try await unitForm(request, id: id, form: FormState(values: body.values, error: .conflict(conflict)), status: .conflict)
        }
    }

    private func unitForm(_ request: Request, id: UUID?, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let jurisdictions = try await Jurisdiction.all(within: user.scope, on: request.db).map {
            (value: $0.id ?? "", label: "\($0.name)（\($0.id ?? "")）")
        }
        let parents = try await Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope).sort(\.$name).all().filter {
            $0.id != id
        }.map { (value: $0.id!.uuidString, label: $0.name) }
        return .html(
            OrganisationViews.unitForm(
                id: id, form: form, jurisdictions: jurisdictions, parents: parents, context: PageContext(request: request)), status: status)
    }
}
