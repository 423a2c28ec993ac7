import Domain
import Fluent
import Foundation
import Vapor

/// An uploaded ledger and what was decided and found about it (migration 033). Only its uploader
/// sees it; its bytes stay in the database so that any node can run it.
final class ImportRecord: Model, @unchecked Sendable {
    static let schema = "imports"
    @ID var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "person_id") var personID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: Data
    @Field(key: "sheet") var sheet: String
    @Field(key: "header_row") var headerRow: Int
    /// "1=name,2=uscc": column (0-based) = field key.
    @Field(key: "mapping") var mapping: String
    /// uploaded → checked (a dry run) → committed
    @Field(key: "status") var status: String
    /// The last run's `StoredReport` as JSON ("" before any).
    @Field(key: "report") var report: String
    @Field(key: "dry_run_digest") var dryRunDigest: String
    /// The unit's template the plan came from ("" for none; migration 036).
    @Field(key: "template") var template: String
    @Field(key: "created_at") var createdAt: Int64
    @Field(key: "version") var version: Int

    init() {}

    var plan: Import.Plan {
        get {
            var mapping: [Int: String] = [:]
            for pair in self.mapping.split(separator: ",") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let column = Int(parts[0]) { mapping[column] = String(parts[1]) }
            }
            return Import.Plan(headerRow: headerRow, mapping: mapping)
        }
        set {
            headerRow = newValue.headerRow
            mapping = newValue.mapping.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }
    }

    var stored: StoredReport? {
        report.isEmpty ? nil : try? JSONDecoder().decode(StoredReport.self, from: Data(report.utf8))
    }
}

/// A run's report as the page shows it again after the redirect.
struct StoredReport: Codable, Sendable {
    struct Row: Codable, Sendable {
        var row: Int
        var word: String
        var subject: String
        var messages: [String]
    }

    var dryRun: Bool
    var committed: Bool
    var problems: [String]
    var rows: [Row]

    init(_ report: Import.Report, dryRun: Bool) {
        self.dryRun = dryRun
        committed = report.committed
        problems = report.problems
        rows = report.rows.map { result in
            var messages: [String] = []
            if case .error(let said) = result.outcome { messages = said }
            if case .skipped(let why) = result.outcome { messages = [why] }
            return Row(row: result.row, word: result.outcome.word, subject: result.subject, messages: messages)
        }
    }

    func count(_ word: String) -> Int { rows.filter { $0.word == word }.count }
    var errorCount: Int { rows.filter { !$0.messages.isEmpty && $0.word == "错误" }.count }

    var json: String { (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "" }
}
