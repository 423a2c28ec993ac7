import Domain
import Fluent
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(AuditVerifyCommand(), as: "audit-verify")
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(AssessmentBenchCommand(), as: "bench-assessment")
    app.asyncCommands.use(EvaluationBenchCommand(), as: "bench-evaluation")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(DrawVerifyCommand(), as: "draw-verify")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
}

/// What `serve` does first: migrate, fill the demo city into an empty database (unless
/// `--no-demo`), and say where to go and how to log in.
public enum Startup {
    public static func prepare(_ app: Application) async throws {
        var arguments = app.environment.arguments
        let command = arguments.dropFirst().first ?? "serve"
        // restore replaces the database file: it must not open it first; draw-verify needs none
        if command == "restore" || command == "draw-verify" { return }
        guard command == "serve" || command.hasPrefix("-") else {
            try await prepareDatabase(app)
            return
        }
        let noDemo = arguments.contains("--no-demo")
        arguments.removeAll { $0 == "--no-demo" }
        app.environment.arguments = arguments
        try await prepareDatabase(app)
        if !noDemo, try await Person.query(on: app.db).count() == 0 {
            app.logger.notice("Empty database: generating the demo city (seed 1, county scale)…")
            try await DemoCity(seed: 1, scale: .county, logger: app.logger).generate(app: app)
        }
        app.isDemoData = try await DemoCity.isPresent(on: app.db)
        app.lifecycle.use(NoticeScanner())
        printWelcome(app)
    }

    public static func prepareDatabase(_ app: Application) async throws {
        try await prepareSQLite(app)
        try await app.autoMigrate()
        app.isDemoData = try await DemoCity.isPresent(on: app.db)
    }

    static func printWelcome(_ app: Application) {
        let arguments = app.environment.arguments
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        }
        let host = option("--hostname") ?? option("-H") ?? app.http.server.configuration.hostname
        let port = option("--port") ?? option("-p") ?? String(app.http.server.configuration.port)
        var lines = ["", "招商 Zhaoshang is starting at http://\(host):\(port)/  (\(app.databaseEngine.rawValue))"]
        if app.isDemoData {
            lines.append("演示数据（虚构城市）。Demo logins — password for all: \(DemoCity.password)")
            for account in DemoCity.logins {
                lines.append(
                    "  \(account.login.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.role.label(.zh)) (\(account.role.rawValue))"
                )
            }
        }
        print(lines.joined(separator: "\n") + "\n")
    }
}

struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "Random seed (default 1)") var seed: Int?
        @Option(name: "scale", help: "county (default) or province") var scale: String?
    }

    var help: String { "Fills an empty database with the fictional demo city (deterministic for a seed)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let scale = DemoCity.Scale(rawValue: signature.scale ?? "county") else {
            context.console.error("--scale must be county or province")
            throw ExitCode(1)
        }
        try await Startup.prepareDatabase(app)
        guard try await Person.query(on: app.db).count() == 0 else {
            context.console.error("The database already holds data; demo data goes only into an empty database.")
            throw ExitCode(1)
        }
        let start = Date()
        try await DemoCity(seed: UInt64(max(signature.seed ?? 1, 0)), scale: scale, logger: app.logger).generate(app: app)
        context.console.print("Demo city generated (\(scale.rawValue)) in \(Int(Date().timeIntervalSince(start)))s.")
    }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Checks the audit log's hash chain; exits 1 at the first broken link." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Startup.prepareDatabase(app)
        let (broken, checked) = try await AuditLog.verify(on: app.db)
        guard let broken else {
            context.console.print("audit chain intact: \(checked) records verified")
            return
        }
        switch broken {
        case .contentChanged(let sequence): context.console.error("audit chain BROKEN at record \(sequence): its content was changed")
        case .linkBroken(let sequence):
            context.console.error("audit chain BROKEN at record \(sequence): it does not link to the record before it")
        case .gap(let after): context.console.error("audit chain BROKEN after record \(after): records are missing")
        }
        throw ExitCode(1)
    }
}

struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "login", help: "The person's login") var login: String?
        @Option(name: "name", help: "What the token is for") var name: String?
    }

    var help: String { "Creates a personal API token for a login and prints it once (for scripts and CI)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Startup.prepareDatabase(app)
        guard let login = signature.login, let person = try await Person.query(on: app.db).filter(\.$login == login).first() else {
            context.console.error("No person with that --login.")
            throw ExitCode(1)
        }
        let personID = try person.requireID()
        let now = app.clock.seconds
        let millis = app.clock.millis
        let secret = try await app.writeTransaction { db in
            let (token, secret) = try await APIToken.issue(to: personID, name: signature.name ?? "cli", now: now, on: db)
            try await AuditLog.append(
                on: db, by: .system("cli"), action: "token.create", objectType: "api_token", objectID: token.id!.uuidString,
                after: ["login": login], at: millis)
            return secret
        }
        context.console.print(secret)
    }
}
