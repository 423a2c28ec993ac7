/// Account rules from SPEC §12 / STYLE.md, with their numbers in one place.
public enum AccountRules {
    public static let maxFailures = 5
    public static let lockSeconds: Int64 = 15 * 60
    public static let idleSeconds: Int64 = 30 * 60
    public static let absoluteSeconds: Int64 = 12 * 60 * 60

    public struct FailureOutcome: Equatable, Sendable {
        public var failures: Int
        /// Seconds since 1970 until which the account is locked, if it is now locked.
        public var lockedUntil: Int64?
    }

    /// A failed login: the count rises; at the fifth the account locks and the count starts over.
    public static func afterFailure(failures: Int, now: Int64) -> FailureOutcome {
        let count = failures + 1
        if count >= maxFailures { return FailureOutcome(failures: 0, lockedUntil: now + lockSeconds) }
        return FailureOutcome(failures: count, lockedUntil: nil)
    }

    public static func isLocked(lockedUntil: Int64?, now: Int64) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    public enum SessionState: Equatable, Sendable { case active, idleExpired, absoluteExpired }

    public static func sessionState(createdAt: Int64, lastSeenAt: Int64, now: Int64) -> SessionState {
        if now - createdAt >= absoluteSeconds { return .absoluteExpired }
        if now - lastSeenAt >= idleSeconds { return .idleExpired }
        return .active
    }

    public enum PasswordProblem: Error, Equatable, Sendable {
        case tooShort(minimum: Int)
        case tooLong(maximum: Int)
        case tooSimple
    }

    /// At least 10 characters of at least three kinds (upper, lower, digit, other), as MLPS 2.0
    /// level 3 asks; at most 128 (the hash input is pre-hashed, so bcrypt's 72 bytes do not cut it).
    public static func validatePassword(_ password: String) throws(PasswordProblem) {
        if password.count < 10 { throw .tooShort(minimum: 10) }
        if password.count > 128 { throw .tooLong(maximum: 128) }
        var kinds = Set<Int>()
        for char in password {
            if char.isUppercase {
                kinds.insert(0)
            } else if char.isLowercase {
                kinds.insert(1)
            } else if char.isNumber {
                kinds.insert(2)
            } else {
                kinds.insert(3)
            }
        }
        if kinds.count < 3 { throw .tooSimple }
    }
}
