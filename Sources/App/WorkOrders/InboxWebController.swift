import Domain
import Fluent
import FluentSQL
import Vapor

/// 消息: the person's notices, newest first; reading them all marks them read.
struct InboxWebController {
    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.inbox.pattern, use: inbox)
        pages.post(SiteURL.inboxRead.pattern, use: markRead)
    }

    func inbox(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .workOrder)
        let notices = try await Notice.query(on: request.db).filter(\.$personID == user.personID).sort(\.$createdAt, .descending)
            .limit(100).all()
        let model = InboxView.Model(
            notices: notices.map {
                .init(when: Self.dateText($0.createdAt), text: $0.text, workOrderID: $0.workOrderID, unread: $0.readAt == nil)
            })
        return .html(InboxView.render(model, context: PageContext(request: request)))
    }

    func markRead(_ request: Request) async throws -> Response {
        let user = try request.authorize(.read, .workOrder)
        let now = request.clock.millis
        try await request.writeTransaction { db in try await Notices.markAllRead(user.personID, at: now, on: db) }
        return request.redirect(to: SiteURL.inbox.path)
    }

    /// Milliseconds to the day and minute in Asia/Shanghai (UTC+8, no daylight saving).
    static func dateText(_ millis: Int64) -> String {
        let seconds = millis / 1_000 + 8 * 3_600
        let day = CivilDate(dayNumber: Int(seconds / 86_400))
        let minutes = Int(seconds % 86_400) / 60
        return day.description + " " + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
