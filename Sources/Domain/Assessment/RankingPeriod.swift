/// 排名的期次: a month of a year (monthly ranking, results from 1 January to the month's end) or
/// the year itself (year-end ranking). A period is published once it is over — a month after its
/// last day, the year from 1 December (the year-end meeting), like the seats.
public struct RankingPeriod: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    /// nil for the year-end ranking.
    public var month: Int?

    public init?(year: Int, month: Int? = nil) {
        // within the years a CivilDate holds (to 2200), so the period's last day always exists
        guard (2000...2199).contains(year), month.map({ (1...12).contains($0) }) ?? true else { return nil }
        (self.year, self.month) = (year, month)
    }

    /// "2026" (the year) or "2026-10" (a month).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, parts[0].allSatisfy({ ("0"..."9").contains($0) }),
            let year = Int(parts[0])
        else { return nil }
        if parts.count == 2 {
            guard parts[1].count == 2, parts[1].allSatisfy({ ("0"..."9").contains($0) }), let month = Int(parts[1]) else { return nil }
            self.init(year: year, month: month)
        } else {
            self.init(year: year)
        }
    }

    public var description: String { month.map { "\(year)-" + ($0 < 10 ? "0\($0)" : "\($0)") } ?? "\(year)" }

    public var label: String { month.map { "\(year) 年 \($0) 月" } ?? "\(year) 年年终" }

    /// As an official document's title writes it, without spaces: "2026年10月", the year "2026年度".
    public var documentLabel: String { month.map { "\(year)年\($0)月" } ?? "\(year)年度" }

    /// The last day the period's results count to.
    public var through: CivilDate {
        guard let month else { return CivilDate(year: year, month: 12, day: 31)! }
        let next = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1)! : CivilDate(year: year, month: month + 1, day: 1)!
        return CivilDate(dayNumber: next.dayNumber - 1)
    }

    /// The first day of the period itself: the month's first, or 1 January (what happened *in* the
    /// period — a bulletin's overdue work orders — counts from here; results count from 1 January).
    public var from: CivilDate { CivilDate(year: year, month: month ?? 1, day: 1)! }

    /// Over, so it may be published: a month after its last day; the year from 1 December.
    public func isOver(on today: CivilDate) -> Bool {
        month == nil ? today >= CivilDate(year: year, month: 12, day: 1)! : today > through
    }

    /// The periods of a year a ranking page offers on a day: the months over, then the year.
    public static func offered(year: Int, today: CivilDate) -> [RankingPeriod] {
        let months = (1...12).compactMap { RankingPeriod(year: year, month: $0) }.filter { $0.isOver(on: today) }
        return months + [RankingPeriod(year: year)!]
    }
}

extension ScoreFormula {
    /// Until the bureau sets its own: the results first, satisfaction weighing as [002] asks, a
    /// point off for each work order answered late, two for each project not started on time, five
    /// for each record found false.
    public static let standard = ScoreFormula(
        known: [
            .contractInvestment: 25, .fundsDomestic: 15, .fundsForeign: 5, .projectsSigned: 10, .majorProjects: 10, .projectsStarted: 10,
            .projectsProducing: 5, .satisfaction: 20,
        ], deductions: [.notStartedOnTime: 2, .falseData: 5, .lateWorkOrder: 1])
}

extension CreditedResults {
    /// 未按期开工: projects whose signing the bureau verified at least `days` days before `date`
    /// (and no earlier than the year before), still not started by the verified reports dated by
    /// then, neither held nor terminated — counted once for every unit sharing them.
    public static func notStartedOnTime(_ projects: [Project], on date: CivilDate, days: Int = 180) -> [String: Int] {
        let earliest = CivilDate(year: date.year - 1, month: 1, day: 1)!
        var counts: [String: Int] = [:]
        for project in projects {
            guard let signing = project.signing, signing.on >= earliest, signing.on.dayNumber + days <= date.dayNumber else { continue }
            let facts = ProjectFacts.from(project.verifiedReports.filter { $0.on <= date })
            guard facts.stage == .signed else { continue }
            for unit in project.shares.filter({ $0.basisPoints > 0 }).map(\.unit).uniqued() { counts[unit, default: 0] += 1 }
        }
        return counts
    }

    /// The day a figure's items, taken in date order, first reach `target` (nil if they never do).
    public static func reachedOn(_ figure: Figure, target: Int64) -> CivilDate? {
        guard target > 0 else { return nil }
        var sum: Int64 = 0
        for item in figure.items.sorted(by: { $0.on < $1.on }) {
            sum += item.credited
            if sum >= target { return item.on }
        }
        return nil
    }
}
