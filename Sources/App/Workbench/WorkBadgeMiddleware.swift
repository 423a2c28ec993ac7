import Vapor

/// The count on 工作台 in the menu: how many items wait on the person, from the same sections the
/// workbench lists, kept a minute per person. The person's own writes drop their count at once (so
/// acting clears it); what others do to their to-dos shows within the minute — a write elsewhere
/// never makes every signed-in person's count be read again. The home page counts its own sections.
struct WorkBadgeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else { return try await next.respond(to: request) }
        if request.method != .GET {
            let response = try await next.respond(to: request)
            request.application.shortCache.invalidate(prefix: WorkQueue.badgeKey(user))
            return response
        }
        if request.url.path != SiteURL.home.path {
            // a badge that cannot be counted is left off, never a failed page
            request.workBadge = try? await WorkQueue.badge(for: user, request: request)
        }
        return try await next.respond(to: request)
    }
}

extension WorkQueue {
    static func badgeKey(_ user: CurrentUser) -> String { "work-badge:\(user.personID)|" }

    static func badge(for user: CurrentUser, request: Request) async throws -> Int {
        let (today, db) = (request.clock.today, request.db)
        return try await request.application.shortCache.value(badgeKey(user) + today.description, ttl: 60) {
            try await sections(for: user, today: today, on: db).reduce(0) { $0 + $1.count }
        }
    }
}
