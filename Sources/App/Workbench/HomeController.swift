import Domain
import Fluent
import Vapor

/// 工作台: what waits on me, oldest and most overdue first, then what my jurisdiction holds.
struct HomeController {
    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let figures = try await Self.figures(request, scope: user.scope)
        let today = request.clock.today
        let sections = try await WorkQueue.sections(for: user, today: today, on: request.db)
        let unread = try await WorkQueue.unreadNotices(of: user.personID, on: request.db)
        return .html(
            HomeView.render(
                HomeView.Model(user: user, figures: figures, sections: sections, unreadNotices: unread, today: today),
                context: PageContext(request: request)))
    }

    struct Figures: Sendable {
        var enterprises: Int
        var attracted: Int
        var units: Int
        var share: RegistryStatistics.Share?
    }

    /// The dashboard's figures for a jurisdiction, computed at most once a minute per process:
    /// a leader's overview may be a minute old, and counting on every view would not scale.

    static func figures(_ request: Request, scope: JurisdictionCode) async throws -> Figures {
        let db = request.db
        return try await request.application.shortCache.value(ShortCache.homeFigures + scope.value, ttl: 60) {
            Figures(
                enterprises: try await Enterprise.query(on: db).within(\.$regionCode, scope).count(),
                attracted: try await Enterprise.query(on: db).within(\.$regionCode, scope).filter(\.$attracted == true).count(),
                units: try await Unit.query(on: db).within(\.$jurisdictionCode, scope).count(),
                share: try await RegistryStatistics.attractedShare(in: scope, on: db))
        }
    }
}
