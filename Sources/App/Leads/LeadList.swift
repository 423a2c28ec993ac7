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

        init(_ request: Request) throws {
            state = try request.queryChoice("state", State.self) ?? .open
            overdueOnly = try request.queryFlag("overdue")
            page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 1_000))
        }

        var query: [String: String] { ["state": state.rawValue, "overdue": overdueOnly ? "1" : ""] }
    }

    static func rows(for user: CurrentUser, filter: Filter, today: CivilDate, on db: any Database) async throws -> [LeadDTO] {
        var query = Lead.query(on: db).within(\.$jurisdictionCode, user.scope)
        if !AccessPolicy.seesWholeJurisdiction(user.roles) {
            query = query.filter(\.$submitterUnitID == user.unitID)
        }
        let open = LeadStatus.allCases.filter(\.isOpen)
        switch filter.state {
        case .open: query = query.filter(\.$status ~~ open)
        case .closed: query = query.filter(\.$status !~ open)
        case .all: break
        }
        if filter.overdueOnly {
            // deadlines are ISO dates, so string order is date order on both engines
            let today = today.description
            query = query.filter(\.$status ~~ open).group(.or) { group in
                group.group(.and) { $0.filter(\.$respondedOn == nil).filter(\.$respondBy < today) }
                group.group(.and) { $0.filter(\.$assessedOn == nil).filter(\.$assessBy < today) }
                group.group(.and) { $0.filter(\.$feedbackOn == nil).filter(\.$feedbackBy < today) }
            }
        }
        let offset = (filter.page - 1) * perPage
        return try await query.sort(\.$submittedOn, .descending).sort(\.$createdAt, .descending)
            .range(offset..<(offset + perPage + 1)).all().map(LeadDTO.init)
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
