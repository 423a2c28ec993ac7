/// 进度 (SPEC §8): what each unit and cadre achieved in a period, from the bureau's verified facts
/// only and credited by the project's split (§5): a cadre with 40% of a 5亿元 project is credited
/// 2亿元, and the parts of a project always add up to it to the fen (`CreditSplit.apportion`). A
/// count is not split: a signed project counts once for every unit (and cadre) sharing it.
///
/// Every figure keeps the items it is made of, so a page can list them and their sum is the
/// figure, always. Money that cannot be converted for want of a month's rate is not counted and
/// the month is named.
public enum CreditedResults {
    public typealias Measure = ScoreFormula.Measure

    /// One attractor's share of a project (basis points of 10,000).
    public struct Share: Equatable, Sendable {
        public var unit: String
        public var person: String
        public var basisPoints: Int

        public init(unit: String, person: String, basisPoints: Int) {
            (self.unit, self.person, self.basisPoints) = (unit, person, basisPoints)
        }
    }

    /// A project as the bureau verified it (`ProjectFacts` over verified reports), with the major
    /// threshold its own jurisdiction had set on the day it signed (`SettingsSchedule`): a county
    /// that counts major from 5000万元 counts its 6000万元 signing as major, its city's 1亿元 does not.
    public struct Project: Sendable {
        public var id: String
        public var shares: [Share]
        public var signing: ProjectFacts.Signing?
        public var startedOn: CivilDate?
        public var producingOn: CivilDate?
        public var majorThreshold: Money
        /// 入库: the day the project entered the pipeline (在谈 from then on).
        public var acceptedOn: CivilDate?
        /// Its verified stage reports in the order reported, for the stage it stood at on a day.
        public var verifiedReports: [ProjectFacts.Report]

        public init(
            id: String, shares: [Share], signing: ProjectFacts.Signing?, startedOn: CivilDate?, producingOn: CivilDate?,
            majorThreshold: Money = ProjectRules.defaultMajorThreshold, acceptedOn: CivilDate? = nil,
            verifiedReports: [ProjectFacts.Report] = []
        ) {
            (self.id, self.shares, self.signing, self.startedOn, self.producingOn) = (id, shares, signing, startedOn, producingOn)
            (self.majorThreshold, self.acceptedOn, self.verifiedReports) = (majorThreshold, acceptedOn, verifiedReports)
        }

        /// Still 在谈 at the end of the day: accepted by then, and by the verified reports dated by
        /// then neither signed, held nor terminated.
        public func isNegotiating(on date: CivilDate) -> Bool {
            guard let acceptedOn, acceptedOn <= date else { return false }
            return ProjectFacts.from(verifiedReports.filter { $0.on <= date }).stage == .negotiating
        }
    }

    /// 在谈项目 per unit at the end of a day: each project still negotiating counts once for every
    /// unit sharing it (a count is not split).
    public static func negotiating(_ projects: [Project], on date: CivilDate) -> [String: Int] {
        var counts: [String: Int] = [:]
        for project in projects where project.isNegotiating(on: date) {
            for unit in project.shares.filter({ $0.basisPoints > 0 }).map(\.unit).uniqued() { counts[unit, default: 0] += 1 }
        }
        return counts
    }

    /// A verified funds entry of a project.
    public struct Funds: Sendable {
        public var id: String
        public var project: String
        public var arrivedOn: CivilDate
        public var amount: Money
        public var isForeign: Bool

        public init(id: String, project: String, arrivedOn: CivilDate, amount: Money, isForeign: Bool) {
            (self.id, self.project, self.arrivedOn, self.amount, self.isForeign) = (id, project, arrivedOn, amount, isForeign)
        }
    }

    /// One line behind a figure: a project (or a funds entry of it) and the part credited.
    public struct Item: Equatable, Sendable {
        public var project: String
        public var funds: String?
        public var on: CivilDate
        /// Minor units credited (money measures) or 1 (counts).
        public var credited: Int64
        /// The whole amount before the split (money measures), in the measure's currency.
        public var whole: Int64

        public init(project: String, funds: String?, on: CivilDate, credited: Int64, whole: Int64) {
            (self.project, self.funds, self.on, self.credited, self.whole) = (project, funds, on, credited, whole)
        }
    }

    public struct Figure: Equatable, Sendable {
        public var done: Int64 = 0
        public var items: [Item] = []

        public init(done: Int64 = 0, items: [Item] = []) { (self.done, self.items) = (done, items) }

        mutating func add(_ item: Item, keeping: Bool) {
            done += item.credited
            if keeping { items.append(item) }
        }
    }

    public struct Tally: Sendable {
        public var units: [String: [Measure: Figure]] = [:]
        public var persons: [String: [Measure: Figure]] = [:]
        /// "EUR 2026-03": months whose money could not be counted for want of a rate.
        public var missingRates: Set<String> = []

