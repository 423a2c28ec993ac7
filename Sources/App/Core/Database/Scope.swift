import Domain
import Fluent

extension QueryBuilder {
    /// Rows whose jurisdiction code lies inside `scope`, as a range on the code so that the
    /// index serves it (codes are digits; "~" sorts after every digit).
    func within(_ field: KeyPath<Model, FieldProperty<Model, String>>, _ scope: JurisdictionCode) -> Self {
        filter(field >= scope.prefix).filter(field < scope.prefix + "~")
    }
}

extension Jurisdiction {
    /// The divisions inside `scope`, by code.
    static func all(within scope: JurisdictionCode, on db: any Database) async throws -> [Jurisdiction] {
        try await query(on: db).filter(\.$id >= scope.prefix).filter(\.$id < scope.prefix + "~").sort(\.$id).all()
    }
}
