import Testing

@testable import Domain

@Suite("预审专班")
struct ReviewPanelTests {
    let members: Set<String> = ["园区", "自然资源局", "生态环境局", "研究院", "链主企业"]
    let criteria: Set<String> = ["industryFit", "taxPerMu", "energy"]

    @Test func recusedAndOutsidersCannotGiveOpinions() {
        #expect(throws: ReviewPanelRules.Problem.recused) {
            try ReviewPanelRules.checkOpinion(
                member: "链主企业", members: members, recused: ["链主企业"], hasEarlierOpinion: false, isRevision: false, scores: [:],
                criteria: criteria)
        }
        #expect(throws: ReviewPanelRules.Problem.notAMember) {
            try ReviewPanelRules.checkOpinion(
                member: "某人", members: members, recused: [], hasEarlierOpinion: false, isRevision: false, scores: [:], criteria: criteria)
        }
        #expect(throws: ReviewPanelRules.Problem.alreadyGaveOpinion) {
            try ReviewPanelRules.checkOpinion(
                member: "园区", members: members, recused: [], hasEarlierOpinion: true, isRevision: false, scores: [:], criteria: criteria)
        }
        #expect(throws: ReviewPanelRules.Problem.scoreOutOfRange(criterion: "energy")) {
            try ReviewPanelRules.checkOpinion(
                member: "园区", members: members, recused: [], hasEarlierOpinion: false, isRevision: false, scores: ["energy": 120],
                criteria: criteria)
        }
    }

    @Test func latestOpinionCountsAndQuorumIsChecked() {
        typealias Opinion = ReviewPanelRules.Opinion<String>
        let opinions = [
            Opinion(member: "园区", recommendation: .notRecommend, scores: ["industryFit": 60], sequence: 1),
            Opinion(member: "自然资源局", recommendation: .recommend, scores: ["industryFit": 80], sequence: 2),
            Opinion(member: "园区", recommendation: .recommend, scores: ["industryFit": 85], sequence: 3),  // revises 1
            Opinion(member: "链主企业", recommendation: .recommend, scores: ["industryFit": 100], sequence: 4),  // recused later
        ]
        let tally = ReviewPanelRules.tally(opinions, recused: ["链主企业"], quorum: 3)
        #expect(tally.recommend == 2 && tally.notRecommend == 0)
        #expect(!tally.quorumMet)
        #expect(tally.averageScores["industryFit"] == 83)  // (85 + 80) / 2 = 82.5 → 83
    }
}
