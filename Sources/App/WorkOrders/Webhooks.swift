import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// A unit's group robot (企业微信/钉钉群机器人): notices to the unit are also posted there.
final class UnitWebhook: Model, @unchecked Sendable {
    static let schema = "unit_webhooks"
    @ID var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "url") var url: String

    init() {}
}

/// One notice on its way to a unit's robot. Written with the notice (so never lost), sent by the
/// background job, retried with back-off, given up after `maxAttempts` and kept for the record.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"
    @ID var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "url") var url: String
    @Field(key: "body") var body: String
    @Field(key: "notice_key") var noticeKey: String
    /// pending, sent or failed
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Int64
    @Field(key: "claimed_until") var claimedUntil: Int64
    @Field(key: "last_error") var lastError: String
    @Field(key: "created_at") var createdAt: Int64

    init() {}
}

enum Webhooks {
    static let maxAttempts = 8
    static let timeout: Int64 = 5

    /// The JSON both robots accept for plain text: {"msgtype":"text","text":{"content":…}}.
    static func body(_ text: String) -> String {
        struct Text: Encodable { var content: String }
        struct Message: Encodable {
            var msgtype = "text"
            var text: Text
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Message(text: Text(content: text)))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Queues the notice for the unit's robot, if it has one; once per notice key.
    static func enqueue(_ text: String, unit: UUID, key: String, at millis: Int64, on db: any Database) async throws {
        guard let hook = try await UnitWebhook.query(on: db).filter(\.$unitID == unit).first() else { return }
        try await db.sql.raw(
            """
            INSERT INTO webhook_deliveries (id, unit_id, url, body, notice_key, status, attempts, next_attempt_at, claimed_until, last_error, created_at)
            VALUES (\(bind: UUID()), \(bind: unit), \(bind: hook.url), \(bind: body(text)), \(bind: key), 'pending', 0, \(bind: millis), 0, '', \(bind: millis))
            ON CONFLICT (notice_key) DO NOTHING
            """
        ).run()
    }

    /// Back-off after `attempts` failures: 30 s, 1 min, 2 min … at most an hour.
    static func delay(afterAttempts attempts: Int) -> Int64 {
        min(3_600_000, 30_000 << Int64(max(0, attempts - 1)))
    }

    /// Claims the due deliveries for this node (each row goes to one node: the claim is an UPDATE
    /// that re-checks the row), posts them, and records the outcome. Returns how many it posted.
    /// `timeout` (seconds) bounds each post; tests on a loaded machine give their local robot longer.
    @discardableResult
    static func deliverDue(_ app: Application, now: Int64, limit: Int = 20, timeout: Int64 = timeout) async throws -> Int {
        struct Due: Decodable { var id: UUID, url: String, body: String, attempts: Int }
        let lease = now + (timeout + 25) * 1_000
        let due = try await app.writeTransaction { db in
            try await db.sql.raw(
                """
                UPDATE webhook_deliveries SET claimed_until = \(bind: lease)
                WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                  AND claimed_until < \(bind: now) ORDER BY next_attempt_at LIMIT \(bind: limit))
                AND status = 'pending' AND claimed_until < \(bind: now)
                RETURNING id, url, body, attempts
                """
            ).all(decoding: Due.self)
        }
        for delivery in due {
            var failure = ""
            do {
                // checked again at every delivery: a name may have been pointed into the network since
                do { _ = try await app.robotPolicy.check(delivery.url) } catch {
                    throw Abort(.forbidden, reason: "robot address refused: \(error)")
                }
                let response = try await app.client.post(URI(string: delivery.url)) { request in
                    request.headers.contentType = .json
                    request.body = ByteBuffer(string: delivery.body)
                    request.timeout = .seconds(timeout)
                }
                if !(200..<300).contains(response.status.code) { failure = "HTTP \(response.status.code)" }
            } catch {
                failure = String(describing: error).prefix(200).description
            }
            let attempts = delivery.attempts + 1
            let status = failure.isEmpty ? "sent" : attempts >= maxAttempts ? "failed" : "pending"
            let next = now + delay(afterAttempts: attempts)
            let error = failure
            try await app.writeTransaction { db in
                try await db.sql.raw(
                    """
                    UPDATE webhook_deliveries SET status = \(bind: status), attempts = \(bind: attempts), next_attempt_at = \(bind: next),
                    claimed_until = 0, last_error = \(bind: error) WHERE id = \(bind: delivery.id)
                    """
                ).run()
            }
        }
        return due.count
    }
}
