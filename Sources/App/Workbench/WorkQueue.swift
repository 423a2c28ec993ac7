import Domain
import Fluent
import FluentSQL
import Vapor

/// One thing waiting on me or my unit (SPEC §11a), with its deadline and light.
struct WorkItem: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case respondLead, assessLead, giveOpinion, verifyReport, verifyFunds, answerHosting
        case routeWorkOrder, signForWorkOrder, answerWorkOrder, confirmWorkOrder, nextStep

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
/// steps. Verifications, which have no legal deadline, are due five working days after the report
/// (`verifyWithin`), so that they too turn yellow and red.
enum WorkQueue {
    /// Items shown per section; the count says how many there are in all.
    static let shown = 10
    static let verifyWithin = 5

    private struct Source {
        var kind: WorkItem.Kind
        /// FROM … WHERE …
        var from: SQLQueryString
        /// The columns `id`, `title`, `note` and `due`; `due` is the deadline, or the day the clock starts.
        var columns: String
        /// The expression `due` is, to order by (oldest first).
        var due: String
        var url: (UUID) -> SiteURL
        /// Turns `due` into the deadline (verifications: five working days later).
        var deadline: (CivilDate) -> CivilDate = { $0 }
    }

    static func sections(for user: CurrentUser, today: CivilDate, on db: any Database) async throws -> [WorkSection] {
        var sections: [WorkSection] = []
        for source in sources(for: user) {
            let count = try await db.sql.raw("SELECT COUNT(*) AS n \(source.from)").first()?.decode(column: "n", as: Int.self) ?? 0
            guard count > 0 else { continue }
            let rows = try await db.sql.raw(
                "SELECT \(unsafeRaw: source.columns) \(source.from) ORDER BY \(unsafeRaw: source.due), 1 LIMIT \(bind: shown)"
            ).all()
            let items = try rows.map { row -> WorkItem in
                let r = RowReader(row)
                let id = try r.uuid("id")
                return WorkItem(
                    kind: source.kind, id: id, title: try r.string("title"), note: try r.optionalString("note") ?? "",
                    deadline: try r.optionalString("due").flatMap(CivilDate.init).map(source.deadline), url: source.url(id))
            }
            sections.append(
                WorkSection(kind: source.kind, count: count, items: items.sorted { WorkLight.precedes($0.deadline, $1.deadline) }))
        }
        // the section whose oldest item is most overdue first
        return sections.sorted { WorkLight.precedes($0.items.first?.deadline, $1.items.first?.deadline) }
    }

