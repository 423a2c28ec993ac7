/// 闭环工单 (SPEC §7): everything a unit must resolve by a deadline, one engine for all kinds.
public enum WorkOrderKind: String, CaseIterable, Codable, Sendable {
    /// 要素保障: land, energy, power… and approvals, for a project
    case factorRequest
    /// 企业诉求
    case enterpriseDemand
    /// 投诉举报直通车
    case complaint
    /// 营商环境观察员报告
    case observerReport
    /// 监督员来信（汇总为建议）
    case supervisorLetter
    /// 督查事项
    case supervisionItem
    /// 改革事项
    case reformItem

    /// Working days the responsible unit has to answer, counted from the day it was submitted.
    public var answerDays: Int {
        switch self {
        case .complaint, .enterpriseDemand, .observerReport: 5
        case .factorRequest, .supervisorLetter, .supervisionItem: 10
        case .reformItem: 20
        }
    }

    /// Kinds whose answer must show what was done (a document number, a file): a factor granted,
    /// a complaint handled, a supervision or reform item completed.
    public var answerNeedsEvidence: Bool {
        switch self {
        case .factorRequest, .complaint, .supervisionItem, .reformItem: true
        case .enterpriseDemand, .observerReport, .supervisorLetter: false
        }
    }
}

/// What a factor request asks for: a resource with a quantity, or an approval.
public enum FactorType: String, CaseIterable, Codable, Sendable {
    case land, energy, power, water, gas, wastewater, labour
    /// 备案/立项
    case filing
    /// 环评
    case environmental
    /// 能评
    case energyReview
    /// 规划许可
    case planning
    /// 用地审批
    case landUse
    /// 施工许可
    case construction

    public var isApproval: Bool {
        switch self {
        case .filing, .environmental, .energyReview, .planning, .landUse, .construction: true
        default: false
        }
    }

    /// The unit a quantity is asked and granted in (亩, 吨标煤 [002], 人 [003]); nil for approvals.
    public var unitWord: String? {
        switch self {
        case .land: "亩"
        case .energy: "吨标煤"
        case .power: "千伏安"
        case .water, .wastewater: "吨/日"
        case .gas: "立方米/日"
        case .labour: "人"
        default: nil
        }
    }
}

/// 边建边办: building may start while the remaining approvals run in parallel, but only once the
/// approvals the law requires before any work are done [000].
public enum ParallelApproval {
    public static let required: [FactorType] = [.filing, .environmental, .energyReview, .landUse]

    /// The required approvals not yet recorded as done, in the order above; empty means it may be marked.
    public static func missing(done: Set<FactorType>) -> [FactorType] {
        required.filter { !done.contains($0) }
    }
}

public enum WorkOrderStatus: String, CaseIterable, Codable, Sendable {
    case submitted, routed, signedFor, inProgress, answered, closed
    /// A supervisor's letter condensed with others into one suggestion, which goes on in its place.
    case merged

    public var isOpen: Bool { self != .closed && self != .merged }
}

/// The lifecycle: submitted → routed → signed for (签收) → in progress → answered → confirmed by
/// the requester (satisfied: closed; not: reopened, back in progress).
public enum WorkOrderMachine {
    public enum Step: String, Codable, Sendable {
        case route, signFor, start, answer, confirm, reopen
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notNow(from: WorkOrderStatus, step: Step)
    }

    /// Who takes a step: the bureau routes, the responsible unit signs for, starts and answers,
    /// the requester confirms or reopens.
    public enum Party: Sendable, Equatable { case bureau, responsibleUnit, requester }

    public static func party(for step: Step) -> Party {
        switch step {
        case .route: .bureau
        case .signFor, .start, .answer: .responsibleUnit
        case .confirm, .reopen: .requester
        }
    }

    /// The steps open now to someone who is the given parties, in the order they happen.
    public static func steps(from status: WorkOrderStatus, for parties: Set<Party>) -> [Step] {
        [Step.route, .signFor, .start, .answer, .confirm, .reopen].filter {
            parties.contains(party(for: $0)) && (try? next(from: status, $0)) != nil
        }
    }

    /// 归并 [003]: letters not yet routed may be condensed by the bureau into one suggestion
    /// forwarded to a unit with a deadline; at least two, at most fifty, each a supervisor's letter.
    public enum CondenseRefusal: Error, Equatable, Sendable {
        case tooFew, tooMany, notALetter(String), alreadyHandled(String)
    }

    public static func checkCondense(_ letters: [(number: String, kind: WorkOrderKind, status: WorkOrderStatus)]) throws(CondenseRefusal) {
        if letters.count < 2 { throw .tooFew }
        if letters.count > 50 { throw .tooMany }
        for letter in letters {
            if letter.kind != .supervisorLetter { throw .notALetter(letter.number) }
            if letter.status != .submitted { throw .alreadyHandled(letter.number) }
        }
    }

    public static func next(from status: WorkOrderStatus, _ step: Step) throws(Refusal) -> WorkOrderStatus {
        switch (status, step) {
        // the bureau may route again until the unit has signed for it
        case (.submitted, .route), (.routed, .route): return .routed
        case (.routed, .signFor): return .signedFor
        case (.signedFor, .start): return .inProgress
        case (.signedFor, .answer), (.inProgress, .answer): return .answered
        case (.answered, .confirm): return .closed
        case (.answered, .reopen): return .inProgress
        default: throw .notNow(from: status, step: step)
        }
    }
}

