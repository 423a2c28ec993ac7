import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// Who did something, from where — the first half of every audit record.
struct AuditActor: Sendable {
    var login: String
    var ip: String

    static func system(_ what: String) -> AuditActor { AuditActor(login: "system:\(what)", ip: "-") }
}

/// Appends to the hash-chained audit log. Call it inside the same transaction as the change it
/// records, so the change and its record are written together or not at all.
enum AuditLog {
    /// Any stable number: the PostgreSQL advisory lock that makes appends from several app
    /// processes take turns, so the chain stays one line.
    static let chainLockKey: Int64 = 0x7A68_6173_6861_6E67

    static func append(
        on db: any Database, by actor: AuditActor, action: String, objectType: String, objectID: String,
        before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil, at millis: Int64
    ) async throws {
        try await append(
            [try Entry(by: actor, action: action, objectType: objectType, objectID: objectID, before: before, after: after, at: millis)],
            on: db)
    }

    /// One record to append, its before and after already written down.
    struct Entry: Sendable {
        var actor: AuditActor
        var action: String
        var objectType: String
        var objectID: String
        var before: String
        var after: String
        var millis: Int64

        init(
            by actor: AuditActor, action: String, objectType: String, objectID: String, before: (any Encodable & Sendable)? = nil,
            after: (any Encodable & Sendable)? = nil, at millis: Int64
        ) throws {
            (self.actor, self.action, self.objectType, self.objectID, self.millis) = (actor, action, objectType, objectID, millis)
            (self.before, self.after) = (try AuditLog.json(before), try AuditLog.json(after))
        }
    }

    /// Records appended in their order, the chain's head read once: an import's chunk of rows
    /// writes its records in a few statements instead of two each.
    static func append(_ entries: [Entry], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        let sql = db.sql
        if sql.dialect.name != "sqlite" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: chainLockKey))").run()
        }
        // the chain's head: its number and hash only (a model would decode the before and after
        // of the last record on every write)
        let head = try await sql.raw("SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1").first()
        var (sequence, previous) =
            try head.map { (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "hash", as: String.self)) }
            ?? (0, AuditChain.genesis)
        // 11 values a record: 200 records stay far below either engine's limit on bound values
        for slice in stride(from: 0, to: entries.count, by: 200).map({ entries[$0..<min($0 + 200, entries.count)] }) {
            var rows: [SQLQueryString] = []
            for entry in slice {
                sequence += 1
                let content = AuditChain.Content(
                    sequence: sequence, atMillis: entry.millis, actor: entry.actor.login, action: entry.action,
                    objectType: entry.objectType, objectID: entry.objectID, ip: entry.actor.ip, before: entry.before, after: entry.after)
                let hash = AuditChain.hash(previous: previous, content)
                rows.append(
                    """
                    (\(bind: content.sequence), \(bind: content.atMillis), \(bind: content.actor), \(bind: content.action), \
                    \(bind: content.objectType), \(bind: content.objectID), \(bind: content.ip), \(bind: content.before), \
                    \(bind: content.after), \(bind: previous), \(bind: hash))
                    """)
                previous = hash
            }
            try await sql.raw(
                """
                INSERT INTO audit_records (seq, at_millis, actor, action, object_type, object_id, ip, before_json, after_json, prev_hash, hash)
                VALUES \(rows.joined(separator: ", "))
                """
            ).run()
        }
    }

    /// A before/after the log cannot write down stops the change it records (the caller's
    /// transaction rolls back): an audit record is never silently emptier than the change.
    struct Unencodable: Error, CustomStringConvertible {
        var underlying: any Error
        var description: String { "audit before/after not encodable: \(underlying)" }
    }

    static func json(_ value: (any Encodable & Sendable)?) throws -> String {
        guard let value else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw Unencodable(underlying: error)
        }
    }

    /// Walks the whole chain in batches; returns the first break or nil, and how many were checked.
    static func verify(on db: any Database, batch: Int = 5_000) async throws -> (AuditChain.Break?, Int64) {
        var previousHash = AuditChain.genesis
        var previousSequence: Int64 = 0
        var checked: Int64 = 0
        while true {
            let rows = try await AuditRecord.query(on: db)
                .filter(\.$id > previousSequence).sort(\.$id).limit(batch).all()
            if rows.isEmpty { return (nil, checked) }
            let stored = rows.map { AuditChain.Stored(content: $0.content, previousHash: $0.previousHash, hash: $0.hash) }
            if let broken = AuditChain.firstBreak(
                in: stored, previousHash: previousHash, previousSequence: previousSequence)
            {
                // every record before the break was verified intact
                switch broken {
                case .contentChanged(let sequence), .linkBroken(let sequence): return (broken, sequence - 1)
                case .gap(let after): return (broken, after)
                }
            }
            checked += Int64(rows.count)
            previousHash = rows.last!.hash
            previousSequence = rows.last!.id!
        }
    }
}

extension Request {
    var auditActor: AuditActor {
        AuditActor(login: currentUser?.login ?? "anonymous", ip: remoteIP)
    }

    var remoteIP: String {
        remoteAddress?.ipAddress ?? "-"
    }

    /// Records a sensitive read (exports, audit views) in its own small transaction.
    func auditRead(_ action: String, objectType: String, objectID: String = "-", detail: [String: String] = [:])
        async throws
    {
        let actor = auditActor
        let millis = clock.millis
        try await writeTransaction { db in
            try await AuditLog.append(
                on: db, by: actor, action: action, objectType: objectType, objectID: objectID,
                after: detail.isEmpty ? nil : detail, at: millis)
        }
    }
}
