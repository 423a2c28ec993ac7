/// The pre-review panel (预审专班, SPEC §4, seed [001]): members give opinions on a lead; a member
/// linked to the enterprise recuses; opinions are never edited — a change is a new opinion that
/// revises the earlier one, and the latest counts; a decision needs a quorum.
public enum ReviewPanelRules {
    public enum Recommendation: String, CaseIterable, Codable, Sendable { case recommend, notRecommend, abstain }

    public struct Opinion<Member: Hashable & Sendable>: Sendable {
        public var member: Member
        public var recommendation: Recommendation
        /// Criterion → score 0…100 (industry fit, investment per 亩, tax per 亩, energy use…).
        public var scores: [String: Int]
        /// Order of submission: later opinions revise earlier ones.
        public var sequence: Int

        public init(member: Member, recommendation: Recommendation, scores: [String: Int], sequence: Int) {
            self.member = member
            self.recommendation = recommendation
            self.scores = scores
            self.sequence = sequence
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case notAMember
        case recused
        /// A second opinion must say it revises the first.
        case alreadyGaveOpinion
        case scoreOutOfRange(criterion: String)
        case unknownCriterion(String)
    }

    /// May this member record this opinion now?
    public static func checkOpinion<Member: Hashable>(
        member: Member, members: Set<Member>, recused: Set<Member>, hasEarlierOpinion: Bool, isRevision: Bool,
        scores: [String: Int], criteria: Set<String>
    ) throws(Problem) {
        guard members.contains(member) else { throw .notAMember }
        guard !recused.contains(member) else { throw .recused }
        if hasEarlierOpinion, !isRevision { throw .alreadyGaveOpinion }
        for (criterion, score) in scores {
            guard criteria.contains(criterion) else { throw .unknownCriterion(criterion) }
            guard (0...100).contains(score) else { throw .scoreOutOfRange(criterion: criterion) }
        }
    }

    public struct Tally: Equatable, Sendable {
        public var recommend: Int
        public var notRecommend: Int
        public var abstain: Int
        public var quorum: Int
        /// Criterion → average score of the counting opinions, rounded half up.
        public var averageScores: [String: Int]

        public var voters: Int { recommend + notRecommend + abstain }
        public var quorumMet: Bool { voters >= quorum }
    }

    /// Counts the latest opinion of each member who has not recused.
    public static func tally<Member: Hashable & Sendable>(_ opinions: [Opinion<Member>], recused: Set<Member>, quorum: Int) -> Tally {
        var latest: [Member: Opinion<Member>] = [:]
        for opinion in opinions where !recused.contains(opinion.member) {
            if let existing = latest[opinion.member], existing.sequence > opinion.sequence { continue }
            latest[opinion.member] = opinion
        }
        let counting = Array(latest.values)
        var sums: [String: (total: Int, count: Int)] = [:]
        for opinion in counting {
            for (criterion, score) in opinion.scores {
                sums[criterion, default: (0, 0)].total += score; sums[criterion, default: (0, 0)].count += 1
            }
        }
        return Tally(
            recommend: counting.filter { $0.recommendation == .recommend }.count,
            notRecommend: counting.filter { $0.recommendation == .notRecommend }.count,
            abstain: counting.filter { $0.recommendation == .abstain }.count,
            quorum: quorum,
            averageScores: sums.mapValues { ($0.total * 2 / $0.count + 1) / 2 })
    }
}