    private static func sources(for user: CurrentUser) -> [Source] {
        let (me, unit, prefix) = (user.personID, user.unitID, user.scope.prefix)
        func scope(_ alias: String) -> SQLQueryString {
            "\(unsafeRaw: alias).jurisdiction_code >= \(bind: prefix) AND \(unsafeRaw: alias).jurisdiction_code < \(bind: prefix + "~")"
        }
        func allowed(_ action: AccessPolicy.Action, _ resource: AccessPolicy.Resource) -> Bool {
            AccessPolicy.decide(user.actor, action, resource) == .allowed
        }
        let calendar = WorkingCalendar.china
        let verifyBy: (CivilDate) -> CivilDate = { calendar.adding(workingDays: verifyWithin, to: $0) }
        var sources: [Source] = []
        if allowed(.manage, .lead) {
            sources.append(
                Source(
                    kind: .respondLead, from: "FROM leads l WHERE \(scope("l")) AND l.status = 'submitted'",
                    columns: "l.id AS id, l.enterprise_name AS title, l.submitted_on AS note, l.respond_by AS due", due: "l.respond_by",
                    url: { .lead($0) }))
            sources.append(
                Source(
                    kind: .assessLead, from: "FROM leads l WHERE \(scope("l")) AND l.status = 'responded' AND l.assessed_on IS NULL",
                    columns: "l.id AS id, l.enterprise_name AS title, l.submitted_on AS note, l.assess_by AS due", due: "l.assess_by",
                    url: { .lead($0) }))
        }
        // a panel member's opinion on an open review they have neither given nor recused from
        let member = "%\(me.uuidString)%"
        sources.append(
            Source(
                kind: .giveOpinion,
                from: """
                    FROM lead_reviews r JOIN review_panels rp ON rp.id = r.panel_id JOIN leads l ON l.id = r.lead_id
                    WHERE l.status = 'responded' AND rp.members LIKE \(bind: member) AND r.recused NOT LIKE \(bind: member)
                    AND NOT EXISTS (SELECT 1 FROM review_opinions o WHERE o.lead_id = r.lead_id AND o.member_id = \(bind: me))
                    """,
                columns: "l.id AS id, l.enterprise_name AS title, rp.name AS note, l.assess_by AS due", due: "l.assess_by",
                url: { .leadReview($0) }))
        if AccessPolicy.may(user.roles, .verifyEntry) {
            sources.append(
                Source(
                    kind: .verifyReport,
                    from: """
                        FROM stage_reports s JOIN projects p ON p.id = s.project_id
                        WHERE \(scope("p")) AND s.verified_by IS NULL AND s.reported_by <> \(bind: me)
                        """,
                    columns: "p.id AS id, p.title AS title, s.to_stage AS note, s.reported_on AS due", due: "s.reported_on",
                    url: { .project($0) }, deadline: verifyBy))
            sources.append(
                Source(
                    kind: .verifyFunds,
                    from: """
                        FROM funds_arrivals f JOIN projects p ON p.id = f.project_id
                        WHERE \(scope("p")) AND f.verified_by IS NULL AND f.reported_by <> \(bind: me)
                        """,
                    columns: "p.id AS id, p.title AS title, f.arrived_on AS note, COALESCE(f.recorded_on, f.arrived_on) AS due",
                    due: "COALESCE(f.recorded_on, f.arrived_on)", url: { .project($0) }, deadline: verifyBy))
        }
        if AccessPolicy.may(user.roles, .answerAsHost, ties: .ownUnit) {
            sources.append(
                Source(
                    kind: .answerHosting, from: "FROM projects p WHERE p.host_unit_id = \(bind: unit) AND p.host_status = 'pending'",
                    columns: "p.id AS id, p.title AS title, p.enterprise_name AS note, p.accepted_on AS due", due: "p.accepted_on",
                    url: { .project($0) }, deadline: verifyBy))
        }
        let orderColumns = "w.id AS id, w.title AS title, w.number AS note, w.deadline AS due"
        if allowed(.manage, .workOrder) {
            sources.append(
                Source(
                    kind: .routeWorkOrder, from: "FROM work_orders w WHERE \(scope("w")) AND w.status = 'submitted'", columns: orderColumns,
                    due: "w.deadline", url: { .workOrder($0) }))
        }
        if AccessPolicy.may(user.roles, .answerWorkOrder, ties: .ownUnit) {
            sources.append(
                Source(
                    kind: .signForWorkOrder, from: "FROM work_orders w WHERE w.responsible_unit_id = \(bind: unit) AND w.status = 'routed'",
                    columns: orderColumns, due: "w.deadline", url: { .workOrder($0) }))
            sources.append(
                Source(
                    kind: .answerWorkOrder,
                    from: "FROM work_orders w WHERE w.responsible_unit_id = \(bind: unit) AND w.status IN ('signedFor', 'inProgress')",
                    columns: orderColumns, due: "w.deadline", url: { .workOrder($0) }))
        }
        // the requester confirms an answer; nothing dates it, so it comes after every dated item
        sources.append(
            Source(
                kind: .confirmWorkOrder, from: "FROM work_orders w WHERE w.requester_id = \(bind: me) AND w.status = 'answered'",
                columns: "w.id AS id, w.title AS title, w.number AS note, NULL AS due", due: "w.answered_on", url: { .workOrder($0) }))
        sources.append(
            Source(
                kind: .nextStep,
                from: "FROM activities a WHERE a.owner_id = \(bind: me) AND a.next_due IS NOT NULL AND a.next_done_on IS NULL",
                columns: "a.id AS id, a.counterpart AS title, a.next_step AS note, a.next_due AS due", due: "a.next_due",
                url: { _ in .todos }))
        return sources
    }

    /// Unread notices: a count on the workbench, read in the inbox.
    static func unreadNotices(of person: UUID, on db: any Database) async throws -> Int {
        try await db.sql.raw("SELECT COUNT(*) AS n FROM notices WHERE person_id = \(bind: person) AND read_at IS NULL").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
