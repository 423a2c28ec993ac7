import Domain
import Vapor

extension ActivityList {
    /// What the activity list is narrowed to, kept in the URL so that a list can be bookmarked and sent.
    struct Filter: Sendable, Equatable {
        /// Which next steps: all activities, those with a step still open, or those whose step is late.
        enum Step: String, CaseIterable, Sendable { case open, late }
        var kind: ActivityKind?
        /// A word of the counterpart, the city, the outcome or the next step.
        var keyword = ""
        /// The recording unit (for those who read the whole jurisdiction) and the person.
        var unit: UUID?
        var person: UUID?
        var step: Step?
        /// Bounds of the date it took place.
        var from: CivilDate?
        var to: CivilDate?
        /// Oldest first on request; newest first otherwise.
        var descending = true
        var page = 1

        init(kind: ActivityKind? = nil, page: Int = 1) { (self.kind, self.page) = (kind, page) }

        /// Every value checked; a wrong one is a 400 naming its parameter.
        init(_ request: Request) throws {
            kind = try request.queryChoice("kind", ActivityKind.self)
            keyword = request.queryKeyword()
            (unit, person) = (try request.queryID("unit"), try request.queryID("person"))
            step = try request.queryChoice("step", Step.self)
            (from, to) = (try request.queryDate("from"), try request.queryDate("to"))
            descending = try request.queryDescending()
            page = try request.queryPage()
        }

        var narrows: Bool { !keyword.isEmpty || unit != nil || person != nil || step != nil || from != nil || to != nil }

        var query: [String: String] {
            [
                "kind": kind?.rawValue ?? "", "q": keyword, "unit": unit?.uuidString ?? "", "person": person?.uuidString ?? "",
                "step": step?.rawValue ?? "", "from": from?.description ?? "", "to": to?.description ?? "", "dir": descending ? "" : "asc",
            ]
        }
    }
}
