import Domain

@testable import App

/// What each registered route asks of `AccessPolicy`, written once per route. `RouteMatrixTests`
/// reads the routes from the application and fails on any route missing here, so a new route
/// cannot escape the matrix.
enum RouteMatrix {
    /// The objects a route's `:id` names.
    enum Kind: String, Sendable {
        case enterprise, lead, project, activity, unit, person, workOrder, linkage, routingRule, token, park, office
        /// `:code` of a jurisdiction: the person's own, or 安庆.
        case jurisdiction
        /// No such object exists in the world (evidence files, intents): allowed roles get 404.
        case absent
    }

    /// What decides a route beyond the role.
    enum Check: Sendable {
        /// No login needed.
        case open
        /// Any logged-in person.
        case login
        /// The role table only; no object.
        case role(AccessPolicy.Resource, AccessPolicy.Action)
        /// The role table, then the object's jurisdiction (outside it: 404).
        case scoped(AccessPolicy.Resource, AccessPolicy.Action, Kind)
        /// The role table, then the object must be the person's own (their API tokens): 404 otherwise.
        case ownOnly(AccessPolicy.Resource, AccessPolicy.Action, Kind)
        /// The role table, then a deed on the object; refused: 404 (the object is not theirs to see).
        case hidden(AccessPolicy.Resource, AccessPolicy.Action, Kind, AccessPolicy.Deed)
        /// The role table, then seeing the object (`read`, or its jurisdiction when nil: 404), then
        /// a deed on it (403).
        case act(AccessPolicy.Resource, AccessPolicy.Action, Kind, read: AccessPolicy.Deed?, AccessPolicy.Deed)
        /// The role table, then a deed on the person's own jurisdiction, no object (refused: 403).
        case deed(AccessPolicy.Resource, AccessPolicy.Action, AccessPolicy.Deed)
        /// The role table on any of the resources (the import pages: whoever may write one kind the
        /// import takes in), then the object when there is one.
        case oneOf([AccessPolicy.Resource], AccessPolicy.Action, Kind?)
    }

    /// What `ImportKinds` takes in: enterprises, leads, funds on projects, activities, units and people.
    static let importable: [AccessPolicy.Resource] = [.enterprise, .lead, .project, .activity, .organisation]

