/// How the credit for a project is shared among its attractors (招商人, SPEC §5): in basis points
/// (1/100 of a percent), summing to exactly 100%, so that one project is never credited twice.
public enum CreditSplit {
    public static let whole = 10_000

    public enum Problem: Error, Equatable, Sendable {
        case noAttractor
        case shareOutOfRange(Int)
        case duplicateAttractor
        case sumIsNot100(Int)
    }

    public static func validate<ID: Hashable>(_ shares: [(attractor: ID, basisPoints: Int)]) throws(Problem) {
        guard !shares.isEmpty else { throw .noAttractor }
        if let bad = shares.first(where: { !(1...whole).contains($0.basisPoints) }) { throw .shareOutOfRange(bad.basisPoints) }
        guard Set(shares.map(\.attractor)).count == shares.count else { throw .duplicateAttractor }
        let sum = shares.reduce(0) { $0 + $1.basisPoints }
        guard sum == whole else { throw .sumIsNot100(sum) }
    }

    /// A share as typed on the form, a percentage to two places: "60" → 6000, "33.33%" → 3333.
    public static func basisPoints(percent raw: String) -> Int? {
        var text = raw.trimmingSpaces()
        if text.hasSuffix("%") || text.hasSuffix("％") { text.removeLast() }
        return FixedPoint.parse(text, places: 2, maxWhole: 100).map { Int($0) }
    }

    /// An amount shared by the split, to the fen: the remainder of the division goes to the first
    /// attractors so that the parts add up to the whole exactly.
    public static func apportion(_ minorUnits: Int64, basisPoints: [Int]) -> [Int64] {
        let parts = basisPoints.map { minorUnits * Int64($0) / Int64(whole) }
        var remainder = minorUnits - parts.reduce(0, +)
        return parts.map { part in
            guard remainder > 0 else { return part }
            remainder -= 1
            return part + 1
        }
    }
}
