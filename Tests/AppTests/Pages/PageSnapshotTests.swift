import Domain
import Foundation
import Testing

@testable import App

/// The main pages rendered from plain-data models, without a database or a server (STYLE.md
/// habit 3): a change to what a page shows is seen in review as a change to its snapshot.
@Suite("页面快照（无数据库）")
struct PageSnapshotTests {
    typealias F = PageFixtures

    @Test func projectPage() throws {
        // given: the [002] project, verified from signing to trial operation, seen by the bureau
        let model = ProjectShowView.Model(
            project: F.project, hostName: "演示高新区", leaderName: "赵副市长", taskForceName: "",
            attractors: [.init(name: "张伟", unit: "演示市投资促进局", basisPoints: 6_000), .init(name: "陈静", unit: "演示高新区", basisPoints: 4_000)],
            coordinators: ["演示市自然资源局"],
            timeline: [
                .init(
                    date: "2023-01-31", title: "竣工 → 投产", detail: "试运营", who: "张伟 于 2023-02-01 报送", verified: "李明 2023-02-03"),
                .init(
                    date: "2022-04-28", title: "在谈 → 签约", detail: "合同投资额 29.14亿元", who: "张伟 于 2022-04-29 报送",
                    verified: nil, verifyForm: .init(url: .projectVerify(F.id(10)), field: "report", value: F.id(30).uuidString)),
            ],
            fundsPending: nil, fundsVerified: "4.389亿元", foreign: [], missingRates: [],
            stageDays: [(.negotiating, 44), (.signed, 60), (.started, 95), (.built, 123)], alerts: [], daysToProduction: 278,
            mayReport: false, isHost: false, isBureau: true, hostOptions: [])

        // when
        let html = ProjectShowView.render(model, context: try F.context([.bureau], path: SiteURL.project(F.id(10)).path))

        // then
        #expect(html.contains("签约至投产 278 天（已核验）"))
        #expect(html.contains("29.14亿元"))
        try Snapshot.check(html, named: "project-page")
    }

    @Test func board() throws {
        // given: one producing project and one signed but not started
        let card = ProjectBoard.Card(
            id: F.id(10), title: "伟德线路板项目", enterpriseName: "湖北伟德线路板有限公司", stage: "producing", verifiedStage: "producing",
            stageSince: "2023-01-31", investmentMinor: 300_000_000_000, investmentCurrency: "CNY", isMajor: true, hostStatus: "accepted",
            lastActivityOn: "2026-11-02", hostName: "演示高新区",
            leaderID: F.id(4), jurisdictionCode: "420802", verifiedSignedOn: "2022-04-28", verifiedContractMinor: 291_400_000_000,
            verifiedContractCurrency: "CNY")
        let stalled = ProjectBoard.Card(
            id: F.id(12), title: "精密模具项目", enterpriseName: "演示精密模具有限公司", stage: "signed", verifiedStage: "signed",
            stageSince: "2026-03-01", investmentMinor: 80_000_000_00, investmentCurrency: "CNY", isMajor: false, hostStatus: "accepted",
            lastActivityOn: "2026-08-01", hostName: "演示经开区", leaderID: nil, jurisdictionCode: "420802")
        let model = BoardView.Model(
            filter: .init(), counts: [.producing: 8, .signed: 10, .negotiating: 14],
            columns: ProjectStage.line.map { stage in (stage, stage == .producing ? [card] : stage == .signed ? [stalled] : []) },
            attention: [stalled], hosts: [(F.id(3).uuidString, "演示高新区")], today: F.today)

        // when
        let html = BoardView.render(model, context: try F.context([.bureau], path: SiteURL.projects.path))

        // then
        #expect(html.contains("29.14亿元"))
        try Snapshot.check(html, named: "project-board")
    }

    @Test func leadPage() throws {
        // given: a 5亿元 lead responded to in time, not yet put to a panel
        var model = LeadShowView.Model(
            lead: F.lead, submitter: "张伟", unit: "演示市商务局", related: [], today: F.today, submitted: false, error: nil)
        model.panels = [.init(id: F.id(40), name: "电子信息产业预审专班")]

        // when
        let html = LeadShowView.render(model, context: try F.context([.bureau], path: SiteURL.lead(F.id(11)).path))

        // then
        #expect(html.contains("电子信息产业预审专班"))
        try Snapshot.check(html, named: "lead-page")
    }

    @Test func workOrderItem() throws {
        // given: a land request signed for, one working day past its deadline
        let model = WorkOrderPage.Model(
            order: F.workOrder, unitName: "演示市自然资源局", projectTitle: "伟德线路板项目",
            events: [
                .init(sequence: 1, step: "submit", actorName: "王芳", onDate: "2026-11-10", note: ""),
                .init(sequence: 2, step: "route", actorName: "李明", onDate: "2026-11-10", note: "按分办规则"),
                .init(sequence: 3, step: "signFor", actorName: "孙强", onDate: "2026-11-11", note: ""),
            ],
            late: true, escalation: .unitHead, escalationDates: [(.leader, "2026-11-25"), (.bulletin, "2026-11-27")],
            steps: [.start, .answer], unitOptions: [], error: nil)

        // when
        let html = WorkOrderViews.show(model, context: try F.context([.coordinator], path: SiteURL.workOrder(F.id(20)).path))

        // then
        #expect(html.contains("GD-2026-000123"))
        try Snapshot.check(html, named: "work-order-item")
    }
}
