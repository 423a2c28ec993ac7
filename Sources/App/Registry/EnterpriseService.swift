import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// The registry's rules that need the database: duplicates, scope, versioned edits, audit.
struct EnterpriseService {
    let request: Request

    /// The dashboard's cached figures are stale after any registry write on this node.
    private func changed() { request.application.shortCache.invalidate(prefix: ShortCache.homeFigures) }

    /// An enterprise the current user may see, or 404.
    /// What the route gate asks before an enterprise route reads its body (`RouteGates`).
    static func installGate(_ app: Application) {
        app.objectGates.checks["enterprise"] = { request, id, gate in
            _ = try await EnterpriseService(request: request).find(id, for: gate.action)
        }
    }

    func find(_ id: UUID, for action: AccessPolicy.Action = .read) async throws -> Enterprise {
        try request.authorize(action, .enterprise)
        guard let enterprise = try await Enterprise.find(id, on: request.db) else { throw AppError.notFound }
        try request.authorize(action, .enterprise, in: enterprise.regionCode)
        return enterprise
    }

    /// The read view of an enterprise the current user may see, or 404.
    func read(_ id: UUID) async throws -> EnterpriseDTO {
        try request.authorize(.read, .enterprise)
        guard let enterprise = try await EnterpriseRow.find(id, on: request.db) else { throw AppError.notFound }
        try request.authorize(.read, .enterprise, in: enterprise.regionCode)
        return enterprise
    }

    func create(_ input: EnterpriseInput) async throws -> Enterprise {
        try request.authorize(.write, .enterprise)
        try request.requireInScope(input.regionCode, field: "regionCode")
        let actor = request.auditActor
        let millis = request.clock.millis
        defer { changed() }
        return try await request.writeTransaction { db in
            try await Self.insert(input, on: db, by: actor, at: millis)
        }
    }

    /// A new entry inside the caller's transaction, checked and audited as one typed by hand (the
    /// form, the API and an import all come here).
    /// `matches` may carry what the caller already looked up (an import matching its rows), so the
    /// same two questions are not asked twice; `regionChecked` that the division is registered.
    static func insert(
        _ input: EnterpriseInput, on db: any Database, by actor: AuditActor, at millis: Int64, matches known: Matches? = nil,
        regionChecked: Bool = false
    ) async throws -> Enterprise {
        if !regionChecked { try await checkRegion(input.regionCode, on: db) }
        let found = if let known { known } else { try await matches(input, on: db) }
        let (enterprise, audit) = try created(input, matches: found, by: actor, at: millis)
        try await enterprise.create(on: db)
        try await AuditLog.append([audit], on: db)
        return enterprise
    }

    /// New entries (from `created`) written in a few statements: an import's chunk. The columns
    /// are the model's own; Fluent's batch create would reflect on every model's properties, which
    /// took a sixth of a 100,000-row import. Both timestamps are the moment of writing, as a create.
    static func insertAll(_ entries: [Enterprise], on db: any Database) async throws {
        let now = Date()
        // 17 values an entry: 200 entries stay far below either engine's limit on bound values
        for start in stride(from: 0, to: entries.count, by: 200) {
            var insert = db.sql.insert(into: Enterprise.schema).columns(
                "id", "uscc", "name", "name_key", "former_names", "legal_representative", "industry_code", "region_code",
                "registered_capital_minor", "registered_capital_currency", "tags", "attracted", "search_text", "search_grams", "version",
                "created_at", "updated_at")
            for entry in entries[start..<min(start + 200, entries.count)] {
                (entry.createdAt, entry.updatedAt) = (now, now)
                insert = insert.values(
                    entry.id, entry.uscc, entry.name, entry.nameKey, entry.formerNames, entry.legalRepresentative, entry.industryCode,
                    entry.regionCode, entry.registeredCapitalMinor, entry.registeredCapitalCurrency, entry.tagCodes, entry.attracted,
                    entry.searchText, entry.searchGrams, entry.version, now, now)
            }
            try await insert.run()
        }
    }

    /// A new entry checked against the entries it would duplicate, with its audit record: the
    /// caller writes both (the form at once, an import with its chunk).
    static func created(_ input: EnterpriseInput, matches: Matches, by actor: AuditActor, at millis: Int64) throws -> (
        Enterprise, AuditLog.Entry
    ) {
        try checkDuplicates(input, excluding: nil, in: matches)
        let enterprise = Enterprise()
        enterprise.id = UUID()
        enterprise.version = 1
        apply(input, to: enterprise)
        let audit = try AuditLog.Entry(
            by: actor, action: "enterprise.create", objectType: "enterprise", objectID: enterprise.id!.uuidString,
            after: EnterpriseDTO(enterprise), at: millis)
        return (enterprise, audit)
    }

    /// An entry changed inside the caller's transaction (its version claimed), checked and audited.
    static func replace(
        _ id: UUID, with input: EnterpriseInput, expected version: Int, on db: any Database, by actor: AuditActor, at millis: Int64,
        matches known: Matches? = nil, regionChecked: Bool = false
    ) async throws -> Enterprise {
        try await Versioned.claim(Enterprise.schema, id: id, expected: version, on: db)
        guard let enterprise = try await Enterprise.find(id, on: db) else { throw AppError.notFound }
        let before = EnterpriseDTO(enterprise)
        if !regionChecked { try await checkRegion(input.regionCode, on: db) }
        let found = if let known { known } else { try await matches(input, on: db) }
        try checkDuplicates(input, excluding: id, in: found)
        apply(input, to: enterprise)
        try await enterprise.update(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: "enterprise.update", objectType: "enterprise", objectID: id.uuidString,
            before: before, after: EnterpriseDTO(enterprise), at: millis)
        return enterprise
    }

