/// The 18 indicators of the business environment a county's leaders answer for, one leader each
/// as its 指标长 [002] ("分管18个指标的县领导成为指标长"): the first-level indicators of the national
/// business-environment evaluation (中国营商环境评价).
public enum BusinessIndicator: String, CaseIterable, Codable, Sendable {
    case startingBusiness, labourMarket, constructionPermits, governmentProcurement, biddingAndTendering
    case gettingElectricity, gettingWaterAndGas, registeringProperty, gettingCredit, protectingInvestors
    case intellectualProperty, tradingAcrossBorders, payingTaxes, enforcingContracts, resolvingInsolvency
    case marketRegulation, governmentServices, inclusiveInnovation

    public var label: String {
        switch self {
        case .startingBusiness: "开办企业"
        case .labourMarket: "劳动力市场监管"
        case .constructionPermits: "办理建筑许可"
        case .governmentProcurement: "政府采购"
        case .biddingAndTendering: "招标投标"
        case .gettingElectricity: "获得电力"
        case .gettingWaterAndGas: "获得用水用气"
        case .registeringProperty: "登记财产"
        case .gettingCredit: "获得信贷"
        case .protectingInvestors: "保护中小投资者"
        case .intellectualProperty: "知识产权创造、保护和运用"
        case .tradingAcrossBorders: "跨境贸易"
        case .payingTaxes: "纳税"
        case .enforcingContracts: "执行合同"
        case .resolvingInsolvency: "办理破产"
        case .marketRegulation: "市场监管"
        case .governmentServices: "政务服务"
        case .inclusiveInnovation: "包容普惠创新"
        }
    }

    /// Its number in the list (1…18), as the indicators are cited.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}

/// 企业满意度月评 (SPEC §8, seed [002]): each month a sample of the jurisdiction's above-scale
/// enterprises, drawn as the 双百双评 draw is (`PublicDraw`, from a published frame and seed), rates
/// the units that answer for each indicator 满意 / 基本满意 / 不满意 (or 不了解) through one-time
/// links. A unit's month reads all its indicators' answers together; a unit with too few answers
/// is withheld; the month's lowest units are listed for criticism; and the year's answers are the
/// satisfaction the assessment scores ("考核工作先看企业满意度").
public enum SatisfactionSurvey {
    public static let defaultSample = 30
    public static let sampleRange = 5...500
    /// How many of the lowest places a month lists for criticism among `published` units: a third
    /// of them, at least one and at most three (of two units only the last is "靠后").
    public static func lowestListed(of published: Int) -> Int { max(1, min(3, published / 3)) }

    public enum State: String, CaseIterable, Codable, Sendable, Comparable {
        /// The frame (the above-scale enterprises) and the seed's source are published.
        case published
        /// Drawn; the sample's links are out.
        case answering
        case closed

        public var label: String {
            switch self {
            case .published: "已公布抽样框"
            case .answering: "测评中"
            case .closed: "已结束"
            }
        }

        public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public static func title(year: Int, month: Int) -> String { "\(year)年\(month)月企业满意度测评" }

    /// The months a survey may be opened for: from January of last year through next month.
    public static func allows(year: Int, month: Int, today: CivilDate) -> Bool {
        // the year is checked before any arithmetic: a year such as 10^18 would overflow `* 12`
        guard (1...12).contains(month), (today.year - 1)...(today.year + 1) ~= year else { return false }
        let index = year * 12 + month - 1
        let now = today.year * 12 + today.month - 1
        return index >= (today.year - 1) * 12 && index <= now + 1
    }

    /// An enterprise of the frame as published: its USCC and name, one line.
    public static func line(uscc: String, name: String) -> String { "\(uscc)\t\(name)" }

    /// One unit's month: its answers over every indicator it answers for, and how many enterprises
    /// at least rated it (the most any one of its indicators had: an enterprise answers each once).
    public struct UnitMonth: Equatable, Sendable {
        public var unit: String
        public var name: String
        public var tally: EvaluationResults.Tally
        public var respondents: Int

        public init(unit: String, name: String, tally: EvaluationResults.Tally, respondents: Int) {
            (self.unit, self.name, self.tally, self.respondents) = (unit, name, tally, respondents)
        }
    }

    /// One cell of a month: one indicator of one unit, with the answers it has added up to.
    public struct Cell: Equatable, Sendable {
        public var indicator: BusinessIndicator
        public var unit: String
        public var name: String
        public var tally: EvaluationResults.Tally

        public init(indicator: BusinessIndicator, unit: String, name: String, tally: EvaluationResults.Tally) {
            (self.indicator, self.unit, self.name, self.tally) = (indicator, unit, name, tally)
        }
    }

