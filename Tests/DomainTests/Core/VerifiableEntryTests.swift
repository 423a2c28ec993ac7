import Testing

@testable import Domain

@Suite("报送与核验：同一流程")
struct VerifiableEntryTests {
    // a park cadre reports the 2022-04-28 signing of the [002] project; the bureau verifies it
    let reporter = "park-cadre"
    let bureau = "bureau-verifier"

    @Test func someoneElseVerifiesAReportOnce() {
        #expect(VerifiableEntry.verification(reportedBy: reporter, verifiedBy: nil, verifier: bureau) == .verify)
        #expect(VerifiableEntry.verification(reportedBy: reporter, verifiedBy: nil, verifier: reporter) == .ownReport)
        #expect(VerifiableEntry.verification(reportedBy: reporter, verifiedBy: bureau, verifier: bureau) == .alreadyVerified)
        // a verified entry is not verified again, not even by its reporter's refusal
        #expect(VerifiableEntry.verification(reportedBy: reporter, verifiedBy: bureau, verifier: reporter) == .alreadyVerified)
    }

    @Test func evidenceIsAddedOnlyWhileTheEntryWaits() {
        #expect(VerifiableEntry.takesEvidence(VerifiableEntry.state(verifiedBy: nil)))
        #expect(!VerifiableEntry.takesEvidence(VerifiableEntry.state(verifiedBy: bureau)))
    }

    @Test func theVerifyButtonIsOfferedToAnotherVerifierOnly() {
        #expect(VerifiableEntry.offersVerification(reportedBy: reporter, verifiedBy: nil, viewer: bureau, viewerVerifies: true))
        #expect(!VerifiableEntry.offersVerification(reportedBy: reporter, verifiedBy: nil, viewer: reporter, viewerVerifies: true))
        #expect(!VerifiableEntry.offersVerification(reportedBy: reporter, verifiedBy: nil, viewer: "host", viewerVerifies: false))
        #expect(!VerifiableEntry.offersVerification(reportedBy: reporter, verifiedBy: bureau, viewer: "another", viewerVerifies: true))
    }

    @Test func aReportIsDueForVerificationFiveWorkingDaysLater() {
        // the [002] signing reported on 2022-04-28, before the May Day break: due after it
        let may = VerifiableEntry.verifyBy(reportedOn: CivilDate("2022-04-28")!)
        #expect(may == WorkingCalendar.china.adding(workingDays: 5, to: CivilDate("2022-04-28")!))
        #expect(WorkingCalendar.china.workingDays(after: CivilDate("2022-04-28")!, through: may) == 5)
        // reported the day before National Day 2025: the holiday does not count, the make-up Saturday does
        #expect(VerifiableEntry.verifyBy(reportedOn: CivilDate("2025-09-30")!) == CivilDate("2025-10-14"))
        // an ordinary week: Monday 2026-11-23 → Monday 2026-11-30
        #expect(VerifiableEntry.verifyBy(reportedOn: CivilDate("2026-11-23")!) == CivilDate("2026-11-30"))
    }
}
