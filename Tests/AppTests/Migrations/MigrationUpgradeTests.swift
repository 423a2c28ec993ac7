import Domain
import Fluent
import FluentSQL
import Testing
import Vapor

@testable import App

/// A database made by an earlier landed version upgrades to today's schema (DEVELOPERS.md, done
/// item 9): `014_CreateLinkages` and `017_CreateWorkOrderTallies` were edited after they landed,
/// and 019/020 bring such a database up.
@Suite("迁移：旧版本数据库升级")
struct MigrationUpgradeTests {
    /// 014 as it first landed: linkages only, no 边建边办 table.
    struct LandedCreateLinkages: AsyncMigration {
        var name: String { "App.CreateLinkages" }

        func prepare(on database: any Database) async throws {
            try await database.schema(Linkage.schema)
                .id()
                .field("leader_id", .uuid, .required, .references(Person.schema, "id"))
                .field("enterprise_name", .string, .required)
                .field("name_key", .string, .required)
                .field("jurisdiction_code", .string, .required)
                .field("since", .string, .required)
                .field("ended_on", .string)
                .create()
            try await database.sql.raw("CREATE INDEX linkages_scope ON linkages (jurisdiction_code, ended_on)").run()
        }

        func revert(on database: any Database) async throws {}
    }

    /// 017 as it first landed: the two narrow indexes, no newest-first ones.
    struct LandedCreateWorkOrderTallies: AsyncMigration {
        var name: String { "App.CreateWorkOrderTallies" }

        func prepare(on database: any Database) async throws {
            let sql = database.sql
            try await sql.raw("ALTER TABLE work_orders ADD COLUMN escalation TEXT NOT NULL DEFAULT 'none'").run()
            try await sql.raw("ALTER TABLE work_orders ADD COLUMN reminded BOOLEAN NOT NULL DEFAULT FALSE").run()
            try await database.schema(WorkOrderTally.schema)
                .field("jurisdiction_code", .string, .required)
                .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
                .field("closed", .int64, .required)
                .field("late", .int64, .required)
                .field("reopened_items", .int64, .required)
                .field("reopenings", .int64, .required)
                .field("total_days", .int64, .required)
                .unique(on: "jurisdiction_code", "unit_id")
                .create()
            try await sql.raw("CREATE INDEX work_orders_open ON work_orders (status, deadline)").run()
            try await sql.raw("CREATE INDEX work_orders_status_scope ON work_orders (status, jurisdiction_code)").run()
            try await WorkOrderTally.rebuild(on: database)
        }

        func revert(on database: any Database) async throws {}
    }

    /// The migration set of the earlier landed version, in its order.
    static var landedSet: [any Migration] {
        [
            CreateOrganisation(), CreateAccess(), CreateAuditLog(), CreateEnterpriseRegistry(), CreateLeads(), CreateReviewPanels(),
            UpdateReviewPanelsAddChair(), CreateProjects(), CreateActivities(), CreateParkProfiles(), CreateInvestorIntents(),
            CreateEvidenceFiles(), CreateWorkOrders(), LandedCreateLinkages(), CreateNotices(), CreateWebhooks(),
            LandedCreateWorkOrderTallies(), CreateNumberSequences(),
        ]
    }

    static func indexColumns(_ app: Application) async throws -> [String: String] {
        var found: [String: String] = [:]
        for index in UpdateWorkOrdersRebuildListIndexes.indexes {
            found[index.name] = try await SchemaInspection.indexDefinition(index.name, on: app.db).map(SchemaInspection.columns(of:))
        }
        return found
    }

    static var wantedColumns: [String: String] {
        Dictionary(
            uniqueKeysWithValues: UpdateWorkOrdersRebuildListIndexes.indexes.map { ($0.name, $0.columns.filter { !$0.isWhitespace }) })
    }

