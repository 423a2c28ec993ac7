import Testing

@testable import Domain

@Suite("工作台红黄绿灯")
struct WorkLightTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test func aDeadlineIsRedWhenPastYellowWhenCloseGreenLater() {
        let today = date("2026-11-27")
        // a lead submitted 2026-11-24 with a two-working-day response deadline of 2026-11-26: overdue
        #expect(WorkLight.of(deadline: date("2026-11-26"), today: today) == .red)
        #expect(WorkLight.of(deadline: date("2022-03-01"), today: today) == .red)
        #expect(WorkLight.of(deadline: today, today: today) == .yellow)
        #expect(WorkLight.of(deadline: date("2026-11-29"), today: today) == .yellow)
        #expect(WorkLight.of(deadline: date("2026-11-30"), today: today) == .green)
        #expect(WorkLight.of(deadline: nil, today: today) == .green)
        #expect(WorkLight.red < .yellow && WorkLight.yellow < .green)
    }

    @Test func theMostOverdueComeFirstAndUndatedLast() {
        let deadlines: [CivilDate?] = [nil, date("2026-12-05"), date("2026-10-01"), nil, date("2026-11-26")]
        let ordered = deadlines.sorted(by: WorkLight.precedes)
        #expect(ordered == [date("2026-10-01"), date("2026-11-26"), date("2026-12-05"), nil, nil])
        #expect(!WorkLight.precedes(nil, nil) && !WorkLight.precedes(date("2026-11-26"), date("2026-11-26")))
    }
}
