import Domain
import Fluent
import Foundation
import Spreadsheet
import Vapor

/// 导入 pages: upload a ledger, check the sheet, header row and column mapping, 试导入 (the real
/// import rolled back), fix the rows in error from their own .xlsx, 导入 all or nothing.
struct ImportWebController {
    static let uploadLimit = 20 << 20

    func register(_ pages: any RoutesBuilder) {
        pages.get(SiteURL.imports.pattern, use: list)
        pages.postUpload(SiteURL.imports.pattern, limit: Self.uploadLimit, use: upload)
        pages.get(SiteURL.importItem(SiteURL.anyID).pattern, use: show)
        pages.post(SiteURL.importCheck(SiteURL.anyID).pattern, use: check)
        pages.post(SiteURL.importCommit(SiteURL.anyID).pattern, use: commit)
        pages.get(SiteURL.importErrors(SiteURL.anyID).pattern, use: errors)
    }

    /// The user, when they may import at least one kind (the form offers those).
    private func importer(_ request: Request) throws -> (CurrentUser, [any ImportKind]) {
        let user = try request.requireUser()
        let kinds = ImportKinds.allowed(request)
        guard !kinds.isEmpty else { throw AppError.forbidden }
        return (user, kinds)
    }

    func list(_ request: Request) async throws -> Response {
        try await page(request, form: FormState())
    }

    private func page(_ request: Request, form: FormState) async throws -> Response {
        let (user, kinds) = try importer(request)
        let mine = try await ImportRecord.query(on: request.db).filter(\.$personID == user.personID)
            .field(\.$id).field(\.$kind).field(\.$fileName).field(\.$status).field(\.$createdAt).field(\.$report)
            .sort(\.$createdAt, .descending).limit(20).all()
        let html = ImportViews.list(
            mine, kinds: kinds.map { ($0.name, $0.title, $0.fields) },
            titles: Dictionary(ImportKinds.all(request.application).map { ($0.name, $0.title) }, uniquingKeysWith: { a, _ in a }),
            form: form,
            context: PageContext(request: request))
        return .html(html, status: form.errors.isEmpty && form.banner == nil ? .ok : .unprocessableEntity)
    }

    struct UploadBody: Content {
        var kind: String?
        var file: File?
    }

    func upload(_ request: Request) async throws -> Response {
        let (user, kinds) = try importer(request)
        let body = try request.content.decode(UploadBody.self)
        guard let kind = kinds.first(where: { $0.name == body.kind ?? "enterprises" }) else {
            return try await refuse(request, "请选择导入内容")
        }
        guard let file = body.file, file.data.readableBytes > 0 else {
            return try await refuse(request, "请选择要导入的 .xlsx 或 .csv 文件")
        }
        let bytes = Data(file.data.readableBytesView)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zs-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("upload")
        try bytes.write(to: path)
        let source: ImportSource
        do {
            source = try ImportSource.read(path)
        } catch let error as SpreadsheetError {
            return try await refuse(request, error.message)
        }
        let record = ImportRecord()
        record.id = UUID()
        (record.kind, record.personID, record.unitID) = (kind.name, user.personID, user.unitID)
        record.fileName = String(file.filename.prefix(200))
        record.content = bytes
        record.sheet = source.sheet
        (record.plan, record.template) = try await ImportTemplates.plan(for: kind, source, unit: user.unitID, on: request.db)
        (record.status, record.report, record.dryRunDigest) = ("uploaded", "", "")
        record.createdAt = request.clock.millis
        record.version = 1
        try await request.writeTransaction { db in try await record.create(on: db) }
        return request.redirect(to: SiteURL.importItem(record.id!).path)
    }

    private func refuse(_ request: Request, _ message: String) async throws -> Response {
        try await page(request, form: FormState(values: [:], error: AppError.field("file", zh: message, en: message)))
    }

    /// The uploader's own import, or 404 (nobody else's, whatever the id).
    func find(_ request: Request) async throws -> (ImportRecord, any ImportKind) {
        let (user, _) = try importer(request)
        guard let record = try await ImportRecord.find(try request.idParameter(), on: request.db),
            AccessPolicy.may(user.roles, .handleImport, ties: record.personID == user.personID ? .author : []),
            let kind = ImportKinds.named(record.kind, in: request.application)
        else { throw AppError.notFound }
        // a right since withdrawn withdraws the import too
        _ = try kind.authorize(request)
        return (record, kind)
    }

    func show(_ request: Request) async throws -> Response {
        let (record, kind) = try await find(request)
        let source = try Self.source(record)
        let progress = request.application.importJobs.progress(try record.requireID())
        return .html(
            ImportViews.show(
                record, source: source, kind: (kind.title, kind.fields), progress: progress, context: PageContext(request: request)))
    }

