import Crypto
import Domain
import Fluent
import FluentSQL
import Vapor

/// Casting a 双百双评 ballot with a one-time code, without an account (SPEC §8). What is kept
/// links no ballot to its code: the code's row is deleted as it votes, the ballot adds to every
/// unit's counts in one statement and keeps no row, its comments carry a random id and no date. A
/// ballot saved to finish later is sealed with a key made from the code, which the server never
/// keeps, and is dropped when cast or at the end of the day. Nothing here writes a log line or an
/// audit record, and a refusal (422) is not a refusal the audit trail records with an address.
struct BallotService {
    let request: Request
    typealias Choice = BallotChoice

    static let invalidCode = AppError(
        code: "invalid_code", status: .unprocessableEntity, zh: "选票码无效、已使用，或测评已结束。请核对后重新输入。",
        en: "The code is not valid, has been used, or the campaign has closed.",
        fields: ["code": .init(zh: "请核对选票码。", en: "Check the code.")])

    struct Ballot: Sendable {
        var campaign: UUID
        var title: String
        /// What is kept of the code (its digest with the campaign).
        var digest: String
        var code: String
        var units: [EvaluationUnitRecord]
        var draft: Draft
    }

    struct Draft: Codable, Sendable, Equatable {
        var answers: [String: Choice] = [:]
        var comments: [String: String] = [:]
    }

    /// The ballot an unused code of a campaign being voted in opens, with today's saved draft.
    func open(_ typed: String) async throws -> Ballot {
        guard let code = BallotCode.normalize(typed) else { throw Self.invalidCode }
        let db = request.db
        // a code is kept as its digest with its campaign: tried against each campaign being voted in
        let voting = try await db.sql.raw(
            "SELECT id, title FROM evaluation_campaigns WHERE state = \(bind: EvaluationCampaign.State.voting.rawValue)"
        ).all().map { (id: try RowReader($0).uuid("id"), title: try RowReader($0).string("title")) }
        guard
            let (owner, digest, row) = try await OneTimeCodes.find(
                code, among: voting.map(\.id), in: .ballots, columns: "digest, draft, draft_on", on: db),
            let campaign = voting.first(where: { $0.id == owner })
        else { throw Self.invalidCode }
        let r = RowReader(row)
        var draft = Draft()
        if try r.optionalString("draft_on") == request.clock.today.description, let sealed = try r.optionalString("draft"),
            let opened = Self.unseal(sealed, code: code, campaign: campaign.id)
        {
            draft = opened
        }
        return Ballot(
            campaign: campaign.id, title: campaign.title, digest: digest, code: code,
            units: try await EvaluationRead.units(campaign.id, on: db), draft: draft)
    }

    /// Checks the answers against the ballot's units; refuses what names another unit.
    func checked(_ draft: Draft, units: [EvaluationUnitRecord], casting: Bool) throws -> Draft {
        var clean = draft
        clean.comments = draft.comments.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        try AppError.checkText(clean.comments.mapValues { Optional($0) })
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.unitID.uuidString, $0.name) })
        let problems = Choice.problems(answers: clean.answers, comments: clean.comments, units: Set(names.keys), casting: casting)
        guard problems.isEmpty else {
            if problems.contains(where: { if case .unknownUnit = $0 { true } else { false } }) {
                throw AppError(
                    code: "ballot_invalid", status: .unprocessableEntity, zh: "选票中有本次测评之外的单位，未予接受。",
                    en: "The ballot names a unit outside this campaign.")
            }
            var fields: [String: AppError.Message] = [:]
            for problem in problems {
                switch problem {
                case .unknownUnit: break
                case .unanswered(let unit): fields["u-" + unit] = .init(zh: "请评价\(names[unit] ?? "")。", en: "Rate this unit.")
                case .commentTooLong(let unit):
                    fields["c-" + unit] = .init(zh: "意见不能超过 \(Choice.commentLimit) 个字。", en: "At most \(Choice.commentLimit) characters.")
                }
            }
            let missing = fields.keys.filter { $0.hasPrefix("u-") }.count
            guard missing > 0 else { throw AppError.validation(fields) }
            throw AppError(
                code: "validation_failed", status: .unprocessableEntity, zh: "还有 \(missing) 个单位未评价；不了解的请选“不了解”。",
                en: "\(missing) units are not rated yet.", fields: fields)
        }
        return clean
    }

    /// Saves the ballot to finish later today, sealed with the code.
    func save(_ typed: String, _ draft: Draft) async throws -> Ballot {
        var ballot = try await open(typed)
        ballot.draft = try checked(draft, units: ballot.units, casting: false)
        let (sealed, digest) = (Self.seal(ballot.draft, code: ballot.code, campaign: ballot.campaign), ballot.digest)
        let today = request.clock.today.description
        try await request.writeTransaction { db in
            try await db.sql.raw(
                "UPDATE evaluation_codes SET draft = \(bind: sealed), draft_on = \(bind: today) WHERE digest = \(bind: digest)"
            ).run()
        }
        return ballot
    }

    /// Casts the ballot (`EvaluationStore.cast`, in the `BallotBox`'s next batch); all or nothing.
    /// Returns the campaign's title.
    func cast(_ typed: String, _ draft: Draft) async throws -> String {
        let ballot = try await open(typed)
        let clean = try checked(draft, units: ballot.units, casting: true)
        let cast = try await request.application.ballotBox.cast(
            .init(campaign: ballot.campaign, digest: ballot.digest, units: ballot.units, answers: clean.answers, comments: clean.comments))
        guard cast else { throw Self.invalidCode }
        return ballot.title
    }
}
