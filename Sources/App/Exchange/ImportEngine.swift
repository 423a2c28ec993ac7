import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

/// One engine for every kind of import (the registry, leads, projects, funds, activities, units
/// and people; targets and registers plug in as further `ImportKind`s): the rows after the header row are read into
/// the kind's fields by the mapping, each value checked as typed (`ImportValues`), and the rows
/// applied inside ONE transaction through the same services a form uses. A dry run is that very
/// transaction rolled back, so what the dry run says is what the commit does; a commit with any
/// row in error writes nothing.
enum Import {
    struct Plan: Sendable {
        var headerRow: Int
        var mapping: [Int: String]
    }

    enum Outcome: Sendable, Equatable {
        case create, update, unchanged, skipped(String)
        case error([String])

        var word: String {
            switch self {
            case .create: "新增"
            case .update: "更新"
            case .unchanged: "无变化"
            case .skipped: "跳过"
            case .error: "错误"
            }
        }
    }

    struct RowResult: Sendable {
        var row: Int
        var outcome: Outcome
        /// What the row names (an enterprise's name), for the report.
        var subject: String
    }

    struct Report: Sendable {
        var rows: [RowResult]
        var problems: [String]
        var committed: Bool

        func count(_ word: String) -> Int { rows.filter { $0.outcome.word == word }.count }
        var errors: [(row: Int, message: String)] {
            rows.flatMap { result -> [(row: Int, message: String)] in
                if case .error(let messages) = result.outcome { return messages.map { (result.row, $0) } }
                return []
            }
        }
        var isClean: Bool { problems.isEmpty && errors.isEmpty }

        /// What the rows would do, as one value: a commit whose rows would do otherwise than its dry
        /// run said (the records changed meanwhile) is refused.
        var digest: String {
            Secrets.digest(rows.map { "\($0.row)|\($0.outcome.word)|\($0.subject)" }.joined(separator: "\n"))
        }
    }

    /// A row's values by field key, as typed in the file.
    struct Values: Sendable {
        var cells: [String: CellValue]
        var columns: [String: Int]
        var headers: [Int: String]
        var date1904: Bool

        func text(_ key: String) -> String? {
            let text = (cells[key] ?? .empty).text(date1904: date1904).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }

        func amount(_ key: String, default unit: ImportValues.AmountUnit) throws(ImportValues.Failure) -> Money? {
            let header = columns[key].flatMap { headers[$0] }.flatMap(ImportValues.headerUnit) ?? unit
            switch cells[key] ?? .empty {
            case .empty: return nil
            case .number(let value, _): return try ImportValues.amount(number: value, unit: header)
            case .text(let text):
                return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try ImportValues.amount(text: text, unit: header)
            case .bool, .error: throw .notAnAmount(text(key) ?? "")
            }
        }

        func date(_ key: String) throws(ImportValues.Failure) -> CivilDate? {
            switch cells[key] ?? .empty {
            case .empty: return nil
            case .number(let serial, isDate: true):
                guard let day = ExcelDate.day(fromSerial: serial, date1904: date1904), let date = CivilDate(day.description) else {
                    throw .notADate(String(serial))
                }
                return date
            case .number(let value, isDate: false):
                // 20220428 typed as a number; a value no date can be (1e300, NaN) is refused before conversion
                guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else { throw .notADate(String(value)) }
                return try ImportValues.date(text: String(Int64(value)))
            case .text(let text): return try ImportValues.date(text: text)
            case .bool, .error: throw .notADate(text(key) ?? "")
            }
        }

        /// The same, a refusal said at its place in `errors` (nil when empty or refused).
        func date(_ key: String, row: Int, errors: inout [String]) -> CivilDate? {
            do { return try date(key) } catch {
                errors.append(place(row, key) + error.message)
                return nil
            }
        }

        func amount(_ key: String, default unit: ImportValues.AmountUnit, row: Int, errors: inout [String]) -> Money? {
            do { return try amount(key, default: unit) } catch {
                errors.append(place(row, key) + error.message)
                return nil
            }
        }

        /// A yes/no column (是/否); an empty one is no.
        func flag(_ key: String, row: Int, errors: inout [String]) -> Bool {
            guard let written = text(key) else { return false }
            do { return try ImportValues.flag(text: written) } catch {
                errors.append(place(row, key) + error.message)
                return false
            }
        }

        /// A choice column read by the ledger's words (`LedgerWords`); text that names none of the
        /// choices is an error listing them by their labels. nil when the column is empty.
        func choice<Choice: CaseIterable & RawRepresentable>(
            _ key: String, row: Int, _ table: [(String, Choice)], noun: String, label: (Choice) -> String, errors: inout [String]
        ) -> Choice? where Choice.RawValue == String {
            guard let written = text(key) else { return nil }
            if let choice = LedgerWords.read(written, table) { return choice }
            let known = Choice.allCases.map(label).joined(separator: "、")
            errors.append(place(row, key) + "“\(written)”不是\(noun)，应为：\(known)")
            return nil
        }

        /// "第 12 行 D 列：" — where a value's error is, as Excel shows it.
        func place(_ row: Int, _ key: String) -> String {
            "第 \(row) 行" + (columns[key].map { " \(ColumnMapping.columnName($0)) 列" } ?? "") + "："
        }
    }

    /// Rows read, prefetched and flushed together.
    static let chunk = 500

    struct Rollback: Error {
        var report: Report
    }
}

struct ImportEngine<Kind: ImportKind> {
    typealias Report = Import.Report

    let kind: Kind

