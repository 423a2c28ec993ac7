import Domain
import Fluent
import Foundation
import Vapor

/// 导入模板: a unit's column mapping for one kind of ledger (migration 036), saved by name when an
/// import is committed and applied to next month's file: each header the template names is looked
/// for among the file's headers, wherever its column now stands.
final class ImportTemplate: Model, @unchecked Sendable {
    static let schema = "import_templates"
    @ID var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Field(key: "header_row") var headerRow: Int
    /// JSON: header text → field key.
    @Field(key: "mapping") var mapping: String
    @Field(key: "saved_by") var savedBy: UUID
    @Field(key: "saved_at") var savedAt: Int64
    @Field(key: "version") var version: Int

    init() {}

    var fields: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(mapping.utf8))) ?? [:]
    }
}

enum ImportTemplates {
    static let nameLimit = 30

    /// A template's name as typed: trimmed, at most 30 characters, no control characters.
    static func name(_ raw: String?) -> String? {
        let name = TextFold.fold(raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= nameLimit, !name.hasControlCharacters else { return nil }
        return name
    }

    /// The template's mapping applied to a file: its header row when the headers are found there,
    /// else the row that names the most of them; nil when the file has none of its headers.
    static func plan(_ template: ImportTemplate, for source: ImportSource) -> Import.Plan? {
        let wanted = template.fields
        func mapped(at row: Int) -> [Int: String] {
            var mapping: [Int: String] = [:]
            var taken = Set<String>()
            for (column, header) in source.headers(at: row).sorted(by: { $0.key < $1.key }) {
                guard let field = wanted[header.trimmingCharacters(in: .whitespaces)], !taken.contains(field) else { continue }
                mapping[column] = field
                taken.insert(field)
            }
            return mapping
        }
        let rows = [template.headerRow] + source.rows.prefix(10).map(\.number)
        guard let best = rows.map({ ($0, mapped(at: $0)) }).max(by: { $0.1.count < $1.1.count }), !best.1.isEmpty else { return nil }
        return Import.Plan(headerRow: best.0, mapping: best.1)
    }

    /// The plan for a new upload: the unit's template for the kind that finds the most of its
    /// headers in the file, or the one named (the command line's `--mapping`); with the template's
    /// name ("" for none).
    static func plan(
        for kind: any ImportKind, _ source: ImportSource, unit: UUID, named: String? = nil, on db: any Database
    ) async throws -> (plan: Import.Plan, template: String) {
        var query = ImportTemplate.query(on: db).filter(\.$kind == kind.name).filter(\.$unitID == unit)
        if let named { query = query.filter(\.$name == named) }
        let fits = try await query.sort(\.$savedAt, .descending).limit(20).all().compactMap { template in
            plan(template, for: source).map { (template.name, $0) }
        }
        let best = fits.max { $0.1.mapping.count < $1.1.mapping.count }
        return (filled(best?.1, kind, source), best?.0 ?? "")
    }

    /// A template's plan with its gaps filled by the headers' suggestions (a column it does not
    /// name, for a field it does not take); the suggestions alone without one.
    static func filled(_ fitted: Import.Plan?, _ kind: any ImportKind, _ source: ImportSource) -> Import.Plan {
        let header = fitted?.headerRow ?? source.likelyHeaderRow(fields: kind.fields)
        var mapping = fitted?.mapping ?? [:]
        let taken = Set(mapping.values)
        for (column, field) in ColumnMapping.suggest(headers: source.headers(at: header), fields: kind.fields)
        where mapping[column] == nil && !taken.contains(field) {
            mapping[column] = field
        }
        return Import.Plan(headerRow: header, mapping: mapping)
    }

    static func named(_ name: String, kind: String, unit: UUID, on db: any Database) async throws -> ImportTemplate? {
        try await ImportTemplate.query(on: db).filter(\.$kind == kind).filter(\.$unitID == unit).filter(\.$name == name).first()
    }

    /// Saves (or replaces) the unit's template of that name with the plan's mapping by header text.
    static func save(
        _ name: String, kind: String, plan: Import.Plan, headers: [Int: String], user: CurrentUser, actor: AuditActor, millis: Int64,
        on db: any Database
    ) async throws {
        var byHeader: [String: String] = [:]
        for (column, field) in plan.mapping {
            guard let header = headers[column]?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { continue }
            byHeader[header] = field
        }
        guard !byHeader.isEmpty else { return }
        let existing = try await named(name, kind: kind, unit: user.unitID, on: db)
        let template = existing ?? ImportTemplate()
        if existing == nil {
            template.id = UUID()
            (template.kind, template.unitID, template.name, template.version) = (kind, user.unitID, name, 0)
        }
        template.headerRow = plan.headerRow
        template.mapping = String(decoding: try JSONEncoder().encode(byHeader), as: UTF8.self)
        (template.savedBy, template.savedAt) = (user.personID, millis)
        template.version += 1
        try await template.save(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: "import.template", objectType: "import_template", objectID: template.id!.uuidString,
            after: [
                "名称": name, "内容": kind, "列": byHeader.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: "，"),
            ],
            at: millis)
    }
}
