import Fluent
import FluentSQL

/// The pipeline board read in the order of indexes (`ProjectBoard`), so its figures cost about the
/// cards they show instead of every project of the jurisdiction: the latest cards of each verified
/// stage, the projects reported into a stage and not yet verified there (a partial index: the
/// few waiting for the bureau), and for the attention list, newest activity first, the open
/// projects gone quiet, the signed ones not started, the declined ones and the major ones without
/// a leader; "my projects" by the units that coordinate them. The partial indexes' conditions are
/// written the same way in `ProjectBoard`'s queries, which is how SQLite knows it may use them. An index an
/// operator already made by hand under the same name is kept.
struct UpdateProjectsAddBoardIndexes: AsyncMigration {
    static let indexes: [(name: String, definition: String)] = [
        ("projects_verified_newest", "projects (verified_stage, stage_since, id, jurisdiction_code)"),
        ("projects_pending", "projects (jurisdiction_code, stage) WHERE stage <> verified_stage"),
        ("projects_open_quiet", "projects (last_activity_on, id, jurisdiction_code) WHERE stage NOT IN ('producing', 'terminated')"),
        (
            "projects_signed_waiting",
            "projects (last_activity_on, id, verified_signed_on, jurisdiction_code) WHERE verified_stage = 'signed'"
        ),
        ("projects_host_status", "projects (host_status, last_activity_on)"),
        ("projects_leader", "projects (leader_id, is_major)"),
        ("project_coordinators_unit", "project_coordinators (unit_id)"),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.indexes {
            try await database.sql.raw("CREATE INDEX IF NOT EXISTS \(unsafeRaw: index.name) ON \(unsafeRaw: index.definition)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.indexes { try await database.sql.raw("DROP INDEX \(unsafeRaw: index.name)").run() }
    }
}