    /// The upload read again (a sheet the file does not hold, or a file that no longer reads, is a
    /// 422 in words, never a 500).
    static func source(_ record: ImportRecord) throws -> ImportSource {
        do {
            return try read(record)
        } catch let error as SpreadsheetError {
            throw AppError(code: error.code, status: .unprocessableEntity, zh: error.message, en: error.message)
        }
    }

    private static func read(_ record: ImportRecord) throws -> ImportSource {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zs-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("upload")
        try record.content.write(to: path)
        return try ImportSource.read(path, sheet: record.sheet.isEmpty ? nil : record.sheet)
    }

    /// 试导入 with the plan on the form (sheet, header row, one field per column).
    func check(_ request: Request) async throws -> Response {
        let (record, kind) = try await find(request)
        let form = try request.content.decode([String: String].self)
        let sheetChanged = form["sheet"].map { !$0.isEmpty && $0 != record.sheet } ?? false
        if sheetChanged { record.sheet = form["sheet"] ?? "" }
        let source = try Self.source(record)
        let header = max(1, min(Int(form["headerRow"] ?? "") ?? record.headerRow, 50))
        let fields = Set(kind.fields.map(\.key))
        var mapping: [Int: String] = [:]
        for (name, value) in form where name.hasPrefix("col") && fields.contains(value) {
            if let column = Int(name.dropFirst(3)), (0..<1000).contains(column) { mapping[column] = value }
        }
        // another sheet or header row: the form's columns were the old headers', so suggest anew
        if sheetChanged || header != record.headerRow {
            mapping = ColumnMapping.suggest(headers: source.headers(at: header), fields: kind.fields)
        }
        record.plan = Import.Plan(headerRow: header, mapping: mapping)
        return try await Self.start(request, record, kind, source, commit: false, template: nil)
    }

    /// 导入: the same plan, all or nothing, refused when its rows would do otherwise than the dry run said.
    func commit(_ request: Request) async throws -> Response {
        let (record, kind) = try await find(request)
        guard record.status == "checked", !record.dryRunDigest.isEmpty else {
            throw AppError(code: "import_not_checked", status: .conflict, zh: "请先试导入，确认无误后再导入。", en: "Dry-run first.")
        }
        let form = try request.content.decode([String: String].self)
        return try await Self.start(
            request, record, kind, try Self.source(record), commit: true, template: ImportTemplates.name(form["template"]))
    }

    static func save(_ record: ImportRecord, _ request: Request) async throws {
        try await request.writeTransaction { db in
            try await Versioned.claim(ImportRecord.schema, id: record.id!, expected: record.version, on: db)
            record.version += 1
            try await record.update(on: db)
        }
    }

    /// The rows in error as an .xlsx: their own columns as uploaded and 错误说明 first, to fix and upload again.
    func errors(_ request: Request) async throws -> Response {
        let (record, _) = try await find(request)
        let source = try Self.source(record)
        let stored = record.stored?.rows.filter { $0.word == "错误" } ?? []
        let messages = Dictionary(stored.map { ($0.row, $0.messages.joined(separator: "；")) }) { first, _ in first }
        let headers = source.headers(at: record.headerRow)
        let width = (headers.keys.max() ?? 0) + 1
        let columns = [Column("错误说明", width: 50)] + (0..<width).map { Column(headers[$0] ?? ColumnMapping.columnName($0)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zs-errors-\(UUID().uuidString)")
        let writer = try XLSXWriter(columns: columns, sheetName: "待修改的行", directory: folder.appendingPathComponent("parts"))
        for row in source.rows where messages[row.number] != nil {
            let cells: [Cell] = (0..<width).map { column in
                switch row[column] {
                case .empty: .empty
                case .text(let text): .text(text)
                case .number(let value, isDate: true): ExcelDate.day(fromSerial: value).map(Cell.date) ?? .number(value)
                case .number(let value, _): .number(value)
                case .bool(let value): .bool(value)
                case .error(let code): .text(code)
                }
            }
            try writer.append([.text(messages[row.number] ?? "")] + cells)
        }
        let file = folder.appendingPathComponent("errors.xlsx")
        try writer.finish(
            info: ExportInfo(title: "导入错误行", lines: [("原文件", record.fileName), ("说明", "改正后可直接重新上传（“错误说明”列不会被导入）")]), at: file)
        let response = try await request.fileio.asyncStreamFile(at: file.path, mediaType: ExportTable.Format.xlsx.mediaType) { _ in
            try? FileManager.default.removeItem(at: folder)
        }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"import-errors.xlsx\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
