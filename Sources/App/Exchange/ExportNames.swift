import Domain
import Fluent
import Foundation
import Vapor

/// Names an export writes where the list holds ids: every unit's (a city has hundreds), each
/// chunk's people, and the ids a filter names.
struct ExportNames: Sendable {
    let units: [UUID: String]

    static func load(_ request: Request) async throws -> ExportNames {
        let units = try await Unit.query(on: request.db).all()
        return ExportNames(units: Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }) { first, _ in first })
    }

    func unit(_ id: UUID?) -> String { id.flatMap { units[$0] } ?? "" }

    func persons(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let people = try await Person.query(on: db).filter(\.$id ~~ Set(ids)).all()
        return Dictionary(people.compactMap { p in p.id.map { ($0, p.name) } }) { first, _ in first }
    }

    /// The filters that narrow the list, as (标签, 值): choices in words, ids by name — a unit
    /// (`unit`, `host`, `responsible`), a person, or an enterprise the reader may see (an id of
    /// another jurisdiction's entry stays an id: the file never names what the page would not).
    static func describe(
        _ query: [String: String], labels: [String: String], words: [String: [String: String]] = [:], _ request: Request
    ) async throws -> [(label: String, value: String)] {
        let user = try request.requireUser()
        var lines: [(label: String, value: String)] = []
        for (key, value) in query.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            guard let label = labels[key] else { continue }
            var shown = words[key]?[value] ?? (value == "1" ? "是" : value)
            if let id = UUID(uuidString: value) {
                switch key {
                case "person": shown = try await Person.find(id, on: request.db)?.name ?? value
                case "enterprise":
                    if let entry = try await Enterprise.find(id, on: request.db), let region = try? JurisdictionCode(entry.regionCode),
                        AccessPolicy.decide(user.actor, .read, .enterprise, in: region) == .allowed
                    {
                        shown = entry.name
                    }
                default: shown = try await Unit.find(id, on: request.db)?.name ?? value
                }
            }
            lines.append((label, shown))
        }
        return lines
    }

    /// Each choice's raw value → its Chinese label, for `describe`'s `words`.
    static func words<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ label: (T) -> String) -> [String: String]
    where T.RawValue == String {
        Dictionary(T.allCases.map { ($0.rawValue, label($0)) }) { first, _ in first }
    }

    static let order = ["asc": "由早到晚（升序）", "desc": "由近到远（降序）"]
}
