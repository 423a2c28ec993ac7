import Crypto
import Foundation

/// 双百双评's draw anyone can re-run (SPEC §8, seed [003]): RFC 3797's method. The bureau publishes
/// beforehand the register (bound by its SHA-256 digest) and the sources of the seed (a future
/// lottery result, a value announced at a public meeting); once the sources are known, the key
/// string is made from them and the i-th person drawn is the one at MD5(i ‖ key ‖ i) modulo the
/// number still in the pool — a pure function of the published inputs, so any citizen with the
/// register and the numbers gets the same names.
public enum PublicDraw {
    public enum Problem: Error, Equatable {
        /// More to draw than the register holds.
        case poolTooSmall(pool: Int, wanted: Int)
        /// RFC 3797 counts the draws in two bytes.
        case tooMany
        /// A source without any value.
        case emptySource(Int)
    }

    /// The key string of RFC 3797 §4: each source's values, each followed by ".", each source by
    /// "/". Values that are whole numbers are written without leading zeros and sorted numerically
    /// (the RFC's rule for lotteries drawing several numbers); any other value — a phrase read out
    /// at a meeting — is kept as typed, trimmed, after the numbers in the order of its bytes.
    public static func key(sources: [[String]]) throws(Problem) -> String {
        var key = ""
        for (index, source) in sources.enumerated() {
            let values = source.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { throw .emptySource(index + 1) }
            let whole: [String] = values.filter(isWholeNumber).map(canonicalNumber)
            let numbers = whole.sorted(by: numericallyBefore)
            let others = values.filter { !isWholeNumber($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for value in numbers + others { key += value + "." }
            key += "/"
        }
        return key
    }

    /// Whole numbers without leading zeros in numeric order: the shorter first, then by digits.
    static func numericallyBefore(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count < b.count : a < b
    }

    static func isWholeNumber(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The sources as the bureau types them after the fact, one a line, the values of a line split
    /// at spaces, commas, 、 and semicolons ("03 09 17 22 26 31" / "14"); blank lines are no source.
    public static func sources(lines: [String]) -> [[String]] {
        lines.map { line in
            line.split { $0.isWhitespace || ",，、;；".contains($0) }.map(String.init)
        }.filter { !$0.isEmpty }
    }

    /// "0042" → "42"; "0" stays "0".
    static func canonicalNumber(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// The positions (1-based, in the register's published order) of `count` people drawn from a
    /// pool of `pool`, in the order drawn.
    public static func select(count: Int, pool: Int, key: String) throws(Problem) -> [Int] {
        guard count <= pool else { throw .poolTooSmall(pool: pool, wanted: count) }
        // a negative count (the verify command's --count) is too many in the other direction
        guard (0...65_536).contains(count) else { throw .tooMany }
        var remaining = (0..<pool).map { $0 + 1 }
        var chosen: [Int] = []
        let keyBytes = Array(key.utf8)
        for i in 0..<count {
            let counter = [UInt8(i >> 8 & 0xFF), UInt8(i & 0xFF)]
            let digest = Insecure.MD5.hash(data: counter + keyBytes + counter)
            let index = remainder(Array(digest), dividedBy: remaining.count)
            chosen.append(remaining.remove(at: index))
        }
        return chosen
    }

    /// The 128-bit big-endian number `bytes` modulo `divisor`, without a big-integer type.
    static func remainder(_ bytes: [UInt8], dividedBy divisor: Int) -> Int {
        let d = UInt64(divisor)
        var r: UInt64 = 0
        for byte in bytes { r = (r << 8 | UInt64(byte)) % d }
        return Int(r)
    }

    /// The register's digest as published: SHA-256 of its entries, one a line, in their order.
    public static func digest(register: [String]) -> String {
        Digest.sha256Hex(register.joined(separator: "\n"))
    }

    /// The people drawn, in the order drawn.
    public static func draw(_ register: [String], count: Int, sources: [[String]]) throws(Problem) -> [String] {
        try select(count: count, pool: register.count, key: key(sources: sources)).map { register[$0 - 1] }
    }
}
