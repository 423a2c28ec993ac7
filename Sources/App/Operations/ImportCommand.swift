import Domain
import FluentSQL
import Foundation
import Spreadsheet
import Vapor

/// `zhaoshang import --kind enterprises|figures|leads|projects|funds|activities|units|persons FILE --login LOGIN [--dry-run] [--mapping NAME] [--sheet NAME] [--header-row N]`:
/// the same engine as the web page, as the person named by --login (their scope, their rights,
/// their name in the audit trail); prints every row's outcome, the errors by row and column, and
/// exits 1 when anything is wrong (nothing is written then).
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "kind", help: "What the file holds: enterprises, figures, leads, projects, funds, activities, units or persons")
        var kind: String?
        @Option(name: "login", help: "Whose import it is (scope, rights, audit)") var login: String?
        @Option(name: "sheet", help: "The sheet to read (default: the first visible)") var sheet: String?
        @Option(name: "header-row", help: "The row holding the headers (default: found from the headers)") var headerRow: Int?
        @Option(name: "mapping", help: "The unit's saved template to map the columns by (default: the best fitting, else the headers)")
        var mapping: String?
        @Flag(name: "dry-run", help: "Check every row and say what would happen; write nothing") var dryRun: Bool
        @Argument(name: "file", help: "An .xlsx or .csv file") var file: String
    }

    var help: String { "Imports a ledger (.xlsx or .csv) all or nothing; --dry-run says what would happen." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Startup.prepareDatabase(app)
        guard let kind = ImportKinds.named(signature.kind ?? "", in: app) else {
            context.console.error("--kind: " + ImportKinds.all(app).map { "\($0.name)（\($0.title)）" }.joined(separator: ", "))
            throw ExitCode(2)
        }
        guard let login = signature.login,
            let principal = try await PrincipalRow.find(login: login, on: app.db),
            let user = principal.currentUser(csrfToken: nil, now: app.clock.seconds)
        else {
            context.console.error("--login: no active person with that login.")
            throw ExitCode(2)
        }
        let request = Request(application: app, on: app.eventLoopGroup.next())
        request.currentUser = user
        guard (try? kind.authorize(request)) != nil else {
            context.console.error("--login: \(login) may not import \(kind.title).")
            throw ExitCode(2)
        }
        let source: ImportSource
        do {
            source = try ImportSource.read(URL(fileURLWithPath: signature.file), sheet: signature.sheet)
        } catch let error as SpreadsheetError {
            context.console.error(error.message)
            throw ExitCode(1)
        }
        var (plan, template) = try await ImportTemplates.plan(for: kind, source, unit: user.unitID, named: signature.mapping, on: app.db)
        if let name = signature.mapping, template.isEmpty {
            context.console.error("--mapping: 本单位没有适用于此文件的“\(name)”\(kind.title)模板")
            throw ExitCode(2)
        }
        if let row = signature.headerRow, row != plan.headerRow {
            plan = Import.Plan(headerRow: row, mapping: ColumnMapping.suggest(headers: source.headers(at: row), fields: kind.fields))
            template = ""
        }
        let (headerRow, headers) = (plan.headerRow, source.headers(at: plan.headerRow))
        if !template.isEmpty { context.console.print("按模板“\(template)”对应列") }
        context.console.print("\(signature.file)\(source.sheet.isEmpty ? "" : " · " + source.sheet) · 表头在第 \(headerRow) 行")
        for (column, key) in plan.mapping.sorted(by: { $0.key < $1.key }) {
            let field = kind.fields.first { $0.key == key }?.label ?? key
            context.console.print("  \(ColumnMapping.columnName(column)) 列“\(headers[column] ?? "")” → \(field)")
        }
        let bar = ImportProgress(title: signature.dryRun ? "试导入" : "导入")
        let report = try await kind.run(
            source, plan: plan, commit: !signature.dryRun, request: request, progress: { done, total in bar.update(done, of: total) })
        bar.finish()
        for problem in report.problems { context.console.error(problem) }
        for error in report.errors { context.console.error(error.message) }
        let tally = ["新增", "更新", "无变化", "跳过", "错误"].map { "\($0) \(report.count($0))" }.joined(separator: "，")
        context.console.print((signature.dryRun ? "试导入：" : report.committed ? "已导入：" : "未导入（有错误，未写入任何记录）：") + tally)
        if !report.isClean { throw ExitCode(1) }
    }
}

/// The terminal's progress bar, fed from the import's transaction.
final class ImportProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let title: String
    private var bar: ProgressBar?

    init(title: String) { self.title = title }

    func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if bar == nil { bar = ProgressBar(title: title, total: total) }
        bar?.update(done)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        bar?.finish()
    }
}
