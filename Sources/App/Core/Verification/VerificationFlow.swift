import Domain
import Fluent
import FluentSQL
import Vapor

/// A record that follows the verifiable-entry flow (`VerifiableEntry`): reported by someone,
/// verified by someone else, closed once verified. Stage reports and funds arrivals are such
/// records; so will targets' and evaluations' entries be.
protocol VerifiableRecord: Model where IDValue == UUID {
    /// The column naming what the record belongs to (a project).
    static var ownerColumn: String { get }
    var ownerID: UUID { get }
    var reportedBy: UUID { get }
    var verifiedBy: UUID? { get set }
    var verifiedOn: String? { get set }
}

extension VerifiableRecord {
    var entryState: VerifiableEntry.State { VerifiableEntry.state(verifiedBy: verifiedBy?.uuidString) }
}

/// The flow's steps on the database, one implementation for every kind of entry.
enum VerificationFlow {
    static let ownReport = AppError(
        code: "own_report", status: .forbidden, zh: "不能核验自己报送的内容，请由投促局其他同志核验。", en: "Nobody verifies their own report.")
    static let entryVerified = AppError(
        code: "entry_verified", status: .conflict, zh: "该记录已核验，不能再补充佐证材料。",
        en: "The entry is verified; its evidence is closed.")

    /// 核验 inside the caller's transaction: the record, newly verified by `verifier` on `today`,
    /// or nil when it already was (a second click changes nothing). Someone else's report only.
    static func verify<R: VerifiableRecord>(
        _ type: R.Type, _ id: UUID, of owner: UUID, by verifier: UUID, on today: String, db: any Database
    )
        async throws -> R?
    {
        guard let record = try await R.find(id, on: db), record.ownerID == owner else { throw AppError.notFound }
        switch VerifiableEntry.verification(
            reportedBy: record.reportedBy.uuidString, verifiedBy: record.verifiedBy?.uuidString, verifier: verifier.uuidString)
        {
        case .alreadyVerified: return nil
        case .ownReport: throw ownReport
        case .verify:
            record.verifiedBy = verifier
            record.verifiedOn = today
            try await record.update(on: db)
            return record
        }
    }

    /// Locks an unverified record for the rest of the transaction, so a verification racing an
    /// upload of evidence either comes first (and the upload is refused) or waits for it (and
    /// sees the file). A verified record refuses; an unknown one is not found.
    static func holdUnverified<R: VerifiableRecord>(_ type: R.Type, _ id: UUID, of owner: UUID, on db: any Database) async throws {
        let held = try await db.sql.raw(
            """
            UPDATE \(ident: R.schema) SET verified_by = NULL
            WHERE id = \(bind: id) AND \(ident: R.ownerColumn) = \(bind: owner) AND verified_by IS NULL RETURNING id
            """
        ).all()
        guard held.isEmpty else { return }
        let exists = try await db.sql.raw(
            "SELECT id FROM \(ident: R.schema) WHERE id = \(bind: id) AND \(ident: R.ownerColumn) = \(bind: owner)"
        ).first()
        throw exists == nil ? AppError.notFound : entryVerified
    }
}
