import Domain
import Fluent
import FluentSQL
import Vapor

/// The lead list's query: scope, visibility, status and the overdue filter.
enum LeadList {
    static let perPage = 30

    struct Filter: Sendable {
        enum State: String, CaseIterable, Sendable { case open, closed, all }
        var state: State
        var overdueOnly: Bool
        var page: Int

        init(state: State = .open, overdueOnly: Bool = false, page: Int = 1) {
            (self.state, self.overdueOnly, self.page) = (state, overdueOnly, page)
        }

        init(_ request: Request) throws {
            state = try request.queryChoice("state", State.self) ?? .open
            overdueOnly = try request.queryFlag("overdue")
            page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 1_000))
        }

        var query: [String: String] { ["state": state.rawValue, "overdue": overdueOnly ? "1" : ""] }
    }

    /// Rows read as plain values: a Fluent model walks its properties by reflection for every
    /// row, and a `Decodable` row takes a nested decoder per column (`RowReader`).
    static func rows(for user: CurrentUser, filter: Filter, today: CivilDate, on db: any Database) async throws -> [LeadDTO] {
        try await db.sql.raw(query(for: user, filter: filter, today: today)).all().map(dto)
    }

    static let columns =
        "l.id, l.enterprise_name, l.uscc, l.industry_code, l.investment_minor, l.investment_currency, l.land_mu_tenths, "
        + "l.space_m2, l.energy_tce, l.power_kva, l.jobs, l.channel, l.notes, l.status, l.submitter_id, l.submitter_unit_id, "
        + "l.collides_with_id, l.merged_into_id, l.submitted_on, l.respond_by, l.assess_by, l.feedback_by, l.responded_on, "
        + "l.assessed_on, l.feedback_on, l.decision_note, l.version"

    /// One lead as the list reads it (`columns`), read column by column (`RowReader`).
    static func dto(_ row: any SQLRow) throws -> LeadDTO {
        let r = RowReader(row)
        let investment = Money(
            minorUnits: try r.int64("investment_minor"), currency: Currency(rawValue: try r.string("investment_currency")) ?? .cny)
        return LeadDTO(
            id: try r.uuid("id"), enterpriseName: try r.string("enterprise_name"), uscc: try r.optionalString("uscc"),
            industryCode: try r.string("industry_code"), investment: investment, investmentText: ChineseAmount.format(investment),
            landMu: LeadDTO.landMuText(try r.int("land_mu_tenths")), spaceM2: try r.int("space_m2"), energyTCE: try r.int("energy_tce"),
            powerKVA: try r.int("power_kva"), jobs: try r.int("jobs"), channel: try r.value("channel", as: LeadChannel.self),
            notes: try r.string("notes"), status: try r.value("status", as: LeadStatus.self), submitterID: try r.uuid("submitter_id"),
            submitterUnitID: try r.uuid("submitter_unit_id"), collidesWithID: try r.optionalUUID("collides_with_id"),
            mergedIntoID: try r.optionalUUID("merged_into_id"), submittedOn: try r.string("submitted_on"),
            respondBy: try r.string("respond_by"), assessBy: try r.string("assess_by"), feedbackBy: try r.string("feedback_by"),
            respondedOn: try r.optionalString("responded_on"), assessedOn: try r.optionalString("assessed_on"),
            feedbackOn: try r.optionalString("feedback_on"), decisionNote: try r.string("decision_note"), version: try r.int("version"))
    }

    /// Newest first, read in the order of an index and filtered as it goes, so a page costs about
    /// its thirty rows whatever the size of the jurisdiction: the scope is an expression (the
    /// planner cannot pick the jurisdiction index and sort all of it), a unit's own list walks
    /// `leads_unit_newest`, everyone else's `leads_newest` (migration 026).
    static func query(for user: CurrentUser, filter: Filter, today: CivilDate) -> SQLQueryString {
        // a six-digit code validated by `JurisdictionCode`: its prefix is digits only
        let prefix = user.scope.prefix
        var conditions: SQLQueryString = "SUBSTR(l.jurisdiction_code, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)"
        if !AccessPolicy.seesWholeJurisdiction(user.roles) {
            conditions = conditions + " AND l.submitter_unit_id = \(bind: user.unitID)"
        }
        let open = LeadStatus.allCases.filter(\.isOpen).map(\.rawValue)
        switch filter.state {
        case .open: conditions = conditions + " AND l.status IN (\(binds: open))"
        case .closed: conditions = conditions + " AND l.status NOT IN (\(binds: open))"
        case .all: break
        }
        if filter.overdueOnly {
            // deadlines are ISO dates, so string order is date order on both engines
            let today = today.description
            conditions =
                conditions + " AND l.status IN (\(binds: open)) AND ((l.responded_on IS NULL AND l.respond_by < \(bind: today))"
                + " OR (l.assessed_on IS NULL AND l.assess_by < \(bind: today)) OR (l.feedback_on IS NULL AND l.feedback_by < \(bind: today)))"
        }
        let offset = (filter.page - 1) * perPage
        return """
            SELECT \(unsafeRaw: columns) FROM leads l WHERE \(conditions)
            ORDER BY l.submitted_on DESC, l.created_at DESC LIMIT \(bind: perPage + 1) OFFSET \(bind: offset)
            """
    }
}

/// The three deadlines of a lead and whether each was (or is being) missed.
struct LeadClock: Sendable {
    struct Step: Sendable {
        var label: AppError.Message
        var deadline: String
        var done: String?
        var late: Bool
    }

    var steps: [Step]

    init(_ lead: LeadDTO, today: CivilDate) {
        func step(_ zh: String, _ en: String, _ deadline: String, _ done: String?) -> Step {
            let late = CivilDate(deadline).map {
                ResponseClock.isLate(deadline: $0, doneOn: done.flatMap(CivilDate.init), today: today, leadOpen: lead.status.isOpen)
            }
            return Step(label: .init(zh: zh, en: en), deadline: deadline, done: done, late: late ?? false)
        }
        steps = [
            step("首次响应", "First response", lead.respondBy, lead.respondedOn),
            step("研判", "Assessment", lead.assessBy, lead.assessedOn),
            step("反馈来源", "Feedback", lead.feedbackBy, lead.feedbackOn),
        ]
    }

    var isLate: Bool { steps.contains(where: \.late) }
}