    /// Reads, checks and applies; `commit` false rolls the transaction back after the last row.
    /// `progress` hears (rows done, rows in all) every hundred rows (the CLI's progress bar).
    func run(
        _ source: ImportSource, plan: Import.Plan, commit: Bool, expecting digest: String? = nil, request: Request,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Report {
        let problems = ColumnMapping.problems(plan.mapping, fields: kind.fields).map(\.message)
        guard problems.isEmpty else { return Report(rows: [], problems: problems, committed: false) }
        let headers = source.headers(at: plan.headerRow)
        let columns = Dictionary(plan.mapping.map { ($0.value, $0.key) }) { first, _ in first }
        let rows = source.rows.filter { $0.number > plan.headerRow && !$0.isBlank }
        let context = try await kind.prepare(request)
        let actor = request.auditActor
        let millis = request.clock.millis
        let kind = self.kind
        let date1904 = source.date1904
        do {
            // on connections of its own (SQLite), so the pages of this event loop do not wait for it
            return try await request.writeTransaction(on: request.application.importsDB) { db in
                var results: [Import.RowResult] = []
                var seen: [String: Int] = [:]
                // in chunks: a kind reads what a chunk names at once, and writes what it held back
                for start in stride(from: 0, to: rows.count, by: Import.chunk) {
                    let chunk = rows[start..<min(start + Import.chunk, rows.count)].map { row in
                        var cells: [String: CellValue] = [:]
                        for (column, key) in plan.mapping { cells[key] = row[column] }
                        return (row, Import.Values(cells: cells, columns: columns, headers: headers, date1904: date1904))
                    }
                    try await kind.prefetch(chunk.filter { !$0.0.hidden }.map(\.1), context: context, on: db)
                    for (row, values) in chunk {
                        if row.hidden {
                            results.append(Import.RowResult(row: row.number, outcome: .skipped("隐藏行"), subject: ""))
                            continue
                        }
                        var result = try await kind.apply(
                            values, row: row.number, context: context, on: db, request: request, by: actor, at: millis)
                        // the same record twice in one file
                        if let key = result.naturalKey {
                            if let first = seen[key] {
                                result.outcome = .error([values.place(row.number, "") + "与第 \(first) 行是同一记录（重复行）"])
                            } else {
                                seen[key] = row.number
                            }
                        }
                        results.append(Import.RowResult(row: row.number, outcome: result.outcome, subject: result.subject))
                        if results.count % 100 == 0 { progress?(results.count, rows.count) }
                    }
                    try await kind.flush(context: context, on: db)
                }
                progress?(results.count, rows.count)
                var report = Report(rows: results, problems: [], committed: commit)
                if commit, let digest, digest != report.digest {
                    report.problems.append("试导入之后，文件或系统中的记录已有变化，本次导入结果会与试导入不同：请重新试导入，核对后再导入")
                }
                // all or nothing: a row in error, or a dry run, leaves the database as it was
                if !commit || !report.isClean {
                    report.committed = false
                    throw Import.Rollback(report: report)
                }
                try await AuditLog.append(
                    on: db, by: actor, action: "import.\(kind.name)", objectType: kind.name, objectID: "-",
                    after: ["新增": String(report.count("新增")), "更新": String(report.count("更新")), "无变化": String(report.count("无变化"))],
                    at: millis)
                return report
            }
        } catch let rollback as Import.Rollback {
            return rollback.report
        }
    }
}

/// What a row did (or would do), and how the file names its record (to catch duplicate rows).
struct RowApplied: Sendable {
    var outcome: Import.Outcome
    var subject: String
    var naturalKey: String?
}

/// A kind of import: its fields, and how one row is applied through the room's own service.
protocol ImportKind: Sendable {
    /// `import.<name>` in the audit trail, and the CLI's `--kind`.
    var name: String { get }
    var title: String { get }
    var fields: [ImportField] { get }
    associatedtype Context: Sendable
    /// What it writes (one of `AccessPolicy.importable`): who may write it may import it (the
    /// upload form offers only those kinds).
    var resource: AccessPolicy.Resource { get }
    /// The importer, or `forbidden`: who may write `resource` (a kind may ask more, as 补录 does).
    func authorize(_ request: Request) throws -> CurrentUser
    func prepare(_ request: Request) async throws -> Context
    /// One row, checked and written on `db` (the import's transaction) by the room's own service,
    /// as the form would: what the service reads first it reads in `prepare` or on `db`, never on
    /// the request's connection, which SQLite's one connection per event loop holds for the import.
    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied
    /// Before a chunk of rows (`Import.chunk`) is applied: what they name, read at once.
    func prefetch(_ rows: [Import.Values], context: Context, on db: any Database) async throws
    /// After a chunk, before the next and before the import's own audit record: the writes the
    /// kind held back, written. A row's writes are never left for after the transaction.
    func flush(context: Context, on db: any Database) async throws
}

extension ImportKind {
    /// Most kinds read and write row by row.
    func prefetch(_ rows: [Import.Values], context: Context, on db: any Database) async throws {}
    func flush(context: Context, on db: any Database) async throws {}

    /// Who may write the resource.
    func authorize(_ request: Request) throws -> CurrentUser { try request.authorize(.write, resource) }

    /// The engine for this kind, callable on `any ImportKind`.
    func run(
        _ source: ImportSource, plan: Import.Plan, commit: Bool, expecting digest: String? = nil, request: Request,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Import.Report {
        try await ImportEngine(kind: self).run(
            source, plan: plan, commit: commit, expecting: digest, request: request, progress: progress)
    }
}

/// A kind whose rows need nothing read beforehand but the importer.
extension ImportKind where Context == CurrentUser {
    func prepare(_ request: Request) async throws -> CurrentUser { try authorize(request) }
}
