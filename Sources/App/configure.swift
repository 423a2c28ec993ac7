import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Databases, middleware, migrations, commands, routes. `DATABASE_URL=postgres://…` selects
/// PostgreSQL; otherwise SQLite at `DATABASE_PATH` (default `zhaoshang.sqlite`).
public func configure(_ app: Application, database: DatabaseSetting = .fromEnvironment) async throws {
    installSharedState(app)
    try configureDatabase(app, database)
    registerMigrations(app)

    let cost = Environment.get("BCRYPT_COST").flatMap(Int.init) ?? (app.environment == .testing ? 4 : 10)
    app.passwords.use(.bcrypt(cost: cost))
    app.decoyPasswordHash = try Bcrypt.hash(Secrets.token(), cost: cost)

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(MethodFilterMiddleware())
    app.routes.defaultMaxBodySize = "256kb"
    app.http.server.configuration.hostname = Environment.get("HOST") ?? "127.0.0.1"
    app.http.server.configuration.port = Environment.get("PORT").flatMap(Int.init) ?? 8080

    Metrics.bootstrap(app)
    registerCommands(app)
    installExtensions(app)
    try routes(app)
}

/// The process-wide pieces every request shares, made before the first request can arrive.
func installSharedState(_ app: Application) {
    app.installWriteQueue()
    app.installImportJobs()
    app.installShortCache()
    app.installRefusalBudget()
    app.installBallotBox()
}

/// Where a later room adds to an earlier room's pages and checks (README, "The house"): the
/// earlier room offers the place, the later fills it here, so dependencies point one way.
func installExtensions(_ app: Application) {
    // how each room finds its objects for the route gate (RouteGates)
    EnterpriseService.installGate(app)
    OrganisationService.installGates(app)
    LeadService.installGate(app)
    ProjectService.installGate(app)
    WorkOrderService.installGate(app)
    EvaluationService.installGate(app)
    SatisfactionService.installGate(app)
    ToleranceService.installGate(app)
    ProjectLeadExtensions.install(app)
    ActivityProjectExtension.install(app)
    ParallelApprovalProjectExtension.install(app)
    // the targets of §8 are imported through the engine of §11
    app.importKinds = ImportKinds.base + [TargetImport(), RegisterImport()]
    // the ranking's satisfaction (§8, Assessment) reads the monthly surveys (Evaluation)
    app.satisfactionSource = SatisfactionSource(
        assessed: { try await SatisfactionTrend.assessed(year: $0, throughMonth: $1, scope: $2, on: $3) },
        lowest: { try await SatisfactionTrend.lowest(year: $0, month: $1, scope: $2, on: $3) })
}

/// Where the data lives. Tests pass an isolated database; everything else reads the environment.
public enum DatabaseSetting: Sendable {
    case fromEnvironment
    case sqliteFile(String)
    case sqliteMemory
    /// A PostgreSQL URL and the schema to work in (tests use one schema each).
    case postgres(String, schema: String?)
}

func configureDatabase(_ app: Application, _ setting: DatabaseSetting) throws {
    switch setting {
    case .fromEnvironment:
        if let url = Environment.get("DATABASE_URL"), url.hasPrefix("postgres") {
            try configureDatabase(app, .postgres(url, schema: nil))
        } else {
            try configureDatabase(app, .sqliteFile(Environment.get("DATABASE_PATH") ?? "zhaoshang.sqlite"))
        }
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        app.databases.use(
            OwnThreadPool(inner: DatabaseConfigurationFactory.sqlite(.file(path), sqlLogLevel: .debug).make()), as: .figures,
            isDefault: false)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .imports, isDefault: false)
        app.databaseEngine = .sqlite
    case .sqliteMemory:
        // one shared in-memory database, reached by the imports' connections too
        let storage = SQLiteConfiguration.Storage.memory(identifier: UUID().uuidString)
        app.databases.use(.sqlite(.init(storage: storage), sqlLogLevel: .debug), as: .sqlite)
        app.databases.use(.sqlite(.init(storage: storage), sqlLogLevel: .debug), as: .imports, isDefault: false)
        app.databaseEngine = .sqlite
    case .postgres(let url, let schema):
        var config = try SQLPostgresConfiguration(url: url)
        if let schema { config.searchPath = [schema] }
        let pool = Environment.get("DATABASE_POOL").flatMap(Int.init) ?? 4
        // how long a request waits for a free connection before it fails (seconds)
        let wait = Environment.get("DATABASE_POOL_TIMEOUT").flatMap(Int64.init).map { max(1, min($0, 300)) } ?? 10
        app.databases.use(
            .postgres(
                configuration: config, maxConnectionsPerEventLoop: pool, connectionPoolTimeout: .seconds(wait), sqlLogLevel: .debug),
            as: .psql)
        app.databaseEngine = .postgres
    }
}

/// WAL with full sync: nothing acknowledged is lost, readers never wait for the writer. The
/// page cache and memory map are per connection; the driver keeps exactly one connection per
/// event loop and database id (the main one and `figures`), so each is configured here once.
/// What bounds the memory: `SQLITE_CACHE_MB` per connection (default 16) and `SQLITE_MMAP_MB`
/// (default 0). Mapped pages of the file count in the process's resident memory once touched
/// (64 MB of it on the province set) and made no page faster there than the system's own page
/// cache read through SQLite's, so the file is not mapped unless asked for.
func prepareSQLite(_ app: Application) async throws {
    guard app.databaseEngine == .sqlite else { return }
    try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
    let cacheMB = Environment.get("SQLITE_CACHE_MB").flatMap(Int.init).map { max(2, min($0, 1024)) } ?? 16
    let mmapMB = Environment.get("SQLITE_MMAP_MB").flatMap(Int.init).map { max(0, min($0, 4096)) } ?? 0
    let pragmas = ["synchronous=FULL", "cache_size=-\(cacheMB * 1024)", "mmap_size=\(mmapMB * 1_048_576)", "temp_store=MEMORY"]
    for id in [DatabaseID.sqlite, .figures, .imports] where app.databases.ids().contains(id) {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(id, logger: app.logger, on: eventLoop) else { continue }
            for pragma in pragmas { try await db.sql.raw("PRAGMA \(unsafeRaw: pragma)").run() }
        }
    }
}

extension Application {
    private struct DecoyKey: StorageKey { typealias Value = String }
    /// A bcrypt hash of a random value: unknown logins cost as much time as wrong passwords.
    var decoyPasswordHash: String {
        get { storage[DecoyKey.self] ?? "" }
        set { storage[DecoyKey.self] = newValue }
    }
}