        public func figure(unit: String, _ measure: Measure) -> Figure { units[unit]?[measure] ?? Figure() }
        public func figure(person: String, _ measure: Measure) -> Figure { persons[person]?[measure] ?? Figure() }
    }

    /// Credits every verified fact dated from `from` through `through`. With `items: false` each
    /// figure keeps its sum only — a year-before comparison needs no list, and a city's list costs
    /// tens of megabytes.
    public static func tally(
        projects: [Project], funds: [Funds], from: CivilDate, through: CivilDate, rates: ExchangeRates, items keeping: Bool = true
    ) -> Tally {
        var tally = Tally()
        let within = { (date: CivilDate) in from <= date && date <= through }
        // the projects funds arrived for, by id: a city's projects are not copied into a dictionary
        let funded = Set(funds.lazy.filter { within($0.arrivedOn) }.map(\.project))
        let byID = Dictionary(
            projects.indices.lazy.filter { funded.contains(projects[$0].id) }.map { (projects[$0].id, $0) },
            uniquingKeysWith: { first, _ in first })

        func credit(_ project: Project, _ split: Split, _ measure: Measure, on date: CivilDate, amount: Int64?, funds: String? = nil) {
            guard !split.shares.isEmpty else { return }
            let parts = amount.map { CreditSplit.apportion($0, basisPoints: split.basisPoints) } ?? split.shares.map { _ in 1 }
            var unitParts = [Int64](repeating: 0, count: split.units.count)
            for (index, share) in split.shares.enumerated() {
                unitParts[split.owner[index]] += parts[index]
                let item = Item(project: project.id, funds: funds, on: date, credited: parts[index], whole: amount ?? 1)
                tally.persons[share.person, default: [:]][measure, default: Figure()].add(item, keeping: keeping)
            }
            // a unit of several attractors: its parts together, or one count
            for (index, unit) in split.units.enumerated() {
                let credited = amount == nil ? 1 : unitParts[index]
                tally.units[unit, default: [:]][measure, default: Figure()].add(
                    Item(project: project.id, funds: funds, on: date, credited: credited, whole: amount ?? 1), keeping: keeping)
            }
        }

        for project in projects {
            // worked out once per project, and only if one of its facts falls in the span
            lazy var split = Split(project.shares)
            if let signing = project.signing, within(signing.on) {
                if let cny = rates.cny(signing.contract, on: signing.on) {
                    credit(project, split, .contractInvestment, on: signing.on, amount: cny.minorUnits)
                    credit(project, split, .projectsSigned, on: signing.on, amount: nil)
                    if ProjectRules.isMajor(cny: cny, threshold: project.majorThreshold) {
                        credit(project, split, .majorProjects, on: signing.on, amount: nil)
                    }
                } else {
                    tally.missingRates.insert("\(signing.contract.currency.rawValue) \(ExchangeRates.month(of: signing.on))")
                }
            }
            if let started = project.startedOn, within(started) { credit(project, split, .projectsStarted, on: started, amount: nil) }
            if let producing = project.producingOn, within(producing) {
                credit(project, split, .projectsProducing, on: producing, amount: nil)
            }
        }
        for entry in funds where within(entry.arrivedOn) {
            guard let index = byID[entry.project] else { continue }
            let measure: Measure = entry.isForeign ? .fundsForeign : .fundsDomestic
            guard let amount = rates.convert(entry.amount, to: entry.isForeign ? .usd : .cny, on: entry.arrivedOn) else {
                tally.missingRates.insert("\(entry.amount.currency.rawValue) \(ExchangeRates.month(of: entry.arrivedOn))")
                continue
            }
            credit(projects[index], Split(projects[index].shares), measure, on: entry.arrivedOn, amount: amount, funds: entry.id)
        }
        return tally
    }

    /// A project's shares above nothing, its units each once in order, and which unit each share
    /// is of.
    struct Split {
        var shares: [Share]
        var basisPoints: [Int]
        var units: [String]
        var owner: [Int]

        init(_ all: [Share]) {
            shares = all.filter { $0.basisPoints > 0 }
            basisPoints = shares.map(\.basisPoints)
            units = shares.map(\.unit).uniqued()
            let position = Dictionary(units.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            owner = shares.map { position[$0.unit] ?? 0 }
        }
    }

    /// The same day a year earlier (29 February reads 28 February).
    public static func sameDayLastYear(_ date: CivilDate) -> CivilDate {
        CivilDate(year: date.year - 1, month: date.month, day: date.day)
            ?? CivilDate(year: date.year - 1, month: date.month, day: date.day - 1)!
    }
}

extension Sequence where Element: Hashable {
    /// The elements in their order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
