import Foundation
import SQLKit

/// Reads a row's columns by name as plain values, for lists read on every page view. Decoding a
/// `Decodable` row goes through a keyed container per row and, for every column that is not a
/// plain number or string (a UUID, an enum, an optional), a dynamic protocol lookup and a nested
/// decoder: on a page of thirty leads that was half the request's time. Here every column is
/// read as the string or number it is stored as (UUIDs are text on SQLite; PostgreSQL's uuid
/// reads as its string), and converted in Swift.
struct RowReader {
    let row: any SQLRow

    init(_ row: any SQLRow) { self.row = row }

    func string(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }

    func optionalString(_ column: String) throws -> String? { try row.decodeNil(column: column) ? nil : string(column) }

    func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }

    func int64(_ column: String) throws -> Int64 { try row.decode(column: column, as: Int64.self) }

    func optionalInt64(_ column: String) throws -> Int64? { try row.decodeNil(column: column) ? nil : int64(column) }

    func bool(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }

    func uuid(_ column: String) throws -> UUID {
        guard let id = UUID(uuidString: try string(column)) else { throw Unreadable(column: column) }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? { try row.decodeNil(column: column) ? nil : uuid(column) }

    /// A stored raw value of a `RawRepresentable` (a stage, a status).
    func value<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(column)) else { throw Unreadable(column: column) }
        return value
    }

    struct Unreadable: Error, CustomStringConvertible {
        var column: String
        var description: String { "column \(column) holds a value this version does not read" }
    }
}