    @Test func aDatabaseOfTheEarlierLandedVersionUpgradesToTodaysSchema() async throws {
        try await withApp(migrate: false) { app, _ in
            // given: a database made by the earlier landed migrations, with the demo's people in it
            let landed = Migrations()
            for migration in Self.landedSet { landed.add(migration) }
            let migrator = Migrator(databases: app.databases, migrations: landed, logger: app.logger, on: app.eventLoopGroup.next())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            #expect(try await !SchemaInspection.tableExists(ParallelApprovalMark.schema, on: app.db))
            #expect(try await Self.indexColumns(app)["work_orders_open"] == "status,deadline")
            #expect(try await Self.indexColumns(app)["work_orders_submitted"] == nil)
            _ = try await Fixture.load(app)

            // when: today's version starts on it
            try await Startup.prepareDatabase(app)

            // then: the 边建边办 table and the list indexes are as a new database has them, and the data is kept
            #expect(try await SchemaInspection.tableExists(ParallelApprovalMark.schema, on: app.db))
            #expect(try await Self.indexColumns(app) == Self.wantedColumns)
            #expect(try await Person.query(on: app.db).count() > 0)
            // the columns the service reads and writes are there
            _ = try await app.db.sql.raw("SELECT id, project_id, marked_on, marked_by FROM parallel_approvals").all()

            // and starting again changes nothing
            try await Startup.prepareDatabase(app)
            #expect(try await Self.indexColumns(app) == Self.wantedColumns)
        }
    }

    @Test func theLinkCountKeptBy043AsItLandedIsDropped() async throws {
        try await withApp(fixture: false) { app, _ in
            let (db, table) = (app.db, "satisfaction_surveys")
            #expect(try await !SchemaInspection.columnExists("links_issued", in: table, on: db))
            // a database made by 043 as it stands (landed at 1cfb6af) has no count
            // given: the table as 043 first landed it (b37c05f), with the count, and 045 not yet run
            try await db.sql.raw("ALTER TABLE satisfaction_surveys ADD COLUMN links_issued INTEGER").run()
            try await db.sql.raw("DELETE FROM _fluent_migrations WHERE name LIKE '%UpdateSatisfactionSurveysDropLinksIssued'").run()
            #expect(try await SchemaInspection.columnExists("links_issued", in: table, on: db))
            // when: today's version starts on it, twice
            try await Startup.prepareDatabase(app)
            try await Startup.prepareDatabase(app)
            // then: the count is gone, the rest of the table as it was
            #expect(try await !SchemaInspection.columnExists("links_issued", in: table, on: db))
            #expect(try await SchemaInspection.columnExists("drawn", in: table, on: db))
        }
    }

    @Test func aNewDatabaseIsLeftAsItsMigrationsMadeIt() async throws {
        try await withApp(fixture: false) { app, _ in
            // given/when: a new database, migrated by today's set (019 and 020 among them)
            // then: 017's indexes are the wanted ones and 014's table exists
            let columns = try await Self.indexColumns(app)
            let hasTable = try await SchemaInspection.tableExists(ParallelApprovalMark.schema, on: app.db)
            #expect(columns == Self.wantedColumns)
            #expect(hasTable)
        }
    }
}

/// Keys stored before the complete traditional table and the preparatory suffixes are refolded.
@Suite("迁移：企业名称比对键重算")
struct NameKeyRefoldTests {
    @Test func aKeyStoredTheOldWayIsRefoldedAndCollidesAgain() async throws {
        try await withApp { app, _ in
            let old = try #require(try await Enterprise.query(on: app.db).filter(\.$name == "湖北伟德线路板有限公司").first())
            // a traditional spelling stored with the key the hand-picked table gave it (籌 unfolded)
            let id = try await Fixture.enterprise("湖北偉德線路板有限公司（籌）", uscc: nil, region: Fixture.dongbao, legal: "吕万军", on: app.db)
            let stale = try #require(try await Enterprise.find(id, on: app.db))
            try await app.db.sql.raw("UPDATE enterprises SET name_key = '湖北伟德线路板有限公司(籌)' WHERE id = \(bind: stale.id!)").run()
            try await UpdateNameKeysRefold().prepare(on: app.db)
            let fresh = try #require(try await Enterprise.find(stale.id!, on: app.db))
            #expect(fresh.nameKey == old.nameKey)
            #expect(fresh.nameKey == NameNormalizer.key(for: "湖北伟德线路板有限公司"))
        }
    }
}
