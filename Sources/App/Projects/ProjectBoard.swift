import Domain
import Fluent
import FluentSQL
import Vapor

/// The pipeline board's queries: per stage a count and the most recent cards, plus the lists
/// that need someone's attention (stalled projects, declined hosts). Raw SQL with binds over the
/// (jurisdiction_code, stage, stage_since) index, so a province of 100k projects stays fast.
enum ProjectBoard {
    /// 80 cards in all: 14 for each stage of the main line, 5 each for held and terminated.
    static func cardsPerStage(_ stage: ProjectStage) -> Int { ProjectStage.line.contains(stage) ? 14 : 5 }

    struct Filter: Sendable {
        var hostUnit: UUID?
        var majorOnly: Bool
        /// Only projects this person or their unit works on (attractor, host, coordinator, leader),
        /// wherever they sit; the default for those who do not oversee the whole jurisdiction.
        var mine: Bool

        init(hostUnit: UUID? = nil, majorOnly: Bool = false, mine: Bool = false) {
            self.hostUnit = hostUnit
            self.majorOnly = majorOnly
            self.mine = mine
        }

        var query: [String: String] {
            ["host": hostUnit?.uuidString ?? "", "major": majorOnly ? "1" : "", "mine": mine ? "1" : "0"]
        }
    }

    struct Card: Sendable {
        var id: UUID
        var title: String
        var enterpriseName: String
        var stage: String
        var verifiedStage: String
        var stageSince: String
        var investmentMinor: Int64
        var investmentCurrency: String
        var isMajor: Bool
        var hostStatus: String
        var lastActivityOn: String
        var hostName: String
        var leaderID: UUID?
        var jurisdictionCode: String
        /// The signing the bureau verified: the stall rule's "signed and not started" counts from it,
        /// and the card shows its contract (a reported one waits for verification, like the stage).
        var verifiedSignedOn: String? = nil
        var verifiedContractMinor: Int64? = nil
        var verifiedContractCurrency: String? = nil

        /// The contract amount once the signing is verified, the intended investment before.
        var amountText: String {
            let minor = verifiedContractMinor ?? investmentMinor
            let currency = Currency(rawValue: verifiedContractCurrency ?? investmentCurrency) ?? .cny
            return ChineseAmount.format(Money(minorUnits: minor, currency: currency))
        }
    }

    static let cacheKey = ShortCache.writeSensitive + "project-board:"

    struct Figures: Sendable {
        /// Projects by the stage the bureau verified: what the board counts.
        var counts: [ProjectStage: Int]
        /// Projects reported into a stage and not yet verified there: shown beside, never inside.
        var pending: [ProjectStage: Int] = [:]
        var cards: [ProjectStage: [Card]]
        var attention: [Card]
    }

    static let columns =
        "p.id, p.title, p.enterprise_name, p.stage, p.verified_stage, p.stage_since, p.investment_minor, p.investment_currency, "
        + "p.is_major, p.host_status, p.last_activity_on, p.leader_id, u.name AS host_name, p.jurisdiction_code, "
        + "p.verified_signed_on, p.verified_contract_minor, p.verified_contract_currency"

    /// The WHERE clause shared by every board query. A list read newest first in the order of an
    /// index asks for the scope as an expression (`indexOrdered`), so the planner walks that index
    /// instead of reading the whole jurisdiction to sort it.
    static func conditions(_ user: CurrentUser, _ filter: Filter, indexOrdered: Bool = false) -> SQLQueryString {
        var sql: SQLQueryString
        if filter.mine {
            // the ids first, each from an index, so the board reads only this person's projects
            sql =
                "p.id IN (SELECT a.project_id FROM project_attractors a WHERE a.person_id = \(bind: user.personID)"
                + " UNION SELECT c.project_id FROM project_coordinators c WHERE c.unit_id = \(bind: user.unitID)"
                + " UNION SELECT o.id FROM projects o WHERE o.host_unit_id = \(bind: user.unitID) OR o.leader_id = \(bind: user.personID))"
        } else if indexOrdered {
            // a six-digit code validated by `JurisdictionCode`: its prefix is digits only
            let prefix = user.scope.prefix
            sql = "SUBSTR(p.jurisdiction_code, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)"
        } else {
            sql = "p.jurisdiction_code >= \(bind: user.scope.prefix) AND p.jurisdiction_code < \(bind: user.scope.prefix + "~")"
        }
        if let host = filter.hostUnit { sql = sql + " AND p.host_unit_id = \(bind: host)" }
        if filter.majorOnly { sql = sql + " AND p.is_major = \(bind: true)" }
        return sql
    }

