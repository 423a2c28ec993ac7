import Domain
import Fluent
import Foundation
import Vapor

/// The fictional demo city (SPEC §12): clearly labelled, deterministic for a seed. Codes start
/// with 99, which GB/T 2260 does not assign, so demo data can never be mistaken for a real place.
struct DemoCity {
    enum Scale: String, CaseIterable { case county, province }

    static let provinceCode = "990000"
    static let cityCode = "990100"
    /// The demo accounts' shared password: printed at start, for demo data only.
    static let password = "Demo-2026-zs"

    static let logins: [(login: String, role: Role, unit: String)] = [
        ("demo-sysadmin", .sysAdmin, "bureau"), ("demo-security", .securityAdmin, "bureau"), ("demo-audit", .auditAdmin, "bureau"),
        ("demo-leader", .leader, "group"), ("demo-bureau", .bureau, "bureau"), ("demo-cadre", .cadre, "industry"),
        ("demo-host", .host, "park"), ("demo-coordinator", .coordinator, "department"), ("demo-reviewer", .reviewer, "park"),
        ("demo-inspector", .inspector, "group"), ("demo-observer", .observer, "town"), ("demo-enterprise", .enterprise, "town"),
    ]

    let seed: UInt64
    let scale: Scale
    let logger: Logger

    var enterpriseCount: Int { scale == .county ? 5_000 : 1_000_000 }

    static func isPresent(on db: any Database) async throws -> Bool {
        try await Jurisdiction.find(provinceCode, on: db) != nil
    }

    func generate(app: Application) async throws {
        var rng = SeededRandom(seed: seed)
        let db = app.db
        let millis = app.clock.millis
        let counties = try await createJurisdictions(on: db, &rng)
        let units = try await createUnits(on: db, counties: counties, &rng)
        try await createPersons(app: app, units: units, &rng)
        try await app.writeTransaction { db in
            try await AuditLog.append(
                on: db, by: .system("demo"), action: "demo.generate", objectType: "database", objectID: "-",
                after: ["seed": String(seed), "scale": scale.rawValue], at: millis)
        }
        try await createEnterprises(app: app, counties: counties, &rng)
        try await createPipeline(app: app, &rng)
        // the pipeline is written in bulk, past the services that mark the funnel's tallies
        try await FunnelTallies.rebuild(on: db)
        try await createWorkOrders(app: app, &rng)
        try await createOutsideAccounts(app: app)
        try await createLinkages(app: app, &rng)
        try await createTargets(app: app, &rng)
        try await createSeatings(app: app)
        try await createSatisfaction(app: app, &rng)
        try await createRankings(app: app)
        try await createEvaluations(app: app, &rng)
        try await createToleranceCases(app: app)
    }

    private func createJurisdictions(on db: any Database, _ rng: inout SeededRandom) async throws -> [(code: String, name: String)] {
        var rows = [Jurisdiction(code: try JurisdictionCode(Self.provinceCode), name: "演示省（虚构）")]
        var counties: [(String, String)] = []
        let cityCount = scale == .county ? 1 : 10
        let countyNames = ["凤鸣区", "青石区", "临江县", "白沙县", "云岭县", "石门县", "桃源县", "清河区"]
        for city in 1...cityCount {
            let cityCode = String(format: "99%02d00", city)
            rows.append(Jurisdiction(code: try JurisdictionCode(cityCode), name: city == 1 ? "演示市（虚构）" : "演示第\(city)市（虚构）"))
            for county in 1...(scale == .county ? 4 : 8) {
                let code = String(format: "99%02d%02d", city, county)
                let name = city == 1 ? countyNames[county - 1] : "第\(city)市" + countyNames[county - 1]
                rows.append(Jurisdiction(code: try JurisdictionCode(code), name: name))
                counties.append((code, name))
            }
        }
        try await rows.create(on: db)
        return counties
    }
}
