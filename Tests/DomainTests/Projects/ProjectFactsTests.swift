import Testing

@testable import Domain

@Suite("核验事实：只计已核验")
struct ProjectFactsTests {
    func day(_ text: String) -> CivilDate { CivilDate(text)! }

    /// Seed [002]: signed 2022-04-28, main structure done 2022-09-30, trial operation end of January 2023.
    func reports(verified: Bool) -> [ProjectFacts.Report] {
        [
            .init(to: .signed, on: day("2022-04-28"), verified: verified, contract: .major(2_914_000_000)),
            .init(to: .started, on: day("2022-05-20"), verified: verified),
            .init(to: .built, on: day("2022-09-30"), verified: verified),
            .init(to: .producing, on: day("2023-01-31"), verified: verified),
        ]
    }

    @Test func reportsNobodyVerifiedCountNothing() {
        let (verified, reported) = ProjectFacts.split(reports(verified: false))
        #expect(verified.stage == .negotiating)
        #expect(verified.signedOn == nil && verified.contract == nil && verified.daysToProduction == nil)
        #expect(reported.stage == .producing && reported.contract == .major(2_914_000_000))
        let pending = ProjectFacts.pendingSigning(verified: verified.signing, reported: reported.signing)
        #expect(pending?.on == day("2022-04-28") && pending?.contract == .major(2_914_000_000))
    }

    @Test func verifiedReportsGiveTheSeedsTwoHundredSeventyEightDays() {
        let (verified, reported) = ProjectFacts.split(reports(verified: true))
        #expect(verified == reported)
        #expect(verified.daysToProduction == 278)
        #expect(verified.signedOn == day("2022-04-28") && verified.contract == .major(2_914_000_000))
        #expect(ProjectFacts.pendingSigning(verified: verified.signing, reported: reported.signing) == nil)
    }

    @Test func aSigningCorrectedBackNoLongerCounts() {
        // the signing was verified, then the bureau corrected the project back to 在谈 and that was verified too
        let facts = ProjectFacts.from([
            .init(to: .signed, on: day("2026-03-02"), verified: true, contract: .major(500_000_000)),
            .init(to: .negotiating, on: day("2026-03-20"), verified: true),
        ])
        #expect(facts.stage == .negotiating && facts.signedOn == nil && facts.contract == nil)
        #expect(facts.entered[.signed] == nil)
    }

    @Test func aCorrectionBackWithdrawsOnlyWhatLiesBeyond() {
        // producing reported too early: corrected back to 竣工; the signing and 竣工 stand
        let facts = ProjectFacts.from(
            reports(verified: true) + [.init(to: .built, on: day("2023-02-10"), verified: true)])
        #expect(facts.stage == .built && facts.entered[.producing] == nil && facts.daysToProduction == nil)
        #expect(facts.entered[.built] == day("2022-09-30") && facts.signedOn == day("2022-04-28"))
    }

    @Test func resumingAfterAHoldKeepsTheDayOfSigning() {
        let facts = ProjectFacts.from([
            .init(to: .signed, on: day("2026-01-15"), verified: true, contract: .major(120_000_000)),
            .init(to: .onHold, on: day("2026-04-01"), verified: true),
            .init(to: .signed, on: day("2026-06-01"), verified: true, contract: .major(120_000_000)),
        ])
        #expect(facts.stage == .signed && facts.signedOn == day("2026-01-15"))
    }

    @Test func aReSigningAfterACorrectionIsAPendingFigureUntilVerified() {
        let reports: [ProjectFacts.Report] = [
            .init(to: .signed, on: day("2026-03-02"), verified: true, contract: .major(500_000_000)),
            .init(to: .negotiating, on: day("2026-03-20"), verified: true),
            .init(to: .signed, on: day("2026-05-08"), verified: false, contract: .major(600_000_000)),
        ]
        let (verified, reported) = ProjectFacts.split(reports)
        #expect(verified.signedOn == nil)
        #expect(reported.signedOn == day("2026-05-08") && reported.contract == .major(600_000_000))
        #expect(ProjectFacts.pendingSigning(verified: verified.signing, reported: reported.signing)?.contract == .major(600_000_000))
    }
}
