import Domain
import Vapor

/// The ballot (`/ballot`), for the drawn, without an account: type the code (or open the link,
/// whose code after `#` the page's script puts in the field), rate every unit, save for later
/// today or cast. The code travels only in the form's body; nothing on this route is logged.
struct BallotWebController {
    func registerPublic(_ web: any RoutesBuilder) {
        web.get(SiteURL.ballot.pattern, use: entry)
        web.post(SiteURL.ballot.pattern, use: submit)
    }

    func entry(_ request: Request) async throws -> Response {
        let csrf = request.formToken
        return page(request, BallotViews.entry(FormState(), csrf: csrf, context: PageContext(request: request)), csrf: csrf)
    }

    /// The page with the token its form carries, set as the pre-login cookie for a visitor.
    private func page(_ request: Request, _ html: String, csrf: String, status: HTTPResponseStatus = .ok) -> Response {
        Response.html(html, status: status).carrying(formToken: csrf, for: request)
    }

    static func draft(from values: [String: String]) -> BallotService.Draft {
        var draft = BallotService.Draft()
        for (key, value) in values {
            if key.hasPrefix("u-"), let choice = BallotChoice(rawValue: value) { draft.answers[String(key.dropFirst(2))] = choice }
            if key.hasPrefix("c-") { draft.comments[String(key.dropFirst(2))] = value }
        }
        return draft
    }

    func submit(_ request: Request) async throws -> Response {
        let values = try request.decodeForm([String: String].self)
        let code = values["code"] ?? ""
        let service = BallotService(request: request)
        let context = PageContext(request: request)
        let csrf = request.formToken
        let draft = Self.draft(from: values)
        do {
            switch values["action"] ?? "open" {
            case "cast":
                let title = try await service.cast(code, draft)
                return page(request, BallotViews.thanks(title, context: context), csrf: csrf)
            case "save":
                let ballot = try await service.save(code, draft)
                return page(request, BallotViews.ballot(ballot, form: FormState(), saved: true, csrf: csrf, context: context), csrf: csrf)
            default:
                let ballot = try await service.open(code)
                return page(request, BallotViews.ballot(ballot, form: FormState(), saved: false, csrf: csrf, context: context), csrf: csrf)
            }
        } catch let error as AppError where error.code == BallotService.invalidCode.code || error.code == "ballot_invalid" {
            return page(
                request, BallotViews.entry(FormState(values: ["code": code], error: error), csrf: csrf, context: context), csrf: csrf,
                status: error.status)
        } catch let error as AppError where error.status == .unprocessableEntity {
            // what was typed stays on the page
            var ballot = try await service.open(code)
            ballot.draft = draft
            return page(
                request,
                BallotViews.ballot(ballot, form: FormState(values: values, error: error), saved: false, csrf: csrf, context: context),
                csrf: csrf, status: error.status)
        }
    }
}
