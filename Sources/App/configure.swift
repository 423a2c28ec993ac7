import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Databases, middleware, migrations, commands, routes. `DATABASE_URL=postgres://…` selects
/// PostgreSQL; otherwise SQLite at `DATABASE_PATH` (default `zhaoshang.sqlite`).
public func configure(_ app: Application) async throws {
    try configureDatabase(app)
    registerMigrations(app)

    let cost = Environment.get("BCRYPT_COST").flatMap(Int.init) ?? (app.environment == .testing ? 4 : 10)
    app.passwords.use(.bcrypt(cost: cost))
    app.decoyPasswordHash = try Bcrypt.hash(Secrets.token(), cost: cost)

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.routes.defaultMaxBodySize = "256kb"
    app.http.server.configuration.hostname = Environment.get("HOST") ?? "127.0.0.1"
    app.http.server.configuration.port = Environment.get("PORT").flatMap(Int.init) ?? 8080

    Metrics.bootstrap(app)
    registerCommands(app)
    try routes(app)
}

func configureDatabase(_ app: Application) throws {
    if let url = Environment.get("DATABASE_URL"), url.hasPrefix("postgres") {
        var config = try SQLPostgresConfiguration(url: url)
        config.searchPath = nil
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, sqlLogLevel: .debug), as: .psql)
        app.databaseEngine = .postgres
    } else {
        let path = Environment.get("DATABASE_PATH") ?? "zhaoshang.sqlite"
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        app.databaseEngine = .sqlite
    }
}

/// WAL with full sync: nothing acknowledged is lost, readers never wait for the writer.
func prepareSQLite(_ app: Application) async throws {
    guard app.databaseEngine == .sqlite else { return }
    try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
    try await app.db.sql.raw("PRAGMA synchronous=FULL").run()
}

extension Application {
    private struct DecoyKey: StorageKey { typealias Value = String }
    /// A bcrypt hash of a random value: unknown logins cost as much time as wrong passwords.
    var decoyPasswordHash: String {
        get { storage[DecoyKey.self] ?? "" }
        set { storage[DecoyKey.self] = newValue }
    }
}
