import Fluent
import Testing
import Vapor

@testable import App

/// Numbers shown to people are never given twice, however many submissions race (on
/// PostgreSQL, several connections at once).
@Suite("编号")
struct NumberSequenceTests {
    @Test func racingCallersGetDistinctNumbersAfterWhatWasNumberedBefore() async throws {
        try await withApp { app, _ in
            // 41 items were numbered before the counter existed: the counter goes on from 42
            let values = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await app.writeTransaction { db in try await NumberSequence.next("GD-2026", on: db) { 41 } } }
                }
                var values: [Int] = []
                for try await value in group { values.append(value) }
                return values
            }
            #expect(values.sorted() == Array(42...61))
            // another year counts on its own
            #expect(try await NumberSequence.next("GD-2027", on: app.db) { 0 } == 1)
        }
    }
}
