import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// Three years of 双百双评 [003], each closed as a bureau would have run it: registers of about
    /// 130 entrepreneurs and 120 public representatives, digests and a lottery seed published, 100 + 100
    /// drawn by RFC 3797, codes issued, some 170 ballots, the close. 市城市管理执法局 is last of the
    /// law-enforcement series three years running (the head resigns), 市自然资源和规划局 last of its
    /// series in the first and third year only (a written self-criticism again).
    func createEvaluations(app: Application, _ rng: inout SeededRandom) async throws {
        let db = app.db
        guard let setter = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id else { return }
        let units = try await db.sql.raw(
            "SELECT id, name, evaluation_series FROM units WHERE jurisdiction_code = \(bind: Self.cityCode) AND evaluation_series IS NOT NULL AND dissolved_on IS NULL ORDER BY evaluation_series, name"
        ).all().map { row in
            let r = RowReader(row)
            return (id: try r.uuid("id"), name: try r.string("name"), series: try r.value("evaluation_series", as: EvaluationSeries.self))
        }
        guard !units.isEmpty else { return }
        let thisYear = app.clock.today.year
        for year in (thisYear - 2)...thisYear {
            // who is meant to be last: the enforcement bureau every year, natural resources in the first and third
            let weak: Set<String> = year == thisYear - 1 ? ["市城市管理执法局", "市住房和城乡建设局"] : ["市城市管理执法局", "市自然资源和规划局"]
            let id = rng.uuid()
            let opened = BeijingTime.startMillis(of: CivilDate(year: year, month: 10, day: 8)!) + 9 * 3_600_000
            var registers: [EvaluationCampaign.Register: [RegisterEntry]] = [:]
            for register in EvaluationCampaign.Register.allCases {
                var seen = Set<String>()
                var entries: [RegisterEntry] = []
                let size = register == .entrepreneur ? 130 : 120
                while entries.count < size {
                    let name = DemoNames.person(&rng)
                    let organisation =
                        register == .entrepreneur
                        ? DemoNames.enterpriseName(cityWord: "演示", &rng).name : rng.pick(["演示市东城区", "演示市西城区", "临江县", "演示市开发区"])
                    let standing = register == .entrepreneur ? "企业负责人" : rng.pick(["市人大代表", "市政协委员", "社区群众代表", "新闻媒体代表"])
                    guard seen.insert(EvaluationCampaign.personKey(name: name, organisation: organisation)).inserted else { continue }
                    entries.append(RegisterEntry(position: entries.count + 1, name: name, organisation: organisation, standing: standing))
                }
                registers[register] = entries
            }
            let digests = Dictionary(
                uniqueKeysWithValues: registers.map { ($0.key.rawValue, PublicDraw.digest(register: $0.value.map(\.line))) })
            // a 双色球 draw: six red balls and a blue one
            var reds = Set<Int>()
            while reds.count < 6 { reds.insert(Int(rng.next() % 33) + 1) }
            let seed = [reds.sorted().map { String(format: "%02d", $0) }, [String(format: "%02d", Int(rng.next() % 16) + 1)]]
            let key = try PublicDraw.key(sources: seed)
            var drawn: [String: [Int]] = [:]
            for (register, entries) in registers {
                drawn[register.rawValue] = try PublicDraw.select(count: 100, pool: entries.count, key: key)
            }
            // the ballots, as counts
            var counts: [UUID: [Int]] = [:]
            let ballots = 160 + Int(rng.next() % 30)
            for _ in 0..<ballots {
                for unit in units {
                    let roll = Int(rng.next() % 100)
                    let good = weak.contains(unit.name) ? 30 : 55 + Int(unit.id.uuid.0 % 25)
                    let column = roll < 6 ? 3 : roll < good ? 0 : roll < good + 25 ? 1 : 2
                    counts[unit.id, default: [0, 0, 0, 0]][column] += 1
                }
            }
            let records = units.map { u in
                let c = counts[u.id] ?? [0, 0, 0, 0]
                return EvaluationUnitRecord(
                    unitID: u.id, series: u.series, name: u.name, satisfied: c[0], basicallySatisfied: c[1], dissatisfied: c[2],
                    notKnown: c[3])
            }
            let resultsDigest = EvaluationService.resultsDigest(records)
            let day = { @Sendable (month: Int, d: Int, hour: Int64) in
                BeijingTime.startMillis(of: CivilDate(year: year, month: month, day: d)!) + hour * 3_600_000
            }
            try await app.writeTransaction { [registers, drawn, seed] db in
                let sql = db.sql
                try await sql.raw(
                    """
                    INSERT INTO evaluation_campaigns (id, jurisdiction_code, year, title, state, drawn_entrepreneurs, drawn_representatives,
                      minimum_answers, seed_source, digests, published_at, seed_values, draw_key, drawn, drawn_at, codes_issued, ballots,
                      closed_at, results_digest, version, created_by, created_at)
                    VALUES (\(bind: id), \(bind: Self.cityCode), \(bind: year), \(bind: "\(year)年度“双百双评”"), 'closed', 100, 100, 5,
                      \(bind: "\(year)年11月3日中国福利彩票双色球开奖号码，红球为第一来源、蓝球为第二来源"), \(bind: EvaluationCampaignRecord.encode(digests)),
                      \(bind: day(10, 20, 10)), \(bind: EvaluationCampaignRecord.encode(seed)), \(bind: key), \(bind: EvaluationCampaignRecord.encode(drawn)),
                      \(bind: day(11, 3, 22)), 200, \(bind: ballots), \(bind: day(11, 25, 17)), \(bind: resultsDigest), 5, \(bind: setter), \(bind: opened))
                    """
                ).run()
                for (position, r) in records.enumerated() {
                    try await sql.raw(
                        """
                        INSERT INTO evaluation_units (id, campaign_id, unit_id, series, name, position, satisfied, basically_satisfied, dissatisfied, not_known)
                        VALUES (\(bind: UUID()), \(bind: id), \(bind: r.unitID), \(bind: r.series.rawValue), \(bind: r.name), \(bind: position),
                          \(bind: r.satisfied), \(bind: r.basicallySatisfied), \(bind: r.dissatisfied), \(bind: r.notKnown))
                        """
                    ).run()
                }
                for (register, entries) in registers {
                    for e in entries {
                        try await sql.raw(
                            """
                            INSERT INTO evaluation_register (id, campaign_id, register, position, name, organisation, standing, person_key)
                            VALUES (\(bind: UUID()), \(bind: id), \(bind: register.rawValue), \(bind: e.position), \(bind: e.name), \(bind: e.organisation),
                              \(bind: e.standing), \(bind: EvaluationCampaign.personKey(name: e.name, organisation: e.organisation)))
                            """
                        ).run()
                    }
                }
                for (unit, body) in [("市城市管理执法局", "占道经营整治时沟通不够，希望先提醒再处罚。"), ("市政务服务中心", "一窗通办很方便，周末延时服务点赞。")] {
                    guard let u = units.first(where: { $0.name == unit }) else { continue }
                    try await BallotService.insertComment(campaign: id, unit: u.id, body: body, on: db)
                }
                for (action, at, after) in [
                    ("evaluation.open", opened, ["year": String(year)]), ("evaluation.publish", day(10, 20, 10), digests),
                    ("evaluation.draw", day(11, 3, 22), ["key": key]), ("evaluation.codes", day(11, 4, 9), ["codes": "200"]),
                    ("evaluation.close", day(11, 25, 17), ["ballots": String(ballots), "results": resultsDigest]),
                ] {
                    try await AuditLog.append(
                        on: db, by: .system("demo"), action: action, objectType: "evaluation", objectID: id.uuidString, after: after, at: at
                    )
                }
            }
        }
    }
}
