import Fluent
import Vapor

/// Where the assessment reads each unit's satisfaction from (SPEC §8, "考核工作先看企业满意度"): the
/// monthly surveys, which live in the Evaluation room, a room beside this one. The composition
/// root installs the reader at boot (`configure`), so this room names no type of that one.
struct SatisfactionSource: Sendable {
    /// Each unit's satisfaction (tenths of a percent) from the closed months of `year` through
    /// `throughMonth`; a unit without enough answers is absent.
    var assessed: @Sendable (_ year: Int, _ throughMonth: Int, _ scope: String, _ db: any Database) async throws -> [UUID: Int64]
    /// The units listed lowest by the month's closed survey, with their scores (none while the
    /// month is not closed): the monthly bulletin criticises them.
    var lowest: @Sendable (_ year: Int, _ month: Int, _ scope: String, _ db: any Database) async throws -> [UUID: Int64]
}

extension Application {
    private struct SatisfactionSourceKey: StorageKey { typealias Value = SatisfactionSource }

    /// Nil until installed: the assessment then reads the work orders' verdicts alone.
    var satisfactionSource: SatisfactionSource? {
        get { storage[SatisfactionSourceKey.self] }
        set { storage[SatisfactionSourceKey.self] = newValue }
    }
}
