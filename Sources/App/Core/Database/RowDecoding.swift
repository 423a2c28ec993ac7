import SQLKit

extension SQLRowDecoder {
    /// snake_case columns into camelCase properties: raw read queries decode into plain structs
    /// without Fluent's reflection (which costs more than the query on a small page).
    static let snakeCase = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)
}
