import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// Recording activities and closing their next steps; a project's activity keeps it off the
/// stall list. Audited like every change.
struct ActivityService {
    let request: Request

    struct Input: Sendable {
        var kind: ActivityKind?
        var occurredOn: CivilDate?
        var city: String
        var participants: String
        var counterpart: String
        var leadID: UUID?
        var projectID: UUID?
        var outcome: String
        var nextStep: String
        var nextDue: CivilDate?
    }

    func record(_ input: Input) async throws -> Activity {
        let activity = try await checked(input)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        return try await request.writeTransaction { db in try await Self.insert(activity, on: db, by: actor, at: millis) }
    }

    /// The activity as the input describes it, checked and tied to what it names — read on `db`
    /// when given (an import's transaction), else on the request's connection — not yet written.
    func checked(_ input: Input, on db: (any Database)? = nil) async throws -> Activity {
        let user = try request.authorize(.write, .activity)
        var errors: [String: AppError.Message] = [:]
        func text(_ value: String, _ field: String, _ label: String, _ en: String, max: Int, required: Bool = false) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required, trimmed.isEmpty { errors[field] = .required(label, en) }
            if trimmed.count > max || trimmed.hasControlCharacters { errors[field] = .tooLong(label, en, max) }
            return trimmed
        }
        let outcome = text(input.outcome, "outcome", "洽谈成果", "The outcome", max: 500, required: true)
        let city = text(input.city, "city", "地点（城市）", "The city", max: 20, required: true)
        let participants = text(input.participants, "participants", "参加人员", "Participants", max: 200)
        var counterpart = text(input.counterpart, "counterpart", "企业或商协会", "Enterprise or chamber", max: 80)
        let nextStep = text(input.nextStep, "nextStep", "下一步", "Next step", max: 200)
        if input.kind == nil { errors["kind"] = .init(zh: "请选择活动类型。", en: "Choose the kind.") }
        if input.occurredOn == nil { errors["occurredOn"] = .required("日期", "The date") }
        if let date = input.occurredOn {
            do { try ActivityTally.check(occurredOn: date, today: request.clock.today, nextStep: nextStep, nextDue: input.nextDue) } catch {
                switch error {
                case .inFuture: errors["occurredOn"] = .init(zh: "日期不能晚于今天。", en: "Not in the future.")
                case .tooOld: errors["occurredOn"] = .init(zh: "日期不早于 2000 年。", en: "Not before 2000.")
                case .nextStepNeedsDue: errors["nextDue"] = .init(zh: "有下一步时请填写完成期限。", en: "A next step needs a due date.")
                case .dueBeforeActivity: errors["nextDue"] = .init(zh: "期限不能早于活动日期。", en: "Due before the activity.")
                }
            }
        }
        guard errors.isEmpty, let kind = input.kind, let date = input.occurredOn else { throw AppError.validation(errors) }
        // a linked lead or project must be one the user may open; it names the enterprise
        var enterpriseID: UUID?
        if let leadID = input.leadID {
            let lead = try await LeadService(request: request).find(leadID)
            enterpriseID = lead.enterpriseID
            if counterpart.isEmpty { counterpart = lead.enterpriseName }
        }
        if let projectID = input.projectID {
            let project = try await ProjectService(request: request).find(projectID)
            enterpriseID = project.enterpriseID
            if counterpart.isEmpty { counterpart = project.enterpriseName }
        }
        let key = counterpart.isEmpty ? "" : NameNormalizer.key(for: counterpart)
        if enterpriseID == nil, !key.isEmpty {
            enterpriseID = try await Enterprise.query(on: db ?? request.db).filter(\.$nameKey == key).first()?.id
        }
        let activity = Activity()
        activity.id = UUID()
        activity.kind = kind
        activity.occurredOn = date.description
        activity.city = city
        activity.participants = participants
        activity.counterpart = counterpart
        activity.counterpartKey = key
        activity.enterpriseID = enterpriseID
        activity.leadID = input.leadID
        activity.projectID = input.projectID
        activity.outcome = outcome
        activity.nextStep = nextStep
        activity.nextDue = nextStep.isEmpty ? nil : input.nextDue?.description
        activity.ownerID = user.personID
        activity.unitID = user.unitID
        activity.jurisdictionCode = user.scope.value
        return activity
    }

    /// A checked activity written on `db` (the form's transaction or an import's): the visit tally
    /// marked stale, the project kept off the stall list, audited.
    static func insert(_ activity: Activity, on db: any Database, by actor: AuditActor, at millis: Int64) async throws -> Activity {
        try await activity.create(on: db)
        if activity.kind == .enterpriseVisit {
            try await StaleTallies.mark(unit: activity.unitID, day: activity.occurredOn, on: db)
        }
        if let projectID = activity.projectID {
            try await db.sql.raw(
                """
                UPDATE projects SET last_activity_on = \(bind: activity.occurredOn)
                WHERE id = \(bind: projectID) AND last_activity_on < \(bind: activity.occurredOn)
                """
            ).run()
        }
        try await AuditLog.append(
            on: db, by: actor, action: "activity.record", objectType: "activity", objectID: activity.id!.uuidString,
            after: ActivityDTO(activity), at: millis)
        return activity
    }

    /// The owner marks a next step done; it leaves their to-do list.
    func completeNextStep(_ id: UUID) async throws {
        let user = try request.authorize(.write, .activity)
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today.description
        try await request.writeTransaction { db in
            guard let activity = try await Activity.find(id, on: db), activity.nextDue != nil,
                AccessPolicy.may(user.roles, .completeNextStep, ties: activity.ownerID == user.personID ? .author : [])
            else {
                throw AppError.notFound
            }
            guard activity.nextDoneOn == nil else { return }
            activity.nextDoneOn = today
            try await activity.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "activity.done", objectType: "activity", objectID: id.uuidString,
                after: ["nextStep": activity.nextStep, "doneOn": today], at: millis)
        }
    }
}
