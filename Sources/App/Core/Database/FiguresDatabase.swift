import Fluent
import Vapor

extension DatabaseID {
    /// The same SQLite file through connections of their own (`Application.figuresDB`).
    static let figures = DatabaseID(string: "figures")
}

extension Application {
    /// Where kept figures (the board's) are computed. SQLite's driver keeps one connection per
    /// event loop, so a province-sized computation on the main one would hold every request of that
    /// loop behind it: on SQLite they get connections of their own; PostgreSQL's pool has room.
    var figuresDB: any Database {
        databases.ids().contains(.figures) ? db(.figures) : db
    }
}
