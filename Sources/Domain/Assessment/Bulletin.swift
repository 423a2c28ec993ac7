/// 通报 (SPEC §8): who a bulletin praises and who it criticises, by rules printed on the bulletin
/// itself. Praise and criticism follow [003] (the first three of a series praised, the last
/// criticised) and [000] (the 零效果席 named); a work order that went unanswered into the
/// bulletin step of §7 names its unit too. One rule for the page, the file and the API.
public enum BulletinRules {
    public static let praiseRule = "各类单位按得分排名，前三名（该类不足 4 个单位的为第一名）且得分为正的，予以通报表扬。"
    public static let criticismRule = "各类单位得分最后一名（并列的均列入；该类只有一个单位或全部并列的不排）、年终座次为零效果席的单位、当月企业满意度测评靠后的单位，以及工单超期未答复、进入通报环节的单位，予以通报批评。"

    /// A unit in its place among its own kind, as the published ranking has it.
    public struct Placed: Equatable, Sendable {
        public var unit: String
        public var kind: UnitKind
        public var place: Int
        public var centipoints: Int64

        public init(unit: String, kind: UnitKind, place: Int, centipoints: Int64) {
            (self.unit, self.kind, self.place, self.centipoints) = (unit, kind, place, centipoints)
        }
    }

    public enum Reason: Equatable, Sendable {
        /// In the `place` of `of` units of its kind.
        case top(place: Int, of: Int)
        /// Last of `of` units of its kind.
        case last(of: Int)
        /// Seated 零效果席 at the year's end.
        case zeroSeat
        /// `count` work orders reached the bulletin step in the period.
        case overdue(count: Int)
        /// Among the lowest of the month's enterprise satisfaction survey [002] ("对满意度靠后的单位进行
        /// 通报批评"), at this score (tenths of a percent).
        case lowSatisfaction(permille: Int64)
    }

    public struct Mention: Equatable, Sendable {
        public var unit: String
        public var reasons: [Reason]

        public init(unit: String, reasons: [Reason]) { (self.unit, self.reasons) = (unit, reasons) }
    }

    /// How many of a kind of `count` units are praised: three of four or more, else the first of two
    /// or three, none of one (a unit alone in its kind is first of nobody).
    public static func praised(of count: Int) -> Int { count >= 4 ? 3 : count >= 2 ? 1 : 0 }

    /// The praised, in the ranking's order (kind by kind, place by place).
    public static func praise(_ placed: [Placed]) -> [Mention] {
        let sizes = Dictionary(grouping: placed, by: \.kind).mapValues(\.count)
        return placed.filter { p in p.centipoints > 0 && p.place <= praised(of: sizes[p.kind] ?? 0) }
            .map { Mention(unit: $0.unit, reasons: [.top(place: $0.place, of: sizes[$0.kind] ?? 0)]) }
    }

    /// The criticised, each once with every reason: the ranking's order first, then units named
    /// only by a seat or an overdue work order, by their key.
    public static func criticism(
        _ placed: [Placed], zeroSeats: Set<String>, overdue: [String: Int], lowSatisfaction: [String: Int64] = [:]
    ) -> [Mention] {
        let kinds = Dictionary(grouping: placed, by: \.kind)
        var reasons: [String: [Reason]] = [:]
        for p in placed {
            let ofKind = kinds[p.kind] ?? []
            // the last place, shared by all tied for it; a kind all tied for first has no last
            let last = ofKind.map(\.place).max() ?? 0
            if last > 1, p.place == last { reasons[p.unit, default: []].append(.last(of: ofKind.count)) }
        }
        for unit in zeroSeats { reasons[unit, default: []].append(.zeroSeat) }
        for (unit, permille) in lowSatisfaction.sorted(by: { $0.key < $1.key }) {
            reasons[unit, default: []].append(.lowSatisfaction(permille: permille))
        }
        for (unit, count) in overdue where count > 0 { reasons[unit, default: []].append(.overdue(count: count)) }
        let ranked = placed.map(\.unit)
        let others = Set(reasons.keys).subtracting(ranked).sorted()
        return (ranked + others).compactMap { unit in reasons[unit].map { Mention(unit: unit, reasons: $0) } }
    }
}

extension WorkOrderClock {
    /// The day an item went into the bulletin step, if that day lies in `from`…`through` and no
    /// answer had come before it (an answer given on the day or later came too late to spare it).
    public func reachedBulletin(deadline: CivilDate, lastAnswer: CivilDate?, from: CivilDate, through: CivilDate) -> CivilDate? {
        guard let day = escalationDate(.bulletin, deadline: deadline), day >= from, day <= through else { return nil }
        if let lastAnswer, lastAnswer < day { return nil }
        return day
    }
}
