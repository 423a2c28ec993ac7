import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// The city's leaders as 指标长 of the 18 indicators [002], each indicator's units, and twelve
    /// months of 企业满意度测评 run the way the bureau runs them — through `SatisfactionStore`: the
    /// frame of the city's above-scale enterprises and a lottery seed published, 30 drawn, about
    /// two thirds answering, the close. The tax bureau is weak through the spring and recovers; the
    /// power company improves month by month; the 政务服务中心 stays near the top.
    func createSatisfaction(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        let scope = Self.cityCode
        guard let setter = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id,
            let group = try await Unit.query(on: db).filter(\.$jurisdictionCode == scope).filter(\.$kind == .leadershipGroup).first()?.id
        else { return }
        var leaders: [(UUID, String)] = []
        for post in ["市长", "常务副市长", "副市长", "副市长", "副市长", "副市长"] {
            let person = Self.person(in: group, post: post, roles: [.leader], &rng)
            try await person.create(on: db)
            leaders.append((person.id!, person.name))
        }
        let units = Dictionary(
            try await db.sql.raw(
                "SELECT id, name FROM units WHERE jurisdiction_code = \(bind: scope) AND evaluation_series IS NOT NULL"
            ).all().map { (try RowReader($0).string("name"), try RowReader($0).uuid("id")) }, uniquingKeysWith: { a, _ in a })
        let plan: [(BusinessIndicator, [String])] = [
            (.startingBusiness, ["市市场监督管理局", "市政务服务中心"]), (.labourMarket, ["市市场监督管理局"]),
            (.constructionPermits, ["市住房和城乡建设局", "市自然资源和规划局"]), (.governmentProcurement, ["市发展和改革委员会"]),
            (.biddingAndTendering, ["市发展和改革委员会"]), (.gettingElectricity, ["国网演示市供电公司"]),
            (.gettingWaterAndGas, ["市住房和城乡建设局"]), (.registeringProperty, ["市自然资源和规划局"]), (.gettingCredit, ["市经济和信息化局"]),
            (.protectingInvestors, ["市市场监督管理局"]), (.intellectualProperty, ["市市场监督管理局"]), (.tradingAcrossBorders, ["市经济和信息化局"]),
            (.payingTaxes, ["市税务局"]), (.enforcingContracts, ["市发展和改革委员会"]), (.resolvingInsolvency, ["市经济和信息化局"]),
            (.marketRegulation, ["市市场监督管理局", "市生态环境局"]), (.governmentServices, ["市政务服务中心"]),
            (.inclusiveInnovation, ["市发展和改革委员会", "市住房公积金中心"]),
        ]
        let actor = AuditActor.system("demo")
        let today = app.clock.today
        let start = BeijingTime.startMillis(of: CivilDate(year: today.year, month: 1, day: 1)!)
        let owners = leaders
        try await app.writeTransaction { db in
            for (index, (indicator, names)) in plan.enumerated() {
                try await SatisfactionStore.setIndicator(
                    indicator, scope: scope, owner: owners[index % owners.count].0, units: names.compactMap { units[$0] }, version: 0,
                    actor: actor, at: start, on: db)
            }
        }
        let frame = try await db.sql.raw(
            """
            SELECT uscc, name FROM enterprises WHERE region_code >= \(bind: String(scope.prefix(4))) AND region_code < \(bind: String(scope.prefix(4)) + "~")
              AND tags LIKE '%aboveScale%' AND uscc IS NOT NULL ORDER BY uscc
            """
        ).all().map { (uscc: try RowReader($0).string("uscc"), name: try RowReader($0).string("name")) }
        let cellsPlan = try await SatisfactionRead.indicators(scope: scope, on: db).flatMap { s in
            s.units.map { (indicator: s.indicator, unit: $0.id, unitName: $0.name, owner: s.owner?.name) }
        }
        guard frame.count >= 30, !cellsPlan.isEmpty else { return }
        // the last twelve months, each closed by its month's end (this month's still answering)
        for back in (0..<12).reversed() {
            let index = today.year * 12 + today.month - 1 - back
            let (year, month) = (index / 12, index % 12 + 1)
            let at = { @Sendable (day: Int, hour: Int64) in
                BeijingTime.startMillis(of: CivilDate(year: year, month: month, day: day)!) + hour * 3_600_000
            }
            var reds = Set<Int>()
            while reds.count < 6 { reds.insert(Int(rng.next() % 33) + 1) }
            let seed = [reds.sorted().map { String(format: "%02d", $0) }, [String(format: "%02d", Int(rng.next() % 16) + 1)]]
            let id = rng.uuid()
            // how likely each unit's 满意 is this month
            func good(_ name: String) -> Int {
                switch name {
                case "市税务局": month >= 3 && month <= 6 ? 25 : 60
                case "国网演示市供电公司": 35 + 4 * (11 - back)
                case "市政务服务中心": 80
                default: 50 + name.unicodeScalars.reduce(0) { $0 + Int($1.value) } % 25
                }
            }
            let answering = 18 + Int(rng.next() % 6)
            var choices: [[BallotChoice]] = []
            for _ in 0..<answering {
                choices.append(
                    cellsPlan.map { c in
                        let roll = Int(rng.next() % 100)
                        let g = good(c.unitName)
                        return roll < 5 ? .unknown : roll < g ? .satisfied : roll < g + 25 ? .basicallySatisfied : .dissatisfied
                    })
            }
            let picks = choices
            try await app.writeTransaction { db in
                try await SatisfactionStore.open(
                    .init(
                        id: id, scope: scope, year: year, month: month, sampleSize: 30,
                        minimumAnswers: EvaluationResults.defaultMinimumAnswers,
                        seedSource: "\(year)年\(month)月第一个开奖日中国福利彩票双色球开奖号码，红球为第一来源、蓝球为第二来源", frame: frame,
                        cells: cellsPlan), by: setter, actor: actor, at: at(1, 9), on: db)
                guard var survey = try await SatisfactionRead.survey(id, scope: scope, on: db) else { return }
                let key = try PublicDraw.key(sources: seed)
                let drawn = try PublicDraw.select(count: 30, pool: frame.count, key: key)
                let codes = (0..<30).map { _ in BallotCode.generate() }
                try await SatisfactionStore.draw(
                    survey, sources: seed, key: key, drawn: drawn, codes: codes, version: 1, actor: actor, at: at(3, 21), on: db)
                let cells = try await SatisfactionRead.cells(id, on: db)
                let answers = picks.enumerated().map { n, picked in
                    SatisfactionStore.Answer(
                        survey: id, digest: BallotCode.digest(codes[n], campaign: id.uuidString), cells: cells,
                        answers: Dictionary(uniqueKeysWithValues: zip(cells.map(\.key), picked)))
                }
                for day in stride(from: 0, to: answers.count, by: 6) {
                    _ = try await SatisfactionStore.answer(Array(answers[day..<min(day + 6, answers.count)]), on: db)
                }
                guard back > 0, let answered = try await SatisfactionRead.survey(id, scope: scope, on: db) else { return }
                survey = answered
                try await SatisfactionStore.close(survey, version: 2, actor: actor, at: at(28, 17), on: db)
            }
        }
    }
}
