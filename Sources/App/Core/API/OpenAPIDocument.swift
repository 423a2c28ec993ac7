import Foundation
import Vapor

/// Serves the API description the binary carries (`Sources/App/Resources/openapi.yaml`, which the
/// repository's `openapi.yaml` links to), so it answers wherever the server is started; clients and
/// fuzzers read the same file CI checks against the routes. `OPENAPI_PATH` overrides it.
enum OpenAPIDocument {
    static let text: String? = {
        if let path = Environment.get("OPENAPI_PATH") { return try? String(contentsOfFile: path, encoding: .utf8) }
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }()

    static func serve(_ request: Request) async throws -> Response {
        guard let text else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
