import Domain
import Fluent
import FluentSQL
import Vapor

/// 通报: drawn from a published ranking (and, at the year's end, the published seating) and the
/// work orders that went into the bulletin step of §7 in the period; praise and criticism by
/// `BulletinRules`. Issued once per period, numbered per year (第 N 期), kept as a snapshot whose
/// digest is in the audit log; every later reading shows the snapshot.
struct BulletinService {
    let request: Request

    /// A bulletin as issued: its snapshot and, like a published seating or ranking, who issued it
    /// when, with the digest and whether the stored snapshot still agrees with it.
    struct Issued: Sendable {
        var record: BulletinRecord
        var publication: SeatingService.Publication
    }

    struct Summary: Content {
        var year: Int
        var number: Int
        var period: String
        var title: String
        var issuedOn: String
    }

    static func unpublished(_ period: RankingPeriod) -> AppError {
        AppError(
            code: "ranking_unpublished", status: .conflict, zh: "\(period.label)考核排名尚未发布；通报依据已发布的排名印发，请先发布排名。",
            en: "The ranking of \(period) is not published; a bulletin is issued from a published ranking.")
    }

    static func alreadyIssued(_ period: RankingPeriod) -> AppError {
        AppError(
            code: "bulletin_issued", status: .conflict, zh: "\(period.label)的通报已印发，不再重发。",
            en: "The bulletin of \(period) is issued already.")
    }

    /// The issuing body a bulletin offers first: the jurisdiction's investment promotion bureau.
    static func defaultIssuer(scope: String, fallback: String, on db: any Database) async throws -> String {
        let row = try await db.sql.raw(
            """
            SELECT name FROM units WHERE jurisdiction_code = \(bind: scope) AND kind = \(bind: UnitKind.bureau.rawValue)
              AND dissolved_on IS NULL ORDER BY name LIMIT 1
            """
        ).first()
        return try row.map { try RowReader($0).string("name") } ?? fallback
    }

    /// The issuing body as typed: 2 to 30 characters, nothing invisible.
    static func issuer(_ raw: String) throws -> String {
        let issuer = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !issuer.hasControlCharacters, !issuer.hasInvisibleCharacters else {
            throw AppError.field("issuer", zh: "发文机关中有看不见的字符，请删去后再印发。", en: "The issuing body holds invisible characters.")
        }
        guard (2...30).contains(issuer.count) else {
            throw AppError.field("issuer", zh: "发文机关应为 2 至 30 个字。", en: "The issuing body takes 2 to 30 characters.")
        }
        return issuer
    }

    /// The issuing body as typed, or the jurisdiction's bureau when none was given.
    func issuer(_ typed: String?) async throws -> String {
        let user = try request.requireUser()
        guard let typed else { return try await Self.defaultIssuer(scope: user.scope.value, fallback: user.unitName, on: request.db) }
        return try Self.issuer(typed)
    }

    /// The bulletin the bureau would issue today for the period (a preview; nothing is written).
    func draft(_ period: RankingPeriod, issuer typed: String?) async throws -> BulletinRecord {
        let user = try request.authorize(.manage, .assessment)
        guard try await Self.issued(scope: user.scope.value, period: period, on: request.db) == nil else {
            throw Self.alreadyIssued(period)
        }
        return try await Self.compose(
            period, scope: user.scope.value, issuer: try await issuer(typed), issuedOn: request.clock.today, number: 0,
            satisfaction: request.application.satisfactionSource, on: request.db)
    }

    /// Periods whose ranking is published and that have no bulletin yet, the latest first.
    static func issuable(scope: String, on db: any Database) async throws -> [RankingPeriod] {
        try await db.sql.raw(
            """
            SELECT period FROM rankings WHERE jurisdiction_code = \(bind: scope)
              AND period NOT IN (SELECT period FROM bulletins WHERE jurisdiction_code = \(bind: scope))
            ORDER BY year DESC, period DESC
            """
        ).all().compactMap { RankingPeriod(try RowReader($0).string("period")) }
    }

