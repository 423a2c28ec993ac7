import Vapor

/// The count on 工作台 in the menu: how many items wait on the person, from the same sections the
/// workbench lists, kept a minute per person and dropped by any write in this process
/// (`ShortCache.writeSensitive`). The home page counts its own sections and sets it there.
struct WorkBadgeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, request.url.path != SiteURL.home.path, let user = request.currentUser {
            // a badge that cannot be counted is left off, never a failed page
            request.workBadge = try? await WorkQueue.badge(for: user, request: request)
        }
        return try await next.respond(to: request)
    }
}

extension WorkQueue {
    static func badge(for user: CurrentUser, request: Request) async throws -> Int {
        let (today, db) = (request.clock.today, request.db)
        let key = ShortCache.writeSensitive + "work-badge:\(user.personID)|\(today)"
        return try await request.application.shortCache.value(key, ttl: 60) {
            try await sections(for: user, today: today, on: db).reduce(0) { $0 + $1.count }
        }
    }
}
