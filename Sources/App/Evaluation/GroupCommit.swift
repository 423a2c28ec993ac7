import Domain
import Fluent
import Vapor

/// Ballots and survey answers cast at the same moment go into one write transaction (group
/// commit): while one batch is being written, those that arrive wait and are written together
/// next. Each is answered by its own code — spent, or found gone — and none before its batch is
/// committed. A batch also mixes them: their counts land in the database as one sum
/// (`EvaluationStore.cast`, `SatisfactionStore.answer`), so not even the write-ahead log holds
/// one ballot's change alone.
actor GroupCommit<Item: Sendable> {
    typealias Writer = @Sendable ([Item], any Database) async throws -> [Bool]

    private let app: Application
    private let writer: Writer
    private var waiting: [(Item, CheckedContinuation<Bool, any Error>)] = []
    private var writing = false

    init(_ app: Application, writer: @escaping Writer) { (self.app, self.writer) = (app, writer) }

    /// True once the item is written; false when its code was gone (used, or the campaign closed).
    func cast(_ item: Item) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((item, continuation))
            if !writing {
                writing = true
                Task { await self.write() }
            }
        }
    }

    private func write() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            let items = batch.map(\.0)
            let writer = self.writer
            do {
                let cast = try await app.writeTransaction { db in try await writer(items, db) }
                for (entry, written) in zip(batch, cast) { entry.1.resume(returning: written) }
            } catch {
                // the batch rolled back whole: nobody's answer is half-written, each hears the error
                for entry in batch { entry.1.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct BallotBoxKey: StorageKey { typealias Value = GroupCommit<EvaluationStore.Cast> }
    private struct SurveyBoxKey: StorageKey { typealias Value = GroupCommit<SatisfactionStore.Answer> }

    /// 双百双评's ballots (`EvaluationStore.cast`).
    var ballotBox: GroupCommit<EvaluationStore.Cast> {
        guard let box = storage[BallotBoxKey.self] else { preconditionFailure("the ballot box is made at boot") }
        return box
    }

    /// The monthly surveys' answers (`SatisfactionStore.answer`).
    var surveyBox: GroupCommit<SatisfactionStore.Answer> {
        guard let box = storage[SurveyBoxKey.self] else { preconditionFailure("the survey box is made at boot") }
        return box
    }

    func installBallotBox() {
        storage[BallotBoxKey.self] = GroupCommit(self) { try await EvaluationStore.cast($0, on: $1) }
        storage[SurveyBoxKey.self] = GroupCommit(self) { try await SatisfactionStore.answer($0, on: $1) }
    }
}
