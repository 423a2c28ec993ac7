import Domain
import Fluent
import FluentSQL
import Vapor

/// One thing waiting on me or my unit (SPEC §11a), with its deadline and light.
struct WorkItem: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case respondLead, assessLead, giveOpinion, verifyReport, verifyFunds, answerHosting
        case routeWorkOrder, signForWorkOrder, answerWorkOrder, confirmWorkOrder, nextStep, linkageContact

        func label(_ lang: Lang) -> String {
            switch self {
            case .respondLead: lang("线索待首次响应", "Leads to respond to")
            case .assessLead: lang("线索待研判", "Leads to assess")
            case .giveOpinion: lang("预审待发表意见", "Panel opinions I owe")
            case .verifyReport: lang("阶段报送待核验", "Stage reports to verify")
            case .verifyFunds: lang("到位资金待核验", "Funds entries to verify")
            case .answerHosting: lang("项目待本单位答复承接", "Projects waiting for my unit to host")
            case .routeWorkOrder: lang("诉求待分办", "Items to route")
            case .signForWorkOrder: lang("诉求待签收", "Items to sign for")
            case .answerWorkOrder: lang("诉求待答复", "Items to answer")
            case .confirmWorkOrder: lang("办理结果待我确认", "Results to confirm")
            case .nextStep: lang("我的下一步", "My next steps")
            case .linkageContact: lang("包联企业待联系", "Linked enterprises to contact")
            }
        }
    }

    var kind: Kind
    var id: UUID
    var title: String
    /// A short note: the stage reported, the amount, the step to take.
    var note: String
    var deadline: CivilDate?
    var url: SiteURL

    func light(today: CivilDate) -> WorkLight { WorkLight.of(deadline: deadline, today: today) }
}

/// The workbench's sections: per kind of to-do, how many are waiting and the most overdue of them.
struct WorkSection: Sendable {
    var kind: WorkItem.Kind
    var count: Int
    var items: [WorkItem]
}

/// What waits on a person, gathered from every room by what the one policy lets them do: the
/// bureau's leads and verifications (never their own reports), a panel member's opinions, a host
/// unit's projects to answer, the work orders of the unit and of the requester, the person's next
/// steps. Deadlines that no record holds are Domain's: a verification is due by
/// `VerifiableEntry.verifyBy`, a host's answer by `ProjectRules.hostAnswerBy`.
enum WorkQueue {
    /// Items shown per section; the count says how many there are in all, up to `countBound`
    /// ("1000 项以上" beyond: nobody works through more in one sitting, and counting further would
    /// read a province's whole backlog on every view of the home page).
    static let shown = 10
    static let countBound = 1_000

    private struct Source {
        var kind: WorkItem.Kind
        /// FROM … WHERE …
        var from: SQLQueryString
        /// The expressions of the item's id, title and note.
        var id: String, title: String, note: String
        /// The expression of the deadline, or of the day the clock starts (`deadline` turns it into
        /// one, or into none); the section is read oldest first by it.
        var due: String
        var url: (UUID) -> SiteURL
        var deadline: (CivilDate) -> CivilDate? = { $0 }
    }

    static func sections(for user: CurrentUser, today: CivilDate, on db: any Database) async throws -> [WorkSection] {
        var sections: [WorkSection] = []
        for source in try await sources(for: user, on: db) {
            // the count reads no more than the waiting entries' index and the columns of the scope,
            // and stops at `countBound` in deadline order; the rows shown are read for the first
            // few only, and not at all for an empty section
            let count =
                try await db.sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM (SELECT 1 AS one \(source.from) ORDER BY \(unsafeRaw: source.due) LIMIT \(bind: countBound)) AS waiting
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            guard count > 0 else { continue }
            let rows = try await db.sql.raw(
                """
                SELECT \(unsafeRaw: source.id) AS id, \(unsafeRaw: source.title) AS title, \(unsafeRaw: source.note) AS note,
                  \(unsafeRaw: source.due) AS due
                \(source.from) ORDER BY \(unsafeRaw: source.due), \(unsafeRaw: source.id) LIMIT \(bind: shown)
                """
            ).all()
            let items = try rows.map { row -> WorkItem in
                let r = RowReader(row)
                let id = try r.uuid("id")
                return WorkItem(
                    kind: source.kind, id: id, title: try r.string("title"), note: try r.optionalString("note") ?? "",
                    deadline: try r.optionalString("due").flatMap(CivilDate.init).flatMap(source.deadline), url: source.url(id))
            }
            sections.append(
                WorkSection(kind: source.kind, count: count, items: items.sorted { WorkLight.precedes($0.deadline, $1.deadline) }))
        }
        if let linkage = try await linkageSection(for: user, today: today, on: db) { sections.append(linkage) }
        // the section whose oldest item is most overdue first
        return sections.sorted { WorkLight.precedes($0.items.first?.deadline, $1.items.first?.deadline) }
    }

