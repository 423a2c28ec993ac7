import Domain
import Fluent
import Vapor

/// Ballots cast at the same moment go into one write transaction (group commit): while one batch
/// is being written, the ballots that arrive wait and are written together next. Each ballot is
/// answered by its own code — spent, or found gone — and none before its batch is committed. A
/// batch also mixes its ballots: their counts land in the database as one sum
/// (`EvaluationStore.cast`), so not even the write-ahead log holds one ballot's change alone.
actor BallotBox {
    typealias Ballot = EvaluationStore.Cast

    private let app: Application
    private var waiting: [(Ballot, CheckedContinuation<Bool, any Error>)] = []
    private var writing = false

    init(_ app: Application) { self.app = app }

    /// True once the ballot is written; false when its code was gone (used, or the campaign closed).
    func cast(_ ballot: Ballot) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((ballot, continuation))
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
            let ballots = batch.map(\.0)
            do {
                let cast = try await app.writeTransaction { db in try await EvaluationStore.cast(ballots, on: db) }
                for (entry, written) in zip(batch, cast) { entry.1.resume(returning: written) }
            } catch {
                // the batch rolled back whole: nobody's ballot is half-written, each hears the error
                for entry in batch { entry.1.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct BallotBoxKey: StorageKey { typealias Value = BallotBox }

    var ballotBox: BallotBox {
        guard let box = storage[BallotBoxKey.self] else { preconditionFailure("the ballot box is made at boot") }
        return box
    }

    func installBallotBox() { storage[BallotBoxKey.self] = BallotBox(self) }
}
