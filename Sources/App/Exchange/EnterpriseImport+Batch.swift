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

        func nameKey(_ name: String, _ region: String) -> String {
            if let key = keys[name] { return "n:" + key + "@" + region }
            let key = NameNormalizer.key(for: name)
            keys[name] = key
            return "n:" + key + "@" + region
        }

        /// The entries the rows name, by their USCC and by their names in their regions.
        func prefetch(usccs: Set<String>, names: Set<String>, on db: any Database) async throws {
            let usccs = usccs.subtracting(known.compactMap { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : nil })
            if !usccs.isEmpty {
                for entry in try await Enterprise.query(on: db).filter(\.$uscc ~~ Array(usccs)).all() {
                    if let uscc = entry.uscc, byUSCC[uscc] == nil { byUSCC[uscc] = entry }
                }
                known.formUnion(usccs.map { "u:" + $0 })
            }
            let names = names.subtracting(known)
            if !names.isEmpty {
                let nameKeys = Set(names.map { String($0.dropFirst(2).prefix { $0 != "@" }) })
                for entry in try await Enterprise.query(on: db).filter(\.$nameKey ~~ Array(nameKeys)).all() {
                    let key = "n:" + entry.nameKey + "@" + entry.regionCode
                    if names.contains(key), byName[key] == nil { byName[key] = entry }
                }
                known.formUnion(names)
            }
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

        /// Before an entry is changed in place (its own statements, its own record): what was held
        /// is written first, so the records keep their order, and what the change touches is asked
        /// of the database again.
        func beforeChange(_ entries: [Enterprise?], on db: any Database) async throws {
            try await flush(on: db)
            for entry in entries.compactMap({ $0 }) {
                if let uscc = entry.uscc {
                    known.remove("u:" + uscc)
                    byUSCC[uscc] = nil
                }
                known.remove(nameKey(entry.name, entry.regionCode))
                byName[nameKey(entry.name, entry.regionCode)] = nil
            }
        }

        func forget(_ input: EnterpriseInput) {
            known.remove("u:" + input.uscc)
            known.remove(nameKey(input.name, input.regionCode))
        }

        func flush(on db: any Database) async throws {
            guard !pending.isEmpty else {
                (byUSCC, byName, known, keys) = ([:], [:], [], [:])
                return
            }
            // the entries first: the records name them
            try await EnterpriseService.insertAll(pending, on: db)
            try await AuditLog.append(audits, on: db)
            pending.removeAll(keepingCapacity: true)
            audits.removeAll(keepingCapacity: true)
            // written: the next chunk asks the database, and memory stays one chunk's
            (byUSCC, byName, known, keys) = ([:], [:], [], [:])
        }
    }

    func prefetch(_ rows: [Import.Values], context: Context, on db: any Database) async throws {
        var usccs = Set<String>()
        var names = Set<String>()
        for values in rows {
            // as the row will be read; a row read otherwise is asked of the database then
            if let uscc = values.text("uscc") { usccs.insert(uscc.uppercased()) }
            guard let name = values.text("name") else { continue }
            let region = values.text("region").flatMap { context.regions[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            names.insert(context.batch.nameKey(name, region ?? context.user.scope.value))
        }
        try await context.batch.prefetch(usccs: usccs, names: names, on: db)
    }

    func flush(context: Context, on db: any Database) async throws { try await context.batch.flush(on: db) }
}