    static let checks: [String: Check] = [
        // the doors anyone reaches
        "GET /healthz": .open, "GET /metrics": .open, "GET /api/v1/openapi.yaml": .open, "GET /static/*": .open,
        "GET /login": .open, "POST /login": .open, "POST /logout": .open, "POST /language": .open,
        "GET /intent": .open, "POST /intent": .open, "GET /d/:token": .open, "POST /d/:token": .open, "POST /d/:token/confirm": .open,
        "GET /": .login, "GET /inbox": .role(.workOrder, .read), "POST /inbox/read": .role(.workOrder, .read),
        "GET /api/v1/notices": .role(.workOrder, .read), "POST /api/v1/notices/read": .role(.workOrder, .read),
        // a jurisdiction's own rules (§4–§5)
        "GET /settings": .role(.settings, .read), "POST /settings": .role(.settings, .manage),
        "GET /api/v1/jurisdictions/:code/settings": .scoped(.settings, .read, .jurisdiction),
        "PUT /api/v1/jurisdictions/:code/settings/:effectiveFrom": .scoped(.settings, .manage, .jurisdiction),
        // targets and progress (§8): a unit's results are its own, the bureau's and the leaders'
        "GET /targets": .role(.assessment, .read), "GET /api/v1/targets": .role(.assessment, .read),
        "GET /targets/:id": .scoped(.assessment, .manage, .unit),
        "POST /targets/:id": .scoped(.assessment, .manage, .unit),
        "PUT /api/v1/units/:id/targets": .scoped(.assessment, .manage, .unit),
        "GET /progress": .role(.assessment, .read), "GET /api/v1/progress": .role(.assessment, .read),
        "GET /progress/:id": .hidden(.assessment, .read, .unit, .readUnitResults),
        // 年终座次: a draft's lines are the bureau's, leaders' and inspectors' (the page says "not yet published" to others)
        "GET /seats": .role(.assessment, .read), "GET /seats/hall.svg": .role(.assessment, .read),
        "GET /api/v1/seatings": .role(.assessment, .read),
        "POST /seats/rules": .role(.assessment, .manage), "PUT /api/v1/seating-rules": .role(.assessment, .manage),
        "POST /seats": .role(.assessment, .manage), "POST /api/v1/seatings": .role(.assessment, .manage),
        // 干部实绩: a cadre's results are their unit's; the 提拔后备库 is the bureau's, leaders' and inspectors'
        "GET /cadres": .role(.assessment, .read), "GET /api/v1/cadres": .role(.assessment, .read),
        "GET /cadres/:id": .hidden(.assessment, .read, .person, .readUnitResults),
        "GET /reserve-pool": .deed(.assessment, .read, .readReservePool),
        "GET /api/v1/reserve-pool": .deed(.assessment, .read, .readReservePool),
        "POST /reserve-pool": .role(.assessment, .manage), "POST /api/v1/reserve-pool": .role(.assessment, .manage),
        // 考核排名: announced once published, like the seats
        "GET /rankings": .role(.assessment, .read), "GET /api/v1/rankings": .role(.assessment, .read),
        "POST /rankings": .role(.assessment, .manage), "POST /api/v1/rankings": .role(.assessment, .manage),
        "POST /rankings/formula": .role(.assessment, .manage), "PUT /api/v1/score-formula": .role(.assessment, .manage),
        // 通报: issued ones are read by all who read the assessment; the preview and issue are the bureau's
        "GET /bulletins": .role(.assessment, .read), "GET /api/v1/bulletins": .role(.assessment, .read),
        "GET /bulletins/:year/:number": .role(.assessment, .read), "GET /api/v1/bulletins/:year/:number": .role(.assessment, .read),
        "GET /bulletins/draft": .role(.assessment, .manage),
        "POST /bulletins": .role(.assessment, .manage), "POST /api/v1/bulletins": .role(.assessment, .manage),
        // 双百双评: no campaign is open in the world, so a campaign's routes answer 404 to those admitted
        "GET /evaluations": .role(.evaluation, .read), "GET /api/v1/evaluations": .role(.evaluation, .read),
        "POST /evaluations": .role(.evaluation, .manage), "POST /api/v1/evaluations": .role(.evaluation, .manage),
        "GET /evaluations/anonymity": .role(.evaluation, .read),
        "GET /evaluations/:id": .scoped(.evaluation, .read, .absent), "GET /api/v1/evaluations/:id": .scoped(.evaluation, .read, .absent),
        "GET /evaluations/:id/draw": .scoped(.evaluation, .read, .absent),
        "GET /api/v1/evaluations/:id/draw": .scoped(.evaluation, .read, .absent),
        "GET /evaluations/:id/register": .scoped(.evaluation, .read, .absent),
        "GET /evaluations/:id/results": .scoped(.evaluation, .read, .absent),
        "GET /api/v1/evaluations/:id/results": .scoped(.evaluation, .read, .absent),
        "GET /evaluations/:id/decisions": .scoped(.evaluation, .read, .absent),
        "POST /evaluations/:id/publish": .scoped(.evaluation, .manage, .absent),
        "POST /api/v1/evaluations/:id/publish": .scoped(.evaluation, .manage, .absent),
        "POST /evaluations/:id/draw": .scoped(.evaluation, .manage, .absent),
        "POST /api/v1/evaluations/:id/draw": .scoped(.evaluation, .manage, .absent),
        "POST /evaluations/:id/codes": .scoped(.evaluation, .manage, .absent),
        "POST /api/v1/evaluations/:id/codes": .scoped(.evaluation, .manage, .absent),
        "POST /evaluations/:id/close": .scoped(.evaluation, .manage, .absent),
        "POST /api/v1/evaluations/:id/close": .scoped(.evaluation, .manage, .absent),
        "POST /evaluations/:id/reserve": .scoped(.assessment, .manage, .absent),
        "POST /api/v1/evaluations/:id/reserve": .scoped(.assessment, .manage, .absent),
        "GET /tolerance": .role(.tolerance, .read), "GET /api/v1/tolerance-cases": .role(.tolerance, .read),
        "POST /tolerance": .role(.tolerance, .write), "POST /api/v1/tolerance-cases": .role(.tolerance, .write),
        "GET /tolerance/:id": .scoped(.tolerance, .read, .absent), "GET /api/v1/tolerance-cases/:id": .scoped(.tolerance, .read, .absent),
        "POST /tolerance/:id/checklist": .scoped(.tolerance, .write, .absent),
        "PUT /api/v1/tolerance-cases/:id/checklist": .scoped(.tolerance, .write, .absent),
        "POST /tolerance/:id/decision": .scoped(.tolerance, .manage, .absent),
        "POST /api/v1/tolerance-cases/:id/decision": .scoped(.tolerance, .manage, .absent),
        "POST /tolerance/:id/clearing": .scoped(.tolerance, .manage, .absent),
        "POST /api/v1/tolerance-cases/:id/clearing": .scoped(.tolerance, .manage, .absent),
        "POST /tolerance/:id/visits": .scoped(.tolerance, .manage, .absent),
        "POST /api/v1/tolerance-cases/:id/visits": .scoped(.tolerance, .manage, .absent),
        "GET /clearings": .open, "GET /api/v1/clearings": .open,
        "GET /satisfaction": .role(.evaluation, .read), "GET /api/v1/satisfaction-surveys": .role(.evaluation, .read),
        "POST /satisfaction": .role(.evaluation, .manage), "POST /api/v1/satisfaction-surveys": .role(.evaluation, .manage),
        "GET /satisfaction/indicators": .role(.evaluation, .read), "GET /api/v1/satisfaction-indicators": .role(.evaluation, .read),
        "POST /satisfaction/indicators": .role(.evaluation, .manage), "POST /api/v1/satisfaction-indicators": .role(.evaluation, .manage),
        "GET /satisfaction/trends": .role(.evaluation, .read), "GET /api/v1/satisfaction-trends": .role(.evaluation, .read),
        "GET /satisfaction/:id": .scoped(.evaluation, .read, .absent),
        "GET /api/v1/satisfaction-surveys/:id": .scoped(.evaluation, .read, .absent),
        "GET /satisfaction/:id/frame": .scoped(.evaluation, .read, .absent),
        "GET /api/v1/satisfaction-surveys/:id/results": .scoped(.evaluation, .read, .absent),
        "POST /satisfaction/:id/draw": .scoped(.evaluation, .manage, .absent),
        "POST /api/v1/satisfaction-surveys/:id/draw": .scoped(.evaluation, .manage, .absent),
        "POST /satisfaction/:id/close": .scoped(.evaluation, .manage, .absent),
        "POST /api/v1/satisfaction-surveys/:id/close": .scoped(.evaluation, .manage, .absent),
        "GET /survey": .open, "POST /survey": .open, "POST /api/v1/survey-answers": .open, "POST /api/v1/survey-answers/open": .open,
        // the ballot: no account, a code
        "GET /ballot": .open, "POST /ballot": .open, "POST /api/v1/ballots": .open, "POST /api/v1/ballots/open": .open,
        "POST /api/v1/ballots/save": .open,
        "GET /api/v1/units/:id/progress": .hidden(.assessment, .read, .unit, .readUnitResults),
        // registry (§3)
        "GET /enterprises": .role(.enterprise, .read), "GET /api/v1/enterprises": .role(.enterprise, .read),
        "POST /enterprises": .role(.enterprise, .write), "POST /api/v1/enterprises": .role(.enterprise, .write),
        "GET /enterprises/new": .role(.enterprise, .write), "GET /enterprises/suggest": .role(.enterprise, .read),
        "GET /imports": .oneOf(importable, .write, nil), "POST /imports": .oneOf(importable, .write, nil),
        "GET /imports/:id": .oneOf(importable, .write, .absent), "POST /imports/:id/check": .oneOf(importable, .write, .absent),
        "POST /imports/:id/commit": .oneOf(importable, .write, .absent),
        "GET /imports/:id/errors.xlsx": .oneOf(importable, .write, .absent),
        "GET /enterprises/:id": .scoped(.enterprise, .read, .enterprise),
        "GET /api/v1/enterprises/:id": .scoped(.enterprise, .read, .enterprise),
        "POST /enterprises/:id": .scoped(.enterprise, .write, .enterprise),
        "PATCH /api/v1/enterprises/:id": .scoped(.enterprise, .write, .enterprise),
        "GET /enterprises/:id/edit": .scoped(.enterprise, .write, .enterprise),
        "POST /enterprises/:id/figures": .scoped(.enterprise, .write, .enterprise),
        "POST /enterprises/:id/accounts": .scoped(.enterprise, .manage, .enterprise),
        "POST /enterprises/:id/accounts/remove": .scoped(.enterprise, .manage, .enterprise),
        // leads (§4)
        "GET /leads": .role(.lead, .read), "GET /api/v1/leads": .role(.lead, .read), "POST /leads": .role(.lead, .write),
        "POST /api/v1/leads": .role(.lead, .write), "GET /leads/new": .role(.lead, .write),
        "GET /leads/:id": .hidden(.lead, .read, .lead, .readLead), "GET /api/v1/leads/:id": .hidden(.lead, .read, .lead, .readLead),
        "POST /leads/:id/respond": .hidden(.lead, .manage, .lead, .readLead),
        "POST /leads/:id/decision": .act(.lead, .read, .lead, read: .readLead, .decideLead),
        "POST /leads/:id/merge": .hidden(.lead, .manage, .lead, .readLead),
        "GET /panels": .role(.lead, .manage), "POST /panels": .role(.lead, .manage), "GET /api/v1/panels": .role(.lead, .manage),
        "POST /api/v1/panels": .role(.lead, .manage),
        "POST /leads/:id/review": .hidden(.lead, .manage, .lead, .readLead),
        "POST /api/v1/leads/:id/review": .hidden(.lead, .manage, .lead, .readLead),
        "GET /api/v1/leads/:id/review": .hidden(.lead, .read, .lead, .readLead),
        "POST /leads/:id/opinions": .hidden(.lead, .read, .lead, .readLead),
        "POST /api/v1/leads/:id/opinions": .hidden(.lead, .read, .lead, .readLead),
        "POST /leads/:id/recuse": .hidden(.lead, .read, .lead, .readLead),
        "POST /leads/:id/accept": .act(.project, .read, .lead, read: .readLead, .decideLead),
        "POST /api/v1/leads/:id/accept": .act(.project, .read, .lead, read: .readLead, .decideLead),
        "GET /intents": .role(.lead, .manage), "POST /intents/:id": .hidden(.lead, .manage, .absent, .readLead),
        // projects (§5)
        "GET /projects": .role(.project, .read), "GET /api/v1/projects": .role(.project, .read),
        "GET /projects/ledger": .role(.project, .read), "GET /api/v1/projects/ledger": .role(.project, .read),
        "GET /projects/funds": .role(.project, .read), "GET /api/v1/projects/funds": .role(.project, .read),
        "GET /projects/:id": .hidden(.project, .read, .project, .readProject),
        "GET /api/v1/projects/:id": .hidden(.project, .read, .project, .readProject),
        "POST /projects/:id/stages": .act(.project, .write, .project, read: .readProject, .reportOnProject),
        "POST /api/v1/projects/:id/stages": .act(.project, .write, .project, read: .readProject, .reportOnProject),
        "POST /projects/:id/funds": .act(.project, .write, .project, read: .readProject, .reportOnProject),
        "POST /api/v1/projects/:id/funds": .act(.project, .write, .project, read: .readProject, .reportOnProject),
        "POST /projects/:id/files": .act(.project, .write, .project, read: .readProject, .reportOnProject),
        "POST /api/v1/projects/:id/files": .act(.project, .write, .project, read: .readProject, .reportOnProject),
        "POST /projects/:id/stages/verify": .hidden(.project, .manage, .project, .readProject),
        "POST /api/v1/projects/:id/stages/:report/verify": .hidden(.project, .manage, .project, .readProject),
        "POST /projects/:id/funds/verify": .hidden(.project, .manage, .project, .readProject),
        "POST /api/v1/projects/:id/funds/:entry/verify": .hidden(.project, .manage, .project, .readProject),
        "POST /projects/:id/host": .act(.project, .write, .project, read: .readProject, .answerAsHost),
        "POST /api/v1/projects/:id/host": .act(.project, .write, .project, read: .readProject, .answerAsHost),
        "POST /projects/:id/host/reassign": .hidden(.project, .manage, .project, .readProject),
        "POST /projects/:id/leader": .hidden(.project, .manage, .project, .readProject),
        "POST /projects/:id/parallel-approval": .hidden(.project, .manage, .project, .readProject),
        "POST /api/v1/projects/:id/parallel-approval": .hidden(.project, .manage, .project, .readProject),
        "GET /evidence/:id": .hidden(.project, .read, .absent, .readProject),
        "GET /api/v1/evidence/:id": .hidden(.project, .read, .absent, .readProject),
        "GET /rates": .role(.project, .manage), "GET /api/v1/rates": .role(.project, .read), "POST /rates": .role(.project, .manage),
        "PUT /api/v1/rates/:currency/:month": .role(.project, .manage),
        "GET /units/:id/profile": .act(.project, .read, .park, read: nil, .editParkProfile),
        "POST /units/:id/profile": .act(.project, .read, .park, read: nil, .editParkProfile),
        // activities and figures (§6)
        "GET /activities": .role(.activity, .read), "GET /api/v1/activities": .role(.activity, .read),
        "POST /activities": .role(.activity, .write), "POST /api/v1/activities": .role(.activity, .write),
        "GET /activities/new": .role(.activity, .write),
        "POST /activities/:id/done": .hidden(.activity, .write, .activity, .completeNextStep),
        "POST /api/v1/activities/:id/done": .hidden(.activity, .write, .activity, .completeNextStep),
        "GET /todos": .role(.activity, .read), "GET /funnel": .role(.activity, .read),
        "GET /units/:id/month": .scoped(.activity, .read, .office),
        "GET /api/v1/units/:id/month": .scoped(.activity, .read, .office),
        "POST /api/v1/leads/:id/respond": .hidden(.lead, .manage, .lead, .readLead),
        "POST /api/v1/leads/:id/decision": .hidden(.lead, .manage, .lead, .readLead),
        "POST /api/v1/leads/:id/merge": .hidden(.lead, .manage, .lead, .readLead),
        // work orders (§7)
        "GET /work-orders": .role(.workOrder, .read), "GET /api/v1/work-orders": .role(.workOrder, .read),
        "POST /work-orders": .role(.workOrder, .write), "POST /api/v1/work-orders": .role(.workOrder, .write),
        "GET /work-orders/new": .role(.workOrder, .write),
        "GET /work-orders/board": .role(.workOrder, .read), "GET /api/v1/work-orders/board": .role(.workOrder, .read),
        "POST /work-orders/condense": .role(.workOrder, .manage), "POST /api/v1/work-orders/condense": .role(.workOrder, .manage),
        "GET /work-orders/:id": .hidden(.workOrder, .read, .workOrder, .readWorkOrder),
        "GET /api/v1/work-orders/:id": .hidden(.workOrder, .read, .workOrder, .readWorkOrder),
        "POST /work-orders/:id/steps": .hidden(.workOrder, .write, .workOrder, .readWorkOrder),
        "POST /api/v1/work-orders/:id/steps": .hidden(.workOrder, .write, .workOrder, .readWorkOrder),
        "GET /work-orders/links": .role(.workOrder, .manage), "POST /work-orders/links": .role(.workOrder, .manage),
        "POST /api/v1/demand-links": .role(.workOrder, .manage),
        "GET /linkage": .role(.linkage, .read), "GET /api/v1/linkage": .role(.linkage, .read),
        "POST /linkage": .role(.linkage, .write), "POST /api/v1/linkage": .role(.linkage, .write),
        "POST /linkage/:id/end": .scoped(.linkage, .write, .linkage), "POST /api/v1/linkage/:id/end": .scoped(.linkage, .write, .linkage),
        "GET /work-orders/webhooks": .role(.workOrder, .manage), "POST /work-orders/webhooks": .role(.workOrder, .manage),
        "GET /api/v1/robots": .role(.workOrder, .manage), "PUT /api/v1/units/:id/robot": .scoped(.workOrder, .manage, .unit),
        "GET /work-orders/routing": .role(.workOrder, .manage), "POST /work-orders/routing": .role(.workOrder, .manage),
        "GET /api/v1/routing-rules": .role(.workOrder, .manage), "PUT /api/v1/routing-rules": .role(.workOrder, .manage),
        "POST /work-orders/routing/:id/delete": .scoped(.workOrder, .manage, .routingRule),
        "DELETE /api/v1/routing-rules/:id": .scoped(.workOrder, .manage, .routingRule),
        // organisation and access (§1, §2)
        "GET /jurisdictions": .role(.organisation, .read), "GET /api/v1/jurisdictions": .role(.organisation, .read),
        "POST /jurisdictions": .role(.organisation, .write),
        "GET /units": .role(.organisation, .read), "GET /api/v1/units": .role(.organisation, .read),
        "POST /units": .role(.organisation, .write), "POST /api/v1/units": .role(.organisation, .write),
        "GET /units/new": .role(.organisation, .write),
        "GET /units/:id": .scoped(.organisation, .read, .unit), "GET /api/v1/units/:id": .scoped(.organisation, .read, .unit),
        "POST /units/:id": .scoped(.organisation, .write, .unit), "PATCH /api/v1/units/:id": .scoped(.organisation, .write, .unit),
        "GET /units/:id/edit": .scoped(.organisation, .write, .unit),
        "GET /persons": .role(.organisation, .read), "GET /api/v1/persons": .role(.organisation, .read),
        "POST /persons": .role(.organisation, .write), "POST /api/v1/persons": .role(.organisation, .write),
        "GET /persons/new": .role(.organisation, .write),
        "GET /persons/:id": .scoped(.organisation, .read, .person), "GET /api/v1/persons/:id": .scoped(.organisation, .read, .person),
        "POST /persons/:id": .scoped(.organisation, .write, .person), "PATCH /api/v1/persons/:id": .scoped(.organisation, .write, .person),
        "GET /persons/:id/edit": .scoped(.organisation, .write, .person),
        "POST /persons/:id/roles": .scoped(.accessControl, .write, .person),
        "PUT /api/v1/persons/:id/roles": .scoped(.accessControl, .write, .person),
        "POST /persons/:id/unlock": .scoped(.accessControl, .write, .person),
        "POST /persons/:id/rotations": .scoped(.organisation, .write, .person),
        "GET /audit": .role(.audit, .read), "GET /audit/export.csv": .role(.audit, .export),
        "GET /account/tokens": .role(.ownTokens, .read), "GET /api/v1/tokens": .role(.ownTokens, .read),
        "POST /account/tokens": .role(.ownTokens, .write), "POST /api/v1/tokens": .role(.ownTokens, .write),
        "POST /account/tokens/:id/revoke": .ownOnly(.ownTokens, .write, .token),
        "DELETE /api/v1/tokens/:id": .ownOnly(.ownTokens, .write, .token),
    ]
}

