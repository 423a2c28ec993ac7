import Fluent

/// What a park offers a project: positioning, free land and space, energy quota and power left,
/// facilities (for park matching).
struct CreateParkProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ParkProfile.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("industries", .string, .required)
            .field("free_land_mu_tenths", .int, .required)
            .field("free_space_m2", .int, .required)
            .field("energy_quota_tce", .int, .required)
            .field("power_capacity_kva", .int, .required)
            .field("facilities", .string, .required)
            .field("updated_on", .string, .required)
            .field("version", .int, .required)
            .unique(on: "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParkProfile.schema).delete()
    }
}
