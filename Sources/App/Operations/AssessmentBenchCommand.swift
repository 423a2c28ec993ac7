import Domain
import Foundation
import Vapor

/// `zhaoshang bench-assessment`: figures, not a test. The year-end seating and the year's scoring of
/// `--units` assessed units (5,000 by default, issue #14's goal: ≤ 2 s) over a year of verified facts
/// — `--projects` projects shared by one to three units, each signed, some started and producing,
/// two funds arrivals each, targets for every unit, work orders and corrections — through the very
/// functions the pages call (`CreditedResults.tally`, `SeatingService.lines`,
/// `CreditedResults.notStartedOnTime`, `RankingService.lines`). The data is made in memory from a
/// seed, so the figure is the computation's; the reading of a real city's facts is timed by `bench`.
struct AssessmentBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "units", help: "Assessed units (default 5000)") var units: Int?
        @Option(name: "projects", help: "Projects over the year (default 50000)") var projects: Int?
        @Option(name: "runs", help: "Runs to time (default 5)") var runs: Int?
    }

    var help: String { "Times the seating and scoring of 5,000 units over a year of data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let unitCount = max(10, min(signature.units ?? 5_000, 50_000))
        let projectCount = max(10, min(signature.projects ?? 50_000, 500_000))
        let runs = max(1, min(signature.runs ?? 5, 20))
        let data = Self.make(units: unitCount, projects: projectCount, year: 2026)
        context.console.print(
            "Data: \(unitCount) units, \(projectCount) projects, \(data.funds.count) funds arrivals, year 2026 (seed 1)")
        var times: [Double] = []
        var steps: [String: Double] = [:]
        var last = (seats: 0, ranked: 0)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            last = Self.seatAndScore(data, steps: &steps)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let means = steps.sorted { $0.value > $1.value }.map { String(format: "%@ %.0f ms", $0.key, $0.value / Double(runs)) }
        context.console.print("mean per step: " + means.joined(separator: ", "))
        let sorted = times.sorted()
        context.console.print(
            String(
                format: "seating + scoring: %d seats, %d ranked; min %.0f ms, median %.0f ms, max %.0f ms over %d runs", last.seats,
                last.ranked, sorted[0], sorted[sorted.count / 2], sorted[sorted.count - 1], runs))
    }

    struct Data {
        var units: [AssessmentUnits.Row]
        var projects: [CreditedResults.Project]
        var funds: [CreditedResults.Funds]
        var sheets: [UUID: TargetSheet<UUID>]
        var orders: [UUID: RankingService.Orders]
        var corrected: [UUID: Int]
    }

    /// One pass as the pages make it: the tally of the year, the seats, the scores and the places;
    /// the milliseconds of each step in `steps`.
    static func seatAndScore(_ d: Data, steps: inout [String: Double]) -> (seats: Int, ranked: Int) {
        var mark = DispatchTime.now().uptimeNanoseconds
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            steps[name, default: 0] += Double(now - mark) / 1e6
            mark = now
        }
        let (first, through) = (CivilDate(year: 2026, month: 1, day: 1)!, CivilDate(year: 2026, month: 12, day: 31)!)
        let rates = ExchangeRates(rates: [.usd: ["2026-03": 71_000, "2026-09": 71_500]])
        let tally = CreditedResults.tally(projects: d.projects, funds: d.funds, from: first, through: through, rates: rates)
        lap("tally")
        let negotiating = CreditedResults.negotiating(d.projects, on: through)
        lap("negotiating")
        let seats = SeatingService.lines(
            units: d.units, tally: tally, negotiating: negotiating, sheets: d.sheets, staff: [:], rules: YearEndSeat.Rules())
        lap("seats")
        let notStarted = CreditedResults.notStartedOnTime(d.projects, on: through)
        lap("not started")
        let ranked = RankingService.lines(
            units: d.units, tally: tally, notStarted: notStarted, sheets: d.sheets, orders: d.orders, corrected: d.corrected,
            formula: .standard)
        lap("scores and places")
        return (seats.count, ranked.count)
    }

    static func make(units unitCount: Int, projects projectCount: Int, year: Int) -> Data {
        var rng = SeededRandom(seed: 1)
        let kinds: [UnitKind] = [.department, .park, .town, .industryBureau, .industryTeam, .departmentTeam, .residentOffice]
        let units = (0..<unitCount).map { i in
            AssessmentUnits.Row(id: UUID(), name: "单位\(i)", kind: kinds[i % kinds.count], jurisdictionCode: "420800")
        }
        func day(_ rng: inout SeededRandom, from month: Int = 1) -> CivilDate {
            CivilDate(year: year, month: month + Int(rng.next() % UInt64(13 - month)), day: 1 + Int(rng.next() % 28))!
        }
        var projects: [CreditedResults.Project] = []
        var funds: [CreditedResults.Funds] = []
        for p in 0..<projectCount {
            let id = "p\(p)"
            var shares: [CreditedResults.Share] = []
            let count = 1 + Int(rng.next() % 3)
            var left = 10_000
            for s in 0..<count {
                let unit = units[Int(rng.next() % UInt64(unitCount))].id.uuidString
                let part = s == count - 1 ? left : left / 2
                left -= part
                shares.append(.init(unit: unit, person: "\(unit)-\(s)", basisPoints: part))
            }
            let accepted = CivilDate(year: year - 1, month: 1 + Int(rng.next() % 12), day: 1 + Int(rng.next() % 28))!
            let stage = rng.next() % 5
            var reports: [ProjectFacts.Report] = []
            var signing: ProjectFacts.Signing?
            var started: CivilDate?
            var producing: CivilDate?
            if stage > 0 {
                let on = day(&rng)
                let contract = Money(minorUnits: Int64(1 + rng.next() % 300) * 1_000_000_000)
                signing = .init(on: on, contract: contract)
                reports.append(.init(to: .signed, on: on, verified: true, contract: contract))
                if stage > 1, on.month < 12 {
                    started = day(&rng, from: on.month + 1)
                    reports.append(.init(to: .started, on: started!, verified: true))
                }
                if stage > 3, let s = started, s.month < 12 {
                    producing = day(&rng, from: s.month + 1)
                    reports.append(.init(to: .producing, on: producing!, verified: true))
                }
                for f in 0..<2 {
                    let foreign = rng.next() % 10 == 0
                    funds.append(
                        .init(
                            id: "\(id)-f\(f)", project: id, arrivedOn: max(on, day(&rng)),
                            amount: Money(minorUnits: Int64(1 + rng.next() % 5_000) * 1_000_000, currency: foreign ? .usd : .cny),
                            isForeign: foreign))
                }
            }
            projects.append(
                .init(
                    id: id, shares: shares, signing: signing, startedOn: started, producingOn: producing, acceptedOn: accepted,
                    verifiedReports: reports))
        }
        var sheets: [UUID: TargetSheet<UUID>] = [:]
        var orders: [UUID: RankingService.Orders] = [:]
        var corrected: [UUID: Int] = [:]
        for unit in units {
            sheets[unit.id] = TargetSheet(year: [
                .contractInvestment: Int64(5 + rng.next() % 50) * 10_000_000_000,
                .fundsDomestic: Int64(1 + rng.next() % 20) * 10_000_000_000,
                .projectsSigned: Int64(1 + rng.next() % 10), .projectsStarted: Int64(1 + rng.next() % 5),
            ])
            orders[unit.id] = .init(closed: Int64(rng.next() % 20), reopenings: Int64(rng.next() % 3), late: Int64(rng.next() % 4))
            if rng.next() % 20 == 0 { corrected[unit.id] = 1 }
        }
        return Data(units: units, projects: projects, funds: funds, sheets: sheets, orders: orders, corrected: corrected)
    }
}
