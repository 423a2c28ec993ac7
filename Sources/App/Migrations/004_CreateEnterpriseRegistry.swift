import Fluent
import FluentSQL

/// The registry and its substring index: SQLite keeps an FTS5 table over the character pairs,
/// PostgreSQL a GIN index over the same pairs as a text array (see `SearchGrams`).
struct CreateEnterpriseRegistry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Enterprise.schema)
            .id()
            .field("uscc", .string)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("former_names", .string, .required)
            .field("legal_representative", .string, .required)
            .field("industry_code", .string, .required)
            .field("region_code", .string, .required)
            .field("registered_capital_minor", .int64, .required)
            .field("registered_capital_currency", .string, .required)
            .field("tags", .string, .required)
            .field("attracted", .bool, .required)
            .field("search_text", .string, .required)
            .field("search_grams", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "uscc")
            .create()
        try await database.schema(EnterpriseFigure.schema)
            .id()
            .field("enterprise_id", .uuid, .required, .references(Enterprise.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("output_minor", .int64, .required)
            .field("revenue_minor", .int64, .required)
            .field("profit_minor", .int64, .required)
            .field("tax_minor", .int64, .required)
            .field("employees", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "enterprise_id", "year")
            .create()
        let sql = database.sql
        try await sql.raw("CREATE INDEX enterprises_name_key ON enterprises (name_key)").run()
        try await sql.raw("CREATE INDEX enterprises_region ON enterprises (region_code)").run()
        try await sql.raw("CREATE INDEX enterprises_updated ON enterprises (updated_at)").run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE enterprise_search USING fts5(
                  search_grams, content='enterprises', content_rowid='rowid', tokenize='unicode61', detail='none')
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER enterprises_search_insert AFTER INSERT ON enterprises BEGIN
                  INSERT INTO enterprise_search(rowid, search_grams) VALUES (new.rowid, new.search_grams); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER enterprises_search_delete AFTER DELETE ON enterprises BEGIN
                  INSERT INTO enterprise_search(enterprise_search, rowid, search_grams)
                  VALUES ('delete', old.rowid, old.search_grams); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER enterprises_search_update AFTER UPDATE OF search_grams ON enterprises BEGIN
                  INSERT INTO enterprise_search(enterprise_search, rowid, search_grams)
                  VALUES ('delete', old.rowid, old.search_grams);
                  INSERT INTO enterprise_search(rowid, search_grams) VALUES (new.rowid, new.search_grams); END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                ALTER TABLE enterprises ADD COLUMN search_gram_array text[]
                  GENERATED ALWAYS AS (string_to_array(search_grams, ' ')) STORED
                """
            ).run()
            try await sql.raw("CREATE INDEX enterprises_search ON enterprises USING gin (search_gram_array)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TABLE IF EXISTS enterprise_search").run()
        }
        try await database.schema(EnterpriseFigure.schema).delete()
        try await database.schema(Enterprise.schema).delete()
    }
}
