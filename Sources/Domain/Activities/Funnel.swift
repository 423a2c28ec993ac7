/// The attraction funnel per cadre, team or unit (SPEC §6): visits → leads → accepted → signed →
/// producing, and the rate from each step to the next and from visits to landing.
public struct Funnel: Equatable, Sendable {
    public var visits: Int
    public var leads: Int
    public var accepted: Int
    public var signed: Int
    public var producing: Int

    public init(visits: Int, leads: Int, accepted: Int, signed: Int, producing: Int) {
        self.visits = visits
        self.leads = leads
        self.accepted = accepted
        self.signed = signed
        self.producing = producing
    }

    var steps: [Int] { [visits, leads, accepted, signed, producing] }

    /// Each step's conversion from the one before, in tenths of a percent (nil after a zero).
    public var stepRates: [Int?] {
        zip(steps, steps.dropFirst()).map { Self.permille($1, of: $0) }
    }

    /// Seed [000]: about 200 PCB enterprises visited, 8 landed — 4.0%.
    public var landingRate: Int? { Self.permille(producing, of: visits) }

    static func permille(_ part: Int, of whole: Int) -> Int? {
        Percent.permille(Int64(part), of: Int64(whole)).map { Int($0) }
    }

    /// 40 → "4.0%".
    public static func percentText(_ permille: Int?) -> String { Percent.text(permille.map(Int64.init)) }
}
