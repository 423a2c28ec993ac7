import Domain
import Foundation
import Spreadsheet
import Vapor

/// 导出: a list route asked for `?format=xlsx|csv` (or, on the API, `Accept` naming one) answers
/// its whole filtered set as a file instead of a page. It stands after the route gate, so only
/// those who may read the list get this far; it then asks `AccessPolicy` for `.export` of the
/// list's resource, records the read (who, which filters, how many rows) in the audit trail, and
/// streams the file from disk, so memory does not grow with the list.
struct ExportMiddleware: AsyncMiddleware {
    /// Route template ("GET /leads") → the list's export.
    let tables: [String: ListExport]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET, let route = request.route, let export = tables["GET \(route.template)"],
            let format = try ExportTable.Format.asked(request, api: route.path.first?.description == "api")
        else { return try await next.respond(to: request) }
        try request.authorize(.export, export.resource)
        let table = try await export.table(request)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zs-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            let info = ExportInfo(title: table.title, lines: try await Self.infoLines(table, request: request))
            let (file, rows) = try await table.write(format, info: info, in: folder)
            var detail = Dictionary(table.filters.map { ($0.label, $0.value) }) { first, _ in first }
            (detail["格式"], detail["行数"]) = (format.rawValue, String(rows))
            try await request.auditRead("export.\(table.kind)", objectType: table.kind, detail: detail)
            let response = try await request.fileio.asyncStreamFile(at: file.path, mediaType: format.mediaType) { _ in
                try? FileManager.default.removeItem(at: folder)
            }
            response.headers.replaceOrAdd(name: .contentDisposition, value: Self.disposition(table, format))
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            response.headers.remove(name: .eTag)
            return response
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// 说明: what the list is, what narrowed it, who exported it when, and the demo label on demo data.
    static func infoLines(_ table: ExportTable, request: Request) async throws -> [(label: String, value: String)] {
        let user = try request.requireUser()
        var lines: [(label: String, value: String)] = [
            ("导出时间", BeijingTime.text(millis: request.clock.millis)), ("导出人", user.name),
            ("筛选条件", table.filters.isEmpty ? "无（全部）" : table.filters.map { "\($0.label)：\($0.value)" }.joined(separator: "；")),
        ]
        // the unit rule where there are amounts of money (the funnel, the 包联 standing and a bulletin's scores have none)
        if table.columns.contains(where: { $0.kind == .amount && $0.header.contains("万元") }) {
            lines.append(("金额单位", "金额列以万元计（外币金额按原币写出，不折算、不相加）"))
        }
        if request.application.isDemoData { lines.append(("演示数据", "本文件中的城市、单位、人员和企业均为虚构")) }
        return lines
    }

    /// `attachment` with an ASCII name and the Chinese title (RFC 6266 / 5987).
    static func disposition(_ table: ExportTable, _ format: ExportTable.Format) -> String {
        let name = "\(table.title).\(format.rawValue)"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        return "attachment; filename=\"\(table.kind).\(format.rawValue)\"; filename*=UTF-8''\(encoded)"
    }
}

/// What a list route offers to export: the resource `AccessPolicy` is asked about and how to
/// build the table from the request (the list's own filter parsing and query).
struct ListExport: Sendable {
    var resource: AccessPolicy.Resource
    var table: @Sendable (Request) async throws -> ExportTable
}