    /// Projects by verified stage; with `pending`, those reported into a stage they are not verified at.
    static func counts(_ user: CurrentUser, _ filter: Filter, pending: Bool = false, on db: any Database) async throws
        -> [ProjectStage: Int]
    {
        let query: SQLQueryString =
            pending
            ? "SELECT p.stage AS stage, COUNT(*) AS n FROM projects p WHERE \(conditions(user, filter)) AND p.stage <> p.verified_stage GROUP BY p.stage"
            : "SELECT p.verified_stage AS stage, COUNT(*) AS n FROM projects p WHERE \(conditions(user, filter)) GROUP BY p.verified_stage"
        let rows = try await db.sql.raw(query).all()
        var counts: [ProjectStage: Int] = [:]
        for row in rows {
            guard let stage = ProjectStage(rawValue: try row.decode(column: "stage", as: String.self)) else { continue }
            counts[stage] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The latest cards of every verified stage in one statement: per stage a walk of
    /// `projects_verified_newest` (migration 028) that stops at its cards, or for "my projects"
    /// a window over the few they are.
    static func cards(_ user: CurrentUser, _ filter: Filter, on db: any Database) async throws -> [ProjectStage: [Card]] {
        let query: SQLQueryString
        if filter.mine {
            query = """
                SELECT * FROM (
                  SELECT \(unsafeRaw: columns), ROW_NUMBER() OVER (PARTITION BY p.verified_stage ORDER BY p.stage_since DESC, p.id DESC) AS rn
                  FROM projects p JOIN units u ON u.id = p.host_unit_id WHERE \(conditions(user, filter))
                ) ranked WHERE rn <= \(bind: 14) ORDER BY stage_since DESC, id DESC
                """
        } else {
            let scope = conditions(user, filter, indexOrdered: true)
            query = ProjectStage.allCases.enumerated().map { index, stage -> SQLQueryString in
                """
                SELECT * FROM (SELECT \(unsafeRaw: columns) FROM projects p JOIN units u ON u.id = p.host_unit_id
                WHERE p.verified_stage = \(bind: stage.rawValue) AND \(scope)
                ORDER BY p.stage_since DESC, p.id DESC LIMIT \(bind: cardsPerStage(stage))) AS s\(unsafeRaw: String(index))
                """
            }.joined(separator: " UNION ALL ")
        }
        let rows = try await db.sql.raw(query).all().map(Card.init)
        var byStage: [ProjectStage: [Card]] = [:]
        for card in rows {
            guard let stage = ProjectStage(rawValue: card.verifiedStage), (byStage[stage]?.count ?? 0) < cardsPerStage(stage) else {
                continue
            }
            byStage[stage, default: []].append(card)
        }
        // newest stage change first; a tie keeps the order the database gave
        return byStage.mapValues { cards in
            cards.enumerated().sorted { ($0.element.stageSince, $1.offset) > ($1.element.stageSince, $0.offset) }.map(\.element)
        }
    }

    /// Projects needing attention: signed and not started past the limit, quiet past the limit
    /// (each project by its own jurisdiction's limits), or declined by their host.
    static func attention(_ user: CurrentUser, _ filter: Filter, today: CivilDate, settings: SettingsSchedule, on db: any Database)
        async throws -> [Card]
    {
        // the most specific jurisdiction with its own limits decides: a CASE over their prefixes
        let own = settings.inEffectByJurisdiction(on: today)
        func before(_ days: KeyPath<JurisdictionSettings, Int>) -> SQLQueryString {
            let standard = today.adding(days: -JurisdictionSettings.standard[keyPath: days]).description
            guard !own.isEmpty else { return "\(bind: standard)" }
            var sql: SQLQueryString = "CASE"
            for (code, rule) in own {
                sql = sql + " WHEN p.jurisdiction_code LIKE \(bind: code.prefix + "%")"
                sql = sql + " THEN \(bind: today.adding(days: -rule[keyPath: days]).description)"
            }
            return sql + " ELSE \(bind: standard) END"
        }
        // the loosest limit bounds each index walk; the CASE then judges each project by its own
        func latest(_ days: KeyPath<JurisdictionSettings, Int>) -> String {
            ([JurisdictionSettings.standard] + own.map(\.1)).map { today.adding(days: -$0[keyPath: days]).description }.max() ?? ""
        }
        let signedBefore = before(\.signedNotStartedDays)
        let quietBefore = before(\.quietDays)
        // each kind of attention its own walk of an index (migration 028), newest activity first;
        // the 12 newest of their union are the 12 newest of all
        let scope = conditions(user, filter, indexOrdered: !filter.mine)
        let open: SQLQueryString = "p.stage NOT IN ('producing', 'terminated')"
        // without statistics SQLite would read every signed project for its equality on the stage
        let signedIndex = db.sql.dialect.name == "sqlite" ? " INDEXED BY projects_signed_waiting" : ""
        let kinds: [(from: String, condition: SQLQueryString)] = [
            ("", "p.last_activity_on < \(bind: latest(\.quietDays)) AND p.last_activity_on < \(quietBefore)"),
            (
                filter.mine ? "" : signedIndex,
                "p.verified_stage = 'signed' AND p.verified_signed_on < \(bind: latest(\.signedNotStartedDays))"
                    + " AND p.verified_signed_on < \(signedBefore)"
            ),
            ("", "p.host_status = 'declined'"),
            ("", "p.leader_id IS NULL AND p.is_major = \(bind: true)"),
        ]
        let ids = kinds.enumerated().map { index, kind -> SQLQueryString in
            """
            SELECT id FROM (SELECT p.id FROM projects p\(unsafeRaw: kind.from) WHERE \(scope) AND \(open) AND \(kind.condition)
            ORDER BY p.last_activity_on DESC, p.id DESC LIMIT 12) AS k\(unsafeRaw: String(index))
            """
        }.joined(separator: " UNION ")
        return try await db.sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM projects p JOIN units u ON u.id = p.host_unit_id
            WHERE p.id IN (\(ids)) ORDER BY p.last_activity_on DESC, p.id DESC LIMIT 12
            """
        ).all().map(Card.init)
    }
}

extension ProjectBoard {
    /// What the API lists of a project: the board's card in API terms.
    struct Item: Content {
        var id: UUID
        var title: String
        var enterpriseName: String
        var stage: String
        var verifiedStage: String
        var stageSince: String
        var amountText: String
        var isMajor: Bool
        var hostStatus: String
        var hostName: String
        var lastActivityOn: String

        init(_ card: Card) {
            id = card.id
            title = card.title
            enterpriseName = card.enterpriseName
            stage = card.stage
            verifiedStage = card.verifiedStage
            stageSince = card.stageSince
            amountText = card.amountText
            isMajor = card.isMajor
            hostStatus = card.hostStatus
            hostName = card.hostName
            lastActivityOn = card.lastActivityOn
        }
    }

    /// A page of projects, newest stage change first; one more row than asked tells of a next page.
    static func list(_ user: CurrentUser, _ filter: Filter, stage: ProjectStage?, paging: Paging, on db: any Database) async throws
        -> [Item]
    {
        try await db.sql.raw(listQuery(user, filter, stage: stage, paging: paging)).all().map(Card.init).map(Item.init)
    }

    /// Newest stage change first, over `projects_newest` (or `projects_stage_newest` for a stage).
    static func listQuery(_ user: CurrentUser, _ filter: Filter, stage: ProjectStage?, paging: Paging) -> SQLQueryString {
        var conditions = conditions(user, filter, indexOrdered: true)
        if let stage { conditions = conditions + " AND p.stage = \(bind: stage.rawValue)" }
        return """
            SELECT \(unsafeRaw: columns) FROM projects p JOIN units u ON u.id = p.host_unit_id
            WHERE \(conditions) ORDER BY p.stage_since DESC, p.id DESC LIMIT \(bind: paging.per + 1) OFFSET \(bind: (paging.page - 1) * paging.per)
            """
    }
}

/// The filter a request asks for; the memberwise init stays for fixtures.
extension ProjectBoard.Filter {
    init(_ request: Request) throws {
        hostUnit = try request.queryID("host")
        majorOnly = try request.queryFlag("major")
        mine = try request.queryMine()
    }
}

extension ProjectBoard.Card {
    /// A row of `columns`, read column by column (`RowReader`).
    init(_ row: any SQLRow) throws {
        let r = RowReader(row)
        (id, title, enterpriseName) = (try r.uuid("id"), try r.string("title"), try r.string("enterprise_name"))
        (stage, verifiedStage, stageSince) = (try r.string("stage"), try r.string("verified_stage"), try r.string("stage_since"))
        (investmentMinor, investmentCurrency) = (try r.int64("investment_minor"), try r.string("investment_currency"))
        (isMajor, hostStatus, lastActivityOn) = (try r.bool("is_major"), try r.string("host_status"), try r.string("last_activity_on"))
        (hostName, leaderID, jurisdictionCode) = (
            try r.string("host_name"), try r.optionalUUID("leader_id"), try r.string("jurisdiction_code")
        )
        verifiedSignedOn = try r.optionalString("verified_signed_on")
        verifiedContractMinor = try r.optionalInt64("verified_contract_minor")
        verifiedContractCurrency = try r.optionalString("verified_contract_currency")
    }
}
