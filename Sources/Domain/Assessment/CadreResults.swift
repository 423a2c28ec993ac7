import Foundation

/// 干部实绩 (SPEC §8): what each cadre did in a year — the results credited to them by the §5 splits
/// (`CreditedResults.Tally.persons`: 40% of a 5亿元 project credits 2亿元; the parts of a project sum
/// to it), their visits and leads (§6), the work orders they raised (§7) — and their place among
/// the cadres of their unit by a rule written on the page.
public struct CadreLine: Equatable, Sendable {
    public var person: String
    public var name: String
    /// Contract investment credited, in fen (CNY).
    public var contract: Int64
    /// Verified signings credited (a count is not split).
    public var signings: Int
    public var visits: Int
    public var leads: Int
    /// Of those leads, accepted into the pipeline (入库).
    public var leadsAccepted: Int
    public var workOrders: Int

    public init(
        person: String, name: String, contract: Int64, signings: Int, visits: Int, leads: Int, leadsAccepted: Int, workOrders: Int
    ) {
        (self.person, self.name, self.contract, self.signings) = (person, name, contract, signings)
        (self.visits, self.leads, self.leadsAccepted, self.workOrders) = (visits, leads, leadsAccepted, workOrders)
    }

    public static let rankRule = "按计入本人的合同投资额排序；相同的，核验签约项目多者在前；再相同的，走访多者在前；仍相同的，按姓名排序。"

    /// The cadres of one unit in their places, 1 first (`rankRule`).
    public static func ranked(_ lines: [CadreLine]) -> [(place: Int, line: CadreLine)] {
        lines.sorted { a, b in
            if a.contract != b.contract { return a.contract > b.contract }
            if a.signings != b.signings { return a.signings > b.signings }
            if a.visits != b.visits { return a.visits > b.visits }
            return a.name != b.name ? a.name < b.name : a.person < b.person
        }.enumerated().map { ($0.offset + 1, $0.element) }
    }
}

/// 提拔后备库 [000][004]: who the bureau put forward for promotion, in which year, why and on whose
/// decision — kept as records: an entry is never changed; taking a cadre out is a record of its
/// own, and the pool is what the latest record of each cadre says.
public enum ReservePool {
    public enum Action: String, CaseIterable, Codable, Sendable {
        case enter, withdraw

        public var label: String { self == .enter ? "入库" : "移出" }
    }

    public enum Source: String, CaseIterable, Codable, Sendable {
        /// Rated 优秀 in the year-end assessment [004].
        case yearEndExcellent
        /// Promoted or proposed for results in attracting investment [000] (13 in one year).
        case results
        /// The unit sat in 完成席.
        case completedSeat
        /// Head of a unit among the first three of its 双百双评 series (流动红旗) [003].
        case evaluationPraised
        case other

        public var label: String {
            switch self {
            case .yearEndExcellent: "年度考核优秀"
            case .results: "招商实绩突出"
            case .completedSeat: "所在单位年终完成席"
            case .evaluationPraised: "双百双评流动红旗单位主要负责人"
            case .other: "其他"
            }
        }
    }

    public struct Entry: Equatable, Sendable {
        public var person: String
        public var year: Int
        public var action: Action
        public var source: Source
        public var reason: String
        /// Who decided: 县委组织部, 招商引资工作领导小组…
        public var decidedBy: String
        public var decidedOn: CivilDate
        /// The order records were kept in (a later record is the later word).
        public var sequence: Int64

        public init(
            person: String, year: Int, action: Action, source: Source, reason: String, decidedBy: String, decidedOn: CivilDate,
            sequence: Int64
        ) {
            (self.person, self.year, self.action, self.source, self.reason) = (person, year, action, source, reason)
            (self.decidedBy, self.decidedOn, self.sequence) = (decidedBy, decidedOn, sequence)
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case reasonMissing, reasonTooLong, decidedByMissing, decidedByTooLong
        /// The year lies outside 2000 to the year of the decision.
        case yearOutOfRange
        /// A decision dated after today.
        case decidedInFuture
        /// Entering someone already in the pool, or withdrawing someone not in it.
        case alreadyIn, notIn
    }

    /// What is wrong with a new record given the records kept so far.
    public static func problems(_ entry: Entry, kept: [Entry], today: CivilDate) -> [Problem] {
        var found: [Problem] = []
        let reason = entry.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { found.append(.reasonMissing) } else if reason.count > 200 { found.append(.reasonTooLong) }
        let decidedBy = entry.decidedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        if decidedBy.isEmpty { found.append(.decidedByMissing) } else if decidedBy.count > 60 { found.append(.decidedByTooLong) }
        if !(2000...entry.decidedOn.year).contains(entry.year) { found.append(.yearOutOfRange) }
        if entry.decidedOn > today { found.append(.decidedInFuture) }
        let isIn = current(kept)[entry.person] != nil
        if entry.action == .enter, isIn { found.append(.alreadyIn) }
        if entry.action == .withdraw, !isIn { found.append(.notIn) }
        return found
    }

    /// Who is in the pool: each cadre whose latest record enters them, with that record.
    public static func current(_ entries: [Entry]) -> [String: Entry] {
        var latest: [String: Entry] = [:]
        for entry in entries.sorted(by: { $0.sequence < $1.sequence }) { latest[entry.person] = entry }
        return latest.filter { $0.value.action == .enter }
    }
}
