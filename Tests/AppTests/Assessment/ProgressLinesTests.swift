import Domain
import Testing

@testable import App

/// A unit's progress page lists each figure's latest lines, and one figure's lines a page at a
/// time: the city bureau's row of the province set had 5,604 lines on one page.
@Suite("进度明细：每项列出最近的，逐页查看全部")
struct ProgressLinesTests {
    /// 650 signings of 2026, one a day from 1 January on, each 1亿元.
    static let lines: [CreditedResults.Item] = (0..<650).map { day in
        let on = CivilDate(year: 2026, month: 1, day: 1)!.adding(days: day)
        return CreditedResults.Item(project: "p\(day)", funds: nil, on: on, credited: 10_000_000_000, whole: 10_000_000_000)
    }.shuffled()

    @Test func everyFigureShowsItsLatestLinesInDateOrder() {
        let shown = ProgressView.UnitModel.shown([.contractInvestment: Self.lines], focus: nil, page: 1)
        let latest = shown.items[.contractInvestment] ?? []
        #expect(latest.count == ProgressView.UnitModel.latest && !shown.hasMore)
        #expect(latest.map(\.on) == Self.lines.map(\.on).sorted().suffix(ProgressView.UnitModel.latest))
    }

    @Test func oneFigureIsReadAPageAtATimeAndNothingIsLeftOut() {
        var seen: [CivilDate] = []
        var page = 1
        while true {
            let shown = ProgressView.UnitModel.shown(
                [.contractInvestment: Self.lines, .projectsSigned: Self.lines], focus: .contractInvestment, page: page)
            #expect(shown.items.keys.sorted { $0.rawValue < $1.rawValue } == [.contractInvestment])
            let lines = shown.items[.contractInvestment] ?? []
            #expect(lines.count <= ProgressView.UnitModel.perPage)
            seen += lines.map(\.on)
            guard shown.hasMore else { break }
            page += 1
        }
        #expect(page == 2 && seen == Self.lines.map(\.on).sorted())
        // a page past the end holds nothing, and says there is no more
        let past = ProgressView.UnitModel.shown([.contractInvestment: Self.lines], focus: .contractInvestment, page: 9)
        #expect(past.items[.contractInvestment]?.isEmpty == true && !past.hasMore)
    }
}
