import Domain
import Fluent
import FluentSQL
import Vapor

/// Answering a month's survey with the one-time link an enterprise was sent, without an account
/// (SPEC §8). As a 双百双评 ballot (`BallotService`): the code's row is deleted as it answers, the
/// answer adds to every cell's counts with the others of its batch and keeps no row, nothing on
/// the route is logged or audited.
struct SurveyAnswerService {
    let request: Request

    static let invalidCode = AppError(
        code: "invalid_code", status: .unprocessableEntity, zh: "测评码无效、已使用，或本月测评已结束。请核对后重新输入。",
        en: "The code is not valid, has been used, or the month's survey has closed.",
        fields: ["code": .init(zh: "请核对测评码。", en: "Check the code.")])

    struct Form: Sendable {
        var survey: UUID
        var title: String
        var digest: String
        var cells: [SatisfactionCellRecord]
    }

    /// The survey an unused code of a month being answered opens.
    func open(_ typed: String) async throws -> Form {
        guard let code = BallotCode.normalize(typed) else { throw Self.invalidCode }
        let db = request.db
        let answering = try await db.sql.raw(
            "SELECT id, title FROM satisfaction_surveys WHERE state = \(bind: SatisfactionSurvey.State.answering.rawValue)"
        ).all().map { (id: try RowReader($0).uuid("id"), title: try RowReader($0).string("title")) }
        guard let (owner, digest, _) = try await OneTimeCodes.find(code, among: answering.map(\.id), in: .surveys, on: db),
            let survey = answering.first(where: { $0.id == owner })
        else { throw Self.invalidCode }
        return Form(survey: survey.id, title: survey.title, digest: digest, cells: try await SatisfactionRead.cells(survey.id, on: db))
    }

    /// Every cell answered (不了解 allowed), none outside the month's cells.
    func checked(_ answers: [String: BallotChoice], cells: [SatisfactionCellRecord]) throws -> [String: BallotChoice] {
        let keys = Set(cells.map(\.key))
        guard answers.keys.allSatisfy(keys.contains) else {
            throw AppError(
                code: "ballot_invalid", status: .unprocessableEntity, zh: "答卷中有本月测评之外的指标或单位，未予接受。",
                en: "The answer names an indicator or unit outside this survey.")
        }
        var fields: [String: AppError.Message] = [:]
        for cell in cells where answers[cell.key] == nil {
            fields["a-" + cell.key] = .init(zh: "请评价\(cell.unitName)（\(cell.indicator.label)）。", en: "Rate this.")
        }
        guard fields.isEmpty else {
            throw AppError(
                code: "validation_failed", status: .unprocessableEntity, zh: "还有 \(fields.count) 项未评价；不了解的请选“不了解”。",
                en: "\(fields.count) items are not rated yet.", fields: fields)
        }
        return answers
    }

    /// Counts the answer (in the survey box's next batch); returns the month's title.
    func answer(_ typed: String, _ answers: [String: BallotChoice]) async throws -> String {
        let form = try await open(typed)
        let clean = try checked(answers, cells: form.cells)
        let counted = try await request.application.surveyBox.cast(
            .init(survey: form.survey, digest: form.digest, cells: form.cells, answers: clean))
        guard counted else { throw Self.invalidCode }
        return form.title
    }
}
