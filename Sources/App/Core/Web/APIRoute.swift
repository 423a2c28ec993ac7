import Foundation
import Vapor

/// Every path of the JSON API under `/api/v1`, in one table: the routes are registered from it
/// and `openapi.yaml` documents each (a test checks both ways). A `:name` segment is a parameter.
enum APIRoute: String, CaseIterable, Sendable {
    case openAPI = "openapi.yaml"
    case activities = "activities"
    case activityDone = "activities/:id/done"
    case demandLinks = "demand-links"
    case enterprises = "enterprises"
    case enterprise = "enterprises/:id"
    case evidence = "evidence/:id"
    case jurisdictions = "jurisdictions"
    case jurisdictionSettings = "jurisdictions/:code/settings"
    case jurisdictionSetting = "jurisdictions/:code/settings/:effectiveFrom"
    case leads = "leads"
    case lead = "leads/:id"
    case leadAccept = "leads/:id/accept"
    case leadOpinions = "leads/:id/opinions"
    case leadReview = "leads/:id/review"
    case leadRespond = "leads/:id/respond"
    case leadDecision = "leads/:id/decision"
    case leadMerge = "leads/:id/merge"
    case linkage = "linkage"
    case linkageEnd = "linkage/:id/end"
    case notices = "notices"
    case noticesRead = "notices/read"
    case panels = "panels"
    case persons = "persons"
    case person = "persons/:id"
    case personRoles = "persons/:id/roles"
    case projects = "projects"
    case projectLedger = "projects/ledger"
    case fundsLedger = "projects/funds"
    case project = "projects/:id"
    case projectFiles = "projects/:id/files"
    case projectFunds = "projects/:id/funds"
    case projectFundsVerify = "projects/:id/funds/:entry/verify"
    case projectHost = "projects/:id/host"
    case projectParallelApproval = "projects/:id/parallel-approval"
    case projectStages = "projects/:id/stages"
    case projectStageVerify = "projects/:id/stages/:report/verify"
    case rates = "rates"
    case rate = "rates/:currency/:month"
    case robots = "robots"
    case routingRules = "routing-rules"
    case routingRule = "routing-rules/:id"
    case tokens = "tokens"
    case token = "tokens/:id"
    case units = "units"
    case unit = "units/:id"
    case unitRobot = "units/:id/robot"
    case unitMonth = "units/:id/month"
    case targets = "targets"
    case unitTargets = "units/:id/targets"
    case progress = "progress"
    case unitProgress = "units/:id/progress"
    case seatings = "seatings"
    case seatingRules = "seating-rules"
    case cadres = "cadres"
    case reservePool = "reserve-pool"
    case rankings = "rankings"
    case scoreFormula = "score-formula"
    case bulletins = "bulletins"
    case bulletin = "bulletins/:year/:number"
    case evaluations = "evaluations"
    case evaluation = "evaluations/:id"
    case evaluationPublish = "evaluations/:id/publish"
    case evaluationDraw = "evaluations/:id/draw"
    case evaluationCodes = "evaluations/:id/codes"
    case evaluationClose = "evaluations/:id/close"
    case evaluationResults = "evaluations/:id/results"
    case evaluationReserve = "evaluations/:id/reserve"
    case toleranceCases = "tolerance-cases"
    case toleranceCase = "tolerance-cases/:id"
    case toleranceChecklist = "tolerance-cases/:id/checklist"
    case toleranceDecision = "tolerance-cases/:id/decision"
    case toleranceClearing = "tolerance-cases/:id/clearing"
    case toleranceVisits = "tolerance-cases/:id/visits"
    case clearings = "clearings"
    case ballots = "ballots"
    case satisfactionSurveys = "satisfaction-surveys"
    case satisfactionSurvey = "satisfaction-surveys/:id"
    case satisfactionDraw = "satisfaction-surveys/:id/draw"
    case satisfactionClose = "satisfaction-surveys/:id/close"
    case satisfactionResults = "satisfaction-surveys/:id/results"
    case satisfactionIndicators = "satisfaction-indicators"
    case satisfactionTrends = "satisfaction-trends"
    case surveyAnswers = "survey-answers"
    case surveyOpen = "survey-answers/open"
    case ballotOpen = "ballots/open"
    case ballotSave = "ballots/save"
    case workOrders = "work-orders"
    case workOrder = "work-orders/:id"
    case workOrderSteps = "work-orders/:id/steps"
    case workOrderBoard = "work-orders/board"
    case workOrderCondense = "work-orders/condense"

    static let prefix = "/api/v1"

    /// The template as `openapi.yaml` writes it: `/projects/{id}/stages`.
    var openAPIPath: String {
        "/" + rawValue.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    /// The route pattern, `/api/v1` included.
    var pattern: [PathComponent] {
        ["api", "v1"] + rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// A concrete path: each parameter in turn takes the next value.
    func path(_ values: String...) -> String {
        var rest = values[...]
        let parts = rawValue.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":"), let value = rest.popFirst() else { return String(part) }
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
        }
        return Self.prefix + "/" + parts.joined(separator: "/")
    }
}
