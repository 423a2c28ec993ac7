import Vapor

/// Every kind a ledger can be imported as, in the order the upload form offers them: the earlier
/// rooms' kinds here, a later room's added at start-up (`installExtensions`: the targets of §8).
enum ImportKinds {
    static let base: [any ImportKind] = [
        EnterpriseImport(), FiguresImport(), LeadImport(), ProjectImport(), FundsImport(), ActivityImport(), UnitImport(), PersonImport(),
    ]

    static func all(_ app: Application) -> [any ImportKind] { app.importKinds }

    static func named(_ name: String, in app: Application) -> (any ImportKind)? { all(app).first { $0.name == name } }

    /// The kinds this user may import.
    static func allowed(_ request: Request) -> [any ImportKind] {
        all(request.application).filter { (try? $0.authorize(request)) != nil }
    }
}

extension Application {
    private struct ImportKindsKey: StorageKey { typealias Value = [any ImportKind] }

    /// Set once at start-up, read by every request.
    var importKinds: [any ImportKind] {
        get { storage[ImportKindsKey.self] ?? ImportKinds.base }
        set { storage[ImportKindsKey.self] = newValue }
    }
}
