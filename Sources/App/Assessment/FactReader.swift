import Domain
import Foundation
import SQLKit

/// Turns the rows of a jurisdiction's projects, a chunk at a time, into the facts the tally reads
/// (`ProgressFigures.read`). Each unit's and person's id is one string however many shares name
/// it, and a project's id one string for its reports, shares and funds: a city's hundred
/// thousand projects hold their ids once.
struct FactReader {
    struct Head: Sendable {
        var id: UUID
        var key: String
        var code: JurisdictionCode?
        var acceptedOn: CivilDate?
    }

    let heads: [Head]
    let schedule: SettingsSchedule
    /// How many heads one `add` covers.
    let chunk: Int
    private(set) var facts = ProgressFigures.Facts()
    private var names: [UUID: String] = [:]

    init(heads: [Head], schedule: SettingsSchedule, chunk: Int) {
        (self.heads, self.schedule, self.chunk) = (heads, schedule, chunk)
        facts.projects.reserveCapacity(heads.count)
    }

    /// The facts of the heads from `start` on whose rows these are (ordered by project).
    mutating func add(from start: Int, reports: [any SQLRow], shares: [any SQLRow], funds: [any SQLRow]) throws {
        var reportsOf: [UUID: [ProjectFacts.Report]] = [:]
        for row in reports {
            let r = RowReader(row)
            guard let stage = ProjectStage(rawValue: try r.string("to_stage")), let on = CivilDate(try r.string("occurred_on")) else {
                continue
            }
            let currency = Currency(rawValue: try r.optionalString("contract_currency") ?? "") ?? .cny
            let contract = try r.optionalInt64("contract_minor").map { Money(minorUnits: $0, currency: currency) }
            reportsOf[try r.uuid("project_id"), default: []].append(.init(to: stage, on: on, verified: true, contract: contract))
        }
        var sharesOf: [UUID: [CreditedResults.Share]] = [:]
        for row in shares {
            let r = RowReader(row)
            let share = CreditedResults.Share(
                unit: name(try r.uuid("unit_id")), person: name(try r.uuid("person_id")), basisPoints: try r.int("basis_points"))
            sharesOf[try r.uuid("project_id"), default: []].append(share)
        }
        var keys: [UUID: String] = [:]
        for head in heads[start..<min(start + chunk, heads.count)] {
            keys[head.id] = head.key
            let reports = reportsOf[head.id] ?? []
            let known = ProjectFacts.from(reports)
            // the major threshold of the project's own jurisdiction on the day it signed
            let threshold = head.code.flatMap { code in
                known.signing.map { schedule.inEffect(for: code, on: $0.on).settings.majorThreshold }
            }
            facts.projects.append(
                CreditedResults.Project(
                    id: head.key, shares: sharesOf[head.id] ?? [], signing: known.signing, startedOn: known.entered[.started],
                    producingOn: known.entered[.producing], majorThreshold: threshold ?? ProjectRules.defaultMajorThreshold,
                    acceptedOn: head.acceptedOn, verifiedReports: reports))
        }
        for row in funds {
            let r = RowReader(row)
            guard let arrived = CivilDate(try r.string("arrived_on")), let project = keys[try r.uuid("project_id")] else { continue }
            facts.funds.append(
                CreditedResults.Funds(
                    id: try r.uuid("id").uuidString, project: project, arrivedOn: arrived,
                    amount: Money(minorUnits: try r.int64("amount_minor"), currency: Currency(rawValue: try r.string("currency")) ?? .cny),
                    isForeign: try r.bool("is_foreign")))
        }
    }

    /// A unit's or person's id as one shared string.
    private mutating func name(_ id: UUID) -> String {
        if let known = names[id] { return known }
        let key = id.uuidString
        names[id] = key
        return key
    }
}
