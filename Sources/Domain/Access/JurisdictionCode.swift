/// A GB/T 2260 administrative division code: six digits, province (2) → city (4) → county (6),
/// with trailing zero pairs for the higher levels (420000 湖北省, 420800 荆门市, 420802 东宝区).
public struct JurisdictionCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Level: Int, Sendable, Comparable {
        case province = 1, city = 2, county = 3
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public let value: String

    public enum Problem: Error, Equatable, Sendable {
        case notSixDigits(String)
        case countyWithoutCity(String)
    }

    public init(_ raw: String) throws(Problem) {
        let text = raw.trimmingSpaces()
        guard text.count == 6, text.allSatisfy(\.isASCIIDigitCharacter), !text.hasPrefix("00") else {
            throw .notSixDigits(raw)
        }
        let chars = Array(text)
        if String(chars[2...3]) == "00" && String(chars[4...5]) != "00" {
            throw .countyWithoutCity(raw)
        }
        value = text
    }

    public var level: Level {
        if value.hasSuffix("0000") { return .province }
        if value.hasSuffix("00") { return .city }
        return .county
    }

    /// The significant prefix: "42" for a province, "4208" for a city, the whole code for a county.
    public var prefix: String { String(value.prefix(level.rawValue * 2)) }

    /// Whether `other` lies inside (or is) this division.
    public func contains(_ other: JurisdictionCode) -> Bool { other.value.hasPrefix(prefix) }

    /// The code of the enclosing division, nil for a province.
    public var parent: JurisdictionCode? {
        switch level {
        case .province: nil
        case .city: try? JurisdictionCode(String(value.prefix(2)) + "0000")
        case .county: try? JurisdictionCode(String(value.prefix(4)) + "00")
        }
    }

    public var description: String { value }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
