import Domain
import Foundation

@testable import App

/// Plain-data fixtures for the page snapshots, in the seeds' own figures: the [002] project
/// signed on 2022-04-28 and in trial operation by the end of January 2023, a 29.14亿元 contract
/// [004], a factor request for land.
enum PageFixtures {
    static func id(_ n: UInt8) -> UUID { UUID(uuid: (n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n)) }

    static let today = CivilDate("2026-11-21")!

    static func context(_ roles: Set<Role>, path: String) throws -> PageContext {
        let user = CurrentUser(
            personID: id(1), login: "demo-bureau", name: "李明", unitID: id(2), unitName: "演示市投资促进局", roles: roles,
            scope: try JurisdictionCode("990000"), csrfToken: "csrf-fixture")
        return PageContext(lang: .zh, user: user, path: path, isDemo: true)
    }

    static let project = ProjectDTO.Summary(
        id: id(10), leadID: id(11), title: "伟德线路板项目", enterpriseName: "湖北伟德线路板有限公司", uscc: "91420800MA4F0X2Y3K",
        industryCode: "C3982", investment: .major(3_000_000_000), investmentText: "30亿元", contract: .major(2_914_000_000),
        contractText: "29.14亿元", stage: .producing, heldAt: nil, stageSince: "2023-01-31", verifiedStage: .producing,
        signedOn: "2022-04-28", verifiedSignedOn: "2022-04-28", verifiedContract: .major(2_914_000_000), verifiedContractText: "29.14亿元",
        hostUnitID: id(3), hostStatus: .accepted, hostReason: "", leaderID: id(4), taskForceID: nil,
        isMajor: true, acceptedOn: "2022-03-15", lastActivityOn: "2026-11-02", version: 7)

    static let lead = LeadDTO(
        id: id(11), enterpriseName: "湖北伟德线路板有限公司（筹）", uscc: nil, industryCode: "C3982", investment: .major(500_000_000),
        investmentText: "5亿元", landMu: "120", spaceM2: 8_000, energyTCE: 3_000, powerKVA: 10_000, jobs: 600, channel: .businessReferral,
        notes: "以商引商：链主企业推荐", status: .responded, submitterID: id(5), submitterUnitID: id(6), collidesWithID: nil,
        mergedIntoID: nil, submittedOn: "2026-11-17", respondBy: "2026-11-18", assessBy: "2026-11-20", feedbackBy: "2026-11-24",
        respondedOn: "2026-11-18", assessedOn: nil, feedbackOn: nil, decisionNote: "", version: 2)

    static let workOrder = WorkOrderDTO.Summary(
        id: id(20), number: "GD-2026-000123", kind: .factorRequest, category: "land", title: "二期用地指标 120 亩", detail: "二期厂房需新增工业用地。",
        projectID: id(10), enterpriseName: "湖北伟德线路板有限公司", quantityAsked: "120 亩", quantityGranted: "", status: .signedFor,
        requesterName: "王芳", responsibleUnitID: id(7), submittedOn: "2026-11-10", deadline: "2026-11-20", answeredOn: nil, answer: "",
        answerEvidence: "", reopenCount: 0, satisfied: nil, closedOn: nil, version: 3)
}
