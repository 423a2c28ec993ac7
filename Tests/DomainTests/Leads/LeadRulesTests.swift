import Testing

@testable import Domain

@Suite("线索撞车与可见范围")
struct LeadCollisionTests {
    @Test func thePreparingWeideIsTheSameEnterprise() {
        // seed [000]: one PCB maker, two leads
        #expect(LeadRules.sameEnterprise(nameA: "湖北伟德线路板有限公司", usccA: nil, nameB: "湖北伟德线路板有限公司（筹）", usccB: nil))
    }

    @Test func differentCodesAreDifferentEnterprisesEvenWithOneName() {
        #expect(!LeadRules.sameEnterprise(nameA: "伟德线路板有限公司", usccA: "914403001922038216", nameB: "伟德线路板有限公司", usccB: "91330100716105852F"))
        #expect(LeadRules.sameEnterprise(nameA: "甲公司", usccA: "914403001922038216", nameB: "乙公司", usccB: "914403001922038216"))
    }

    @Test func bureauSeesAllAndCadresTheirUnits() {
        #expect(AccessPolicy.may([.bureau], .readLead, ties: .withinJurisdiction))
        #expect(!AccessPolicy.may([.bureau], .readLead, ties: []))
        #expect(AccessPolicy.may([.cadre], .readLead, ties: [.withinJurisdiction, .ownUnit]))
        #expect(!AccessPolicy.may([.cadre, .host], .readLead, ties: .withinJurisdiction))
        #expect(AccessPolicy.may([.reviewer], .readLead, ties: .panelMember))
        #expect(!AccessPolicy.may([.observer], .readLead, ties: [.withinJurisdiction, .ownUnit]))
    }

    @Test func collisionsAreLookedForAcrossTheCity() throws {
        // seed [000]: a lead from 东宝区 collides with any lead in 荆门市
        #expect(LeadRules.collisionScope(for: try JurisdictionCode("420802")) == (try JurisdictionCode("420800")))
        #expect(LeadRules.collisionScope(for: try JurisdictionCode("420800")) == (try JurisdictionCode("420800")))
        #expect(LeadRules.collisionScope(for: try JurisdictionCode("420000")) == (try JurisdictionCode("420000")))
    }

    @Test func onlySubmittedAndRespondedLeadsAreOpen() {
        #expect(LeadStatus.allCases.filter(\.isOpen) == [.submitted, .responded])
    }
}
