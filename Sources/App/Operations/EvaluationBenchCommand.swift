import AsyncHTTPClient
import Domain
import Fluent
import Foundation
import NIOCore
import Vapor

/// `zhaoshang bench-evaluation`: figures, not a test — issue #15's three. The public draw of 100
/// from a register of `--register` people (1,000,000; goal ≤ 2 s): the digest, the key and RFC
/// 3797's selection. Then on the configured database (the demo city filled if empty) a campaign of
/// [003]'s 70 units (26 + 25 + 19) made through `EvaluationStore`, `--ballots` codes (10,000) and
/// as many ballots cast over HTTP on 127.0.0.1 at `--clients` (32; goal p95 ≤ 50 ms); then the
/// close and the results of the campaign (goal ≤ 100 ms).
struct EvaluationBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "register", help: "People in the register drawn from (default 1000000)") var register: Int?
        @Option(name: "ballots", help: "Ballots cast (default 10000)") var ballots: Int?
        @Option(name: "clients", help: "Concurrent clients (default 32)") var clients: Int?
    }

    var help: String { "Times a draw from 1,000,000, 10,000 ballots at 32 clients, and a campaign's results." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let people = max(100, min(signature.register ?? 1_000_000, 5_000_000))
        let ballots = max(10, min(signature.ballots ?? 10_000, 100_000))
        let clients = max(1, min(signature.clients ?? 32, 64))
        context.console.print(Self.draw(people: people))

        try await Startup.prepareDatabase(app)
        if try await Person.query(on: app.db).count() == 0 {
            context.console.print("Empty database: generating the county data set…")
            try await DemoCity(seed: 1, scale: .county, logger: app.logger).generate(app: app)
        }
        let (campaign, codes) = try await Self.campaign(app, ballots: ballots)
        let units = try await EvaluationRead.units(campaign.id, on: app.db)
        context.console.print("Campaign \(campaign.year): \(units.count) units, \(codes.count) codes (\(app.databaseEngine.rawValue))")

        let port = 18_000 + Int.random(in: 0..<1_000)
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let started = ContinuousClock.now
            let (latencies, errors) = try await Self.cast(
                client, url: "http://127.0.0.1:\(port)" + APIRoute.ballots.path(), codes: codes, units: units, clients: clients)
            let elapsed = BenchCommand.ms(ContinuousClock.now - started) / 1000
            context.console.print(BenchCommand.line("ballots cast (POST /api/v1/ballots)", latencies, seconds: elapsed, errors: errors))
        } catch {
            try? await client.shutdown()
            await app.server.shutdown()
            throw error
        }
        try await client.shutdown()
        await app.server.shutdown()

        try await app.writeTransaction { db in
            guard let open = try await EvaluationRead.campaign(campaign.id, scope: DemoCity.cityCode, on: db) else { return }
            try await EvaluationStore.close(open, version: open.version, actor: .system("bench"), at: app.clock.millis, on: db)
        }
        guard let closed = try await EvaluationRead.campaign(campaign.id, scope: DemoCity.cityCode, on: app.db) else { return }
        var times: [Double] = []
        var outcome: EvaluationOutcome?
        for _ in 0..<20 {
            let start = ContinuousClock.now
            outcome = try await EvaluationOutcome.of(closed, scope: DemoCity.cityCode, on: app.db)
            times.append(BenchCommand.ms(ContinuousClock.now - start))
        }
        context.console.print(BenchCommand.line("results of the campaign (\(outcome?.ballots ?? 0) ballots)", times, seconds: nil))
    }

    /// The draw from `people`: digest, key and 100 selections, the median of three runs.
    static func draw(people: Int) -> String {
        let register = (1...people).map { EvaluationCampaign.line(name: "姓名\($0)", organisation: "演示企业\($0)有限公司", standing: "企业负责人") }
        var times: [Double] = []
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let digest = PublicDraw.digest(register: register)
            let drawn = try? PublicDraw.draw(register, count: 100, sources: [["03", "09", "17", "22", "26", "31"], ["14"]])
            precondition(digest.count == 64 && drawn?.count == 100)
            times.append(BenchCommand.ms(ContinuousClock.now - start))
        }
        return String(format: "draw of 100 from %d (digest, key, RFC 3797): median %.0f ms of 3", people, times.sorted()[1])
    }

    /// A campaign of [003]'s series sizes, in a year of its own, with `ballots` codes.
    static func campaign(_ app: Application, ballots: Int) async throws -> (EvaluationCampaignRecord, [String]) {
        let db = app.db
        let scope = DemoCity.cityCode
        guard let person = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id else { throw ExitCode(1) }
        let taken = Set(try await EvaluationRead.campaigns(scope: scope, on: db).map(\.year))
        let year = (app.clock.today.year + 1...app.clock.today.year + 100).first { !taken.contains($0) } ?? 0
        var units: [(id: UUID, name: String, series: EvaluationSeries)] = []
        for (series, count) in [(EvaluationSeries.lawEnforcement, 26), (.comprehensiveManagement, 25), (.windowService, 19)] {
            for index in 1...count {
                let unit = Unit()
                unit.name = "测评单位\(year)-\(series.rawValue)-\(index)"
                unit.kind = .department
                unit.jurisdictionCode = scope
                unit.evaluationSeries = series
                unit.version = 1
                try await unit.create(on: db)
                units.append((try unit.requireID(), unit.name, series))
            }
        }
        let id = UUID()
        let codes = (0..<ballots).map { _ in BallotCode.generate() }
        let actor = AuditActor.system("bench")
        let millis = app.clock.millis
        let made = units
        try await app.writeTransaction { db in
            try await EvaluationStore.create(
                id, scope: scope, year: year, drawn: (ballots / 2, ballots - ballots / 2), minimumAnswers: 5, units: made, by: person,
                actor: actor, at: millis, on: db)
            func current() async throws -> EvaluationCampaignRecord {
                guard let c = try await EvaluationRead.campaign(id, scope: scope, on: db) else { throw ExitCode(1) }
                return c
            }
            try await EvaluationStore.publish(
                try await current(), seedSource: "bench", digests: [:], version: 1, actor: actor, at: millis, on: db)
            try await EvaluationStore.draw(
                try await current(), sources: [["1"]], key: "1./", drawn: [:], version: 2, actor: actor, at: millis, on: db)
            try await EvaluationStore.issue(
                try await current(), codes: codes.map { (.entrepreneur, $0) }, version: 3, actor: actor, at: millis, on: db)
        }
        guard let campaign = try await EvaluationRead.campaign(id, scope: scope, on: db) else { throw ExitCode(1) }
        return (campaign, codes)
    }

    /// Each code cast once, `clients` at a time; every unit rated (a fifth of them 不了解).
    static func cast(
        _ client: HTTPClient, url: String, codes: [String], units: [EvaluationUnitRecord], clients: Int
    ) async throws -> ([Double], Int) {
        let choices = BallotChoice.allCases
        return try await BenchCommand.fanOut(clients: clients) { worker in
            var latencies: [Double] = []
            var errors = 0
            for index in stride(from: worker, to: codes.count, by: clients) {
                let answers = units.enumerated().map {
                    "\"\($1.unitID.uuidString)\":\"\(choices[(index + $0) % choices.count].rawValue)\""
                }
                var request = HTTPClientRequest(url: url)
                request.method = .POST
                request.headers = ["Content-Type": "application/json"]
                request.body = .bytes(ByteBuffer(string: #"{"code":"\#(codes[index])","answers":{\#(answers.joined(separator: ","))}}"#))
                let (ms, ok) = await BenchCommand.timed(client, request, limit: 1 << 20) { $0 == .created }
                latencies.append(ms)
                if !ok { errors += 1 }
            }
            return (latencies, errors)
        }
    }
}
