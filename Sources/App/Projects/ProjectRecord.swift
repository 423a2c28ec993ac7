import Domain
import Fluent
import Foundation

/// A project with everything recorded on it — roles, stage reports, the funds ledger — loaded
/// once for the project page and the API alike.
struct ProjectRecord: Sendable {
    var project: Project
    var attractors: [ProjectAttractor]
    var coordinators: [ProjectCoordinator]
    var reports: [StageReport]
    var funds: [FundsArrival]
    var files: [EvidenceFile]

    static func load(_ project: Project, on db: any Database) async throws -> ProjectRecord {
        let (attractors, coordinators, reports, funds, files) = try await loadRows(of: try project.requireID(), on: db)
        return ProjectRecord(
            project: project, attractors: attractors, coordinators: coordinators, reports: reports, funds: funds, files: files)
    }

    /// The files proving one entry.
    func files(of entry: EvidenceEntry) -> [EvidenceFile] { files.filter { $0.entry == entry } }

    var owners: ProjectRules.Owners { Self.owners(project, attractors, coordinators) }

    static func owners(_ project: Project, _ attractors: [ProjectAttractor], _ coordinators: [ProjectCoordinator]) -> ProjectRules.Owners {
        ProjectRules.Owners(
            attractors: Set(attractors.map(\.personID.uuidString)), hostUnit: project.hostUnitID.uuidString,
            coordinators: Set(coordinators.map(\.unitID.uuidString)), leader: project.leaderID?.uuidString)
    }

    /// The ledger's totals in CNY: everything recorded, and what the bureau has verified.
    func totals(_ rates: ExchangeRates) -> (all: ExchangeRates.Total, verified: ExchangeRates.Total) {
        let entries = funds.compactMap { f in CivilDate(f.arrivedOn).map { (f.amount, $0, f.verifiedBy != nil) } }
        return (rates.total(entries.map { ($0.0, $0.1) }), rates.total(entries.filter(\.2).map { ($0.0, $0.1) }))
    }

    /// What the bureau verified: the stage, the stage dates, the signing (`ProjectFacts`).
    var verifiedFacts: ProjectFacts { ProjectFactsStore.facts(reports).verified }

    /// Days in each stage of the main line, from verified transitions (the current one up to today):
    /// the page's chart and the API's `stageDays`.
    func stageDays(today: CivilDate) -> [(stage: ProjectStage, days: Int)] {
        let days = timeline.daysInStage(today: today)
        return ProjectStage.line.map { ($0, days[$0] ?? 0) }
    }

    /// The timeline the bureau counts: verified transitions from the day of acceptance.
    var timeline: StageTimeline { Self.timeline(project, reports) }

    static func timeline(_ project: Project, _ reports: [StageReport]) -> StageTimeline {
        StageTimeline(
            acceptedOn: CivilDate(project.acceptedOn) ?? CivilDate(dayNumber: 0),
            transitions: reports.compactMap { r in
                CivilDate(r.occurredOn).map { StageTimeline.Transition(to: r.toStage, on: $0, verified: r.verifiedBy != nil) }
            })
    }
}
