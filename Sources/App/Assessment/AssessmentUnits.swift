import Domain
import Fluent
import FluentSQL
import Vapor

/// Which units' targets and results a person reads (`AccessPolicy.Deed.readUnitResults`): every
/// live unit of the jurisdiction for the bureau, leaders and inspectors, their own for everyone
/// else; and the year a page or the API asks about.
enum AssessmentUnits {
    struct Row: Sendable {
        var id: UUID
        var name: String
        var kind: UnitKind
        var jurisdictionCode: String
    }

    static func visible(_ request: Request) async throws -> [Row] {
        let user = try request.authorize(.read, .assessment)
        // the bureau, leaders and inspectors every assessed unit; everyone else their own
        guard AccessPolicy.seesWholeJurisdiction(user.roles) else {
            return try await rows(scope: user.scope, only: user.unitID, on: request.db)
        }
        return try await assessed(scope: user.scope, on: request.db)
    }

    /// Every live unit of the jurisdiction that is assessed (`UnitKind.isAssessed`).
    static func assessed(scope: JurisdictionCode, on db: any Database) async throws -> [Row] {
        try await rows(scope: scope, only: nil, on: db).filter(\.kind.isAssessed)
    }

    private static func rows(scope: JurisdictionCode, only unit: UUID?, on db: any Database) async throws -> [Row] {
        let which: SQLQueryString = unit.map { " AND id = \(bind: $0)" } ?? ""
        return try await db.sql.raw(
            """
            SELECT id, name, kind, jurisdiction_code FROM units
            WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~") AND dissolved_on IS NULL\(which)
            ORDER BY kind, name LIMIT 5000
            """
        ).all().map { row in
            let r = RowReader(row)
            return Row(
                id: try r.uuid("id"), name: try r.string("name"), kind: try r.value("kind", as: UnitKind.self),
                jurisdictionCode: try r.string("jurisdiction_code"))
        }
    }

    /// One unit the person may read the results of, or 404.
    static func readable(_ request: Request, _ id: UUID) async throws -> Row {
        let user = try request.authorize(.read, .assessment)
        guard let unit = try await Unit.find(id, on: request.db), let code = try? JurisdictionCode(unit.jurisdictionCode) else {
            throw AppError.notFound
        }
        var ties: AccessPolicy.Ties = []
        if user.scope.contains(code) { ties.insert(.withinJurisdiction) }
        if unit.id == user.unitID { ties.insert(.ownUnit) }
        guard AccessPolicy.may(user.roles, .readUnitResults, ties: ties) else { throw AppError.notFound }
        return Row(id: id, name: unit.name, kind: unit.kind, jurisdictionCode: unit.jurisdictionCode)
    }

    /// `year` of the query: this year when absent; from 2000 to next year for targets, to this
    /// year for results (a year not begun has none). Anything else: 400 naming it.
    static func year(_ request: Request, results: Bool = false) throws -> Int {
        let raw = request.queryText("year")
        let today = request.clock.today
        guard !raw.isEmpty else { return today.year }
        let years = results ? 2000...today.year : TargetService.years(today: today)
        guard let year = Int(raw), years.contains(year) else {
            throw Request.invalidQuery(
                "year", raw, expected: "\(years.lowerBound) 年至 \(years.upperBound) 年之间的年度",
                "a year from \(years.lowerBound) to \(years.upperBound)")
        }
        return year
    }
}