    /// The bulletin's whole content from what is published and what the work orders record.
    static func compose(
        _ period: RankingPeriod, scope: String, issuer: String, issuedOn: CivilDate, number: Int, satisfaction: SatisfactionSource?,
        on db: any Database
    ) async throws -> BulletinRecord {
        guard let ranking = try await RankingService.published(scope: scope, period: period, on: db) else { throw unpublished(period) }
        let seating = period.month == nil ? try await SeatingService.published(scope: scope, year: period.year, on: db) : nil
        let overdue = try await overdueOrders(scope: scope, period: period, on: db)
        let placed = ranking.lines.map {
            BulletinRules.Placed(unit: $0.unit.id.uuidString, kind: $0.unit.kind, place: $0.place, centipoints: $0.score.centipoints)
        }
        var names = Dictionary(ranking.lines.map { ($0.unit.id.uuidString, ($0.unit.name, $0.unit.kind)) }, uniquingKeysWith: { a, _ in a })
        for line in seating?.lines ?? [] {
            names[line.unit.id.uuidString] = names[line.unit.id.uuidString] ?? (line.unit.name, line.unit.kind)
        }
        for order in overdue { names[order.unitID] = names[order.unitID] ?? (order.row.unit, order.kind) }
        let zero = Set((seating?.lines ?? []).filter { $0.seat == .zeroEffect }.map { $0.unit.id.uuidString })
        let counts = Dictionary(overdue.map { ($0.unitID, 1) }, uniquingKeysWith: +)
        // a month's bulletin also names the units its satisfaction survey listed lowest [002]
        var low: [String: Int64] = [:]
        if let month = period.month, let satisfaction {
            for (unit, score) in try await satisfaction.lowest(period.year, month, scope, db) { low[unit.uuidString] = score }
        }
        let lines = Dictionary(ranking.lines.map { ($0.unit.id.uuidString, $0) }, uniquingKeysWith: { a, _ in a })
        let seats = Dictionary((seating?.lines ?? []).map { ($0.unit.id.uuidString, $0) }, uniquingKeysWith: { a, _ in a })
        func mention(_ m: BulletinRules.Mention) -> BulletinRecord.Mention {
            let (name, kind) = names[m.unit] ?? ("", .department)
            let kindLabel = kind.label(.zh)
            let score = lines[m.unit].map { "得分 \(RankingView.points($0.score.centipoints))" }
            let parts = m.reasons.map { reason -> String in
                switch reason {
                case .top(let place, let of): "居\(kindLabel)第 \(place) 名（共 \(of) 个）"
                case .last(let of): "居\(kindLabel)末位（共 \(of) 个）"
                case .zeroSeat:
                    "\(period.year) 年年终座次为零效果席（经核验签约 \(seats[m.unit]?.results.verifiedSignings ?? 0) 个，在谈 \(seats[m.unit]?.results.negotiating ?? 0) 个）"
                case .overdue(let count): "\(count) 件工单超期未答复进入通报环节"
                case .lowSatisfaction(let permille): "\(period.month ?? 0) 月企业满意度测评靠后（满意度 \(Percent.text(permille))）"
                }
            }
            return .init(unit: name, kind: kindLabel, text: ([score].compactMap { $0 } + parts).joined(separator: "，"))
        }
        let rows = ranking.lines.map { line -> BulletinRecord.Row in
            let contract = line.score.lines.first { $0.measure == .contractInvestment }?.achievedPermille
            return .init(
                kind: line.unit.kind.label(.zh), place: line.place, unit: line.unit.name, score: line.score.centipoints,
                results: line.score.resultsCentipoints, deducted: line.score.deductedCentipoints,
                contract: contract.map { Percent.text($0) } ?? "未下达")
        }
        let label = period.documentLabel
        var sources = ["\(period.label)考核排名（发布摘要 SHA-256 \(ranking.publication?.digest ?? "")）"]
        if let seating, let p = seating.publication { sources.append("\(period.year) 年年终座次（发布摘要 SHA-256 \(p.digest)）") }
        return BulletinRecord(
            issuer: issuer, year: issuedOn.year, number: number, period: period.description, title: "关于\(label)招商引资考核排名情况的通报",
            issuedOn: issuedOn.description, through: ranking.through.description,
            opening: "各有关单位：\n根据招商引资考核办法，按截至 \(BulletinRecord.chineseDate(ranking.through)) 经核验的实绩，现将\(label)各单位考核得分与排名情况通报如下。",
            formula: RankingView.formulaText(ranking.formula), tieRule: Domain.Ranking.tieRule, praiseRule: BulletinRules.praiseRule,
            criticismRule: BulletinRules.criticismRule, ranking: rows, praise: BulletinRules.praise(placed).map(mention),
            criticism: BulletinRules.criticism(placed, zeroSeats: zero, overdue: counts, lowSatisfaction: low).map(mention),
            overdue: overdue.map(\.row),
            closing: "希望受到表扬的单位再接再厉；受到批评的单位要认真查找原因、限期整改，并于 10 个工作日内将整改情况书面报送\(issuer)。", sources: sources)
    }

    /// The work orders of the jurisdiction's units that went into the bulletin step in the period.
    static func overdueOrders(scope: String, period: RankingPeriod, on db: any Database) async throws -> [(
        unitID: String, kind: UnitKind, row: BulletinRecord.Overdue
    )] {
        // five working days can span a long holiday: deadlines from three weeks before the period
        let earliest = CivilDate(dayNumber: period.from.dayNumber - 21)
        let clock = WorkOrderService.clock
        return try await db.sql.raw(
            """
            SELECT w.number, w.title, w.deadline, w.answered_on, u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind
            FROM work_orders w JOIN units u ON u.id = w.responsible_unit_id
            WHERE u.jurisdiction_code = \(bind: scope) AND w.deadline >= \(bind: earliest.description)
              AND w.deadline <= \(bind: period.through.description)
            ORDER BY w.deadline, w.number
            """
        ).all().compactMap { row in
            let r = RowReader(row)
            guard let deadline = CivilDate(try r.string("deadline")) else { return nil }
            let answered = try r.optionalString("answered_on").flatMap(CivilDate.init)
            guard let reached = clock.reachedBulletin(deadline: deadline, lastAnswer: answered, from: period.from, through: period.through)
            else { return nil }
            return (
                try r.uuid("unit_id").uuidString, try r.value("unit_kind", as: UnitKind.self),
                BulletinRecord.Overdue(
                    unit: try r.string("unit_name"), number: try r.string("number"), title: try r.string("title"),
                    deadline: deadline.description, reached: reached.description, answered: answered?.description)
            )
        }
    }
}
