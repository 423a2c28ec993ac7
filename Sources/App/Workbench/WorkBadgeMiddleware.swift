import Vapor

/// The count on 工作台 in the menu: how many items wait on the person, from the same sections the
/// workbench lists, kept a minute per person. The person's own writes drop their count at once (so
/// acting clears it); what others do to their to-dos shows within the minute — a write elsewhere
/// never makes every signed-in person's count be read again. The home page reads `WorkQueue.kept`.
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

    /// What waited on a person when last read, and when that was.
    struct Kept: Sendable {
        var sections: [WorkSection]
        var readAtMillis: Int64
        var count: Int { sections.reduce(0) { $0 + $1.count } }
    }

    /// How long the home page keeps a person's sections. They are dropped by every write made
    /// through this process (`ShortCache.writeSensitive`), so on one node the workbench is never
    /// behind anybody's act; what is done on another node shows within this time. A bureau
    /// refreshing its workbench while nothing changes costs no reading (about 30 ms on the
    /// province set for a city bureau).
    static let keptSeconds: TimeInterval = 20

    static func kept(for user: CurrentUser, request: Request) async throws -> Kept {
        let (today, db, clock) = (request.clock.today, request.db, request.clock)
        let key = ShortCache.writeSensitive + "work-queue:\(user.personID)|\(today)"
        return try await request.application.shortCache.value(key, ttl: keptSeconds) {
            Kept(sections: try await sections(for: user, today: today, on: db), readAtMillis: clock.millis)
        }
    }
}
