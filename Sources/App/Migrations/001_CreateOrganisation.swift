import Fluent
import FluentSQL

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Jurisdiction.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("parent_code", .string)
            .create()
        try await database.schema(Unit.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("jurisdiction_code", .string, .required, .references(Jurisdiction.schema, "code"))
            .field("parent_id", .uuid, .references(Unit.schema, "id"))
            .field("host_city", .string)
            .field("evaluation_series", .string)
            .field("dissolved_on", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Person.schema)
            .id()
            .field("name", .string, .required)
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("post", .string, .required)
            .field("phone", .string, .required)
            .field("login", .string)
            .field("password_hash", .string)
            .field("roles", .string, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .int64)
            .field("active", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "login")
            .create()
        try await database.schema(Rotation.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id"))
            .field("from_unit_id", .uuid)
            .field("to_unit_id", .uuid, .required)
            .field("from_post", .string, .required)
            .field("to_post", .string, .required)
            .field("effective_on", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.sql.raw("CREATE INDEX units_jurisdiction ON units (jurisdiction_code)").run()
        try await database.sql.raw("CREATE INDEX units_parent ON units (parent_id)").run()
        try await database.sql.raw("CREATE INDEX persons_unit ON persons (unit_id)").run()
        try await database.sql.raw("CREATE INDEX rotations_person ON rotations (person_id)").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [Rotation.schema, Person.schema, Unit.schema, Jurisdiction.schema] {
            try await database.schema(schema).delete()
        }
    }
}
