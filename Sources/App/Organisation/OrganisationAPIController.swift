import Domain
import Fluent
import Vapor

/// `/api/v1/jurisdictions`, `/api/v1/units`, `/api/v1/persons`.
struct OrganisationAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.jurisdictions.pattern, use: jurisdictions)
        api.get(APIRoute.units.pattern, use: units)
        api.post(APIRoute.units.pattern, use: createUnit)
        api.get(APIRoute.unit.pattern, use: unit)
        api.patch(APIRoute.unit.pattern, use: updateUnit)
        api.get(APIRoute.persons.pattern, use: persons)
        api.post(APIRoute.persons.pattern, use: createPerson)
        api.get(APIRoute.person.pattern, use: person)
        api.patch(APIRoute.person.pattern, use: updatePerson)
        api.put(APIRoute.personRoles.pattern, use: setRoles)
    }

    struct JurisdictionDTO: Content {
        var code: String
        var name: String
        var parentCode: String?
    }

    func jurisdictions(_ request: Request) async throws -> [JurisdictionDTO] {
        let user = try request.authorize(.read, .organisation)
        return try await Jurisdiction.query(on: request.db).sort(\.$id).all()
            .filter { j in (try? JurisdictionCode(j.id ?? "")).map { user.scope.contains($0) || $0.contains(user.scope) } ?? false }
            .map { JurisdictionDTO(code: $0.id ?? "", name: $0.name, parentCode: $0.parentCode) }
    }

    func units(_ request: Request) async throws -> PageDTO<UnitDTO> {
        let user = try request.authorize(.read, .organisation)
        let paging = try Paging(request)
        var query = Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope)
        if let kind = request.queryValue("kind") {
            guard let parsed = UnitKind(rawValue: kind) else { throw AppError.field("kind", zh: "未知的单位类型。", en: "Unknown unit kind.") }
            query = query.filter(\.$kind == parsed)
        }
        let rows = try await query.sort(\.$name).sort(\.$id).range(((paging.page - 1) * paging.per)..<(paging.page * paging.per + 1)).all()
        return PageDTO(
            items: rows.prefix(paging.per).map(UnitDTO.init), page: paging.page, per: paging.per, hasMore: rows.count > paging.per)
    }

    func unit(_ request: Request) async throws -> UnitDTO {
        UnitDTO(try await OrganisationService(request: request).findUnit(try request.idParameter()))
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
    }

    func createUnit(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let body = try request.content.decode(UnitBody.self)
        let input = try UnitInput.validate(
            name: body.name, kind: body.kind, jurisdictionCode: body.jurisdictionCode, parentID: body.parentID, hostCity: body.hostCity,
            evaluationSeries: body.evaluationSeries, dissolvedOn: body.dissolvedOn)
        let unit = try await OrganisationService(request: request).createUnit(input)
        return try Response.created(UnitDTO(unit))
    }

    func updateUnit(_ request: Request) async throws -> UnitDTO {
        try request.authorize(.write, .organisation)
        let id = try request.idParameter()
        let body = try request.content.decode(UnitBody.self)
        guard let version = body.version else { throw AppError.field("version", zh: "请提供 version。", en: "version is required.") }
        let service = OrganisationService(request: request)
        let current = try await service.findUnit(id, for: .write)
        let input = try UnitInput.validate(
            name: body.name ?? current.name, kind: body.kind ?? current.kind.rawValue,
            jurisdictionCode: body.jurisdictionCode ?? current.jurisdictionCode, parentID: body.parentID ?? current.$parent.id?.uuidString,
            hostCity: body.hostCity ?? current.hostCity, evaluationSeries: body.evaluationSeries ?? current.evaluationSeries?.rawValue,
            dissolvedOn: body.dissolvedOn ?? current.dissolvedOn)
        return UnitDTO(try await service.updateUnit(id, input, basedOn: version))
    }

    func persons(_ request: Request) async throws -> PageDTO<PersonDTO> {
        let user = try request.authorize(.read, .organisation)
        let paging = try Paging(request)
        let unitIDs = try await Unit.query(on: request.db).within(\.$jurisdictionCode, user.scope).all().compactMap(\.id)
        var query = Person.query(on: request.db).filter(\.$unit.$id ~~ unitIDs)
        if let unit = request.queryValue("unit") {
            guard let unitID = UUID(uuidString: unit) else {
                throw AppError.field("unit", zh: "unit 应为单位编号。", en: "unit must be a unit id.")
            }
            query = query.filter(\.$unit.$id == unitID)
        }
        let rows = try await query.sort(\.$name).sort(\.$id).range(((paging.page - 1) * paging.per)..<(paging.page * paging.per + 1)).all()
        let now = request.clock.seconds
        return PageDTO(
            items: rows.prefix(paging.per).map { PersonDTO($0, now: now) }, page: paging.page, per: paging.per,
            hasMore: rows.count > paging.per)
    }

    func person(_ request: Request) async throws -> PersonDTO {
        PersonDTO(try await OrganisationService(request: request).findPerson(try request.idParameter()), now: request.clock.seconds)
    }

    struct PersonBody: Content {
        var name: String?
        var unitID: String?
        var post: String?
        var phone: String?
        var login: String?
        var password: String?
        var roles: [String]?
        var version: Int?
    }

    func createPerson(_ request: Request) async throws -> Response {
        try request.authorize(.write, .organisation)
        let body = try request.content.decode(PersonBody.self)
        let input = try PersonInput.validate(
            name: body.name, unitID: body.unitID, post: body.post, phone: body.phone, login: body.login, password: body.password,
            creating: true)
        let roles = try Self.roles(body.roles ?? ["cadre"])
        let person = try await OrganisationService(request: request).createPerson(input, roles: roles)
        return try Response.created(PersonDTO(person, now: request.clock.seconds))
    }

    func updatePerson(_ request: Request) async throws -> PersonDTO {
        let id = try request.idParameter()
        let body = try request.content.decode(PersonBody.self)
        guard let version = body.version else { throw AppError.field("version", zh: "请提供 version。", en: "version is required.") }
        let service = OrganisationService(request: request)
        let current = try await service.findPerson(id, for: .write)
        let input = try PersonInput.validate(
            name: body.name ?? current.name, unitID: current.$unit.id.uuidString, post: body.post ?? current.post,
            phone: body.phone ?? current.phone, login: body.login ?? current.login, password: body.password, creating: false)
        return PersonDTO(try await service.updatePerson(id, input, basedOn: version), now: request.clock.seconds)
    }

    struct RolesBody: Content {
        var roles: [String]
        var version: Int
    }

    func setRoles(_ request: Request) async throws -> PersonDTO {
        try request.authorize(.write, .accessControl)
        let id = try request.idParameter()
        let body = try request.content.decode(RolesBody.self)
        let person = try await OrganisationService(request: request).setRoles(id, try Self.roles(body.roles), basedOn: body.version)
        return PersonDTO(person, now: request.clock.seconds)
    }

    static func roles(_ codes: [String]) throws(AppError) -> Set<Role> {
        var roles = Set<Role>()
        for code in codes {
            guard let role = Role(rawValue: code) else { throw AppError.field("roles", zh: "未知的角色：\(code)", en: "Unknown role: \(code)") }
            roles.insert(role)
        }
        return roles
    }
}
