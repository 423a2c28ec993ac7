/// Stall alerts (SPEC §5): a project that sits too long is listed for its owners and the bureau.
public struct StallRule: Sendable, Equatable {
    /// Signed and not started after this many days.
    public var signedNotStartedDays: Int
    /// No activity of any kind for this many days.
    public var quietDays: Int

    public init(signedNotStartedDays: Int = 180, quietDays: Int = 60) {
        self.signedNotStartedDays = signedNotStartedDays
        self.quietDays = quietDays
    }

    /// The limits the jurisdiction's bureau set (`JurisdictionSettings`).
    public init(_ settings: JurisdictionSettings) {
        self.init(signedNotStartedDays: settings.signedNotStartedDays, quietDays: settings.quietDays)
    }

    public enum Alert: Equatable, Sendable {
        case signedNotStarted(days: Int)
        case quiet(days: Int)
    }

    public func alerts(stage: ProjectStage, stageSince: CivilDate, lastActivity: CivilDate, today: CivilDate) -> [Alert] {
        guard stage != .terminated, stage != .producing else { return [] }
        var alerts: [Alert] = []
        let inStage = stageSince.days(until: today)
        if stage == .signed, inStage > signedNotStartedDays { alerts.append(.signedNotStarted(days: inStage)) }
        let quiet = lastActivity.days(until: today)
        if quiet > quietDays { alerts.append(.quiet(days: quiet)) }
        return alerts
    }
}