    private static func sources(for user: CurrentUser, on db: any Database) async throws -> [Source] {
        let (me, unit, prefix) = (user.personID, user.unitID, user.scope.prefix)
        func scope(_ alias: String) -> SQLQueryString {
            "\(unsafeRaw: alias).jurisdiction_code >= \(bind: prefix) AND \(unsafeRaw: alias).jurisdiction_code < \(bind: prefix + "~")"
        }
        // the scope as an expression: the planner then walks the waiting entries' partial index
        // (migration 029) in deadline order instead of every project of the jurisdiction
        func walked(_ alias: String) -> SQLQueryString {
            "SUBSTR(\(unsafeRaw: alias).jurisdiction_code, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)"
        }
        func allowed(_ action: AccessPolicy.Action, _ resource: AccessPolicy.Resource) -> Bool {
            AccessPolicy.decide(user.actor, action, resource) == .allowed
        }
        let verifyBy: (CivilDate) -> CivilDate? = { VerifiableEntry.verifyBy(reportedOn: $0) }
        var sources: [Source] = []
        if allowed(.manage, .lead) {
            sources.append(
                Source(
                    kind: .respondLead, from: "FROM leads l WHERE \(walked("l")) AND l.status = 'submitted'", id: "l.id",
                    title: "l.enterprise_name", note: "l.submitted_on", due: "l.respond_by", url: { .lead($0) }))
            sources.append(
                Source(
                    kind: .assessLead, from: "FROM leads l WHERE \(walked("l")) AND l.status = 'responded' AND l.assessed_on IS NULL",
                    id: "l.id", title: "l.enterprise_name", note: "l.submitted_on", due: "l.assess_by", url: { .lead($0) }))
        }
        // a panel member's opinion on an open review they have neither given nor recused from: the
        // panels they sit on first (a handful), then the leads waiting for assessment (a responded
        // lead is unassessed until decided) in deadline order over their partial index (migration
        // 029), never every review ever held; nobody outside a panel pays for the section
        let member = "%\(me.uuidString)%"
        let panels = try await db.sql.raw("SELECT id FROM review_panels WHERE members LIKE \(bind: member)").all().map {
            try RowReader($0).uuid("id")
        }
        if !panels.isEmpty {
            sources.append(
                Source(
                    kind: .giveOpinion,
                    from: """
                        FROM leads l JOIN lead_reviews r ON r.lead_id = l.id JOIN review_panels rp ON rp.id = r.panel_id
                        WHERE l.status = 'responded' AND l.assessed_on IS NULL
                        AND r.panel_id IN (\(binds: panels)) AND r.recused NOT LIKE \(bind: member)
                        AND NOT EXISTS (SELECT 1 FROM review_opinions o WHERE o.lead_id = r.lead_id AND o.member_id = \(bind: me))
                        """,
                    id: "l.id", title: "l.enterprise_name", note: "rp.name", due: "l.assess_by", url: { .leadReview($0) }))
        }
        if AccessPolicy.may(user.roles, .verifyEntry) {
            sources.append(
                Source(
                    kind: .verifyReport,
                    from: """
                        FROM stage_reports s JOIN projects p ON p.id = s.project_id
                        WHERE \(walked("p")) AND s.verified_by IS NULL AND s.reported_by <> \(bind: me)
                        """,
                    id: "p.id", title: "p.title", note: "s.to_stage", due: "s.reported_on", url: { .project($0) }, deadline: verifyBy))
            sources.append(
                Source(
                    kind: .verifyFunds,
                    from: """
                        FROM funds_arrivals f JOIN projects p ON p.id = f.project_id
                        WHERE \(walked("p")) AND f.verified_by IS NULL AND f.reported_by <> \(bind: me)
                        """,
                    id: "p.id", title: "p.title", note: "f.arrived_on", due: "COALESCE(f.recorded_on, f.arrived_on)",
                    url: { .project($0) }, deadline: verifyBy))
        }
        if AccessPolicy.may(user.roles, .answerAsHost, ties: .ownUnit) {
            sources.append(
                Source(
                    kind: .answerHosting, from: "FROM projects p WHERE p.host_unit_id = \(bind: unit) AND p.host_status = 'pending'",
                    id: "p.id", title: "p.title", note: "p.enterprise_name", due: "p.accepted_on", url: { .project($0) },
                    deadline: { ProjectRules.hostAnswerBy(acceptedOn: $0) }))
        }
        func workOrders(_ kind: WorkItem.Kind, _ condition: SQLQueryString) -> Source {
            Source(
                kind: kind, from: "FROM work_orders w WHERE \(condition)", id: "w.id", title: "w.title", note: "w.number",
                due: "w.deadline", url: { .workOrder($0) })
        }
        if allowed(.manage, .workOrder) { sources.append(workOrders(.routeWorkOrder, "\(scope("w")) AND w.status = 'submitted'")) }
        if AccessPolicy.may(user.roles, .answerWorkOrder, ties: .ownUnit) {
            sources.append(workOrders(.signForWorkOrder, "w.responsible_unit_id = \(bind: unit) AND w.status = 'routed'"))
            sources.append(
                workOrders(.answerWorkOrder, "w.responsible_unit_id = \(bind: unit) AND w.status IN ('signedFor', 'inProgress')"))
        }
        // the requester confirms an answer, the earliest answered first; nothing sets a day for it,
        // so it comes after every dated item
        if AccessPolicy.may(user.roles, .confirmWorkOrder, ties: .author) {
            var confirm = workOrders(.confirmWorkOrder, "w.requester_id = \(bind: me) AND w.status = 'answered'")
            (confirm.due, confirm.deadline) = ("w.answered_on", { _ in nil })
            sources.append(confirm)
        }
        sources.append(
            Source(
                kind: .nextStep,
                from: "FROM activities a WHERE a.owner_id = \(bind: me) AND a.next_due IS NOT NULL AND a.next_done_on IS NULL",
                id: "a.id", title: "a.counterpart", note: "a.next_step", due: "a.next_due", url: { _ in .todos }))
        return sources
    }

