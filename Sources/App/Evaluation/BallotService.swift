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
        var campaign: EvaluationCampaignRecord
        var code: String
        var units: [EvaluationUnitRecord]
        var draft: Draft
    }

    struct Draft: Codable, Sendable, Equatable {
        var answers: [String: Choice] = [:]
        var comments: [String: String] = [:]
    }

    /// The campaign being voted in that `typed` is an unused code of, and its saved draft (today's).
    func open(_ typed: String) async throws -> Ballot {
        guard let code = BallotCode.normalize(typed) else { throw Self.invalidCode }
        let (campaign, row) = try await Self.find(code, on: request.db)
        var draft = Draft()
        if row.draftOn == request.clock.today.description, let sealed = row.draft,
            let opened = Self.unseal(sealed, code: code, campaign: campaign.id)
        {
            draft = opened
        }
        return Ballot(campaign: campaign, code: code, units: try await EvaluationRead.units(campaign.id, on: request.db), draft: draft)
    }

    struct CodeRow { var digest: String; var draft: String?; var draftOn: String? }

    static func find(_ code: String, on db: any Database) async throws -> (EvaluationCampaignRecord, CodeRow) {
        let voting = try await db.sql.raw(
            "SELECT \(unsafeRaw: EvaluationCampaignRecord.columns) FROM evaluation_campaigns WHERE state = \(bind: EvaluationCampaign.State.voting.rawValue)"
        ).all().map(EvaluationCampaignRecord.init)
        guard !voting.isEmpty else { throw invalidCode }
        let digests = voting.map { BallotCode.digest(code, campaign: $0.id.uuidString) }
        guard
            let row = try await db.sql.raw(
                "SELECT digest, campaign_id, draft, draft_on FROM evaluation_codes WHERE digest IN (\(binds: digests))"
            ).first(),
            let campaign = voting.first(where: { $0.id == (try? RowReader(row).uuid("campaign_id")) })
        else { throw invalidCode }
        let r = RowReader(row)
        return (
            campaign,
            CodeRow(digest: try r.string("digest"), draft: try r.optionalString("draft"), draftOn: try r.optionalString("draft_on"))
        )
    }

    /// Checks the answers against the ballot's units; refuses what names another unit.
    func checked(_ draft: Draft, units: [EvaluationUnitRecord], casting: Bool) throws -> Draft {
        var clean = draft
        clean.comments = draft.comments.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
        try AppError.checkText(clean.comments.mapValues { Optional($0) })
        let ids = Set(units.map { $0.unitID.uuidString })
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.unitID.uuidString, $0.name) })
        let problems = Choice.problems(answers: clean.answers, comments: clean.comments, units: ids, casting: casting)
        guard problems.isEmpty else {
            var fields: [String: AppError.Message] = [:]
            var outside = false
            for problem in problems {
                switch problem {
                case .unknownUnit: outside = true
                case .unanswered(let unit): fields["u-" + unit] = .init(zh: "请评价\(byID[unit] ?? "")。", en: "Rate this unit.")
                case .commentTooLong(let unit):
                    fields["c-" + unit] = .init(zh: "意见不能超过 \(Choice.commentLimit) 个字。", en: "At most \(Choice.commentLimit) characters.")
                }
            }
            if outside {
                throw AppError(
                    code: "ballot_invalid", status: .unprocessableEntity, zh: "选票中有本次测评之外的单位，未予接受。",
                    en: "The ballot names a unit outside this campaign.")
            }
            let missing = problems.filter { if case .unanswered = $0 { true } else { false } }.count
            var error = AppError.validation(fields)
            if missing > 0 {
                error = AppError(
                    code: "validation_failed", status: .unprocessableEntity, zh: "还有 \(missing) 个单位未评价；不了解的请选“不了解”。",
                    en: "\(missing) units are not rated yet.", fields: fields)
            }
            throw error
        }
        return clean
    }

    /// Saves the ballot to finish later today, sealed with the code.
    func save(_ typed: String, _ draft: Draft) async throws -> Ballot {
        var ballot = try await open(typed)
        ballot.draft = try checked(draft, units: ballot.units, casting: false)
        let sealed = Self.seal(ballot.draft, code: ballot.code, campaign: ballot.campaign.id)
        let digest = BallotCode.digest(ballot.code, campaign: ballot.campaign.id.uuidString)
        let today = request.clock.today.description
        try await request.writeTransaction { db in
            try await db.sql.raw(
                "UPDATE evaluation_codes SET draft = \(bind: sealed), draft_on = \(bind: today) WHERE digest = \(bind: digest)"
            ).run()
        }
        return ballot
    }

    /// Casts the ballot: the code is spent, every unit's counts move in one statement, the
    /// comments go in without a date. All or nothing.
    func cast(_ typed: String, _ draft: Draft) async throws -> EvaluationCampaignRecord {
        let ballot = try await open(typed)
        let clean = try checked(draft, units: ballot.units, casting: true)
        let campaign = ballot.campaign.id
        let digest = BallotCode.digest(ballot.code, campaign: campaign.uuidString)
        try await request.writeTransaction { db in
            guard try await db.sql.raw("DELETE FROM evaluation_codes WHERE digest = \(bind: digest) RETURNING digest").first() != nil,
                try await db.sql.raw(
                    """
                    UPDATE evaluation_campaigns SET ballots = ballots + 1
                    WHERE id = \(bind: campaign) AND state = \(bind: EvaluationCampaign.State.voting.rawValue) RETURNING id
                    """
                ).first() != nil
            else { throw Self.invalidCode }
            try await Self.addToCounts(campaign: campaign, units: ballot.units, answers: clean.answers, on: db)
            for (unit, body) in clean.comments {
                try await Self.insertComment(campaign: campaign, unit: UUID(uuidString: unit)!, body: body, on: db)
            }
        }
        return ballot.campaign
    }
}
