import Domain
import Fluent
import FluentSQL
import Foundation

/// A project and its record read by plain SQL, column by column (`RowReader`), into the same
/// models: Fluent builds each query and reads each row by reflection, which cost more than the
/// queries themselves on a page read hundreds of times a second. The models come back as stored
/// (`exists`), for reading; writes read their row afresh inside their transaction.
extension ProjectRecord {
    static func loadRows(of id: UUID, on db: any Database) async throws
        -> ([ProjectAttractor], [ProjectCoordinator], [StageReport], [FundsArrival], [EvidenceFile])
    {
        let sql = db.sql
        let attractors = try await sql.raw(
            "SELECT id, person_id, unit_id, basis_points FROM project_attractors WHERE project_id = \(bind: id) ORDER BY basis_points DESC"
        ).all().map { row in
            let (r, m) = (RowReader(row), ProjectAttractor())
            (m.id, m.projectID, m.personID, m.unitID) = (try r.uuid("id"), id, try r.uuid("person_id"), try r.uuid("unit_id"))
            m.basisPoints = try r.int("basis_points")
            m.$id.exists = true
            return m
        }
        let coordinators = try await sql.raw("SELECT id, unit_id FROM project_coordinators WHERE project_id = \(bind: id)").all().map {
            row in
            let (r, m) = (RowReader(row), ProjectCoordinator())
            (m.id, m.projectID, m.unitID) = (try r.uuid("id"), id, try r.uuid("unit_id"))
            m.$id.exists = true
            return m
        }
        let reports = try await sql.raw(
            """
            SELECT id, sequence, from_stage, to_stage, occurred_on, reason, evidence, reported_by, reported_on, verified_by, verified_on,
              contract_minor, contract_currency
            FROM stage_reports WHERE project_id = \(bind: id) ORDER BY sequence
            """
        ).all().map { row in
            let (r, m) = (RowReader(row), StageReport())
            (m.id, m.projectID, m.sequence) = (try r.uuid("id"), id, try r.int("sequence"))
            (m.fromStage, m.toStage) = (try r.value("from_stage", as: ProjectStage.self), try r.value("to_stage", as: ProjectStage.self))
            (m.occurredOn, m.reason, m.evidence) = (try r.string("occurred_on"), try r.string("reason"), try r.string("evidence"))
            (m.reportedBy, m.reportedOn) = (try r.uuid("reported_by"), try r.string("reported_on"))
            (m.verifiedBy, m.verifiedOn) = (try r.optionalUUID("verified_by"), try r.optionalString("verified_on"))
            (m.contractMinor, m.contractCurrency) = (try r.optionalInt64("contract_minor"), try r.optionalString("contract_currency"))
            m.$id.exists = true
            return m
        }
        let funds = try await sql.raw(
            """
            SELECT id, arrived_on, amount_minor, currency, is_foreign, evidence, reported_by, verified_by, verified_on, recorded_on
            FROM funds_arrivals WHERE project_id = \(bind: id) ORDER BY arrived_on, id
            """
        ).all().map { row in
            let (r, m) = (RowReader(row), FundsArrival())
            (m.id, m.projectID, m.arrivedOn) = (try r.uuid("id"), id, try r.string("arrived_on"))
            (m.amountMinor, m.currency, m.isForeign) = (try r.int64("amount_minor"), try r.string("currency"), try r.bool("is_foreign"))
            (m.evidence, m.reportedBy) = (try r.string("evidence"), try r.uuid("reported_by"))
            (m.verifiedBy, m.verifiedOn) = (try r.optionalUUID("verified_by"), try r.optionalString("verified_on"))
            m.recordedOn = try r.optionalString("recorded_on")
            m.$id.exists = true
            return m
        }
        let files = try await sql.raw(
            """
            SELECT id, stage_report_id, funds_arrival_id, file_name, kind, byte_size, sha256, uploaded_by, uploaded_on
            FROM evidence_files WHERE project_id = \(bind: id) ORDER BY uploaded_on, id
            """
        ).all().map { row in
            let (r, m) = (RowReader(row), EvidenceFile())
            (m.id, m.projectID) = (try r.uuid("id"), id)
            (m.stageReportID, m.fundsArrivalID) = (try r.optionalUUID("stage_report_id"), try r.optionalUUID("funds_arrival_id"))
            (m.fileName, m.kind, m.byteSize) = (
                try r.string("file_name"), try r.value("kind", as: EvidenceKind.self), try r.int("byte_size")
            )
            (m.sha256, m.uploadedBy, m.uploadedOn) = (try r.string("sha256"), try r.uuid("uploaded_by"), try r.string("uploaded_on"))
            m.$id.exists = true
            return m
        }
        return (attractors, coordinators, reports, funds, files)
    }
}

extension Project {
    /// One project as stored, for reading (the page, the API detail, a gate before a write).
    static func read(_ id: UUID, on db: any Database) async throws -> Project? {
        guard
            let row = try await db.sql.raw(
                """
                SELECT id, lead_id, enterprise_id, enterprise_name, name_key, uscc, title, industry_code, jurisdiction_code,
                  investment_minor, investment_currency, contract_minor, contract_currency, stage, held_at, stage_since, verified_stage,
                  signed_on, verified_signed_on, verified_contract_minor, verified_contract_currency, host_unit_id, host_status,
                  host_reason, leader_id, task_force_id, is_major, accepted_on, recorded_on, last_activity_on, version
                FROM projects WHERE id = \(bind: id)
                """
            ).first()
        else { return nil }
        let (r, p) = (RowReader(row), Project())
        (p.id, p.leadID, p.enterpriseID) = (id, try r.uuid("lead_id"), try r.optionalUUID("enterprise_id"))
        (p.enterpriseName, p.nameKey, p.uscc) = (try r.string("enterprise_name"), try r.string("name_key"), try r.optionalString("uscc"))
        (p.title, p.industryCode, p.jurisdictionCode) = (
            try r.string("title"), try r.string("industry_code"), try r.string("jurisdiction_code")
        )
        (p.investmentMinor, p.investmentCurrency) = (try r.int64("investment_minor"), try r.string("investment_currency"))
        (p.contractMinor, p.contractCurrency) = (try r.optionalInt64("contract_minor"), try r.optionalString("contract_currency"))
        (p.stage, p.stageSince) = (try r.value("stage", as: ProjectStage.self), try r.string("stage_since"))
        p.heldAt = try r.optionalString("held_at").map { _ in try r.value("held_at", as: ProjectStage.self) }
        (p.verifiedStage, p.signedOn) = (try r.value("verified_stage", as: ProjectStage.self), try r.optionalString("signed_on"))
        (p.verifiedSignedOn, p.verifiedContractMinor, p.verifiedContractCurrency) = (
            try r.optionalString("verified_signed_on"), try r.optionalInt64("verified_contract_minor"),
            try r.optionalString("verified_contract_currency")
        )
        (p.hostUnitID, p.hostStatus, p.hostReason) = (
            try r.uuid("host_unit_id"), try r.value("host_status", as: ProjectRules.HostStatus.self), try r.string("host_reason")
        )
        (p.leaderID, p.taskForceID, p.isMajor) = (
            try r.optionalUUID("leader_id"), try r.optionalUUID("task_force_id"), try r.bool("is_major")
        )
        (p.acceptedOn, p.recordedOn) = (try r.string("accepted_on"), try r.optionalString("recorded_on"))
        (p.lastActivityOn, p.version) = (try r.string("last_activity_on"), try r.int("version"))
        p.$id.exists = true
        return p
    }
}
