import Domain
import Fluent
import Foundation
import Vapor

/// Units and persons: scope, version checks, the 三员分立 rule, rotation history, audit.
struct OrganisationService {
    let request: Request

    /// What the route gate asks before a unit or person route reads its body (`RouteGates`).
    static func installGates(_ app: Application) {
        app.objectGates.checks["unit"] = { request, id, gate in
            let unit = try await OrganisationService(request: request).findUnit(id, for: .read)
            try request.authorize(gate.action, gate.resource, in: unit.jurisdictionCode)
        }
        app.objectGates.checks["person"] = { request, id, gate in
            _ = try await OrganisationService(request: request).findPerson(id, for: gate.action, gate.resource)
        }
    }

    func findUnit(_ id: UUID, for action: AccessPolicy.Action = .read) async throws -> Unit {
        try request.authorize(action, .organisation)
        guard let unit = try await Unit.find(id, on: request.db) else { throw AppError.notFound }
        try request.authorize(action, .organisation, in: unit.jurisdictionCode)
        return unit
    }

    func findPerson(_ id: UUID, for action: AccessPolicy.Action = .read, _ resource: AccessPolicy.Resource = .organisation) async throws
        -> Person
    {
        try request.authorize(action, resource)
        guard let person = try await Person.query(on: request.db).filter(\.$id == id).with(\.$unit).first() else { throw AppError.notFound }
        try request.authorize(action, resource, in: person.unit.jurisdictionCode)
        return person
    }

    func createUnit(_ input: UnitInput) async throws -> Unit {
        try request.authorize(.write, .organisation)
        try request.requireInScope(input.jurisdictionCode, field: "jurisdictionCode")
        let actor = request.auditActor
        let millis = request.clock.millis
        let scope = try request.requireUser().scope
        defer { request.application.shortCache.invalidate(prefix: ShortCache.homeFigures) }
        return try await request.writeTransaction { db in try await Self.insertUnit(input, scope: scope, on: db, by: actor, at: millis) }
    }

    /// A unit checked (its jurisdiction and parent) and created on `db`: the form's transaction or an import's.
    static func insertUnit(_ input: UnitInput, scope: JurisdictionCode, on db: any Database, by actor: AuditActor, at millis: Int64)
        async throws -> Unit
    {
        try await checkUnitReferences(input, unitID: nil, scope: scope, on: db)
        let unit = Unit()
        unit.id = UUID()
        unit.version = 1
        apply(input, to: unit)
        try await unit.create(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: "unit.create", objectType: "unit", objectID: unit.id!.uuidString, after: UnitDTO(unit), at: millis)
        return unit
    }

