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

    /// The filters that narrow the list, as (标签, 值) in the order of `labels`' words: ids named,
    /// the rest as typed.
    static func describe(
        _ query: [String: String], labels: [String: String], words: [String: [String: String]] = [:], _ request: Request
    ) async throws -> [(label: String, value: String)] {
        var lines: [(label: String, value: String)] = []
        for (key, value) in query.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            guard let label = labels[key] else { continue }
            var shown = words[key]?[value] ?? value
            if let id = UUID(uuidString: value) {
                if let unit = try await Unit.find(id, on: request.db) {
                    shown = unit.name
                } else if let person = try await Person.find(id, on: request.db) {
                    shown = person.name
                } else if let enterprise = try await Enterprise.find(id, on: request.db) {
                    shown = enterprise.name
                }
            } else if value == "1", words[key] == nil {
                shown = "是"
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
