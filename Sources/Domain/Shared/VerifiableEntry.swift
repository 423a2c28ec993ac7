/// The one flow of a fact somebody reports and the bureau verifies (报送 → 佐证 → 核验 → 关闭), shared
/// by stage reports and funds arrivals today and by targets' and evaluations' entries later:
/// evidence may be added while the entry is unverified; someone other than its reporter verifies
/// it; once verified it is closed and only verified entries count (SPEC §5).
public enum VerifiableEntry {
    public enum State: Sendable, Equatable {
        case reported
        case verified
    }

    /// What a request to verify comes to.
    public enum Verification: Sendable, Equatable {
        /// Mark it verified by this person.
        case verify
        /// It already is: a second click changes nothing.
        case alreadyVerified
        /// Nobody verifies their own report.
        case ownReport
    }

    /// The bureau's clock for verifying: the SPEC sets none, so an entry is due five working days
    /// after it was reported — without a day, a queue of reports waiting on the bureau would never
    /// show as late on the workbench.
    public static let verifyWithinWorkingDays = 5

    public static func verifyBy(reportedOn: CivilDate, calendar: WorkingCalendar = .china) -> CivilDate {
        calendar.adding(workingDays: verifyWithinWorkingDays, to: reportedOn)
    }

    public static func state(verifiedBy: String?) -> State { verifiedBy == nil ? .reported : .verified }

    public static func verification(reportedBy: String, verifiedBy: String?, verifier: String) -> Verification {
        if verifiedBy != nil { return .alreadyVerified }
        return reportedBy == verifier ? .ownReport : .verify
    }

    /// Evidence is added while the entry waits for verification, never after.
    public static func takesEvidence(_ state: State) -> Bool { state == .reported }

    /// Whether this viewer is offered the verify button: a verifier, on an unverified entry not their own.
    public static func offersVerification(reportedBy: String, verifiedBy: String?, viewer: String, viewerVerifies: Bool) -> Bool {
        viewerVerifies && verification(reportedBy: reportedBy, verifiedBy: verifiedBy, verifier: viewer) == .verify
    }
}
