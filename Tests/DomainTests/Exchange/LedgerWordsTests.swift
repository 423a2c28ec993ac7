import Testing

@testable import Domain

/// The words the seeds' bureaus write for the product's choices, read as what they mean — the
/// visits counted in a month, the unit a team belongs to — and a word that means none of them
/// left as no choice, never guessed.
@Suite("台账用语：活动类型、线索来源、单位类型")
struct LedgerWordsTests {
    @Test func visitsAndChambersAsTheResidentTeamWritesThem() {
        // 铜仁驻深工作队: 走访企业346家、商协会40个 [004]; 杨晓勇 拜访了近200家电路板企业 [000]
        #expect(LedgerWords.read("走访企业", LedgerWords.activityKinds) == .enterpriseVisit)
        #expect(LedgerWords.read("上门走访", LedgerWords.activityKinds) == .enterpriseVisit)
        #expect(LedgerWords.read("拜访", LedgerWords.activityKinds) == .enterpriseVisit)
        // a chamber is not an enterprise, even when it is visited
        #expect(LedgerWords.read("走访商协会", LedgerWords.activityKinds) == .chamberVisit)
        #expect(LedgerWords.read("拜访商会", LedgerWords.activityKinds) == .chamberVisit)
        // 首次出省举办招商引资推介会 [000]; 与干部亲切座谈 [004]
        #expect(LedgerWords.read("招商引资推介会", LedgerWords.activityKinds) == .promotionEvent)
        #expect(LedgerWords.read("座谈", LedgerWords.activityKinds) == .symposium)
        #expect(LedgerWords.read("视频洽谈", LedgerWords.activityKinds) == .call)
        // its own code, in any case and width; nothing known is no choice
        #expect(LedgerWords.read("ENTERPRISEVISIT", LedgerWords.activityKinds) == .enterpriseVisit)
        #expect(LedgerWords.read("吃饭", LedgerWords.activityKinds) == nil)
        #expect(LedgerWords.read("  ", LedgerWords.activityKinds) == nil)
    }

    @Test func leadChannelsAsLedgersWriteThem() {
        #expect(LedgerWords.read("以商招商", LedgerWords.leadChannels) == .businessReferral)
        #expect(LedgerWords.read("展会招商", LedgerWords.leadChannels) == .exhibition)
        #expect(LedgerWords.read("驻点招商", LedgerWords.leadChannels) == .residentTeam)
        #expect(LedgerWords.read("投资意向登记", LedgerWords.leadChannels) == .publicForm)
        #expect(LedgerWords.read("朋友介绍", LedgerWords.leadChannels) == .referral)
        #expect(LedgerWords.read("businessReferral", LedgerWords.leadChannels) == .businessReferral)
        #expect(LedgerWords.read("朋友圈", LedgerWords.leadChannels) == nil)
    }

    @Test func unitsAsTheSeedsNameThem() {
        // 13个产业招商分局、16支产业招商分队、63支市直部门招商小分队 [000]
        #expect(LedgerWords.read("产业招商分局", LedgerWords.unitKinds) == .industryBureau)
        #expect(LedgerWords.read("产业招商分队", LedgerWords.unitKinds) == .industryTeam)
        #expect(LedgerWords.read("市直部门招商小分队", LedgerWords.unitKinds) == .departmentTeam)
        // 招聘驻外招商分局班子成员 [004]: a resident office, though it ends in 分局
        #expect(LedgerWords.read("驻外招商分局", LedgerWords.unitKinds) == .residentOffice)
        #expect(LedgerWords.read("驻深圳招商工作队", LedgerWords.unitKinds) == .residentOffice)
        // 大龙开发区 [004]
        #expect(LedgerWords.read("大龙开发区", LedgerWords.unitKinds) == .park)
        #expect(LedgerWords.read("投资促进局", LedgerWords.unitKinds) == .bureau)
        #expect(LedgerWords.read("市场监督管理局", LedgerWords.unitKinds) == .department)
        #expect(LedgerWords.read("凤鸣街道", LedgerWords.unitKinds) == .town)
        #expect(LedgerWords.read("外星机构", LedgerWords.unitKinds) == nil)
    }
}
