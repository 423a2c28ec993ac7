import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// Evidence files: added to an unverified stage report or funds entry by whoever answers for the
/// project, downloaded by whoever may see it — each upload and each download in the audit log.
extension ProjectService {

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

    /// Holds the entry, while it is unverified, for the rest of the transaction (`VerificationFlow`).
    private static func holdUnverified(_ entry: EvidenceEntry, of project: UUID, on db: any Database) async throws {
        switch entry {
        case .stage(let id): try await VerificationFlow.holdUnverified(StageReport.self, id, of: project, on: db)
        case .funds(let id): try await VerificationFlow.holdUnverified(FundsArrival.self, id, of: project, on: db)
        }
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