    /// Each unit's month from the month's cells, in the cells' order: all its indicators' answers
    /// together, rated by as many enterprises as its most answered indicator (each enterprise
    /// answers each item once, so one unit's answers over three indicators are never three people).
    public static func unitMonths(_ cells: [Cell]) -> [UnitMonth] {
        combine(cells) { ($0.unit, $0.name) }
    }

    /// Each indicator's month: its units' cells together, rated by as many enterprises as its most
    /// answered unit; in the indicators' order.
    public static func indicatorMonths(_ cells: [Cell]) -> [(indicator: BusinessIndicator, month: UnitMonth)] {
        let months = Dictionary(uniqueKeysWithValues: combine(cells) { ($0.indicator.rawValue, $0.indicator.label) }.map { ($0.unit, $0) })
        return BusinessIndicator.allCases.compactMap { i in months[i.rawValue].map { (i, $0) } }
    }

    static func combine(_ cells: [Cell], by key: (Cell) -> (key: String, name: String)) -> [UnitMonth] {
        var order: [String] = []
        var months: [String: UnitMonth] = [:]
        for cell in cells {
            let (k, name) = key(cell)
            var month = months[k] ?? UnitMonth(unit: k, name: name, tally: .init(), respondents: 0)
            if months[k] == nil { order.append(k) }
            month.tally.satisfied += cell.tally.satisfied
            month.tally.basicallySatisfied += cell.tally.basicallySatisfied
            month.tally.dissatisfied += cell.tally.dissatisfied
            month.respondents = max(month.respondents, cell.tally.answers)
            months[k] = month
        }
        return order.compactMap { months[$0] }
    }

    /// Whether a unit's (or an indicator's) month is published: rated by at least `minimumAnswers`
    /// enterprises and by at least one that knew it.
    public static func published(_ month: UnitMonth, minimumAnswers: Int) -> Bool {
        month.respondents >= minimumAnswers && month.tally.answers > 0
    }

    /// The month's units in their places, best first (ties share a place, as
    /// `EvaluationResults.series`), those rated by fewer than `minimumAnswers` enterprises withheld;
    /// and the lowest: the published units with fewer than `lowestListed(of:)` units below them — a
    /// shared place is listed whole, and a month where every published unit ties lists nobody.
    public static func month(_ units: [UnitMonth], minimumAnswers: Int) -> (
        lines: [EvaluationResults.Line], lowest: [EvaluationResults.Line]
    ) {
        let shown = units.filter { published($0, minimumAnswers: minimumAnswers) }
        var lines = EvaluationResults.series(shown.map { ($0.unit, $0.name, $0.tally) }, minimumAnswers: 1).lines
        let shownKeys = Set(shown.map(\.unit))
        lines += units.filter { !shownKeys.contains($0.unit) }.sorted { $0.name < $1.name }.map {
            EvaluationResults.Line(unit: $0.unit, name: $0.name, tally: nil, place: nil, praised: false, criticised: false)
        }
        let placed = lines.compactMap { line in line.place.map { (line, $0) } }
        guard Set(placed.map(\.1)).count > 1 else { return (lines, []) }
        let listed = lowestListed(of: placed.count)
        let lowest = placed.filter { entry in placed.filter { $0.1 > entry.1 }.count < listed }.map(\.0)
        return (lines, lowest.sorted { ($0.place ?? 0, $1.name) > ($1.place ?? 0, $0.name) })
    }

    /// A unit's (or an indicator's) score month by month, none for a month when fewer than
    /// `minimumAnswers` enterprises rated it.
    public static func trend(_ months: [(month: Int, unit: UnitMonth)], minimumAnswers: Int) -> [Int: Int64] {
        var out: [Int: Int64] = [:]
        for (month, unit) in months where published(unit, minimumAnswers: minimumAnswers) { out[month] = unit.tally.scorePermille }
        return out
    }

    /// The year's satisfaction of a unit, as the assessment scores it: the answers of its closed
    /// months together, published only when as many enterprises rated it as the strictest of those
    /// months' minimums asks; nil otherwise (the assessment then reads the work orders' verdicts).
    public static func year(_ months: [(month: UnitMonth, minimumAnswers: Int)]) -> Int64? {
        var sum = UnitMonth(unit: "", name: "", tally: .init(), respondents: 0)
        for (m, _) in months {
            sum.tally.satisfied += m.tally.satisfied
            sum.tally.basicallySatisfied += m.tally.basicallySatisfied
            sum.tally.dissatisfied += m.tally.dissatisfied
            sum.respondents += m.respondents
        }
        let minimum = months.map(\.minimumAnswers).max() ?? 1
        return published(sum, minimumAnswers: minimum) ? sum.tally.scorePermille : nil
    }

}
