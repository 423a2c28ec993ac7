import Testing

@testable import Domain

/// The "who may" that depends on ties, with the seeds' places: 荆门市 (420800) and its 东宝区
/// (420802) [000], 安庆市 (340800) [001].
@Suite("授权：对象关系")
struct AccessPolicyTiesTests {
    @Test func aCityLeaderMayAnswerForADistrictProjectButNotAnotherCitys() throws {
        let (jingmen, dongbao, anqing) = (try JurisdictionCode("420800"), try JurisdictionCode("420802"), try JurisdictionCode("340800"))
        #expect(AccessPolicy.mayBeResponsibleLeader(roles: [.leader], leaderScope: jingmen, project: dongbao))
        #expect(AccessPolicy.mayBeResponsibleLeader(roles: [.leader], leaderScope: dongbao, project: dongbao))
        #expect(AccessPolicy.mayBeResponsibleLeader(roles: [.leader], leaderScope: dongbao, project: jingmen))
        #expect(!AccessPolicy.mayBeResponsibleLeader(roles: [.leader], leaderScope: anqing, project: dongbao))
        #expect(!AccessPolicy.mayBeResponsibleLeader(roles: [.bureau], leaderScope: jingmen, project: dongbao))
    }

    @Test func theBureausDeedsFollowItsManageRights() {
        for deed in [AccessPolicy.Deed.correctStage, .verifyEntry, .backFill, .openBureauItem] {
            #expect(AccessPolicy.may([.bureau], deed), "\(deed)")
            #expect(!AccessPolicy.may([.cadre, .host, .leader], deed), "\(deed)")
        }
        // the chair decides a lead as the bureau does; a host keeps only its own park's profile
        #expect(AccessPolicy.may([.reviewer], .decideLead, ties: .panelChair))
        #expect(!AccessPolicy.may([.reviewer], .decideLead))
        #expect(AccessPolicy.may([.host], .editParkProfile, ties: .ownUnit))
        #expect(!AccessPolicy.may([.host], .editParkProfile))
        #expect(AccessPolicy.may([.coordinator], .answerWorkOrder, ties: .ownUnit))
        #expect(!AccessPolicy.may([.bureau], .confirmWorkOrder))
        #expect(AccessPolicy.may([.observer], .confirmWorkOrder, ties: .author))
        // a tie opens a deed only to a role that writes on its resource: the panel expert who sits
        // in a park does not answer for the park's hosting; an audit admin answers and confirms nothing
        #expect(AccessPolicy.may([.host], .answerAsHost, ties: .ownUnit))
        #expect(!AccessPolicy.may([.reviewer], .answerAsHost, ties: .ownUnit))
        #expect(!AccessPolicy.may([.auditAdmin], .answerWorkOrder, ties: .ownUnit))
        #expect(!AccessPolicy.may([.auditAdmin], .confirmWorkOrder, ties: .author))
    }

    /// An enterprise's contact or an observer held by a town (the demo's accounts sit in 漳河镇)
    /// reads and confirms what they asked for, never the town's own work [002][003].
    @Test func thoseOutsideFollowOnlyWhatTheyAsked() throws {
        for role in [Role.enterprise, .observer] {
            #expect(AccessPolicy.may([role], .readWorkOrder, ties: .author), "\(role)")
            #expect(AccessPolicy.may([role], .confirmWorkOrder, ties: .author), "\(role)")
            #expect(!AccessPolicy.may([role], .readWorkOrder, ties: [.ownUnit, .withinJurisdiction]), "\(role)")
            #expect(!AccessPolicy.may([role], .answerWorkOrder, ties: .ownUnit), "\(role)")
            #expect(!AccessPolicy.worksInside([role]))
        }
        // a host of the same town reads and answers the town's items
        #expect(AccessPolicy.may([.host], .readWorkOrder, ties: .ownUnit))
        #expect(AccessPolicy.may([.host], .answerWorkOrder, ties: .ownUnit))
        #expect(AccessPolicy.decide(.init(roles: [.enterprise], scope: try JurisdictionCode("420802")), .write, .workOrder) == .allowed)
    }

