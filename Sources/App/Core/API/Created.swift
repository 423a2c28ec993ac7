import Vapor

extension Response {
    /// 201 with the created resource as JSON.
    static func created(_ value: some Content) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(value)
        return response
    }
}
