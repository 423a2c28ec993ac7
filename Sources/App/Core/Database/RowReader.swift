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
        guard let id = UUID(canonical: try string(column)) else { throw Unreadable(column: column) }
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

extension UUID {
    /// A UUID from its 36-character text in either case, read byte by byte: Foundation's
    /// `UUID(uuidString:)` goes through `sscanf` on Linux, which was a tenth of a list page's
    /// time (30 rows of several ids each). Anything else than the canonical form is nil.
    init?(canonical text: String) {
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // written in place: an array per id was a hundredth of a list page
        let complete = withUnsafeMutableBytes(of: &value) { bytes -> Bool in
            var count = 0
            var high: UInt8?
            var index = 0
            for char in text.utf8 {
                defer { index += 1 }
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard char == 0x2D else { return false }
                    continue
                }
                let nibble: UInt8
                switch char {
                case 0x30...0x39: nibble = char - 0x30
                case 0x41...0x46: nibble = char - 0x41 + 10
                case 0x61...0x66: nibble = char - 0x61 + 10
                default: return false
                }
                if let h = high {
                    guard count < 16 else { return false }
                    bytes[count] = h << 4 | nibble
                    count += 1
                    high = nil
                } else {
                    high = nibble
                }
            }
            return index == 36 && count == 16
        }
        guard complete else { return nil }
        self.init(uuid: value)
    }
}
