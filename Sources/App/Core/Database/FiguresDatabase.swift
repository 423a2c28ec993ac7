import Fluent
import NIOPosix
import Vapor

extension DatabaseID {
    /// The same SQLite file through connections of their own (`Application.figuresDB`).
    static let figures = DatabaseID(string: "figures")
}

extension DatabaseID {
    /// The same SQLite file through connections of their own for imports (`Application.importsDB`).
    static let imports = DatabaseID(string: "imports")
}

extension Application {
    /// Where an import's one long transaction runs. SQLite's driver keeps one connection per event
    /// loop: an import holding it for a minute would hold every page of that loop behind it (and
    /// the page showing the import's progress). PostgreSQL's pool has room.
    var importsDB: any Database {
        databases.ids().contains(.imports) ? db(.imports) : db
    }

    /// Where kept figures (the board's) are computed. SQLite's driver keeps one connection per
    /// event loop, so a province-sized computation on the main one would hold every request of that
    /// loop behind it: on SQLite they get connections of their own; PostgreSQL's pool has room.
    var figuresDB: any Database {
        databases.ids().contains(.figures) ? db(.figures) : db
    }
}

/// A database configuration whose connections make their blocking calls on a thread pool of their
/// own. SQLite's calls all run on the blocking pool, which has one thread per core: a figure that
/// takes a second on the province set would hold one of two threads, and every page of the
/// process would queue for the other. The figures' connections get their own thread, so a long
/// computation shares the processor with the pages instead of taking their turn.
struct OwnThreadPool: DatabaseConfiguration {
    var inner: any DatabaseConfiguration

    /// One thread for the whole process: started once, like NIO's own blocking pool, never stopped.
    static let figuresPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        inner.makeDriver(for: Databases(threadPool: Self.figuresPool, on: databases.eventLoopGroup))
    }
}
