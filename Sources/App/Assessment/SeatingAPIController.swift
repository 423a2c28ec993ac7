import Domain
import Vapor

/// `GET /api/v1/seatings?year=` (the year's seating: the published one, else the draft),
/// `PUT /api/v1/seating-rules` (the bureau sets a year's rules whole, with the version it read)
/// and `POST /api/v1/seatings` (the bureau publishes a year: 201). Money in fen.
struct SeatingAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get(APIRoute.seatings.pattern, use: seating)
        api.post(APIRoute.seatings.pattern, use: publish)
        api.put(APIRoute.seatingRules.pattern, use: saveRules)
    }

    struct Rules: Content {
        var measure: String
        var completionPermille: Int64
        var negotiatingForIntent: Int
        var consequences: [String: SeatingRecords.ConsequenceRecord]

        init(_ rules: YearEndSeat.Rules) {
            let record = SeatingRecords.RulesRecord(rules)
            (measure, completionPermille, negotiatingForIntent, consequences) = (
                record.measure, record.completionPermille, record.negotiatingForIntent, record.consequences
            )
        }
    }

    struct Line: Content {
        var unitID: UUID
        var unitName: String
        var unitKind: String
        var seat: String
        var lastYearSeat: String?
        var done: Int64
        var target: Int64?
        var verifiedSignings: Int
        var negotiating: Int
        var staff: Int
        var awardEligible: Bool
        var bonusWithheld: Int64
        var leadershipTalk: Bool
    }

    struct Seating: Content {
        var year: Int
        var through: String
        var published: Bool
        var publishedAt: Int64?
        var publishedBy: String?
        var digest: String?
        /// The stored lines still agree with the digest published.
        var intact: Bool?
        /// A draft the reader may not see: `lines` is empty.
        var linesHidden: Bool
        var rules: Rules
        var rulesVersion: Int
        var lines: [Line]
    }

    static func body(_ s: SeatingService.Seating, lastYear: SeatingService.Seating?) -> Seating {
        let last = Dictionary(lastYear?.lines.map { ($0.unit.id, $0.seat.rawValue) } ?? [], uniquingKeysWith: { a, _ in a })
        return Seating(
            year: s.year, through: s.through.description, published: s.publication != nil, publishedAt: s.publication?.at,
            publishedBy: s.publication?.by, digest: s.publication?.digest, intact: s.publication?.intact, linesHidden: s.hidden,
            rules: Rules(s.rules), rulesVersion: s.rulesVersion,
            lines: s.lines.map { line in
                Line(
                    unitID: line.unit.id, unitName: line.unit.name, unitKind: line.unit.kind.rawValue, seat: line.seat.rawValue,
                    lastYearSeat: last[line.unit.id], done: line.results.done, target: line.results.target,
                    verifiedSignings: line.results.verifiedSignings, negotiating: line.results.negotiating, staff: line.staff,
                    awardEligible: line.consequence.awardEligible, bonusWithheld: line.bonusWithheld.minorUnits,
                    leadershipTalk: line.consequence.leadershipTalk)
            })
    }

    func seating(_ request: Request) async throws -> Seating {
        let year = try AssessmentUnits.year(request, results: true)
        let seating = try await SeatingService(request: request).seating(year: year)
        let user = try request.requireUser()
        let last = try await SeatingService.published(scope: user.scope.value, year: year - 1, on: request.db)
        return Self.body(seating, lastYear: last)
    }

    struct RulesBody: Content {
        var year: Int
        var version: Int
        var measure: String
        var completionPermille: Int64
        var negotiatingForIntent: Int
        var consequences: [String: SeatingRecords.ConsequenceRecord]?
    }

    struct StoredRules: Content {
        var year: Int
        var version: Int
        var rules: Rules
    }

    func saveRules(_ request: Request) async throws -> StoredRules {
        try request.authorize(.manage, .assessment)
        let body = try request.decodeForm(RulesBody.self)
        var errors: [String: AppError.Message] = [:]
        let measure = ScoreFormula.Measure(rawValue: body.measure)
        if measure == nil { errors["measure"] = .init(zh: "没有名为 \(body.measure) 的指标。", en: "No measure \(body.measure).") }
        for key in (body.consequences ?? [:]).keys where YearEndSeat(rawValue: key) == nil {
            errors["consequences.\(key)"] = .init(zh: "没有名为 \(key) 的座次。", en: "No seat \(key).")
        }
        guard errors.isEmpty, let measure else { throw AppError.validation(errors) }
        let rules = YearEndSeat.Rules(
            measure: measure, completionPermille: body.completionPermille, negotiatingForIntent: body.negotiatingForIntent,
            consequences: SeatingRecords.RulesRecord.consequences(body.consequences ?? [:]))
        if let negative = (body.consequences ?? [:]).first(where: { $0.value.bonusWithheldPerPerson < 0 }) {
            throw AppError.field(
                "\(negative.key).bonus", zh: "扣发年终奖不能为负数。", en: "The bonus withheld cannot be negative.")
        }
        let stored = try await SeatingService(request: request).saveRules(year: body.year, rules: rules, version: body.version)
        return StoredRules(year: body.year, version: stored.version, rules: Rules(stored.rules))
    }

    struct PublishBody: Content {
        var year: Int
        var rulesVersion: Int
    }

    func publish(_ request: Request) async throws -> Response {
        try request.authorize(.manage, .assessment)
        let body = try request.decodeForm(PublishBody.self)
        let seating = try await SeatingService(request: request).publish(year: body.year, rulesVersion: body.rulesVersion)
        let user = try request.requireUser()
        let last = try await SeatingService.published(scope: user.scope.value, year: body.year - 1, on: request.db)
        return try .created(Self.body(seating, lastYear: last))
    }
}
