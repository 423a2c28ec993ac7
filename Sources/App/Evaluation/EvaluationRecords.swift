import Domain
import Fluent
import FluentSQL
import Vapor

/// A 双百双评 campaign as stored, and its units and registers read back.
struct EvaluationCampaignRecord: Content, Sendable, Equatable {
    typealias Register = EvaluationCampaign.Register
    var id: UUID
    var year: Int
    var title: String
    var state: EvaluationCampaign.State
    var drawnEntrepreneurs: Int
    var drawnRepresentatives: Int
    var minimumAnswers: Int
    var seedSource: String?
    /// The registers' SHA-256 by register, as published.
    var digests: [String: String]
    var publishedAt: Int64?
    /// Each source's values, typed in after the fact.
    var seedValues: [[String]]?
    var drawKey: String?
    /// The positions drawn from each register, in the order drawn.
    var drawn: [String: [Int]]
    var drawnAt: Int64?
    var codesIssued: Int
    /// Ballots cast: one unit's four counts together (every ballot adds one to each unit).
    var ballots: Int
    var closedAt: Int64?
    var resultsDigest: String?
    var version: Int

    func count(_ register: Register) -> Int { register == .entrepreneur ? drawnEntrepreneurs : drawnRepresentatives }

    /// The columns read, `ballots` worked out from the first unit's counts.
    static let columns = """
        id, year, title, state, drawn_entrepreneurs, drawn_representatives, minimum_answers, seed_source, digests, published_at,
        seed_values, draw_key, drawn, drawn_at, codes_issued, closed_at, results_digest, version,
        COALESCE((SELECT u.satisfied + u.basically_satisfied + u.dissatisfied + u.not_known FROM evaluation_units u
          WHERE u.campaign_id = evaluation_campaigns.id ORDER BY u.position LIMIT 1), 0) AS ballots
        """

    init(_ row: any SQLRow) throws {
        let r = RowReader(row)
        id = try r.uuid("id")
        year = try r.int("year")
        title = try r.string("title")
        state = try r.value("state", as: EvaluationCampaign.State.self)
        drawnEntrepreneurs = try r.int("drawn_entrepreneurs")
        drawnRepresentatives = try r.int("drawn_representatives")
        minimumAnswers = try r.int("minimum_answers")
        seedSource = try r.optionalString("seed_source")
        digests = CanonicalJSON.value([String: String].self, from: try r.optionalString("digests")) ?? [:]
        publishedAt = try r.optionalInt64("published_at")
        seedValues = CanonicalJSON.value([[String]].self, from: try r.optionalString("seed_values"))
        drawKey = try r.optionalString("draw_key")
        drawn = CanonicalJSON.value([String: [Int]].self, from: try r.optionalString("drawn")) ?? [:]
        drawnAt = try r.optionalInt64("drawn_at")
        codesIssued = try r.int("codes_issued")
        ballots = try r.int("ballots")
        closedAt = try r.optionalInt64("closed_at")
        resultsDigest = try r.optionalString("results_digest")
        version = try r.int("version")
    }

}

/// A unit a campaign rates, with what its ballots have added up to.
struct EvaluationUnitRecord: Content, Sendable, Equatable {
    var unitID: UUID
    var series: EvaluationSeries
    var name: String
    var satisfied: Int
    var basicallySatisfied: Int
    var dissatisfied: Int
    var notKnown: Int

    /// The ballots that rated it at all: 不了解 included.
    var answered: Int { satisfied + basicallySatisfied + dissatisfied + notKnown }

    var tally: EvaluationResults.Tally {
        .init(satisfied: satisfied, basicallySatisfied: basicallySatisfied, dissatisfied: dissatisfied)
    }
}

/// One person of a register, in its published order.
struct RegisterEntry: Content, Sendable, Equatable {
    var position: Int
    var name: String
    var organisation: String
    var standing: String

    var line: String { EvaluationCampaign.line(name: name, organisation: organisation, standing: standing) }
}

enum EvaluationRead {
    static func campaigns(scope: String, on db: any Database) async throws -> [EvaluationCampaignRecord] {
        try await db.sql.raw(
            "SELECT \(unsafeRaw: EvaluationCampaignRecord.columns) FROM evaluation_campaigns WHERE jurisdiction_code = \(bind: scope) ORDER BY year DESC"
        ).all().map(EvaluationCampaignRecord.init)
    }

    /// The campaign of the jurisdiction, or nil (another jurisdiction's is as absent as none).
    static func campaign(_ id: UUID, scope: String, on db: any Database) async throws -> EvaluationCampaignRecord? {
        try await db.sql.raw(
            "SELECT \(unsafeRaw: EvaluationCampaignRecord.columns) FROM evaluation_campaigns WHERE id = \(bind: id) AND jurisdiction_code = \(bind: scope)"
        ).first().map(EvaluationCampaignRecord.init)
    }

    static func units(_ campaign: UUID, on db: any Database) async throws -> [EvaluationUnitRecord] {
        try await db.sql.raw(
            """
            SELECT unit_id, series, name, satisfied, basically_satisfied, dissatisfied, not_known FROM evaluation_units
            WHERE campaign_id = \(bind: campaign) ORDER BY position
            """
        ).all().map { row in
            let r = RowReader(row)
            return EvaluationUnitRecord(
                unitID: try r.uuid("unit_id"), series: try r.value("series", as: EvaluationSeries.self), name: try r.string("name"),
                satisfied: try r.int("satisfied"), basicallySatisfied: try r.int("basically_satisfied"),
                dissatisfied: try r.int("dissatisfied"), notKnown: try r.int("not_known"))
        }
    }

    static func register(_ campaign: UUID, _ register: EvaluationCampaign.Register, on db: any Database) async throws -> [RegisterEntry] {
        try await db.sql.raw(
            """
            SELECT position, name, organisation, standing FROM evaluation_register
            WHERE campaign_id = \(bind: campaign) AND register = \(bind: register.rawValue) ORDER BY position
            """
        ).all().map { row in
            let r = RowReader(row)
            return RegisterEntry(
                position: try r.int("position"), name: try r.string("name"), organisation: try r.string("organisation"),
                standing: try r.string("standing"))
        }
    }

    static func registerSizes(_ campaign: UUID, on db: any Database) async throws -> [EvaluationCampaign.Register: Int] {
        var sizes: [EvaluationCampaign.Register: Int] = [:]
        for row in try await db.sql.raw(
            "SELECT register, COUNT(*) AS n FROM evaluation_register WHERE campaign_id = \(bind: campaign) GROUP BY register"
        ).all() {
            let r = RowReader(row)
            if let register = EvaluationCampaign.Register(rawValue: try r.string("register")) { sizes[register] = try r.int("n") }
        }
        return sizes
    }

    /// Comments on the units, in the order of their text (never the order they came in).
    static func comments(_ campaign: UUID, on db: any Database) async throws -> [UUID: [String]] {
        var out: [UUID: [String]] = [:]
        for row in try await db.sql.raw(
            "SELECT unit_id, body FROM evaluation_comments WHERE campaign_id = \(bind: campaign)"
        ).all() {
            let r = RowReader(row)
            out[try r.uuid("unit_id"), default: []].append(try r.string("body"))
        }
        return out.mapValues { $0.sorted() }
    }
}
