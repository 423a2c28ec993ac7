import Domain
import Vapor

/// The month's survey (`/survey`), for a drawn enterprise, without an account: the link's code
/// (after `#`, which the page's script puts in the field) opens the form; every item answered,
/// it is counted. The code travels only in the form's body; nothing on this route is logged.
struct SurveyWebController {
    func registerPublic(_ web: any RoutesBuilder) {
        web.get(SiteURL.survey.pattern, use: entry)
        web.post(SiteURL.survey.pattern, use: submit)
    }

    func entry(_ request: Request) async throws -> Response {
        let csrf = request.formToken
        return Response.html(SurveyViews.entry(FormState(), csrf: csrf, context: PageContext(request: request)))
            .carrying(formToken: csrf, for: request)
    }

    static func answers(from values: [String: String]) -> [String: BallotChoice] {
        var answers: [String: BallotChoice] = [:]
        for (key, value) in values where key.hasPrefix("a-") {
            if let choice = BallotChoice(rawValue: value) { answers[String(key.dropFirst(2))] = choice }
        }
        return answers
    }

    func submit(_ request: Request) async throws -> Response {
        let values = try request.decodeForm([String: String].self)
        let code = values["code"] ?? ""
        let service = SurveyAnswerService(request: request)
        let (context, csrf) = (PageContext(request: request), request.formToken)
        let answers = Self.answers(from: values)
        func page(_ html: String, _ status: HTTPResponseStatus = .ok) -> Response {
            Response.html(html, status: status).carrying(formToken: csrf, for: request)
        }
        do {
            if values["action"] == "answer" {
                return page(SurveyViews.thanks(try await service.answer(code, answers), context: context))
            }
            let form = try await service.open(code)
            return page(SurveyViews.form(form, code: code, answers: [:], form: FormState(), csrf: csrf, context: context))
        } catch let error as AppError where error.code == SurveyAnswerService.invalidCode.code || error.code == "ballot_invalid" {
            return page(SurveyViews.entry(FormState(values: ["code": code], error: error), csrf: csrf, context: context), error.status)
        } catch let error as AppError where error.status == .unprocessableEntity {
            // what was chosen stays on the page
            let form = try await service.open(code)
            return page(
                SurveyViews.form(
                    form, code: code, answers: answers, form: FormState(values: values, error: error), csrf: csrf, context: context),
                error.status)
        }
    }
}
