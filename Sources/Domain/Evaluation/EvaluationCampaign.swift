/// 双百双评's year (SPEC §8, seed [003]): the bureau opens it with the units of each series, fills the
/// two registers, publishes their digests and where the seed will come from, draws once the seed is
/// known, hands out one-time codes, and closes it; the results are read from what was cast.
public enum EvaluationCampaign {
    public enum State: String, CaseIterable, Codable, Sendable, Comparable {
        /// The registers are being filled.
        case open
        /// The registers' digests and the seed's source are published; the registers are frozen.
        case published
        /// The seed is typed in and the draw made.
        case drawn
        /// Codes handed out; ballots are cast.
        case voting
        /// Closed: results per series, kept.
        case closed

        public var label: String {
            switch self {
            case .open: "名册准备中"
            case .published: "已公布名册摘要"
            case .drawn: "已抽取"
            case .voting: "测评中"
            case .closed: "已结束"
            }
        }

        public static func < (a: State, b: State) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

        /// The state after this one.
        public var next: State? {
            switch self {
            case .open: .published
            case .published: .drawn
            case .drawn: .voting
            case .voting: .closed
            case .closed: nil
            }
        }
    }

    /// The two registers [003]: entrepreneurs, and public representatives (people's congress
    /// deputies, CPPCC members, …).
    public enum Register: String, CaseIterable, Codable, Sendable {
        case entrepreneur, representative

        public var label: String {
            switch self {
            case .entrepreneur: "企业家"
            case .representative: "群众代表"
            }
        }

        /// As written in a ledger's 名册 column.
        public static func from(_ written: String) -> Register? {
            let t = written.trimmingCharacters(in: .whitespaces)
            if let r = Register(rawValue: t) { return r }
            if ["企业家", "企业家代表", "企业"].contains(t) { return .entrepreneur }
            if ["群众代表", "代表", "人大代表", "政协委员", "社会各界代表", "党代表"].contains(t) { return .representative }
            return nil
        }
    }

    /// "2026年度“双百双评”", as the bureau's documents name the year's campaign.
    public static func title(year: Int) -> String { "\(year)年度“双百双评”" }

    /// The years a campaign may be opened for: this one and the next, and the last while its
    /// evaluation is still held in the new year (a year's 双百双评 often ends in January). An
    /// earlier year is history, not a campaign to run now.
    public static func years(today: CivilDate) -> ClosedRange<Int> { (today.year - 1)...(today.year + 1) }

    /// [003]: 100 entrepreneurs and 100 public representatives.
    public static let defaultDrawn = 100

    /// One register entry as published, and as its digest reads it: name, organisation and
    /// standing, tab-separated (tabs and line breaks cannot be in them).
    public static func line(name: String, organisation: String, standing: String) -> String {
        [name, organisation, standing].joined(separator: "\t")
    }

    /// The key a person is known by in a register: the same name at the same organisation twice is
    /// one person entered twice.
    public static func personKey(name: String, organisation: String) -> String {
        let fold = { (s: String) in String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        return fold(name) + "|" + fold(organisation)
    }
}

/// One answer on a ballot: the three verdicts, or 不了解 — the person does not know the unit well
/// enough, which counts for no side.
public enum BallotChoice: String, CaseIterable, Codable, Sendable {
    case satisfied, basicallySatisfied, dissatisfied, unknown

    public var label: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        case .unknown: "不了解"
        }
    }

    public var verdict: EvaluationResults.Verdict? { EvaluationResults.Verdict(rawValue: rawValue) }

    /// A comment is at most this many characters.
    public static let commentLimit = 200

    public enum Problem: Equatable, Sendable {
        /// A unit the ballot does not list (another series, another campaign).
        case unknownUnit(String)
        /// A unit without an answer, when the ballot is cast.
        case unanswered(String)
        case commentTooLong(String)
    }

    /// What is wrong with a ballot for `units`: every answer must name one of them; casting needs
    /// an answer for each (saving does not).
    public static func problems(answers: [String: BallotChoice], comments: [String: String], units: Set<String>, casting: Bool)
        -> [Problem]
    {
        var problems: [Problem] = answers.keys.filter { !units.contains($0) }.sorted().map { .unknownUnit($0) }
        problems += comments.keys.filter { !units.contains($0) }.sorted().map { .unknownUnit($0) }
        if casting { problems += units.filter { answers[$0] == nil }.sorted().map { .unanswered($0) } }
        problems += comments.filter { $0.value.count > commentLimit }.keys.sorted().map { .commentTooLong($0) }
        return problems
    }
}
