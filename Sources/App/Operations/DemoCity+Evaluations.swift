import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// Three years of 双百双评 [003], each run the way the bureau runs one — through the same
    /// `EvaluationStore` steps the pages take: registers of 130 entrepreneurs and 120 public
    /// representatives, their digests and a lottery seed published, 100 + 100 drawn by RFC 3797,
    /// codes issued, some 170 ballots cast with them, the close. 市城市管理执法局 is last of the
    /// law-enforcement series three years running (the head resigns), 市自然资源和规划局 last of its
    /// series in the first and third year only (a written self-criticism again).
    func createEvaluations(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        guard let setter = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id else { return }
        let units = try await db.sql.raw(
            """
            SELECT id, name, evaluation_series FROM units
            WHERE jurisdiction_code = \(bind: Self.cityCode) AND evaluation_series IS NOT NULL AND dissolved_on IS NULL
            """
        ).all().map { row in
            let r = RowReader(row)
            return (id: try r.uuid("id"), name: try r.string("name"), series: try r.value("evaluation_series", as: EvaluationSeries.self))
        }
        let ordered = EvaluationSeries.allCases.flatMap { s in units.filter { $0.series == s }.sorted { $0.name < $1.name } }
        guard !ordered.isEmpty else { return }
        let thisYear = app.clock.today.year
        for year in (thisYear - 2)...thisYear {
            // the weak: the enforcement bureau every year; natural resources in the first and third
            let weak: Set<String> = year == thisYear - 1 ? ["市城市管理执法局", "市住房和城乡建设局"] : ["市城市管理执法局", "市自然资源和规划局"]
            let at = { @Sendable (month: Int, day: Int, hour: Int64) in
                BeijingTime.startMillis(of: CivilDate(year: year, month: month, day: day)!) + hour * 3_600_000
            }
            let people = Self.registers(&rng)
            var reds = Set<Int>()
            while reds.count < 6 { reds.insert(Int(rng.next() % 33) + 1) }
            let seed = [reds.sorted().map { String(format: "%02d", $0) }, [String(format: "%02d", Int(rng.next() % 16) + 1)]]
            // each ballot: a verdict for every unit (a weak unit's 满意 less likely), now and then 不了解
            let ballots = (0..<(160 + Int(rng.next() % 30))).map { _ in
                Dictionary(
                    uniqueKeysWithValues: ordered.map { unit -> (String, BallotChoice) in
                        let roll = Int(rng.next() % 100)
                        let good = weak.contains(unit.name) ? 30 : 55 + Int(unit.id.uuid.0 % 25)
                        let choice: BallotChoice =
                            roll < 6 ? .unknown : roll < good ? .satisfied : roll < good + 25 ? .basicallySatisfied : .dissatisfied
                        return (unit.id.uuidString, choice)
                    })
            }
            let id = rng.uuid()
            let actor = AuditActor.system("demo")
            try await app.writeTransaction { db in
                let scope = Self.cityCode
                try await EvaluationStore.create(
                    id, scope: scope, year: year, drawn: (100, 100), minimumAnswers: EvaluationResults.defaultMinimumAnswers,
                    units: ordered,
                    by: setter, actor: actor, at: at(10, 8, 9), on: db)
                for (register, entries) in people {
                    for e in entries {
                        _ = try await EvaluationStore.append(
                            to: id, register, name: e.name, organisation: e.organisation, standing: e.standing, on: db)
                    }
                }
                func campaign() async throws -> EvaluationCampaignRecord {
                    guard let c = try await EvaluationRead.campaign(id, scope: scope, on: db) else { throw AppError.notFound }
                    return c
                }
                let digests = Dictionary(
                    uniqueKeysWithValues: people.map { ($0.key.rawValue, PublicDraw.digest(register: $0.value.map(\.line))) })
                try await EvaluationStore.publish(
                    try await campaign(), seedSource: "\(year)年11月3日中国福利彩票双色球开奖号码，红球为第一来源、蓝球为第二来源", digests: digests,
                    version: 1, actor: actor, at: at(10, 20, 10), on: db)
                let key = try PublicDraw.key(sources: seed)
                let selections = try await EvaluationService.select(try await campaign(), key: key, on: db)
                try await EvaluationStore.draw(
                    try await campaign(), sources: seed, key: key,
                    drawn: Dictionary(uniqueKeysWithValues: selections.map { ($0.key.rawValue, $0.value.positions) }), version: 2,
                    actor: actor,
                    at: at(11, 3, 22), on: db)
                let issued = try await campaign()
                let codes = EvaluationService.codes(for: issued)
                try await EvaluationStore.issue(issued, codes: codes, version: 3, actor: actor, at: at(11, 4, 9), on: db)
                let rated = try await EvaluationRead.units(id, on: db)
                let remarks = ["市城市管理执法局": "占道经营整治时沟通不够，希望先提醒再处罚。", "市政务服务中心": "一窗通办很方便，周末延时服务点赞。"]
                // cast a day's worth at a time, as the ballot box batches ballots arriving together
                let cast = ballots.enumerated().map { index, answers in
                    EvaluationStore.Cast(
                        campaign: id, digest: BallotCode.digest(codes[index].1, campaign: id.uuidString), units: rated, answers: answers,
                        comments: index == 0
                            ? Dictionary(uniqueKeysWithValues: rated.compactMap { u in remarks[u.name].map { (u.unitID.uuidString, $0) } })
                            : [:])
                }
                for day in stride(from: 0, to: cast.count, by: 20) {
                    _ = try await EvaluationStore.cast(Array(cast[day..<min(day + 20, cast.count)]), on: db)
                }
                try await EvaluationStore.close(try await campaign(), version: 4, actor: actor, at: at(11, 25, 17), on: db)
            }
        }
    }

    /// A register of 130 entrepreneurs and one of 120 public representatives, each person once.
    static func registers(_ rng: inout SeededRandom) -> [EvaluationCampaign.Register: [RegisterEntry]] {
        var out: [EvaluationCampaign.Register: [RegisterEntry]] = [:]
        for register in EvaluationCampaign.Register.allCases {
            var seen = Set<String>()
            var entries: [RegisterEntry] = []
            while entries.count < (register == .entrepreneur ? 130 : 120) {
                let name = DemoNames.person(&rng)
                let organisation =
                    register == .entrepreneur
                    ? DemoNames.enterpriseName(cityWord: "演示", &rng).name : rng.pick(["演示市东城区", "演示市西城区", "临江县", "演示市开发区"])
                let standing = register == .entrepreneur ? "企业负责人" : rng.pick(["市人大代表", "市政协委员", "社区群众代表", "新闻媒体代表"])
                guard seen.insert(EvaluationCampaign.personKey(name: name, organisation: organisation)).inserted else { continue }
                entries.append(RegisterEntry(position: entries.count + 1, name: name, organisation: organisation, standing: standing))
            }
            out[register] = entries
        }
        return out
    }
}
