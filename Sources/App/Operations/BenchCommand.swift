import AsyncHTTPClient
import Domain
import Fluent
import Foundation
import NIOCore
import Vapor

/// `zhaoshang bench`: figures, not a test. Fills an empty database at the chosen scale, serves
/// the app on 127.0.0.1, and measures with bounded load (count and time) what a person feels:
/// registry search, the enterprise page and login at 32 concurrent clients, plus resident memory.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "county (default) or province") var scale: String?
        @Option(name: "seconds", help: "Seconds per scenario (default 8)") var seconds: Int?
        @Option(name: "clients", help: "Concurrent clients (default 32)") var clients: Int?
    }

    var help: String { "Measures search, page and login latency on the county or province data set." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let scale = DemoCity.Scale(rawValue: signature.scale ?? "county") ?? .county
        let seconds = max(1, min(signature.seconds ?? 8, 60))
        let clients = max(1, min(signature.clients ?? 32, 64))
        try await Startup.prepareDatabase(app)
        if try await Person.query(on: app.db).count() == 0 {
            context.console.print("Empty database: generating the \(scale.rawValue) data set…")
            try await DemoCity(seed: 1, scale: scale, logger: app.logger).generate(app: app)
        }
        let enterpriseCount = try await Enterprise.query(on: app.db).count()
        context.console.print(
            "Data set: \(enterpriseCount) enterprises (\(app.databaseEngine.rawValue)), \(clients) clients, \(seconds)s per scenario")

        let samples = try await Self.samples(app)
        let direct = try await Self.directSearch(app, queries: samples.queries)
        context.console.print(Self.line("enterprise search (service, 1 client)", direct, seconds: nil))
        for line in try await Self.overdueScan(app) { context.console.print(line) }
        context.console.print(try await Self.workbenchReading(app))

        let port = 18_000 + Int.random(in: 0..<1_000)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        try app.server.start()
        // redirects are measured as answers, not followed (a login answers 303)
        // one connection per client, so a client never waits in the load generator's own pool (its
        // default of 8 made 32 clients queue there, and a wait past the connect timeout ended the run)
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
        configuration.timeout = .init(connect: .seconds(30))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let base = "http://127.0.0.1:\(port)"
            let cookie = try await Self.session(app, login: "demo-bureau")
            let paths = samples.ids.map { SiteURL.enterprise($0).path }
            let searchPaths = samples.queries.map { q -> String in
                return SiteURL.enterprises.path + "?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q)
            }
            let projectPaths = samples.projects.map { SiteURL.project($0).path }
            // one person at a time, as a cadre feels it: the board of 80 cards and a project page
            let workOrderPages = [
                ("accountability board", [SiteURL.workOrderBoard.path]),
                ("overdue work orders", [SiteURL.workOrders.with(query: ["view": "overdue"])]),
                ("all work orders, newest first", [SiteURL.workOrders.with(query: ["view": "all"])]),
            ]
            // the pages whose cost grows with the data: the funnel, every lead, the API's projects
            let growing = [
                ("funnel", [SiteURL.funnel.with(query: ["year": String(app.clock.today.year)])]),
                ("lead list, all states", [SiteURL.leads.with(query: ["state": "all"])]),
                ("API projects, 80 a page", [SiteURL.api(.projects).with(query: ["per": "80"])]),
                // the bureau's own day: its workbench, and the ledger of one verified stage with its totals
                ("workbench", [SiteURL.home.path]),
                ("project ledger, signed", [SiteURL.projectLedger.with(query: ["stage": ProjectStage.signed.rawValue])]),
            ]
            let token = try await Self.token(app)
            for (title, targets) in [("pipeline board", [SiteURL.projects.path]), ("project page", projectPaths)] + workOrderPages + growing
            where !targets.isEmpty {
                let headers: HTTPHeaders = title.hasPrefix("API") ? ["Authorization": "Bearer \(token)"] : ["Cookie": cookie]
                let single = try await Self.load(client, base: base, paths: targets, headers: headers, clients: 1, seconds: seconds)
                context.console.print(Self.line("\(title) (1 client)", single.latencies, seconds: single.elapsed, errors: single.errors))
            }
            for (title, targets) in [
                ("pipeline board", [SiteURL.projects.path]), ("project page", projectPaths), workOrderPages[0], workOrderPages[1],
                growing[0], growing[1], growing[2], growing[3], growing[4], ("enterprise page", paths),
                ("registry search page", searchPaths),
                (
                    "API search",
                    samples.queries.map {
                        SiteURL.api(.enterprises).path + "?q=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)
                    }
                ),
            ] {
                let headers: HTTPHeaders = title.hasPrefix("API") ? ["Authorization": "Bearer \(token)"] : ["Cookie": cookie]
                let result = try await Self.load(client, base: base, paths: targets, headers: headers, clients: clients, seconds: seconds)
                context.console.print(
                    Self.line("\(title) (\(clients) clients)", result.latencies, seconds: result.elapsed, errors: result.errors))
            }
            let logins = try await Self.loginLoad(client, base: base, clients: clients, seconds: seconds)
            context.console.print(
                Self.line("login incl. bcrypt (\(clients) clients)", logins.latencies, seconds: logins.elapsed, errors: logins.errors))
        } catch {
            try? await client.shutdown()
            await app.server.shutdown()
            throw error
        }
        try await client.shutdown()
        await app.server.shutdown()
        context.console.print("resident memory (server and load generator together): \(Self.residentMegabytes()) MB")
    }

    struct Samples {
        var queries: [String]
        var ids: [UUID]
        var projects: [UUID]
    }

    /// Query fragments as cadres type them: two to four characters of a name, a legal
    /// representative, the start of a USCC.
    static func samples(_ app: Application) async throws -> Samples {
        // enterprises the benchmark user (the demo bureau) may open: its own jurisdiction
        let scope = try JurisdictionCode(DemoCity.cityCode)
        let rows = try await Enterprise.query(on: app.db).within(\.$regionCode, scope).sort(\.$updatedAt, .descending).limit(400).all()
        var rng = SeededRandom(seed: 42)
        var queries: [String] = []
        for row in rows.prefix(200) {
            let name = Array(row.name)
            let length = 2 + Int(rng.next() % 3)
            let start = Int(rng.next() % UInt64(max(1, name.count - length)))
            queries.append(String(name[start..<min(name.count, start + length)]))
            if rng.next() % 4 == 0 { queries.append(row.legalRepresentative) }
            if rng.next() % 6 == 0, let uscc = row.uscc { queries.append(String(uscc.prefix(10))) }
        }
        let projects = try await Project.query(on: app.db).sort(\.$stageSince, .descending).limit(200).all().compactMap(\.id)
        return Samples(queries: queries, ids: rows.compactMap(\.id), projects: projects)
    }

    /// Each query once, over the whole province (the widest scope); the slowest are printed so
    /// that a slow kind of query shows itself.
    static func directSearch(_ app: Application, queries: [String]) async throws -> [Double] {
        let scope = try JurisdictionCode(DemoCity.provinceCode)
        var timed: [(query: String, ms: Double)] = []
        for query in queries {
            let start = ContinuousClock.now
            _ = try await EnterpriseSearch(query: query, scope: scope, page: 1, per: 20).run(on: app.db)
            timed.append((query, Self.ms(ContinuousClock.now - start)))
        }
        let slowest = timed.sorted { $0.ms > $1.ms }.prefix(3).map { String(format: "%@ %.1f ms", $0.query, $0.ms) }
        app.logger.notice("slowest searches: \(slowest.joined(separator: ", "))")
        return timed.map(\.ms)
    }

    /// A session for a demo login, so page load does not measure bcrypt; audited like any login.
    static func session(_ app: Application, login: String) async throws -> String {
        let personID = try await person(app, login)
        let now = app.clock.seconds
        let millis = app.clock.millis
        let token = try await app.writeTransaction { db in
            let token = try await UserSession.open(for: personID, now: now, ip: "bench", on: db)
            try await AuditLog.append(
                on: db, by: .system("bench"), action: "login.success", objectType: "person", objectID: personID.uuidString, at: millis)
            return token
        }
        return "\(SessionMiddleware.cookieName)=\(token)"
    }

    static func token(_ app: Application) async throws -> String {
        let personID = try await person(app, "demo-bureau")
        let now = app.clock.seconds
        let millis = app.clock.millis
        return try await app.writeTransaction { db in
            let (token, secret) = try await APIToken.issue(to: personID, name: "bench", now: now, on: db)
            try await AuditLog.append(
                on: db, by: .system("bench"), action: "token.create", objectType: "api_token", objectID: token.id!.uuidString, at: millis)
            return secret
        }
    }

    static func person(_ app: Application, _ login: String) async throws -> UUID {
        guard let person = try await Person.query(on: app.db).filter(\.$login == login).first() else { throw AppError.notFound }
        return try person.requireID()
    }

    struct LoadResult {
        var latencies: [Double]
        var errors: Int
        var elapsed: Double
    }

    /// `clients` tasks each request the next path in turn until the time is up (and at most
    /// 50,000 requests in all).
    static func load(_ client: HTTPClient, base: String, paths: [String], headers: HTTPHeaders, clients: Int, seconds: Int) async throws
        -> LoadResult
    {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let started = ContinuousClock.now
        let perClient = 50_000 / clients
        let results = try await fanOut(clients: clients) { worker in
            var latencies: [Double] = []
            var errors = 0
            var index = worker
            while ContinuousClock.now < deadline, latencies.count < perClient {
                var request = HTTPClientRequest(url: base + paths[index % paths.count])
                request.headers = headers
                index += clients
                let (ms, ok) = await timed(client, request, limit: 4 << 20) { $0.code < 400 }
                latencies.append(ms)
                if !ok { errors += 1 }
            }
            return (latencies, errors)
        }
        return LoadResult(latencies: results.0, errors: results.1, elapsed: Self.ms(ContinuousClock.now - started) / 1000)
    }

    /// `clients` workers at once, each giving its latencies and errors; all of them together.
    static func fanOut(clients: Int, _ worker: @escaping @Sendable (Int) async throws -> ([Double], Int)) async throws -> ([Double], Int) {
        try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for index in 0..<clients { group.addTask { try await worker(index) } }
            var all: ([Double], Int) = ([], 0)
            for try await part in group {
                all.0 += part.0
                all.1 += part.1
            }
            return all
        }
    }

    /// One request timed to its last byte: its milliseconds and whether its status was `ok`. A
    /// failed request is counted as such, never the end of the run.
    static func timed(_ client: HTTPClient, _ request: HTTPClientRequest, limit: Int, ok: (HTTPResponseStatus) -> Bool) async -> (
        Double, Bool
    ) {
        let start = ContinuousClock.now
        var fine = false
        do {
            let response = try await client.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: limit)
            fine = ok(response.status)
        } catch {
            fine = false
        }
        return (ms(ContinuousClock.now - start), fine)
    }

    /// Whole logins: the form (for its CSRF cookie) and the POST with the password.
    static func loginLoad(_ client: HTTPClient, base: String, clients: Int, seconds: Int) async throws -> LoadResult {
        let deadline = ContinuousClock.now + .seconds(seconds)
        let started = ContinuousClock.now
        let results = try await fanOut(clients: clients) { _ in
            var latencies: [Double] = []
            var errors = 0
            while ContinuousClock.now < deadline, latencies.count < 2_000 {
                let start = ContinuousClock.now
                let form = try await client.execute(HTTPClientRequest(url: base + SiteURL.login.path), timeout: .seconds(30))
                let html = String(buffer: try await form.body.collect(upTo: 1 << 20))
                let cookie =
                    form.headers[canonicalForm: "set-cookie"].first { $0.hasPrefix(CSRFMiddleware.preLoginCookie) }
                    .map { String($0.split(separator: ";")[0]) } ?? ""
                let csrf = html.range(of: #"name="_csrf" value=""#).map { html[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
                var post = HTTPClientRequest(url: base + SiteURL.login.path)
                post.method = .POST
                post.headers = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie]
                post.body = .bytes(ByteBuffer(string: "_csrf=\(csrf)&login=demo-cadre&password=\(DemoCity.password)"))
                let response = try await client.execute(post, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 1 << 20)
                latencies.append(Self.ms(ContinuousClock.now - start))
                if response.status != .seeOther { errors += 1 }
            }
            return (latencies, errors)
        }
        return LoadResult(latencies: results.0, errors: results.1, elapsed: Self.ms(ContinuousClock.now - started) / 1000)
    }

    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func line(_ title: String, _ latencies: [Double], seconds: Double?, errors: Int = 0) -> String {
        let sorted = latencies.sorted()
        var text = "\(title.padding(toLength: 44, withPad: " ", startingAt: 0)) n=\(sorted.count)"
        text += String(
            format: "  p50 %.2f ms  p95 %.2f ms  max %.2f ms", percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.last ?? 0)
        if let seconds, seconds > 0 { text += String(format: "  %.0f req/s", Double(sorted.count) / seconds) }
        if errors > 0 { text += "  errors \(errors)" }
        return text
    }

    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kb / 1024
    }
}