    func updateUnit(_ id: UUID, _ input: UnitInput, basedOn version: Int) async throws -> Unit {
        _ = try await findUnit(id, for: .write)
        try request.requireInScope(input.jurisdictionCode, field: "jurisdictionCode")
        let actor = request.auditActor
        let millis = request.clock.millis
        let scope = try request.requireUser().scope
        return try await request.writeTransaction { db in
            try await Versioned.claim(Unit.schema, id: id, expected: version, on: db)
            guard let unit = try await Unit.find(id, on: db) else { throw AppError.notFound }
            let before = UnitDTO(unit)
            try await Self.checkUnitReferences(input, unitID: id, scope: scope, on: db)
            Self.apply(input, to: unit)
            try await unit.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "unit.update", objectType: "unit", objectID: id.uuidString, before: before, after: UnitDTO(unit),
                at: millis)
            return unit
        }
    }

    static func apply(_ input: UnitInput, to unit: Unit) {
        unit.name = input.name
        unit.kind = input.kind
        unit.jurisdictionCode = input.jurisdictionCode
        unit.$parent.id = input.parentID
        unit.hostCity = input.hostCity
        unit.evaluationSeries = input.evaluationSeries
        unit.dissolvedOn = input.dissolvedOn
    }

    /// The jurisdiction exists; the parent exists, is visible, and is not the unit or below it.
    static func checkUnitReferences(_ input: UnitInput, unitID: UUID?, scope: JurisdictionCode, on db: any Database) async throws {
        guard try await Jurisdiction.find(input.jurisdictionCode, on: db) != nil else {
            throw AppError.field("jurisdictionCode", zh: "行政区划 \(input.jurisdictionCode) 不存在。", en: "Unknown jurisdiction.")
        }
        var cursor = input.parentID
        var steps = 0
        while let parentID = cursor {
            guard let parent = try await Unit.find(parentID, on: db),
                let code = try? JurisdictionCode(parent.jurisdictionCode), scope.contains(code)
            else { throw AppError.field("parentID", zh: "上级单位不存在或不在您的辖区内。", en: "Unknown parent unit.") }
            if parentID == unitID || steps > 50 {
                throw AppError.field("parentID", zh: "上级单位不能是本单位或其下级单位。", en: "A unit cannot sit under itself.")
            }
            cursor = parent.$parent.id
            steps += 1
        }
    }

    func createPerson(_ input: PersonInput, roles: Set<Role>) async throws -> Person {
        let unit = try await findUnit(input.unitID, for: .write)
        if roles != [.cadre] { try request.authorize(.write, .accessControl) }
        do { try Role.validateAssignment(roles) } catch { throw Self.roleError(error) }
        let hash = try await input.password.asyncMap { try await request.password.async.hash(Secrets.passwordInput($0)) }
        let actor = request.auditActor
        let millis = request.clock.millis
        let unitID = try unit.requireID()
        return try await request.writeTransaction { db in
            try await Self.insertPerson(input, unit: unitID, roles: roles, hash: hash, on: db, by: actor, at: millis)
        }
    }

    /// A person of a unit the user may write, with roles already judged, created on `db`.
    static func insertPerson(
        _ input: PersonInput, unit: UUID, roles: Set<Role>, hash: String?, on db: any Database, by actor: AuditActor, at millis: Int64
    ) async throws -> Person {
        try await checkLogin(input.login, excluding: nil, on: db)
        let person = Person()
        person.id = UUID()
        person.name = input.name
        person.$unit.id = unit
        person.post = input.post
        person.phone = input.phone
        person.login = input.login
        person.passwordHash = hash
        person.roles = roles
        person.failedLogins = 0
        person.active = true
        person.version = 1
        try await person.create(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: "person.create", objectType: "person", objectID: person.id!.uuidString,
            after: PersonDTO(person, now: millis / 1000), at: millis)
        return person
    }

    func updatePerson(_ id: UUID, _ input: PersonInput, basedOn version: Int) async throws -> Person {
        _ = try await findPerson(id, for: .write)
        let hash = try await input.password.asyncMap { try await request.password.async.hash(Secrets.passwordInput($0)) }
        let actor = request.auditActor
        let millis = request.clock.millis
        return try await request.writeTransaction { db in
            try await Self.replacePerson(id, input, hash: hash, expected: version, on: db, by: actor, at: millis)
        }
    }

    /// A person's details (not their unit: that is a rotation) changed on `db`, the version checked.
    static func replacePerson(
        _ id: UUID, _ input: PersonInput, hash: String?, expected version: Int, on db: any Database, by actor: AuditActor, at millis: Int64
    ) async throws -> Person {
        try await Versioned.claim(Person.schema, id: id, expected: version, on: db)
        guard let person = try await Person.find(id, on: db) else { throw AppError.notFound }
        let before = PersonDTO(person, now: millis / 1000)
        try await checkLogin(input.login, excluding: id, on: db)
        person.name = input.name
        person.post = input.post
        person.phone = input.phone
        person.login = input.login
        if let hash { person.passwordHash = hash }
        try await person.update(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: hash == nil ? "person.update" : "person.update+password", objectType: "person",
            objectID: id.uuidString, before: before, after: PersonDTO(person, now: millis / 1000), at: millis)
        return person
    }

    /// 三员分立: the security admin sets roles; no person holds two admin roles.
    func setRoles(_ id: UUID, _ roles: Set<Role>, basedOn version: Int) async throws -> Person {
        _ = try await findPerson(id, for: .write, .accessControl)
        do { try Role.validateAssignment(roles) } catch { throw Self.roleError(error) }
        return try await changeAccess(id, version: version, action: "person.roles") { person, _ in person.roles = roles }
    }

    func setLock(_ id: UUID, locked: Bool, basedOn version: Int) async throws -> Person {
        _ = try await findPerson(id, for: .write, .accessControl)
        let now = request.clock.seconds
        return try await changeAccess(id, version: version, action: locked ? "account.lock" : "account.unlock") { person, db in
            person.failedLogins = 0
            // a lock set by the security admin lasts until it is lifted
            person.lockedUntil = locked ? now + 100 * 365 * 24 * 3600 : nil
            // unlocking also lifts the failed-login locks of every address, in the same transaction
            if !locked, let login = person.login { try await LoginThrottle.clear(login, on: db) }
        }
    }

    private func changeAccess(
        _ id: UUID, version: Int, action: String, _ change: @escaping @Sendable (Person, any Database) async throws -> Void
    ) async throws
        -> Person
    {
        let actor = request.auditActor
        let millis = request.clock.millis
        return try await request.writeTransaction { db in
            try await Versioned.claim(Person.schema, id: id, expected: version, on: db)
            guard let person = try await Person.find(id, on: db) else { throw AppError.notFound }
            let before = PersonDTO(person, now: millis / 1000)
            try await change(person, db)
            try await person.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: action, objectType: "person", objectID: id.uuidString, before: before,
                after: PersonDTO(person, now: millis / 1000), at: millis)
            return person
        }
    }

    /// 轮岗: the person moves; the move is kept as history.
    func rotate(_ id: UUID, to unitID: UUID, post: String, effectiveOn: String, note: String, basedOn version: Int) async throws {
        let person = try await findPerson(id, for: .write)
        let target = try await findUnit(unitID, for: .write)
        let actor = request.auditActor
        let millis = request.clock.millis
        let fromUnit = person.$unit.id
        let fromPost = person.post
        try await request.writeTransaction { db in
            try await Versioned.claim(Person.schema, id: id, expected: version, on: db)
            guard let fresh = try await Person.find(id, on: db) else { throw AppError.notFound }
            let rotation = Rotation()
            rotation.$person.id = id
            rotation.fromUnitID = fromUnit
            rotation.toUnitID = target.id!
            rotation.fromPost = fromPost
            rotation.toPost = post
            rotation.effectiveOn = effectiveOn
            rotation.note = note
            try await rotation.create(on: db)
            fresh.$unit.id = target.id!
            fresh.post = post
            try await fresh.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "person.rotate", objectType: "person", objectID: id.uuidString,
                before: ["unit": fromUnit.uuidString, "post": fromPost],
                after: ["unit": target.id!.uuidString, "post": post, "effectiveOn": effectiveOn], at: millis)
        }
    }

    static func checkLogin(_ login: String?, excluding id: UUID?, on db: any Database) async throws {
        guard let login else { return }
        var query = Person.query(on: db).filter(\.$login == login)
        if let id { query = query.filter(\.$id != id) }
        if try await query.first() != nil {
            throw AppError.duplicate("login", zh: "用户名“\(login)”已被使用。", en: "The login \(login) is taken.")
        }
    }

    static func roleError(_ error: Role.AssignmentError) -> AppError {
        switch error {
        case .noRole: AppError.field("roles", zh: "至少选择一个角色。", en: "Choose at least one role.")
        case .twoAdminRoles:
            AppError.field(
                "roles", zh: "三员分立：系统管理员、安全管理员、审计管理员须由不同人员担任，一人只能担任其一。",
                en: "System, security and audit admin are three different people: one person holds at most one.")
        }
    }
}

extension Optional where Wrapped: Sendable {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
