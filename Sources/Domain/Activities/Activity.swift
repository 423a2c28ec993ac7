/// What cadres do to attract investment (SPEC §6). Each activity is dated, placed, linked to an
/// enterprise, lead or project, and may carry a next step that becomes its owner's to-do.
public enum ActivityKind: String, CaseIterable, Codable, Sendable {
    /// 走访企业
    case enterpriseVisit
    /// 拜访商协会
    case chamberVisit
    /// 电话/视频洽谈
    case call
    /// 外出招商（批次）
    case outboundTrip
    /// 推介会
    case promotionEvent
    /// 接待客商
    case receivingInvestors
    /// 现场办公
    case onSiteOffice
    /// 座谈会
    case symposium
}

/// Counting activities the way the seeds report them.
public enum ActivityTally {
    public struct Fact: Sendable {
        public var kind: ActivityKind
        /// The enterprise (or chamber) visited: registry id, or the normalised name typed.
        public var counterpart: String

        public init(kind: ActivityKind, counterpart: String) {
            self.kind = kind
            self.counterpart = counterpart
        }
    }

    /// Enterprises visited, each counted once however often it was visited (seed [004] counts
    /// 走访企业346家 — enterprises, not visits); chambers likewise (商协会40个).
    public static func visited(_ facts: [Fact]) -> (enterprises: Int, chambers: Int) {
        func distinct(_ kind: ActivityKind) -> Int {
            let matching = facts.filter { $0.kind == kind }
            let named = Set(matching.map(\.counterpart).filter { !$0.isEmpty })
            return named.count + matching.filter { $0.counterpart.isEmpty }.count
        }
        return (distinct(.enterpriseVisit), distinct(.chamberVisit))
    }

    public enum Problem: Error, Equatable, Sendable {
        case inFuture
        case tooOld
        /// A next step needs a due date on or after the activity.
        case nextStepNeedsDue
        case dueBeforeActivity
    }

    /// An activity is dated between 2000 and today; a next step has a due date not before it.
    public static func check(occurredOn: CivilDate, today: CivilDate, nextStep: String, nextDue: CivilDate?) throws(Problem) {
        guard occurredOn <= today else { throw .inFuture }
        guard occurredOn.year >= 2000 else { throw .tooOld }
        let hasStep = !nextStep.trimmingSpaces().isEmpty
        if hasStep, nextDue == nil { throw .nextStepNeedsDue }
        if let nextDue, nextDue < occurredOn { throw .dueBeforeActivity }
    }
}
