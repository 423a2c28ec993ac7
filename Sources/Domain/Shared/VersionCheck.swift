/// Optimistic concurrency (SPEC §12): every editable record carries a version; an edit states the
/// version it was based on, and is refused if someone saved in between.
public struct VersionConflict: Error, Equatable, Sendable {
    public let expected: Int
    public let current: Int

    public init(expected: Int, current: Int) { (self.expected, self.current) = (expected, current) }
}

public enum VersionCheck {
    /// Returns the next version, or throws when the edit is stale.
    public static func next(editing expected: Int, current: Int) throws(VersionConflict) -> Int {
        guard expected == current else { throw VersionConflict(expected: expected, current: current) }
        return current + 1
    }
}
