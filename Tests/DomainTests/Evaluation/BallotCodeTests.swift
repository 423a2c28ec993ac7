import Domain
import Testing

/// The one-time code: typed as people type it, refused when it cannot be one, bound to its
/// campaign; and a ballot's answers checked against the units it lists.
@Suite("选票码与选票")
struct BallotCodeTests {
    @Test func aCodeReadsAsTypedOnAnyKeyboard() {
        var rng = SystemRandomNumberGenerator()
        let code = BallotCode.generate(using: &rng)
        #expect(code.count == 14 && code.split(separator: "-").count == 3)
        #expect(code.allSatisfy { $0 == "-" || BallotCode.alphabet.contains($0) })
        #expect(BallotCode.normalize("k7qx m9pw a3rt") == "K7QX-M9PW-A3RT")
        // full-width letters and digits, as a Chinese input method gives them
        #expect(BallotCode.normalize("Ｋ７ＱＸ－Ｍ９ＰＷ－Ａ３ＲＴ") == "K7QX-M9PW-A3RT")
        // look-alikes are not in the alphabet; too short, too long, a zero-width space: not a code
        for bad in ["K7QX-M9PW-A3R0", "K7QX-M9PW-A3R", "K7QX-M9PW-A3RTT", "K7QX-M9PW-A3R\u{200B}T", ""] {
            #expect(BallotCode.normalize(bad) == nil)
        }
        #expect(BallotCode.digest(code, campaign: "a") != BallotCode.digest(code, campaign: "b"))
    }

    @Test func aBallotNamesOnlyItsUnitsAndIsCastWhole() {
        let units: Set<String> = ["税务局", "公安局"]
        #expect(BallotChoice.problems(answers: ["税务局": .satisfied], comments: [:], units: units, casting: false).isEmpty)
        #expect(BallotChoice.problems(answers: ["税务局": .satisfied], comments: [:], units: units, casting: true) == [.unanswered("公安局")])
        #expect(
            BallotChoice.problems(answers: ["外单位": .satisfied], comments: ["外单位": "好"], units: units, casting: false)
                == [.unknownUnit("外单位"), .unknownUnit("外单位")])
        let long = String(repeating: "很", count: BallotChoice.commentLimit + 1)
        #expect(BallotChoice.problems(answers: [:], comments: ["公安局": long], units: units, casting: false) == [.commentTooLong("公安局")])
        // 不了解 counts for no side
        #expect(BallotChoice.unknown.verdict == nil && BallotChoice.basicallySatisfied.verdict == .basicallySatisfied)
    }

    @Test func aCampaignMovesOneStepAtATime() {
        let order = EvaluationCampaign.State.allCases
        #expect(order.map(\.next) == [.published, .drawn, .voting, .closed, nil])
        #expect(EvaluationCampaign.State.open < .closed && EvaluationCampaign.Register.from("政协委员") == .representative)
        // on 2026-11-21 a campaign is opened for 2025 (held into January), 2026 or 2027 — not 2022
        let today = CivilDate(year: 2026, month: 11, day: 21)!
        #expect(EvaluationCampaign.years(today: today) == 2025...2027 && !EvaluationCampaign.years(today: today).contains(2022))
        #expect(
            EvaluationCampaign.personKey(name: "张 建国", organisation: "某公司")
                == EvaluationCampaign.personKey(name: "张建国", organisation: "某 公司"))
    }
}
