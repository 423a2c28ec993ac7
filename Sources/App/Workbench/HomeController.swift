import Domain
import Fluent
import FluentSQL
import Vapor

/// 工作台: what waits on me, oldest and most overdue first, then what my jurisdiction holds.
struct HomeController {
    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        // the jurisdiction's figures for those who may read them; an enterprise sees its own only
        let figures = request.may(.read, .enterprise) ? try await Self.figures(request, scope: user.scope) : nil
        let today = request.clock.today
        let kept = try await WorkQueue.kept(for: user, request: request)
        request.workBadge = kept.count
        let unread = try await WorkQueue.unreadNotices(of: user.personID, on: request.db)
        var model = HomeView.Model(user: user, figures: figures, sections: kept.sections, unreadNotices: unread, today: today)
        model.readAtMillis = kept.readAtMillis
        model.done = try await DoneList.recent(by: user.login, now: request.clock.millis, on: request.db)
        model.scopeName = try await JurisdictionNames.load(request)[user.scope.value] ?? ""
        if !AccessPolicy.worksInside(user.roles), request.may(.write, .workOrder) {
            model.ownRequests = try await Self.ownRequests(user.personID, on: request.db)
            if user.roles.contains(.enterprise) {
                model.speaksFor = try await EnterpriseAccounts.enterprise(of: user.personID, on: request.db)?.name
            }
        }
        return .html(HomeView.render(model, context: PageContext(request: request)))
    }

    /// What an enterprise or an observer asked for, by where it stands: open, answered (waiting
    /// for their confirmation), closed.
    static func ownRequests(_ person: UUID, on db: any Database) async throws -> HomeView.OwnRequests {
        struct Row: Decodable { var status: WorkOrderStatus, n: Int }
        let rows = try await db.sql.raw(
            "SELECT status, COUNT(*) AS n FROM work_orders WHERE requester_id = \(bind: person) GROUP BY status"
        ).all(decoding: Row.self)
        var own = HomeView.OwnRequests()
        for row in rows {
            switch row.status {
            case .answered: own.answered += row.n
            case .closed: own.closed += row.n
            default: own.open += row.n
            }
        }
        return own
    }

    struct Figures: Sendable {
        var enterprises: Int
        var attracted: Int
        var units: Int
        var share: RegistryStatistics.Share?
    }

    /// The dashboard's figures for a jurisdiction, computed at most once a minute per process:
    /// a leader's overview may be a minute old, and counting on every view would not scale. They
    /// are counted on the figures' own connections: on the province set a city's count takes
    /// 0.8 s, and on the page's connection every request of its event loop waited behind it
    /// (p99 400 ms on the workbench once a minute).
    static func figures(_ request: Request, scope: JurisdictionCode) async throws -> Figures {
        let db = request.application.figuresDB
        return try await request.application.shortCache.value(ShortCache.homeFigures + scope.value, ttl: 60) {
            Figures(
                enterprises: try await Enterprise.query(on: db).within(\.$regionCode, scope).count(),
                attracted: try await Enterprise.query(on: db).within(\.$regionCode, scope).filter(\.$attracted == true).count(),
                units: try await Unit.query(on: db).within(\.$jurisdictionCode, scope).count(),
                share: try await RegistryStatistics.attractedShare(in: scope, on: db))
        }
    }
}