extension RouteMatrix {
    enum Variant: String, Sendable, CaseIterable {
        /// The person's own unit's (or their own) object.
        case own
        /// Another unit's object in the person's jurisdiction.
        case otherUnit
        /// An object of another jurisdiction.
        case foreign
    }

    enum Expect: Equatable, CustomStringConvertible {
        case allowed
        /// Anything but a server error (the open doors: a bad link is a 404 for everyone).
        case any
        case status(Int)
        var description: String {
            switch self {
            case .allowed: "allowed"
            case .any: "any"
            case .status(let code): String(code)
            }
        }

        func admits(_ code: Int) -> Bool {
            switch self {
            case .allowed: code < 500 && ![401, 403, 404].contains(code)
            case .any: code < 500
            case .status(let expected): code == expected
            }
        }
    }

    /// What the policy says the person gets from the route on that object (`ties`: what ties them
    /// to it, found in the records; `.withinJurisdiction` unless foreign).
    static func expected(_ check: Check, _ actor: AccessPolicy.Actor, ties: AccessPolicy.Ties, variant: Variant?) -> Expect {
        func gate(_ resource: AccessPolicy.Resource, _ action: AccessPolicy.Action) -> Bool {
            AccessPolicy.decide(actor, action, resource) != .roleDenied
        }
        switch check {
        case .open: return .any
        case .login: return .allowed
        case .role(let resource, let action): return gate(resource, action) ? .allowed : .status(403)
        case .scoped(let resource, let action, let kind):
            guard gate(resource, action) else { return .status(403) }
            return kind == .absent || !ties.contains(.withinJurisdiction) ? .status(404) : .allowed
        case .ownOnly(let resource, let action, _):
            guard gate(resource, action) else { return .status(403) }
            return variant == .own ? .allowed : .status(404)
        case .hidden(let resource, let action, let kind, let deed):
            guard gate(resource, action) else { return .status(403) }
            return kind != .absent && AccessPolicy.may(actor.roles, deed, ties: ties) ? .allowed : .status(404)
        case .act(let resource, let action, let kind, let read, let deed):
            guard gate(resource, action) else { return .status(403) }
            let sees = read.map { AccessPolicy.may(actor.roles, $0, ties: ties) } ?? ties.contains(.withinJurisdiction)
            guard kind != .absent, sees else { return .status(404) }
            return AccessPolicy.may(actor.roles, deed, ties: ties) ? .allowed : .status(403)
        case .deed(let resource, let action, let deed):
            guard gate(resource, action) else { return .status(403) }
            return AccessPolicy.may(actor.roles, deed, ties: .withinJurisdiction) ? .allowed : .status(403)
        case .oneOf(let resources, let action, let kind):
            guard resources.contains(where: { gate($0, action) }) else { return .status(403) }
            return kind == .absent ? .status(404) : .allowed
        }
    }

    static func kind(of check: Check) -> Kind? {
        switch check {
        case .open, .login, .role, .deed: nil
        case .scoped(_, _, let kind), .ownOnly(_, _, let kind), .hidden(_, _, let kind, _), .act(_, _, let kind, _, _): kind
        case .oneOf(_, _, let kind): kind
        }
    }
}
