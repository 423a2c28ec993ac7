/// The audit log is hash-chained (SPEC §12): each record's hash covers its own content and the hash
/// of the record before it, so changing or removing any record breaks every link after it.
public enum AuditChain {
    /// The hash the first record links to.
    public static let genesis = String(repeating: "0", count: 64)

    public struct Content: Sendable, Equatable {
        public var sequence: Int64
        public var atMillis: Int64
        public var actor: String
        public var action: String
        public var objectType: String
        public var objectID: String
        public var ip: String
        public var before: String
        public var after: String

        public init(
            sequence: Int64, atMillis: Int64, actor: String, action: String, objectType: String,
            objectID: String, ip: String, before: String, after: String
        ) {
            self.sequence = sequence
            self.atMillis = atMillis
            self.actor = actor
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.ip = ip
            self.before = before
            self.after = after
        }

        /// Length-prefixed fields: no choice of separator can make two records serialise alike.
        var canonical: String {
            let fields = [
                String(sequence), String(atMillis), actor, action, objectType, objectID, ip, before, after,
            ]
            return fields.map { "\($0.utf8.count):\($0)" }.joined()
        }
    }

    public static func hash(previous: String, _ content: Content) -> String {
        Digest.sha256Hex(previous + content.canonical)
    }

    public enum Break: Equatable, Sendable {
        /// The record's stored hash does not match its content: it was edited.
        case contentChanged(sequence: Int64)
        /// The record does not link to the one before it: a record was removed or inserted.
        case linkBroken(sequence: Int64)
        /// Sequence numbers jump: records are missing.
        case gap(after: Int64)
    }

    public struct Stored: Sendable {
        public var content: Content
        public var previousHash: String
        public var hash: String
        public init(content: Content, previousHash: String, hash: String) {
            self.content = content
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    /// Walks records in sequence order, continuing from `previousHash` / `previousSequence`
    /// (so a long log can be verified in batches); returns the first break found.
    public static func firstBreak(
        in records: [Stored], previousHash: String = genesis, previousSequence: Int64 = 0
    ) -> Break? {
        var expectedPrevious = previousHash
        var lastSequence = previousSequence
        for record in records {
            if record.content.sequence != lastSequence + 1 { return .gap(after: lastSequence) }
            if record.previousHash != expectedPrevious {
                return .linkBroken(sequence: record.content.sequence)
            }
            if hash(previous: record.previousHash, record.content) != record.hash {
                return .contentChanged(sequence: record.content.sequence)
            }
            expectedPrevious = record.hash
            lastSequence = record.content.sequence
        }
        return nil
    }
}
