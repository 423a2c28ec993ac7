import Domain
import Fluent
import Foundation
import Vapor

extension DemoCity {
    /// Enterprises with valid USCCs spread over the counties; one in ten is above scale (规上) with
    /// annual figures, about half of those attracted by investment promotion, and the attracted
    /// ones larger — the shape of seed [001] (49.2% of firms, 73.7% of output).
    func createEnterprises(app: Application, counties: [(code: String, name: String)], _ rng: inout SeededRandom) async throws {
        var progress = ProgressBar(title: "enterprises", total: enterpriseCount)
        var usedCodes = Set<String>()
        var usedKeys = Set<String>()
        let batch = 1_000
        var made = 0
        let legalNames = (0..<2_000).map { _ in DemoNames.person(&rng) }
        while made < enterpriseCount {
            var enterprises: [Enterprise] = []
            var figures: [EnterpriseFigure] = []
            while enterprises.count < min(batch, enterpriseCount - made) {
                let county = counties[Int(rng.next() % UInt64(counties.count))]
                let generated = DemoNames.enterpriseName(cityWord: String(county.name.prefix(2)), &rng)
                let key = NameNormalizer.key(for: generated.name) + county.code
                let code = DemoNames.uscc(region: county.code, &rng)
                guard usedKeys.insert(key).inserted, usedCodes.insert(code).inserted else { continue }
                let enterprise = Enterprise()
                enterprise.id = rng.uuid()
                enterprise.uscc = code
                enterprise.name = generated.name
                enterprise.formerNames = rng.next() % 25 == 0 ? String(generated.name.dropLast(4)) + "实业有限公司" : ""
                enterprise.legalRepresentative = legalNames[Int(rng.next() % UInt64(legalNames.count))]
                enterprise.industryCode = generated.industry
                enterprise.regionCode = county.code
                let aboveScale = rng.next() % 10 == 0
                let attracted = aboveScale ? rng.next() % 1000 < 492 : rng.next() % 5 == 0
                // registered capital is a round figure: 50万 … 5亿 (in 万元)
                let capitalWan: [Int64] = [50, 100, 200, 300, 500, 800, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000, 50_000]
                enterprise.registeredCapitalMinor = rng.pick(capitalWan) * 10_000 * 100
                enterprise.registeredCapitalCurrency = rng.next() % 40 == 0 ? "USD" : "CNY"
                var tags: [EnterpriseTag] = aboveScale ? [.aboveScale] : []
                if aboveScale, rng.next() % 6 == 0 { tags.append(.highTech) }
                if aboveScale, rng.next() % 20 == 0 { tags.append(.leading) }
                enterprise.tagCodes = tags.map(\.rawValue).joined(separator: ",")
                enterprise.attracted = attracted
                enterprise.version = 1
                enterprise.refreshDerivedFields()
                enterprises.append(enterprise)
                if aboveScale, scale == .county {
                    let base = Int64(rng.next() % 40_000 + 2_000) * (attracted ? 3 : 1) * 10_000 * 100
                    // each firm its own margins (a generator seeded by its size: the city's stream stays
                    // as it was), so output, revenue, profit and tax shares read as four figures
                    var margins = SeededRandom(seed: UInt64(base))
                    let revenuePercent = Int64(82 + margins.next() % 22)
                    let profitPermille = Int64(attracted ? 60 + margins.next() % 60 : 20 + margins.next() % 50)
                    let taxPermille = Int64(attracted ? 28 + margins.next() % 30 : 30 + margins.next() % 40)
                    for year in 2023...2025 {
                        let figure = EnterpriseFigure()
                        figure.id = rng.uuid()
                        figure.$enterprise.id = enterprise.id!
                        figure.year = year
                        figure.outputMinor = base * Int64(100 + (year - 2023) * 8) / 100
                        figure.revenueMinor = figure.outputMinor * revenuePercent / 100
                        figure.profitMinor = figure.outputMinor * profitPermille / 1_000
                        figure.taxMinor = figure.outputMinor * taxPermille / 1_000
                        figure.employees = Int(rng.next() % 800 + 50)
                        figures.append(figure)
                    }
                }
            }
            let rows = enterprises
            let figureRows = figures
            try await app.writeTransaction { db in
                try await rows.create(on: db)
                if !figureRows.isEmpty { try await figureRows.create(on: db) }
            }
            made += rows.count
            progress.update(made)
        }
        progress.finish()
    }
}

/// A progress bar on the terminal for long work (SPEC §12).
struct ProgressBar {
    let title: String
    let total: Int
    private var lastPercent = -1
    private let start = Date()

    init(title: String, total: Int) {
        self.title = title
        self.total = max(total, 1)
    }

    mutating func update(_ done: Int) {
        let percent = done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent / 4
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 25 - filled)
        let elapsed = Int(Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\(title) [\(bar)] \(percent)% \(done)/\(total) \(elapsed)s".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
