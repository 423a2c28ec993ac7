/// 补录: recording a project's history with its real past dates — a bureau moving from its Excel
/// ledger enters a project signed in 2022 and producing in 2023 [002]. What was recorded more than
/// `graceDays` after it happened is back-filled: the timeline and the audit log say so, and it is
/// verified by a second bureau person like any report.
public enum BackFill {
    /// A report of last week is ordinary work; older is back-filling.
    public static let graceDays = 7
    /// No investment-promotion ledger we know of reaches further back.
    public static let earliest = CivilDate(year: 2000, month: 1, day: 1)!

    public static func isBackFilled(happened: CivilDate, recorded: CivilDate) -> Bool {
        happened.dayNumber < recorded.dayNumber - graceDays
    }

    /// The same for stored days (`2022-04-28`); an unknown recording day (entries older than this
    /// rule) is never back-filled.
    public static func isBackFilled(happenedOn: String, recordedOn: String?) -> Bool {
        guard let happened = CivilDate(happenedOn), let recorded = recordedOn.flatMap(CivilDate.init) else { return false }
        return isBackFilled(happened: happened, recorded: recorded)
    }

    public enum Problem: Error, Equatable, Sendable {
        case inFuture
        case tooEarly
        /// Not history: a project of the last `graceDays` is accepted through the panel.
        case notHistory
    }

    /// A past date typed for an acceptance (入库): not after today, not before 2000.
    public static func checkPastDate(_ date: CivilDate, today: CivilDate) throws(Problem) {
        guard date <= today else { throw .inFuture }
        guard date >= earliest else { throw .tooEarly }
    }

    /// An acceptance taken from a ledger of past projects (导入): a past day older than
    /// `graceDays`. The ledger records history; a project of this week is a new lead, and goes
    /// through the panel's review like any other.
    public static func checkLedgerAcceptance(_ date: CivilDate, today: CivilDate) throws(Problem) {
        try checkPastDate(date, today: today)
        guard isBackFilled(happened: date, recorded: today) else { throw .notHistory }
    }

    /// The day an acceptance closes its lead's response clock (answered, assessed, fed back, where
    /// not yet): the acceptance's own day for a lead that came in by then — a ledger's history,
    /// whose lead was brought that very day, is never counted late — else the day it is recorded
    /// (a past acceptance of a lead entered later closes the clock now, not before the lead existed).
    public static func leadClosedOn(submitted: CivilDate, accepted: CivilDate, today: CivilDate) -> CivilDate {
        submitted <= accepted ? accepted : today
    }
}