    func update(_ id: UUID, _ input: EnterpriseInput, basedOn version: Int) async throws -> Enterprise {
        _ = try await find(id, for: .write)
        try request.requireInScope(input.regionCode, field: "regionCode")
        let actor = request.auditActor
        let millis = request.clock.millis
        defer { changed() }
        return try await request.writeTransaction { db in
            try await Self.replace(id, with: input, expected: version, on: db, by: actor, at: millis)
        }
    }

    static func apply(_ input: EnterpriseInput, to enterprise: Enterprise) {
        enterprise.uscc = input.uscc.isEmpty ? nil : input.uscc
        enterprise.name = input.name
        enterprise.formerNames = input.formerNames.joined(separator: "\n")
        enterprise.legalRepresentative = input.legalRepresentative
        enterprise.industryCode = input.industryCode
        enterprise.regionCode = input.regionCode
        enterprise.registeredCapitalMinor = input.registeredCapital.minorUnits
        enterprise.registeredCapitalCurrency = input.registeredCapital.currency.rawValue
        enterprise.tagCodes = input.tags.map(\.rawValue).joined(separator: ",")
        enterprise.attracted = input.attracted
        enterprise.refreshDerivedFields()
    }

    static func checkRegion(_ code: String, on db: any Database) async throws {
        guard try await Jurisdiction.find(code, on: db) != nil else {
            throw AppError.field("regionCode", zh: "行政区划 \(code) 不存在，请先由系统管理员登记。", en: "Division \(code) is not registered.")
        }
    }

    /// The registry entries an entry would be the same enterprise as: the one holding its USCC,
    /// and the one of the same normalised name in its region (SPEC §3).
    struct Matches: Sendable {
        var byUSCC: Enterprise?
        var byName: Enterprise?
    }

    static func matches(_ input: EnterpriseInput, on db: any Database) async throws -> Matches {
        Matches(
            byUSCC: input.uscc.isEmpty ? nil : try await Enterprise.query(on: db).filter(\.$uscc == input.uscc).first(),
            byName: try await Enterprise.query(on: db).filter(\.$nameKey == NameNormalizer.key(for: input.name))
                .filter(\.$regionCode == input.regionCode).first())
    }

    /// One USCC is one enterprise; the same normalised name is the same enterprise within a region
    /// (duplicate names are normal only across regions, SPEC §3). The entry itself (`excluding`)
    /// is no duplicate of itself.
    static func checkDuplicates(_ input: EnterpriseInput, excluding id: UUID?, in matches: Matches) throws {
        if let other = matches.byUSCC, other.id != id {
            throw AppError.duplicate(
                "uscc", zh: "该统一社会信用代码已登记为“\(other.name)”。", en: "This USCC is already registered as \(other.name).")
        }
        if let other = matches.byName, other.id != id {
            throw AppError.duplicate(
                "name", zh: "本地区已有同一企业“\(other.name)”（名称归一化后相同）。", en: "The same enterprise is already registered here: \(other.name).")
        }
    }

    struct FigureInput: Sendable {
        var year: Int
        var output: Money
        var revenue: Money
        var profit: Money
        var tax: Money
        var employees: Int
    }

    /// What a year's figures may not be, by field (the form and the import say the same).
    static func problems(_ input: FigureInput) -> [String: AppError.Message] {
        var errors: [String: AppError.Message] = [:]
        if !(1990...2100).contains(input.year) { errors["year"] = .init(zh: "年份应在 1990–2100 之间。", en: "Year must be 1990–2100.") }
        if !(0...10_000_000).contains(input.employees) { errors["employees"] = .init(zh: "从业人数不正确。", en: "Employees out of range.") }
        return errors
    }

    enum FigureChange: Sendable { case created, updated, unchanged }

    /// Adds or replaces one year's figures.
    func saveFigures(_ id: UUID, _ input: FigureInput) async throws {
        _ = try await find(id, for: .write)
        let problems = Self.problems(input)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let actor = request.auditActor
        let millis = request.clock.millis
        defer { changed() }
        _ = try await request.writeTransaction { db in try await Self.writeFigures(id, input, on: db, by: actor, at: millis) }
    }

    /// The year's figures of an enterprise the user may write, written and audited on `db` (the
    /// form's transaction or an import's); the same figures again change nothing.
    static func writeFigures(_ id: UUID, _ input: FigureInput, on db: any Database, by actor: AuditActor, at millis: Int64)
        async throws -> FigureChange
    {
        let existing = try await EnterpriseFigure.query(on: db).filter(\.$enterprise.$id == id).filter(\.$year == input.year).first()
        let figure = existing ?? EnterpriseFigure()
        let before = existing.map(FigureDTO.init)
        figure.$enterprise.id = id
        figure.year = input.year
        figure.outputMinor = input.output.minorUnits
        figure.revenueMinor = input.revenue.minorUnits
        figure.profitMinor = input.profit.minorUnits
        figure.taxMinor = input.tax.minorUnits
        figure.employees = input.employees
        if let before, before == FigureDTO(figure) { return .unchanged }
        try await figure.save(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: existing == nil ? "enterprise.figures.create" : "enterprise.figures.update",
            objectType: "enterprise", objectID: id.uuidString, before: before, after: FigureDTO(figure), at: millis)
        return existing == nil ? .created : .updated
    }
}

struct FigureDTO: Content, Equatable {
    var year: Int
    var output: Money
    var revenue: Money
    var profit: Money
    var tax: Money
    var employees: Int

    init(_ figure: EnterpriseFigure) {
        year = figure.year
        output = Money(minorUnits: figure.outputMinor)
        revenue = Money(minorUnits: figure.revenueMinor)
        profit = Money(minorUnits: figure.profitMinor)
        tax = Money(minorUnits: figure.taxMinor)
        employees = figure.employees
    }
}
