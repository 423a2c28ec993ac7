import Domain
import Fluent
import Foundation
import Vapor

/// 佐证材料: a file proving one stage report or one funds entry. Files are only added, while
/// the entry is unverified, and never edited or removed: what the bureau verified stays what it saw.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "evidence_files"
    @ID var id: UUID?
    @Field(key: "project_id") var projectID: UUID
    @OptionalField(key: "stage_report_id") var stageReportID: UUID?
    @OptionalField(key: "funds_arrival_id") var fundsArrivalID: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: EvidenceKind
    @Field(key: "byte_size") var byteSize: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "uploaded_on") var uploadedOn: String

    init() {}

    var entry: EvidenceEntry? {
        if let id = stageReportID { return .stage(id) }
        return fundsArrivalID.map(EvidenceEntry.funds)
    }
}

/// The bytes of an evidence file, read only when someone downloads it.
final class EvidenceBlob: Model, @unchecked Sendable {
    static let schema = "evidence_blobs"
    @ID(custom: "id", generatedBy: .user) var id: UUID?
    @Field(key: "content") var content: Data

    init() {}
}

/// What a file proves: a stage report or a funds entry of the project.
enum EvidenceEntry: Sendable, Hashable {
    case stage(UUID)
    case funds(UUID)

    init?(type: String?, id: String?) {
        guard let id = id.flatMap(UUID.init(uuidString:)) else { return nil }
        switch type {
        case "stage": self = .stage(id)
        case "funds": self = .funds(id)
        default: return nil
        }
    }
}

/// An uploaded file that passed the checks: its kind read from its bytes, a safe name, a digest.
struct EvidenceUpload: Sendable {
    var fileName: String
    var kind: EvidenceKind
    var content: Data
    var sha256: String

    /// The file of a form or API request, checked; nil when none was chosen (an empty file input).
    static func from(_ file: File?) throws -> EvidenceUpload? {
        guard let file, file.data.readableBytes > 0 || !file.filename.isEmpty else { return nil }
        let content = Data(buffer: file.data)
        do {
            let kind = try EvidenceRules.check(size: content.count, leadingBytes: content.prefix(8))
            return EvidenceUpload(
                fileName: EvidenceRules.fileName(file.filename, kind: kind), kind: kind, content: content,
                sha256: SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined())
        } catch { throw message(error) }
    }

    static func message(_ refusal: EvidenceRules.Refusal) -> AppError {
        switch refusal {
        case .empty:
            AppError(code: "evidence_empty", status: .unprocessableEntity, zh: "所选文件是空的。", en: "The file is empty.")
        case .tooLarge(let bytes):
            AppError(
                code: "evidence_too_large", status: .payloadTooLarge,
                zh: "文件 \(EvidenceRules.sizeText(bytes))，超过 5 MB 上限；请压缩或分页扫描后上传。",
                en: "The file is \(EvidenceRules.sizeText(bytes)); the limit is 5 MB.")
        case .notAccepted:
            AppError(
                code: "evidence_type", status: .unsupportedMediaType, zh: "佐证材料只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）。",
                en: "Evidence must be a PDF, JPEG or PNG file (judged by its content).")
        case .tooMany:
            AppError(
                code: "evidence_full", status: .conflict, zh: "每条记录最多 \(EvidenceRules.maxPerEntry) 个佐证文件。",
                en: "An entry carries at most \(EvidenceRules.maxPerEntry) files.")
        }
    }

    /// Written inside the caller's transaction with its audit entry, after checking the entry
    /// has room for one more.
    func insert(project: UUID, entry: EvidenceEntry, by person: UUID, on day: CivilDate, actor: AuditActor, millis: Int64, db: any Database)
        async throws -> EvidenceFile
    {
        let query = EvidenceFile.query(on: db)
        switch entry {
        case .stage(let id): query.filter(\.$stageReportID == id)
        case .funds(let id): query.filter(\.$fundsArrivalID == id)
        }
        do { try EvidenceRules.checkRoom(alreadyOnEntry: try await query.count()) } catch let refusal as EvidenceRules.Refusal {
            throw Self.message(refusal)
        }
        let file = EvidenceFile()
        file.id = UUID()
        file.projectID = project
        if case .stage(let id) = entry { file.stageReportID = id }
        if case .funds(let id) = entry { file.fundsArrivalID = id }
        file.fileName = fileName
        file.kind = kind
        file.byteSize = content.count
        file.sha256 = sha256
        file.uploadedBy = person
        file.uploadedOn = day.description
        try await file.create(on: db)
        let blob = EvidenceBlob()
        blob.id = file.id
        blob.content = content
        try await blob.create(on: db)
        try await AuditLog.append(
            on: db, by: actor, action: "evidence.upload", objectType: "project", objectID: project.uuidString,
            after: ProjectDTO.Evidence(file), at: millis)
        return file
    }
}
