import Domain
import Fluent
import Vapor

/// Turns every error into a clear answer: `{code, message}` JSON under `/api`, a Chinese (or
/// English) page elsewhere. Only a bug reaches the 500 branch, and it is logged with the request id.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            let appError = Self.appError(for: error, request)
            await RefusalLog.record(appError, request)
            response = render(appError, request)
        }
        response.headers.replaceOrAdd(name: "X-Request-ID", value: request.id)
        return response
    }

    static func appError(for error: any Error, _ request: Request) -> AppError {
        switch error {
        case let error as AppError: return error
        case let conflict as VersionConflict: return .conflict(conflict)
        case let error as DecodingError: return .badBody(error)
        case let error as any DatabaseError where error.isConstraintFailure:
            return AppError(
                code: "conflict", status: .conflict, zh: "与已有记录冲突（可能是重复提交），未保存。",
                en: "This conflicts with an existing record; nothing was saved.")
        case let abort as any AbortError:
            let status = abort.status
            if status.code >= 500 { fallthrough }
            return AppError(
                code: Self.code(for: status), status: status, zh: Self.chinese(for: status), en: status.reasonPhrase)
        default:
            request.logger.error("unhandled error: \(String(reflecting: error))")
            return AppError(
                code: "internal_error", status: .internalServerError,
                zh: "系统内部错误，已记录（请求编号 \(request.id)）。", en: "Internal error, logged as request \(request.id).")
        }
    }

    static func code(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .payloadTooLarge: "payload_too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        case .unauthorized: "unauthenticated"
        case .forbidden: "forbidden"
        case .tooManyRequests: "too_many_requests"
        default: "bad_request"
        }
    }

    static func chinese(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "找不到该页面或记录。"
        case .payloadTooLarge: "提交的内容过大。"
        case .unsupportedMediaType: "不支持的内容类型。"
        case .methodNotAllowed: "不支持该操作。"
        default: "请求无效。"
        }
    }

    private func render(_ error: AppError, _ request: Request) -> Response {
        if request.url.path.hasPrefix(APIRoute.prefix + "/") || request.url.path == SiteURL.healthz.path {
            let body = APIErrorBody(
                code: error.code, message: error.message(request.lang),
                fields: error.fields.isEmpty ? nil : error.fields.mapValues { $0.text(request.lang) })
            let response = Response(status: error.status)
            try? response.content.encode(body, as: .json)
            return response
        }
        if error.status == .unauthorized {
            return request.redirect(to: SiteURL.login.path)
        }
        let page = ErrorPage.render(error, context: PageContext(request: request))
        return Response.html(page, status: error.status)
    }
}

struct APIErrorBody: Content {
    var code: String
    var message: String
    var fields: [String: String]?
}

/// Catches malformed form bodies early in web controllers.
extension Request {
    func decodeForm<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try content.decode(T.self) } catch let error as DecodingError { throw AppError.badBody(error) } catch {
            throw AppError.badBody
        }
    }
}