/// Deadlines, lateness and escalation on the official working-day calendar.
public struct WorkOrderClock: Sendable {
    public var calendar: WorkingCalendar
    /// Working days overdue at which the item goes to the unit head, the responsible leader, and
    /// the bulletin list.
    public var escalationDays: (unitHead: Int, leader: Int, bulletin: Int)

    public init(calendar: WorkingCalendar = .china, escalationDays: (unitHead: Int, leader: Int, bulletin: Int) = (1, 3, 5)) {
        self.calendar = calendar
        self.escalationDays = escalationDays
    }

    public func deadline(_ kind: WorkOrderKind, submitted: CivilDate) -> CivilDate {
        calendar.adding(workingDays: kind.answerDays, to: submitted)
    }

    /// Late if the last answer came after the deadline, or none has come and the deadline has
    /// passed. A reopened item keeps its original deadline, and a closed item stays late.
    public func isLate(deadline: CivilDate, lastAnswer: CivilDate?, today: CivilDate) -> Bool {
        if let lastAnswer { return lastAnswer > deadline }
        return today > deadline
    }

    public enum Escalation: String, Codable, Sendable, Comparable, CaseIterable {
        case none, unitHead, leader, bulletin

        public static func < (a: Escalation, b: Escalation) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// Where an unanswered item stands, and the day each step was (or will be) reached.
    public func escalation(deadline: CivilDate, today: CivilDate) -> Escalation {
        // a step is reached on its day: counting at most five working days forward, however long
        // ago the deadline passed (an item months overdue is judged as fast as one a day late)
        for step in [Escalation.bulletin, .leader, .unitHead] {
            if let day = escalationDate(step, deadline: deadline), today >= day { return step }
        }
        return .none
    }

    public func escalationDate(_ step: Escalation, deadline: CivilDate) -> CivilDate? {
        switch step {
        case .none: nil
        case .unitHead: calendar.adding(workingDays: escalationDays.unitHead, to: deadline)
        case .leader: calendar.adding(workingDays: escalationDays.leader, to: deadline)
        case .bulletin: calendar.adding(workingDays: escalationDays.bulletin, to: deadline)
        }
    }

    /// Deadlines two working days ahead are announced: the day the notice is due.
    public func reminderDay(deadline: CivilDate) -> CivilDate {
        var date = deadline
        var back = 2
        while back > 0 {
            date = date.adding(days: -1)
            if calendar.isWorkingDay(date) { back -= 1 }
        }
        return date
    }
}

/// 包联 [002]: a leader linked to a key enterprise keeps in touch every month and holds an
/// on-site office there every quarter; compliance is read from the recorded activities.
public struct LinkageRule: Sendable, Equatable {
    public var contactsPerMonth: Int
    public var onSitePerQuarter: Int

    public init(contactsPerMonth: Int = 1, onSitePerQuarter: Int = 1) {
        self.contactsPerMonth = contactsPerMonth
        self.onSitePerQuarter = onSitePerQuarter
    }

    public struct Standing: Equatable, Sendable {
        /// Contacts still missing this month, and on-site offices this quarter (0 = on track).
        public var contactsShort: Int
        public var onSiteShort: Int
        /// The month is the quarter's last: an on-site office still missing is now overdue, not pending.
        public var quarterClosing: Bool
        public var isBehind: Bool { contactsShort > 0 || (onSiteShort > 0 && quarterClosing) }
    }

    /// The standing for the month of `month` (any day in it), from the dates of contacts (any
    /// activity with the enterprise) and of on-site offices. An on-site office is a contact too.
    public func standing(month: CivilDate, contacts: [CivilDate], onSite: [CivilDate]) -> Standing {
        let inMonth = (contacts + onSite).filter { $0.year == month.year && $0.month == month.month }.count
        let quarter = (month.month - 1) / 3
        let inQuarter = onSite.filter { $0.year == month.year && ($0.month - 1) / 3 == quarter }.count
        return Standing(
            contactsShort: max(0, contactsPerMonth - inMonth), onSiteShort: max(0, onSitePerQuarter - inQuarter),
            quarterClosing: month.month % 3 == 0)
    }
}

/// A unit's line on the department accountability board: what a county puts in its bulletin.
public struct AccountabilityLine: Sendable, Equatable {
    public var open: Int
    public var overdue: Int
    public var closed: Int
    /// Answered after the deadline, closed or not.
    public var late: Int
    /// Items reopened at least once, and reopenings in all.
    public var reopenedItems: Int
    public var reopenings: Int
    public var answeredItems: Int
    public var totalDaysToClose: Int

    public init(
        open: Int, overdue: Int, closed: Int, late: Int, reopenedItems: Int, reopenings: Int, answeredItems: Int, totalDaysToClose: Int
    ) {
        (self.open, self.overdue, self.closed, self.late) = (open, overdue, closed, late)
        (self.reopenedItems, self.reopenings, self.answeredItems, self.totalDaysToClose) = (
            reopenedItems, reopenings, answeredItems, totalDaysToClose
        )
    }

    /// Average calendar days from submission to closing, in tenths; nil before anything closed.
    public var averageDaysToCloseTenths: Int? { closed == 0 ? nil : (totalDaysToClose * 10 + closed / 2) / closed }
    /// Share of answered items the requester sent back at least once, in per mille.
    public var reopenRatePermille: Int? { answeredItems == 0 ? nil : (reopenedItems * 1_000 + answeredItems / 2) / answeredItems }
    /// Share of the requesters' verdicts that were "satisfied": each closing is one, each reopening one "not".
    public var satisfactionPermille: Int? {
        let verdicts = closed + reopenings
        return verdicts == 0 ? nil : (closed * 1_000 + verdicts / 2) / verdicts
    }
}
