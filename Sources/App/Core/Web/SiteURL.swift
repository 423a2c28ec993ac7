import Foundation
import Vapor

/// Every path of the web UI in one place: routes are registered from these and views link with
/// them, so a link cannot point at a route that does not exist.
enum SiteURL: Sendable {
    case home
    case login, logout, language
    case enterprises, enterpriseNew, enterpriseSuggest, enterprise(UUID), enterpriseEdit(UUID), enterpriseFigures(UUID)
    case enterpriseAccounts(UUID), enterpriseAccountUnlink(UUID)
    case units, unitNew, unit(UUID), unitEdit(UUID)
    case persons, personNew, person(UUID), personEdit(UUID), personRoles(UUID), personUnlock(UUID)
    case personRotate(UUID)
    case jurisdictions, settings
    case audit, auditExport
    case tokens, tokenRevoke(UUID)
    case leads, leadNew, lead(UUID), leadRespond(UUID), leadDecision(UUID), leadMerge(UUID)
    case panels, leadReview(UUID), leadOpinion(UUID), leadRecuse(UUID), leadAccept(UUID)
    case projects, projectLedger, fundsLedger, project(UUID), projectStage(UUID), projectVerify(UUID), projectFunds(UUID),
        projectFundsVerify(UUID)
    case projectHost(UUID), projectHostReassign(UUID), projectLeader(UUID), projectFiles(UUID), evidence(UUID), rates
    case activities, activityNew, activityDone(UUID), todos, funnel, residentMonth(UUID), parkProfile(UUID)
    case intent, intents, intentHandle(UUID)
    case workOrders, workOrderNew, workOrder(UUID), workOrderStep(UUID), workOrderBoard, demandLinks, demand(String), demandConfirm(String)
    case linkage, linkageEnd(UUID), projectParallel(UUID), inbox, inboxRead, webhooks, routingRules, routingRuleDelete(UUID)
    case workOrderCondense
    case imports, importItem(UUID), importCheck(UUID), importCommit(UUID), importErrors(UUID)
    case targets, unitTargets(UUID), progress, unitProgress(UUID), seats, seatsHall, seatsRules
    case cadres, cadre(UUID), reservePool, rankings, rankingFormula, bulletins, bulletinDraft, bulletin(year: Int, number: Int)
    case evaluations, evaluationAnonymity, evaluation(UUID), evaluationPublish(UUID), evaluationDraw(UUID), evaluationCodes(UUID)
    case evaluationClose(UUID), evaluationRegister(UUID), evaluationResults(UUID), evaluationDecisions(UUID), ballot
    case evaluationReserve(UUID)
    case tolerance, toleranceCase(UUID), toleranceChecklist(UUID), toleranceDecision(UUID), toleranceClearing(UUID)
    case toleranceVisits(UUID), clearings
    case satisfaction, satisfactionIndicators, satisfactionTrends, satisfactionSurvey(UUID), satisfactionDraw(UUID)
    case satisfactionClose(UUID), satisfactionFrame(UUID), survey
    case healthz, metrics, stylesheet(version: String), script(version: String)
    case api(APIRoute)

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .language: "/language"
        case .enterprises: "/enterprises"
        case .enterpriseNew: "/enterprises/new"
        case .enterpriseSuggest: "/enterprises/suggest"
        case .enterprise(let id): "/enterprises/\(id)"
        case .enterpriseEdit(let id): "/enterprises/\(id)/edit"
        case .enterpriseFigures(let id): "/enterprises/\(id)/figures"
        case .enterpriseAccounts(let id): "/enterprises/\(id)/accounts"
        case .enterpriseAccountUnlink(let id): "/enterprises/\(id)/accounts/remove"
        case .units: "/units"
        case .unitNew: "/units/new"
        case .unit(let id): "/units/\(id)"
        case .unitEdit(let id): "/units/\(id)/edit"
        case .persons: "/persons"
        case .personNew: "/persons/new"
        case .person(let id): "/persons/\(id)"
        case .personEdit(let id): "/persons/\(id)/edit"
        case .personRoles(let id): "/persons/\(id)/roles"
        case .personUnlock(let id): "/persons/\(id)/unlock"
        case .personRotate(let id): "/persons/\(id)/rotations"
        case .jurisdictions: "/jurisdictions"
        case .settings: "/settings"
        case .audit: "/audit"
        case .auditExport: "/audit/export.csv"
        case .tokens: "/account/tokens"
        case .tokenRevoke(let id): "/account/tokens/\(id)/revoke"
        case .leads: "/leads"
        case .leadNew: "/leads/new"
        case .lead(let id): "/leads/\(id)"
        case .leadRespond(let id): "/leads/\(id)/respond"
        case .leadDecision(let id): "/leads/\(id)/decision"
        case .leadMerge(let id): "/leads/\(id)/merge"
        case .panels: "/panels"
        case .leadReview(let id): "/leads/\(id)/review"
        case .leadOpinion(let id): "/leads/\(id)/opinions"
        case .leadRecuse(let id): "/leads/\(id)/recuse"
        case .leadAccept(let id): "/leads/\(id)/accept"
        case .projects: "/projects"
        case .projectLedger: "/projects/ledger"
        case .fundsLedger: "/projects/funds"
        case .project(let id): "/projects/\(id)"
        case .projectStage(let id): "/projects/\(id)/stages"
        case .projectVerify(let id): "/projects/\(id)/stages/verify"
        case .projectFunds(let id): "/projects/\(id)/funds"
        case .projectFundsVerify(let id): "/projects/\(id)/funds/verify"
        case .projectHost(let id): "/projects/\(id)/host"
        case .projectHostReassign(let id): "/projects/\(id)/host/reassign"
        case .projectLeader(let id): "/projects/\(id)/leader"
        case .projectFiles(let id): "/projects/\(id)/files"
        case .evidence(let id): "/evidence/\(id)"
        case .rates: "/rates"
        case .activities: "/activities"
        case .activityNew: "/activities/new"
        case .activityDone(let id): "/activities/\(id)/done"
        case .todos: "/todos"
        case .funnel: "/funnel"
        case .residentMonth(let id): "/units/\(id)/month"
        case .parkProfile(let id): "/units/\(id)/profile"
        case .targets: "/targets"
        case .unitTargets(let id): "/targets/\(id)"
        case .progress: "/progress"
        case .unitProgress(let id): "/progress/\(id)"
        case .seats: "/seats"
        case .seatsHall: "/seats/hall.svg"
        case .seatsRules: "/seats/rules"
        case .cadres: "/cadres"
        case .cadre(let id): "/cadres/\(id)"
        case .reservePool: "/reserve-pool"
        case .rankings: "/rankings"
        case .rankingFormula: "/rankings/formula"
        case .bulletins: "/bulletins"
        case .bulletinDraft: "/bulletins/draft"
        case .bulletin(let year, let number): "/bulletins/\(year)/\(number)"
        case .evaluations: "/evaluations"
        case .evaluationAnonymity: "/evaluations/anonymity"
        case .evaluation(let id): "/evaluations/\(id)"
        case .evaluationPublish(let id): "/evaluations/\(id)/publish"
        case .evaluationDraw(let id): "/evaluations/\(id)/draw"
        case .evaluationCodes(let id): "/evaluations/\(id)/codes"
        case .evaluationClose(let id): "/evaluations/\(id)/close"
        case .evaluationRegister(let id): "/evaluations/\(id)/register"
        case .evaluationResults(let id): "/evaluations/\(id)/results"
        case .evaluationDecisions(let id): "/evaluations/\(id)/decisions"
        case .evaluationReserve(let id): "/evaluations/\(id)/reserve"
        case .tolerance: "/tolerance"
        case .toleranceCase(let id): "/tolerance/\(id)"
        case .toleranceChecklist(let id): "/tolerance/\(id)/checklist"
        case .toleranceDecision(let id): "/tolerance/\(id)/decision"
        case .toleranceClearing(let id): "/tolerance/\(id)/clearing"
        case .toleranceVisits(let id): "/tolerance/\(id)/visits"
        case .clearings: "/clearings"
        case .ballot: "/ballot"
        case .satisfaction: "/satisfaction"
        case .satisfactionIndicators: "/satisfaction/indicators"
        case .satisfactionTrends: "/satisfaction/trends"
        case .satisfactionSurvey(let id): "/satisfaction/\(id)"
        case .satisfactionDraw(let id): "/satisfaction/\(id)/draw"
        case .satisfactionClose(let id): "/satisfaction/\(id)/close"
        case .satisfactionFrame(let id): "/satisfaction/\(id)/frame"
        case .survey: "/survey"
        case .intent: "/intent"
        case .intents: "/intents"
        case .intentHandle(let id): "/intents/\(id)"
        case .workOrders: "/work-orders"
        case .workOrderNew: "/work-orders/new"
        case .workOrder(let id): "/work-orders/\(id)"
        case .workOrderStep(let id): "/work-orders/\(id)/steps"
        case .workOrderBoard: "/work-orders/board"
        case .demandLinks: "/work-orders/links"
        case .demand(let token): "/d/\(token)"
        case .demandConfirm(let token): "/d/\(token)/confirm"
        case .linkage: "/linkage"
        case .inbox: "/inbox"
        case .inboxRead: "/inbox/read"
        case .webhooks: "/work-orders/webhooks"
        case .routingRules: "/work-orders/routing"
        case .workOrderCondense: "/work-orders/condense"
        case .imports: "/imports"
        case .importItem(let id): "/imports/\(id)"
        case .importCheck(let id): "/imports/\(id)/check"
        case .importCommit(let id): "/imports/\(id)/commit"
        case .importErrors(let id): "/imports/\(id)/errors.xlsx"
        case .routingRuleDelete(let id): "/work-orders/routing/\(id)/delete"
        case .projectParallel(let id): "/projects/\(id)/parallel-approval"
        case .linkageEnd(let id): "/linkage/\(id)/end"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .stylesheet(let version): "/static/app.\(version).css"
        case .script(let version): "/static/app.\(version).js"
        case .api(let route): APIRoute.prefix + "/" + route.rawValue
        }
    }

    /// The route pattern: ids become the `:id` parameter.
    var pattern: [PathComponent] {
        // a bulletin is named as people name it: the year and its number (第 N 期)
        if case .bulletin = self { return ["bulletins", ":year", ":number"] }
        let placeholder = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).uuidString
        return path.split(separator: "/").map { part in
            part == placeholder ? ":id" : PathComponent(stringLiteral: String(part))
        }
    }

    /// The pattern value for a case that carries a one-time token.
    static let anyToken = ":token"

    /// Pattern values for cases that carry an id.
    static let anyID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    func with(query: [String: String]) -> String {
        var components = URLComponents()
        components.path = path
        let items = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        components.queryItems = items.isEmpty ? nil : items.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }
}

extension Request {
    /// The `:id` of a route registered from a `SiteURL` pattern; a malformed id is a 404.
    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw AppError.notFound }
        return id
    }
}

extension Application {
    /// The address enterprises reach the system at (`PUBLIC_URL`, e.g. https://zs.jingmen.gov.cn):
    /// one-time links are built from it. Nil when unset or not an http(s) address.
    var publicURL: String? {
        guard var value = Environment.get("PUBLIC_URL")?.trimmingCharacters(in: .whitespaces),
            value.hasPrefix("https://") || value.hasPrefix("http://"), !value.contains("@"), value.count <= 200
        else { return nil }
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
