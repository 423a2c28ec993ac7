import Domain
import Fluent
import Foundation
import Vapor

extension EnterpriseImport {
    /// A registry import of 100,000 rows, a chunk at a time (`Import.chunk`): the entries the
    /// chunk's rows would be the same enterprise as, read in two statements; the new entries and
    /// their audit records written together when the chunk ends. The rules are the service's own
    /// (`EnterpriseService.matches`' two questions, `created`'s duplicate check): only where the
    /// answers come from changes. A row later in the chunk sees the entries earlier rows created.
    ///
    /// The engine applies one row after another in one task; nothing reaches this from elsewhere.
    final class Batch: @unchecked Sendable {
        private var byUSCC: [String: Enterprise] = [:]
        private var byName: [String: Enterprise] = [:]
        /// The keys whose answer is known (nil in the maps: no such entry).
        private var known: Set<String> = []
        private var pending: [Enterprise] = []
        private var audits: [AuditLog.Entry] = []
        /// `NameNormalizer.key` of the chunk's names, each computed once.
        private var keys: [String: String] = [:]

        func folded(_ name: String) -> String {
            if let key = keys[name] { return key }
            let key = NameNormalizer.key(for: name)
            keys[name] = key
            return key
        }

        func nameKey(_ name: String, _ region: String) -> String { "n:" + folded(name) + "@" + region }

        /// The entries the chunk's rows name, by their USCC and by their names in their regions
        /// (`nameKey`); a key asked here is known after, found or not. Each chunk starts afresh
        /// (`flush` forgets), so nothing is asked twice.
        func prefetch(usccs: Set<String>, names: [(name: String, region: String)], on db: any Database) async throws {
            if !usccs.isEmpty {
                for entry in try await Enterprise.query(on: db).filter(\.$uscc ~~ Array(usccs)).all() {
                    if let uscc = entry.uscc, byUSCC[uscc] == nil { byUSCC[uscc] = entry }
                }
                known.formUnion(usccs.map { "u:" + $0 })
            }
            let keys = Set(names.map { nameKey($0.name, $0.region) })
            guard !keys.isEmpty else { return }
            for entry in try await Enterprise.query(on: db).filter(\.$nameKey ~~ Array(Set(names.map { folded($0.name) }))).all() {
                let key = "n:" + entry.nameKey + "@" + entry.regionCode
                if keys.contains(key), byName[key] == nil { byName[key] = entry }
            }
            known.formUnion(keys)
        }

        /// `EnterpriseService.matches`, answered from the chunk's reading where it has the answer.
        func matches(_ input: EnterpriseInput, on db: any Database) async throws -> EnterpriseService.Matches {
            let key = nameKey(input.name, input.regionCode)
            guard input.uscc.isEmpty || known.contains("u:" + input.uscc), known.contains(key) else {
                return try await EnterpriseService.matches(input, on: db)
            }
            return EnterpriseService.Matches(byUSCC: input.uscc.isEmpty ? nil : byUSCC[input.uscc], byName: byName[key])
        }

        /// A new entry and its record, written with the chunk; the rows after it see it.
        func hold(_ enterprise: Enterprise, _ audit: AuditLog.Entry) {
            pending.append(enterprise)
            audits.append(audit)
            if let uscc = enterprise.uscc { byUSCC[uscc] = enterprise }
            byName[nameKey(enterprise.name, enterprise.regionCode)] = enterprise
        }

        /// Writes what was held, the entries before the records that name them, and forgets what
        /// was read: the next chunk asks the database again, and memory stays one chunk's. An entry
        /// changed in place (its own statements, its own record) is flushed before, so the records
        /// keep their order and what the change touches is asked afresh.
        func flush(on db: any Database) async throws {
            if !pending.isEmpty {
                try await EnterpriseService.insertAll(pending, on: db)
                try await AuditLog.append(audits, on: db)
                (pending, audits) = ([], [])
            }
            (byUSCC, byName, known, keys) = ([:], [:], [], [:])
        }
    }

    func prefetch(_ rows: [Import.Values], context: Context, on db: any Database) async throws {
        var usccs = Set<String>()
        var names: [(name: String, region: String)] = []
        for values in rows {
            // as the row will be read; a row read otherwise is asked of the database then
            if let uscc = values.text("uscc") { usccs.insert(uscc.uppercased()) }
            guard let name = values.text("name") else { continue }
            let region = values.text("region").flatMap { context.regions[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            names.append((name, region ?? context.user.scope.value))
        }
        try await context.batch.prefetch(usccs: usccs, names: names, on: db)
    }

    func flush(context: Context, on db: any Database) async throws { try await context.batch.flush(on: db) }
}
