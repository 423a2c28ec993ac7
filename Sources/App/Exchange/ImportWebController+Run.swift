import Domain
import Foundation
import Vapor

/// 试导入 and 导入 runs: a ledger of a few thousand rows at once (the page comes back with its
/// report); a longer one after the response, its progress on the page until it is done.
extension ImportWebController {
    /// Files of more data rows than this run after the response.
    static let inlineRows = 2_000

    static func start(
        _ request: Request, _ record: ImportRecord, _ kind: any ImportKind, _ source: ImportSource, commit: Bool, template: String?
    ) async throws -> Response {
        let id = try record.requireID()
        let jobs = request.application.importJobs
        let rows = source.rows.filter { $0.number > record.headerRow && !$0.isBlank }.count
        guard jobs.start(id, total: rows, commit: commit) else {
            throw AppError(
                code: "import_running", status: .conflict, zh: "这份台账正在处理中，请稍候刷新页面查看结果。", en: "This import is running; refresh later.")
        }
        let page = SiteURL.importItem(id).path
        guard rows > inlineRows else {
            defer { jobs.finish(id) }
            try await complete(record, kind, source, commit: commit, template: template, request: request)
            return request.redirect(to: page + "#report")
        }
        record.status = commit ? "committing" : "checking"
        do { try await save(record, request) } catch {
            jobs.finish(id)
            throw error
        }
        // the run outlives this response: a request of its own, the same person from the same address
        let job = Request(
            application: request.application, method: request.method, url: request.url, remoteAddress: request.remoteAddress,
            logger: request.logger, on: request.eventLoop)
        job.currentUser = request.currentUser
        Task {
            defer { jobs.finish(id) }
            do {
                try await complete(record, kind, source, commit: commit, template: template, request: job)
            } catch {
                // the transaction rolled back: nothing written; the page says so and asks for a new dry run
                job.logger.error("import \(id) stopped: \(String(reflecting: error))")
                let stopped = Import.Report(rows: [], problems: ["处理中断，未写入任何记录：请重新试导入"], committed: false)
                (record.status, record.dryRunDigest) = (commit ? "checked" : "uploaded", "")
                record.report = StoredReport(stopped, dryRun: !commit).json
                try? await save(record, job)
            }
        }
        return request.redirect(to: page)
    }

    /// Runs the plan, keeps the report on the record, and at a commit saves the mapping as the
    /// template named (for next month's ledger).
    static func complete(
        _ record: ImportRecord, _ kind: any ImportKind, _ source: ImportSource, commit: Bool, template: String?, request: Request
    ) async throws {
        let jobs = request.application.importJobs
        let id = try record.requireID()
        let report = try await kind.run(
            source, plan: record.plan, commit: commit, expecting: commit ? record.dryRunDigest : nil, request: request,
            progress: { done, total in jobs.update(id, done: done, total: total) })
        record.report = StoredReport(report, dryRun: !commit).json
        if !commit {
            (record.status, record.dryRunDigest) = ("checked", report.isClean ? report.digest : "")
        } else if !report.committed {
            (record.status, record.dryRunDigest) = ("checked", "")
        } else {
            record.status = "committed"
            if let template {
                let (user, plan, headers) = (try request.requireUser(), record.plan, source.headers(at: record.headerRow))
                let (actor, millis, kind) = (request.auditActor, request.clock.millis, kind.name)
                try await request.writeTransaction { db in
                    try await ImportTemplates.save(
                        template, kind: kind, plan: plan, headers: headers, user: user, actor: actor, millis: millis, on: db)
                }
                record.template = template
            }
        }
        try await save(record, request)
    }
}
