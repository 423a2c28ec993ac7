import Domain
import Fluent
import FluentSQL
import Foundation

/// A project's record read by plain SQL into the same models: Fluent builds each query by
/// reflection, which costs more than the query itself on a page read hundreds of times a second.
extension ProjectRecord {
    static func loadRows(of id: UUID, on db: any Database) async throws
        -> ([ProjectAttractor], [ProjectCoordinator], [StageReport], [FundsArrival], [EvidenceFile])
    {
        let sql = db.sql
        let attractors = try await sql.raw(
            "SELECT id, person_id, unit_id, basis_points FROM project_attractors WHERE project_id = \(bind: id) ORDER BY basis_points DESC"
        ).all(decoding: AttractorRow.self).map { $0.model(id) }
        let coordinators = try await sql.raw("SELECT id, unit_id FROM project_coordinators WHERE project_id = \(bind: id)")
            .all(decoding: CoordinatorRow.self).map { $0.model(id) }
        let reports = try await sql.raw(
            """
            SELECT id, sequence, from_stage, to_stage, occurred_on, reason, evidence, reported_by, reported_on, verified_by, verified_on,
              contract_minor, contract_currency
            FROM stage_reports WHERE project_id = \(bind: id) ORDER BY sequence
            """
        ).all(decoding: StageRow.self).map { $0.model(id) }
        let funds = try await sql.raw(
            """
            SELECT id, arrived_on, amount_minor, currency, is_foreign, evidence, reported_by, verified_by, verified_on, recorded_on
            FROM funds_arrivals WHERE project_id = \(bind: id) ORDER BY arrived_on, id
            """
        ).all(decoding: FundsRow.self).map { $0.model(id) }
        let files = try await sql.raw(
            """
            SELECT id, stage_report_id, funds_arrival_id, file_name, kind, byte_size, sha256, uploaded_by, uploaded_on
            FROM evidence_files WHERE project_id = \(bind: id) ORDER BY uploaded_on, id
            """
        ).all(decoding: FileRow.self).map { $0.model(id) }
        return (attractors, coordinators, reports, funds, files)
    }

    private struct AttractorRow: Decodable {
        var id: UUID, personID: UUID, unitID: UUID, basisPoints: Int
        enum CodingKeys: String, CodingKey { case id, personID = "person_id", unitID = "unit_id", basisPoints = "basis_points" }

        func model(_ project: UUID) -> ProjectAttractor {
            let m = ProjectAttractor()
            (m.id, m.projectID, m.personID, m.unitID, m.basisPoints) = (id, project, personID, unitID, basisPoints)
            m.$id.exists = true
            return m
        }
    }

    private struct CoordinatorRow: Decodable {
        var id: UUID, unitID: UUID
        enum CodingKeys: String, CodingKey { case id, unitID = "unit_id" }

        func model(_ project: UUID) -> ProjectCoordinator {
            let m = ProjectCoordinator()
            (m.id, m.projectID, m.unitID) = (id, project, unitID)
            m.$id.exists = true
            return m
        }
    }

    private struct StageRow: Decodable {
        var id: UUID, sequence: Int, fromStage: ProjectStage, toStage: ProjectStage, occurredOn: String, reason: String
        var evidence: String, reportedBy: UUID, reportedOn: String, verifiedBy: UUID?, verifiedOn: String?
        var contractMinor: Int64?, contractCurrency: String?
        enum CodingKeys: String, CodingKey {
            case id, sequence, reason, evidence
            case fromStage = "from_stage", toStage = "to_stage", occurredOn = "occurred_on", reportedBy = "reported_by"
            case reportedOn = "reported_on", verifiedBy = "verified_by", verifiedOn = "verified_on"
            case contractMinor = "contract_minor", contractCurrency = "contract_currency"
        }

        func model(_ project: UUID) -> StageReport {
            let m = StageReport()
            (m.id, m.projectID, m.sequence, m.fromStage, m.toStage, m.occurredOn) = (id, project, sequence, fromStage, toStage, occurredOn)
            (m.reason, m.evidence, m.reportedBy, m.reportedOn, m.verifiedBy, m.verifiedOn) = (
                reason, evidence, reportedBy, reportedOn, verifiedBy, verifiedOn
            )
            (m.contractMinor, m.contractCurrency) = (contractMinor, contractCurrency)
            m.$id.exists = true
            return m
        }
    }

    private struct FundsRow: Decodable {
        var id: UUID, arrivedOn: String, amountMinor: Int64, currency: String, isForeign: Bool, evidence: String
        var reportedBy: UUID, verifiedBy: UUID?, verifiedOn: String?, recordedOn: String?
        enum CodingKeys: String, CodingKey {
            case id, currency, evidence
            case arrivedOn = "arrived_on", amountMinor = "amount_minor", isForeign = "is_foreign", reportedBy = "reported_by"
            case verifiedBy = "verified_by", verifiedOn = "verified_on", recordedOn = "recorded_on"
        }

        func model(_ project: UUID) -> FundsArrival {
            let m = FundsArrival()
            (m.id, m.projectID, m.arrivedOn, m.amountMinor, m.currency, m.isForeign) = (
                id, project, arrivedOn, amountMinor, currency, isForeign
            )
            (m.evidence, m.reportedBy, m.verifiedBy, m.verifiedOn, m.recordedOn) = (
                evidence, reportedBy, verifiedBy, verifiedOn, recordedOn
            )
            m.$id.exists = true
            return m
        }
    }

    private struct FileRow: Decodable {
        var id: UUID, stageReportID: UUID?, fundsArrivalID: UUID?, fileName: String, kind: EvidenceKind, byteSize: Int
        var sha256: String, uploadedBy: UUID, uploadedOn: String
        enum CodingKeys: String, CodingKey {
            case id, kind, sha256
            case stageReportID = "stage_report_id", fundsArrivalID = "funds_arrival_id", fileName = "file_name", byteSize = "byte_size"
            case uploadedBy = "uploaded_by", uploadedOn = "uploaded_on"
        }

        func model(_ project: UUID) -> EvidenceFile {
            let m = EvidenceFile()
            (m.id, m.projectID, m.stageReportID, m.fundsArrivalID, m.fileName, m.kind) = (
                id, project, stageReportID, fundsArrivalID, fileName, kind
            )
            (m.byteSize, m.sha256, m.uploadedBy, m.uploadedOn) = (byteSize, sha256, uploadedBy, uploadedOn)
            m.$id.exists = true
            return m
        }
    }
}
