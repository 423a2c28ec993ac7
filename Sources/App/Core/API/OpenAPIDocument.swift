import Vapor

/// Serves the repository's `openapi.yaml` (read once, from the working directory or
/// `OPENAPI_PATH`), so clients and fuzzers read the same file CI checks against the routes.
enum OpenAPIDocument {
    static let text: String? = {
        let path = Environment.get("OPENAPI_PATH") ?? DirectoryConfiguration.detect().workingDirectory + "openapi.yaml"
        return try? String(contentsOfFile: path, encoding: .utf8)
    }()

    static func serve(_ request: Request) async throws -> Response {
        guard let text else { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
