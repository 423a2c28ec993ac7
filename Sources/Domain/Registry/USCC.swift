/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a
/// check character computed over the first 17 with fixed weights.
public struct USCC: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// The alphabet excludes I, O, Z, S, V so that codes survive being read aloud and handwritten.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let indexOf: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        /// 1-based position of a character outside the alphabet.
        case invalidCharacter(position: Int, character: Character)
        /// Positions 3–8 are the GB/T 2260 administrative division code and must be digits.
        case regionNotDigits(position: Int)
        case wrongCheckCharacter(expected: Character, found: Character)

        /// The 1-based position a user should look at.
        public var position: Int {
            switch self {
            case .wrongLength: 0
            case .invalidCharacter(let position, _), .regionNotDigits(let position): position
            case .wrongCheckCharacter: 18
            }
        }
    }

    /// Accepts lower case and surrounding spaces, as people type them.
    public init(validating raw: String) throws(Problem) {
        let chars = Array(raw.trimmingSpaces().uppercased())
        guard chars.count == 18 else { throw .wrongLength(chars.count) }
        for (offset, char) in chars.enumerated() where Self.indexOf[char] == nil {
            throw .invalidCharacter(position: offset + 1, character: char)
        }
        for offset in 2..<8 where !chars[offset].isASCIIDigitCharacter {
            throw .regionNotDigits(position: offset + 1)
        }
        let expected = Self.checkCharacter(for: chars[0..<17])
        guard chars[17] == expected else {
            throw .wrongCheckCharacter(expected: expected, found: chars[17])
        }
        value = String(chars)
    }

    /// The check character for 17 valid leading characters (used by the demo generator too).
    public static func checkCharacter<C: Collection>(for body: C) -> Character
    where C.Element == Character {
        var sum = 0
        for (weight, char) in zip(weights, body) { sum += (indexOf[char] ?? 0) * weight }
        let code = (31 - sum % 31) % 31
        return alphabet[code]
    }

    /// The administrative division (行政区划) the code was issued in.
    public var regionCode: String { String(Array(value)[2..<8]) }

    public var description: String { value }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
