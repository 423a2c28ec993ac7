import Fluent
import FluentSQL

/// The verified facts every figure counts (SPEC §5): each signing report keeps its contract amount,
/// and a project keeps its verified signing and contract beside the reported ones. Existing data
/// is brought in line: the latest signing report of a project takes the project's contract, then
/// every project's facts are recomputed from its reports — which also withdraws a signing that a
/// later report corrected back to 在谈.
struct UpdateProjectsAddVerifiedFacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE stage_reports ADD COLUMN contract_minor BIGINT").run()
        try await sql.raw("ALTER TABLE stage_reports ADD COLUMN contract_currency TEXT").run()
        try await sql.raw("ALTER TABLE projects ADD COLUMN verified_signed_on TEXT").run()
        try await sql.raw("ALTER TABLE projects ADD COLUMN verified_contract_minor BIGINT").run()
        try await sql.raw("ALTER TABLE projects ADD COLUMN verified_contract_currency TEXT").run()
        try await sql.raw(
            """
            UPDATE stage_reports SET
              contract_minor = (SELECT p.contract_minor FROM projects p WHERE p.id = stage_reports.project_id),
              contract_currency = (SELECT p.contract_currency FROM projects p WHERE p.id = stage_reports.project_id)
            WHERE to_stage = 'signed' AND sequence = (
              SELECT MAX(r.sequence) FROM stage_reports r WHERE r.project_id = stage_reports.project_id AND r.to_stage = 'signed')
            """
        ).run()
        try await ProjectFactsStore.refreshAll(on: database)
        // the funnel and the resident month select projects by their verified signing
        try await sql.raw("CREATE INDEX projects_verified_signed ON projects (verified_signed_on)").run()
        // the board counts and lists by verified stage
        try await sql.raw("CREATE INDEX projects_verified_board ON projects (jurisdiction_code, verified_stage, stage_since)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP INDEX projects_verified_board").run()
        try await sql.raw("DROP INDEX projects_verified_signed").run()
        for column in ["verified_contract_currency", "verified_contract_minor", "verified_signed_on"] {
            try await sql.raw("ALTER TABLE projects DROP COLUMN \(unsafeRaw: column)").run()
        }
        for column in ["contract_currency", "contract_minor"] {
            try await sql.raw("ALTER TABLE stage_reports DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
