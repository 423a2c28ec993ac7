import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// Evidence files: added to an unverified stage report or funds entry by whoever answers for the
/// project, downloaded by whoever may see it — each upload and each download in the audit log.
extension ProjectService {
    static let entryVerified = AppError(
        code: "entry_verified", status: .conflict, zh: "该记录已核验，不能再补充佐证材料。",
        en: "The entry is verified; its evidence is closed.")

    func attachEvidence(_ id: UUID, to entry: EvidenceEntry, _ upload: EvidenceUpload) async throws -> EvidenceFile {
        _ = try await findForReporting(id)
        let user = try request.requireUser()
        let actor = request.auditActor
        let millis = request.clock.millis
        let today = request.clock.today
        return try await request.writeTransaction { db in
            try await Self.holdUnverified(entry, of: id, on: db)
            return try await upload.insert(project: id, entry: entry, by: user.personID, on: today, actor: actor, millis: millis, db: db)
        }
    }

    /// Locks the entry while it is still unverified, so a verification racing this upload either
    /// comes first (and the upload is refused) or waits for it (and sees the file).
    private static func holdUnverified(_ entry: EvidenceEntry, of project: UUID, on db: any Database) async throws {
        let (table, entryID) =
            switch entry {
            case .stage(let id): (StageReport.schema, id)
            case .funds(let id): (FundsArrival.schema, id)
            }
        let held = try await db.sql.raw(
            """
            UPDATE \(ident: table) SET verified_by = NULL
            WHERE id = \(bind: entryID) AND project_id = \(bind: project) AND verified_by IS NULL RETURNING id
            """
        ).all()
        guard held.isEmpty else { return }
        let exists = try await db.sql.raw(
            "SELECT id FROM \(ident: table) WHERE id = \(bind: entryID) AND project_id = \(bind: project)"
        ).first()
        throw exists == nil ? AppError.notFound : Self.entryVerified
    }

    /// The file and its bytes, if the user may see its project; the download is audited.
    func evidence(_ fileID: UUID) async throws -> (EvidenceFile, Data) {
        guard let file = try await EvidenceFile.find(fileID, on: request.db) else { throw AppError.notFound }
        _ = try await find(file.projectID)
        guard let blob = try await EvidenceBlob.find(fileID, on: request.db) else { throw AppError.notFound }
        let actor = request.auditActor
        let millis = request.clock.millis
        try await request.application.writeTransaction { db in
            try await AuditLog.append(
                on: db, by: actor, action: "evidence.download", objectType: "project", objectID: file.projectID.uuidString,
                after: ["file": fileID.uuidString, "name": file.fileName, "sha256": file.sha256], at: millis)
        }
        return (file, blob.content)
    }
}

extension Response {
    /// A file to save, never to render in the page: its real type, its name in UTF-8.
    static func evidence(_ file: EvidenceFile, _ content: Data) -> Response {
        let response = Response(status: .ok, body: .init(data: content))
        response.headers.replaceOrAdd(name: .contentType, value: file.kind.mediaType)
        let encoded = file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"evidence.\(file.kind.fileExtension)\"; filename*=UTF-8''\(encoded)")
        return response
    }
}
