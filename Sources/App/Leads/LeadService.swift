import Domain
import Fluent
import Foundation
import Vapor

/// Leads: submission with the collision check and the response clock, the bureau's response,
/// its decisions and merges. Every change is audited in the same transaction.
struct LeadService {
    let request: Request

    /// What the route gate asks before a lead route reads its body (`RouteGates`): the lead within
    /// reach, and for 入库 or 不予入库 the bureau or the panel's chair.
    static func installGate(_ app: Application) {
        app.objectGates.checks["lead"] = { request, id, gate in
            _ = try await LeadService(request: request).find(id, for: gate.action == .manage ? .manage : .read)
            guard let deed = gate.deed else { return }
            let user = try request.requireUser()
            let chair = try await ReviewService.review(of: id, on: request.db)?.panel.chairID == user.personID
            guard AccessPolicy.may(user.roles, deed, ties: chair ? .panelChair : []) else { throw AppError.forbidden }
        }
    }

    /// A lead the current user may open, or 404.
    func find(_ id: UUID, for action: AccessPolicy.Action = .read) async throws -> Lead {
        let user = try request.authorize(action, .lead)
        guard let lead = try await Lead.find(id, on: request.db) else { throw AppError.notFound }
        var ties: AccessPolicy.Ties = lead.submitterUnitID == user.unitID ? .ownUnit : []
        if (try? request.authorize(action, .lead, in: lead.jurisdictionCode)) != nil { ties.insert(.withinJurisdiction) }
        if AccessPolicy.may(user.roles, .readLead, ties: ties) { return lead }
        // the members of the panel the lead was put to read it too, wherever their unit sits
        if action == .read, let panel = try await ReviewService.review(of: id, on: request.db)?.panel,
            panel.members.contains(user.personID),
            AccessPolicy.may(user.roles, .readLead, ties: ties.union(.panelMember))
        {
            return lead
        }
        throw AppError.notFound
    }

    /// What a submission reads besides its input, before its transaction: the submitter, the
    /// response clock of their jurisdiction today, the rate table and the other rooms' collision
    /// checks. An import reads it once for all its rows.
    struct Submission: Sendable {
        var user: CurrentUser
        var clock: ResponseClock
        var rates: ExchangeRates
        var holders: [LeadExtensions.Holder]
        var actor: AuditActor
        var millis: Int64
        var today: CivilDate
    }

    func submission() async throws -> Submission {
        let user = try request.authorize(.write, .lead)
        let today = request.clock.today
        // the clock's tier is judged in CNY at the month's rate, by the tiers the jurisdiction set for today
        return Submission(
            user: user, clock: ResponseClock(try await SettingsService.inEffect(request, for: user.scope.value, on: today)),
            rates: try await ExchangeRate.table(request), holders: request.application.leadExtensions.holders,
            actor: request.auditActor, millis: request.clock.millis, today: today)
    }

    func submit(_ input: LeadInput) async throws -> Lead {
        let submission = try await submission()
        return try await request.writeTransaction { db in try await Self.submit(input, submission, on: db) }
    }

