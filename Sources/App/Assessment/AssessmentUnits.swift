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

    /// The kinds a target is set for: every unit that attracts or hosts projects — not the
    /// leading group nor a project's task force, which answer through their members' units.
    static let assessed: Set<UnitKind> = Set(UnitKind.allCases).subtracting([.leadershipGroup, .taskForce])

    static func visible(_ request: Request) async throws -> [Row] {
        let user = try request.authorize(.read, .assessment)
        let scope = user.scope
        let rows = try await request.db.sql.raw(
            """
            SELECT id, name, kind, jurisdiction_code FROM units
            WHERE jurisdiction_code >= \(bind: scope.prefix) AND jurisdiction_code < \(bind: scope.prefix + "~") AND dissolved_on IS NULL
            ORDER BY kind, name LIMIT 2000
            """
        ).all().map { row in
            let r = RowReader(row)
            return Row(
                id: try r.uuid("id"), name: try r.string("name"), kind: try r.value("kind", as: UnitKind.self),
                jurisdictionCode: try r.string("jurisdiction_code"))
        }
        let assessed = rows.filter { Self.assessed.contains($0.kind) }
        if AccessPolicy.seesWholeJurisdiction(user.roles) { return assessed }
        return rows.filter { $0.id == user.unitID }
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

    /// `year` of the query: this year when absent, 2000 to next year otherwise (400 naming it).
    static func year(_ request: Request) throws -> Int {
        let raw = request.queryText("year")
        let today = request.clock.today
        guard !raw.isEmpty else { return today.year }
        guard let year = Int(raw), TargetService.years(today: today).contains(year) else {
            throw Request.invalidQuery("year", raw, expected: "2000 年至明年之间的年度", "a year from 2000 to next year")
        }
        return year
    }
}