    /// 包联: the enterprises a leader has not yet contacted this month (due at its end), or not yet
    /// visited for an on-site office this quarter (due at the quarter's end), by the rule the 包联 board applies.
    static func linkageSection(for user: CurrentUser, today: CivilDate, on db: any Database) async throws -> WorkSection? {
        let lines = try await LinkageStanding.lines(scope: user.scope, month: today, leader: user.personID, on: db)
        let monthEnd = CivilDate(year: today.year, month: today.month, day: CivilDate.daysIn(today.month, today.year))!
        let quarterEndMonth = (today.month - 1) / 3 * 3 + 3
        let quarterEnd = CivilDate(year: today.year, month: quarterEndMonth, day: CivilDate.daysIn(quarterEndMonth, today.year))!
        let items = lines.compactMap { line -> WorkItem? in
            let s = line.standing
            guard s.contactsShort > 0 || s.onSiteShort > 0 else { return nil }
            var notes: [String] = []
            if s.contactsShort > 0 { notes.append("本月尚需联系 \(s.contactsShort) 次") }
            if s.onSiteShort > 0 { notes.append("本季度尚需驻企办公 \(s.onSiteShort) 次") }
            return WorkItem(
                kind: .linkageContact, id: line.linkageID, title: line.enterpriseName, note: notes.joined(separator: "，"),
                deadline: s.contactsShort > 0 ? monthEnd : quarterEnd, url: .linkage)
        }.sorted { WorkLight.precedes($0.deadline, $1.deadline) }
        guard !items.isEmpty else { return nil }
        return WorkSection(kind: .linkageContact, count: items.count, items: Array(items.prefix(shown)))
    }

    /// Unread notices: a count on the workbench, read in the inbox.
    static func unreadNotices(of person: UUID, on db: any Database) async throws -> Int {
        try await db.sql.raw("SELECT COUNT(*) AS n FROM notices WHERE person_id = \(bind: person) AND read_at IS NULL").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