    /// The submission's checks and writes on `db`: the form's own transaction, or an import's.
    /// `broughtBy`: the person (and unit) who brought the lead, when the importer records another's
    /// (a project ledger's 招商人); the submitter otherwise.
    static func submit(_ input: LeadInput, _ submission: Submission, broughtBy: (person: UUID, unit: UUID)? = nil, on db: any Database)
        async throws -> Lead
    {
        let (user, today) = (submission.user, submission.today)
        let cityScope = LeadRules.collisionScope(for: user.scope)
        let deadlines: ResponseClock.Deadlines
        do { deadlines = try submission.clock.deadlines(submitted: today, investment: input.investment, rates: submission.rates) } catch {
            throw MoneyInput.missingRate(error, field: "investment")
        }
        let holder = try await Self.openLead(for: input.enterpriseName, uscc: input.uscc, within: cityScope, on: db)
        if let holder, !input.confirmDuplicate { throw try await Self.collision(holder, on: db) }
        if holder == nil, !input.confirmDuplicate {
            for check in submission.holders {
                if let collision = try await check(input.enterpriseName, input.uscc, cityScope, db) { throw collision }
            }
        }
        let lead = Lead()
        lead.id = UUID()
        lead.enterpriseName = input.enterpriseName
        lead.nameKey = NameNormalizer.key(for: input.enterpriseName)
        // tied to the registry entry it names (by its USCC, or its one entry of that name in the
        // city), whose USCC it then carries
        let entry = try await Self.registryMatch(input, within: cityScope, on: db)
        lead.enterpriseID = entry?.id
        lead.uscc = input.uscc ?? entry?.uscc
        lead.industryCode = input.industryCode
        lead.investmentMinor = input.investment.minorUnits
        lead.investmentCurrency = input.investment.currency.rawValue
        lead.landMuTenths = input.landMuTenths
        lead.spaceM2 = input.spaceM2
        lead.energyTCE = input.energyTCE
        lead.powerKVA = input.powerKVA
        lead.jobs = input.jobs
        lead.channel = input.channel
        lead.notes = input.notes
        (lead.contactName, lead.contactPhone, lead.homeCity, lead.projectContent) = (
            input.contactName, input.contactPhone, input.homeCity, input.projectContent
        )
        lead.status = .submitted
        lead.submitterID = broughtBy?.person ?? user.personID
        lead.submitterUnitID = broughtBy?.unit ?? user.unitID
        lead.jurisdictionCode = user.scope.value
        lead.collidesWithID = holder?.id
        lead.submittedOn = today.description
        lead.respondBy = deadlines.respond.description
        lead.assessBy = deadlines.assess.description
        lead.feedbackBy = deadlines.feedback.description
        lead.decisionNote = ""
        lead.version = 1
        try await lead.create(on: db)
        try await StaleTallies.mark(unit: lead.submitterUnitID, day: lead.submittedOn, on: db)
        try await AuditLog.append(
            on: db, by: submission.actor, action: "lead.submit", objectType: "lead", objectID: lead.id!.uuidString, after: LeadDTO(lead),
            at: submission.millis)
        return lead
    }

    static func openLead(for name: String, uscc: String?, within scope: JurisdictionCode, on db: any Database) async throws -> Lead? {
        let key = NameNormalizer.key(for: name)
        let candidates = try await Lead.query(on: db)
            .group(.or) { group in
                group.filter(\.$nameKey == key)
                if let uscc { group.filter(\.$uscc == uscc) }
            }
            .filter(\.$status ~~ LeadStatus.allCases.filter(\.isOpen))
            .within(\.$jurisdictionCode, scope)
            .sort(\.$createdAt).all()
        return candidates.first { LeadRules.sameEnterprise(nameA: name, usccA: uscc, nameB: $0.enterpriseName, usccB: $0.uscc) }
    }

    /// The answer a submitter gets when the enterprise already has an open lead: who holds it.
    static func collision(_ holder: Lead, on db: any Database) async throws -> AppError {
        let person = try await Person.find(holder.submitterID, on: db)
        let unit = try await Unit.find(holder.submitterUnitID, on: db)
        let who = "\(unit?.name ?? "")\(person?.name ?? "")"
        return AppError(
            code: "lead_collision", status: .conflict,
            zh: "该企业已有在办线索：由\(who)于 \(holder.submittedOn) 提交（\(holder.enterpriseName)）。同一企业不重复计功；如确属不同项目，请勾选“仍要提交”，由投促局合并或关联。",
            en:
                "This enterprise already has an open lead, submitted by \(who) on \(holder.submittedOn). Tick 'submit anyway' if it is a different project; the bureau will merge or link them.",
            fields: ["enterpriseName": .init(zh: "已由\(who)提交", en: "Held by \(who)")])
    }