    @Test func eachSubmitsTheKindsThatAreTheirs() {
        #expect(AccessPolicy.kindsToSubmit([.enterprise]) == [.enterpriseDemand, .complaint])
        #expect(AccessPolicy.kindsToSubmit([.observer]) == [.complaint, .observerReport, .supervisorLetter])
        #expect(AccessPolicy.kindsToSubmit([.bureau]) == WorkOrderKind.allCases)
        let cadre = AccessPolicy.kindsToSubmit([.cadre])
        #expect(cadre.contains(.factorRequest) && !cadre.contains(.supervisionItem) && !cadre.contains(.reformItem))
        #expect(AccessPolicy.kindsToSubmit([.auditAdmin]).isEmpty)
    }

    /// 导入: an uploaded ledger is its uploader's to run, and only while they may write what it imports.
    @Test func anImportIsItsUploadersOnly() {
        #expect(AccessPolicy.may([.bureau], .handleImport, ties: .author))
        #expect(AccessPolicy.may([.host], .handleImport, ties: .author))
        // a cadre imports the leads and funds ledgers
        #expect(AccessPolicy.may([.cadre], .handleImport, ties: .author))
        // a colleague of the same bureau, whatever their rights
        #expect(!AccessPolicy.may([.bureau], .handleImport, ties: [.ownUnit, .withinJurisdiction]))
        // the uploader who no longer writes any of it (roles changed since)
        #expect(!AccessPolicy.may([.observer], .handleImport, ties: .author))
        #expect(!AccessPolicy.may([.auditAdmin], .handleImport, ties: .author))
    }

    /// 年终座次: announced once published; a draft is the bureau's, leaders' and inspectors'.
    @Test func aSeatingIsReadByAllOnlyOncePublished() {
        let inside: AccessPolicy.Ties = .withinJurisdiction
        #expect(AccessPolicy.may([.bureau], .readSeating, ties: inside))
        #expect(AccessPolicy.may([.leader], .readSeating, ties: inside))
        #expect(!AccessPolicy.may([.cadre], .readSeating, ties: inside))
        #expect(AccessPolicy.may([.cadre], .readSeating, ties: [.withinJurisdiction, .published]))
        #expect(AccessPolicy.may([.host], .readSeating, ties: [.withinJurisdiction, .published]))
        // another city's seating, published or not; and those outside the assessment
        #expect(!AccessPolicy.may([.bureau], .readSeating, ties: .published))
        #expect(!AccessPolicy.may([.enterprise], .readSeating, ties: [.withinJurisdiction, .published]))
        #expect(!AccessPolicy.may([.auditAdmin], .readSeating, ties: [.withinJurisdiction, .published]))
    }

    /// A 双百双评 register names people: the bureau's while it is prepared; once its digest is
    /// published, everyone's who works here, so anyone can re-run the draw.
    @Test func aRegisterIsTheBureausUntilItsDigestIsPublished() {
        let inside: AccessPolicy.Ties = .withinJurisdiction
        #expect(AccessPolicy.may([.bureau], .readRegister, ties: inside))
        for roles: Set<Role> in [[.leader], [.inspector], [.cadre], [.host]] {
            #expect(!AccessPolicy.may(roles, .readRegister, ties: inside))
            #expect(AccessPolicy.may(roles, .readRegister, ties: [.withinJurisdiction, .published]))
        }
        #expect(!AccessPolicy.may([.bureau], .readRegister, ties: .published))
        for roles: Set<Role> in [[.enterprise], [.observer], [.sysAdmin], [.auditAdmin]] {
            #expect(!AccessPolicy.may(roles, .readRegister, ties: [.withinJurisdiction, .published]))
        }
    }

    /// 提拔后备库 is a personnel matter: not for a cadre or a park, whoever they are.
    @Test func theReservePoolIsReadByTheBureauLeadersAndInspectors() {
        for roles: Set<Role> in [[.bureau], [.leader], [.inspector]] {
            #expect(AccessPolicy.may(roles, .readReservePool, ties: .withinJurisdiction))
            #expect(!AccessPolicy.may(roles, .readReservePool, ties: []))
        }
        for roles: Set<Role> in [[.cadre], [.host], [.coordinator], [.enterprise], [.auditAdmin]] {
            #expect(!AccessPolicy.may(roles, .readReservePool, ties: [.withinJurisdiction, .ownUnit]))
        }
    }
}