    /// The registry entry with the same USCC, if any.
    /// The registry entry a lead names: the one with its USCC, else the only one of the city with
    /// its folded name (two of one name tie nothing: the cadre picks by USCC).
    static func registryMatch(_ input: LeadInput, within scope: JurisdictionCode, on db: any Database) async throws -> Enterprise? {
        if let uscc = input.uscc { return try await Enterprise.query(on: db).filter(\.$uscc == uscc).first() }
        let named = try await Enterprise.query(on: db).filter(\.$nameKey == NameNormalizer.key(for: input.enterpriseName))
            .within(\.$regionCode, scope).limit(2).all()
        return named.count == 1 ? named[0] : nil
    }

    enum Decision: String, CaseIterable, Sendable { case returned, rejected }

    /// The bureau's first response: the clock's first deadline is met (or missed) now.
    func respond(_ id: UUID, basedOn version: Int) async throws -> Lead {
        try await change(id, version: version, action: "lead.respond") { lead, today in
            guard lead.status == .submitted else {
                throw AppError(code: "invalid_state", status: .conflict, zh: "该线索已答复或已办结。", en: "This lead was already answered.")
            }
            lead.status = .responded
            lead.respondedOn = today
        }
    }

    /// Return for more information, or reject, with the reason the source is told.
    func decide(_ id: UUID, _ decision: Decision, reason: String, basedOn version: Int) async throws -> Lead {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500, !reason.hasControlCharacters else {
            throw AppError.field("reason", zh: "请填写理由（不超过 500 字），它将反馈给线索提供人。", en: "Give the reason (at most 500 characters).")
        }
        return try await change(id, version: version, action: "lead.\(decision.rawValue)") { lead, today in
            guard lead.status.isOpen else {
                throw AppError(code: "invalid_state", status: .conflict, zh: "该线索已办结。", en: "This lead is closed.")
            }
            lead.status = decision == .returned ? .returned : .rejected
            lead.decisionNote = reason
            lead.respondedOn = lead.respondedOn ?? today
            lead.assessedOn = lead.assessedOn ?? today
            lead.feedbackOn = today
        }
    }

    /// Merges a lead into another open lead for the same enterprise: one enterprise, one credit.
    func merge(_ id: UUID, into targetID: UUID, basedOn version: Int) async throws -> Lead {
        let target = try await find(targetID, for: .manage)
        guard targetID != id, target.status.isOpen else {
            throw AppError.field("target", zh: "请选择另一条在办线索。", en: "Choose another open lead.")
        }
        return try await change(id, version: version, action: "lead.merge") { lead, today in
            guard lead.status.isOpen,
                LeadRules.sameEnterprise(nameA: lead.enterpriseName, usccA: lead.uscc, nameB: target.enterpriseName, usccB: target.uscc)
            else {
                throw AppError.field("target", zh: "只能合并同一企业的在办线索。", en: "Only open leads of the same enterprise merge.")
            }
            lead.status = .merged
            lead.mergedIntoID = targetID
            lead.feedbackOn = lead.feedbackOn ?? today
        }
    }

    private func change(_ id: UUID, version: Int, action: String, _ apply: @escaping @Sendable (Lead, String) throws -> Void) async throws
        -> Lead
    {
        _ = try await find(id, for: .manage)
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today.description
        return try await request.writeTransaction { db in
            try await Versioned.claim(Lead.schema, id: id, expected: version, on: db)
            guard let lead = try await Lead.find(id, on: db) else { throw AppError.notFound }
            let before = LeadDTO(lead)
            let status = lead.status
            try apply(lead, today)
            try await lead.update(on: db)
            // a merged lead leaves the funnel's count
            if lead.status != status { try await StaleTallies.mark(lead: id, on: db) }
            try await AuditLog.append(
                on: db, by: actor, action: action, objectType: "lead", objectID: id.uuidString, before: before, after: LeadDTO(lead),
                at: millis)
            return lead
        }
    }
}
