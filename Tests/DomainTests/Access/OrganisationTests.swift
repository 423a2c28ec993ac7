import Testing

@testable import Domain

@Suite("角色、辖区与授权")
struct OrganisationTests {
    @Test func twoAdminRolesAreRefused() {
        #expect(throws: Role.AssignmentError.twoAdminRoles([.sysAdmin, .auditAdmin])) {
            try Role.validateAssignment([.auditAdmin, .sysAdmin])
        }
        #expect(throws: Role.AssignmentError.noRole) { try Role.validateAssignment([]) }
    }

    @Test func oneAdminRoleWithBusinessRolesIsAllowed() throws {
        try Role.validateAssignment([.securityAdmin])
        try Role.validateAssignment([.leader, .cadre])
    }

    @Test func jurisdictionLevelsAndContainment() throws {
        // seed [000]: 荆门市 and its district 东宝区 in 湖北省
        let hubei = try JurisdictionCode("420000")
        let jingmen = try JurisdictionCode("420800")
        let dongbao = try JurisdictionCode("420802")
        let anqing = try JurisdictionCode("340800")
        #expect([hubei.level, jingmen.level, dongbao.level] == [.province, .city, .county])
        #expect(hubei.contains(dongbao) && jingmen.contains(dongbao) && dongbao.contains(dongbao))
        #expect(!dongbao.contains(jingmen))
        #expect(!jingmen.contains(anqing))
        #expect(dongbao.parent == jingmen && jingmen.parent == hubei && hubei.parent == nil)
    }

    @Test func malformedJurisdictionCodes() {
        #expect(throws: JurisdictionCode.Problem.notSixDigits("42080")) { try JurisdictionCode("42080") }
        #expect(throws: JurisdictionCode.Problem.countyWithoutCity("420002")) { try JurisdictionCode("420002") }
    }

    @Test func policyByRole() throws {
        let city = try JurisdictionCode("420800")
        func decide(_ role: Role, _ action: AccessPolicy.Action, _ resource: AccessPolicy.Resource) -> AccessPolicy.Decision {
            AccessPolicy.decide(.init(roles: [role], scope: city), action, resource, in: city)
        }
        // 三员分立: each admin does only their own work
        #expect(decide(.sysAdmin, .write, .organisation) == .allowed)
        #expect(decide(.sysAdmin, .write, .enterprise) == .roleDenied)
        #expect(decide(.sysAdmin, .read, .audit) == .roleDenied)
        #expect(decide(.securityAdmin, .write, .accessControl) == .allowed)
        #expect(decide(.securityAdmin, .write, .organisation) == .roleDenied)
        #expect(decide(.auditAdmin, .read, .audit) == .allowed)
        #expect(decide(.auditAdmin, .read, .enterprise) == .roleDenied)
        #expect(AccessPolicy.Action.allCases.allSatisfy { decide(.sysAdmin, $0, .audit) == .roleDenied })
        // the bureau runs the registry; a leader reads it
        #expect(decide(.bureau, .write, .enterprise) == .allowed)
        #expect(decide(.leader, .read, .enterprise) == .allowed)
        #expect(decide(.leader, .write, .enterprise) == .roleDenied)
        #expect(decide(.observer, .read, .enterprise) == .roleDenied)
    }

    @Test func policyByScope() throws {
        let jingmenBureau = AccessPolicy.Actor(roles: [.bureau], scope: try JurisdictionCode("420800"))
        #expect(AccessPolicy.decide(jingmenBureau, .read, .enterprise, in: try JurisdictionCode("420802")) == .allowed)
        #expect(AccessPolicy.decide(jingmenBureau, .read, .enterprise, in: try JurisdictionCode("340800")) == .outOfScope)
    }
}

@Suite("账户与会话规则")
struct AccountRulesTests {
    @Test func fifthFailureLocksForFifteenMinutes() {
        var failures = 0
        var locked: Int64?
        for _ in 1...4 {
            let outcome = AccountRules.afterFailure(failures: failures, now: 1_000)
            failures = outcome.failures
            locked = outcome.lockedUntil
        }
        #expect(failures == 4 && locked == nil)
        let fifth = AccountRules.afterFailure(failures: failures, now: 1_000)
        let fifteenMinutesLater: Int64 = 1_900
        #expect(fifth.lockedUntil == fifteenMinutesLater)
        #expect(AccountRules.isLocked(lockedUntil: fifth.lockedUntil, now: 1_899))
        #expect(!AccountRules.isLocked(lockedUntil: fifth.lockedUntil, now: 1_900))
    }

    @Test func sessionExpiry() {
        #expect(AccountRules.sessionState(createdAt: 0, lastSeenAt: 0, now: 29 * 60) == .active)
        #expect(AccountRules.sessionState(createdAt: 0, lastSeenAt: 0, now: 30 * 60) == .idleExpired)
        let nearlyTwelveHours: Int64 = 12 * 3600 - 1
        #expect(AccountRules.sessionState(createdAt: 0, lastSeenAt: nearlyTwelveHours, now: nearlyTwelveHours) == .active)
        #expect(AccountRules.sessionState(createdAt: 0, lastSeenAt: 12 * 3600 - 60, now: 12 * 3600) == .absoluteExpired)
    }

    @Test func passwordRules() throws {
        try AccountRules.validatePassword("Zhaoshang#2026")
        #expect(throws: AccountRules.PasswordProblem.tooShort(minimum: 10)) { try AccountRules.validatePassword("Ab1#") }
        #expect(throws: AccountRules.PasswordProblem.tooSimple) { try AccountRules.validatePassword("zhaoshangzhaoshang") }
        // 30 Chinese characters are 90 UTF-8 bytes, past bcrypt's 72, and still a valid password
        try AccountRules.validatePassword(String(repeating: "招商引资", count: 7) + "Ab1")
    }
}

@Suite("版本检查与审计链")
struct IntegrityTests {
    @Test func staleEditIsAConflict() throws {
        #expect(try VersionCheck.next(editing: 3, current: 3) == 4)
        #expect(throws: VersionConflict(expected: 2, current: 3)) { try VersionCheck.next(editing: 2, current: 3) }
    }

    func chain(_ count: Int) -> [AuditChain.Stored] {
        var previous = AuditChain.genesis
        return (1...count).map { index in
            let content = AuditChain.Content(
                sequence: Int64(index), atMillis: 1_700_000_000_000 + Int64(index), actor: "demo-bureau",
                action: "enterprise.update", objectType: "enterprise", objectID: "e\(index)", ip: "127.0.0.1",
                before: #"{"registeredCapital":"5000万元"}"#, after: #"{"registeredCapital":"29.14亿元"}"#)
            let hash = AuditChain.hash(previous: previous, content)
            defer { previous = hash }
            return AuditChain.Stored(content: content, previousHash: previous, hash: hash)
        }
    }

    @Test func intactChainVerifies() {
        #expect(AuditChain.firstBreak(in: chain(5)) == nil)
    }

    @Test func editedRecordIsFound() {
        var records = chain(5)
        records[2].content.after = #"{"registeredCapital":"1亿元"}"#
        #expect(AuditChain.firstBreak(in: records) == .contentChanged(sequence: 3))
    }

    @Test func removedRecordIsFound() {
        var records = chain(5)
        records.remove(at: 1)
        #expect(AuditChain.firstBreak(in: records) == .gap(after: 1))
    }

    @Test func rewrittenTailIsFound() {
        // an attacker who rehashes one record still cannot make the next one link to it
        var records = chain(4)
        records[1].content.actor = "someone-else"
        records[1].hash = AuditChain.hash(previous: records[1].previousHash, records[1].content)
        #expect(AuditChain.firstBreak(in: records) == .linkBroken(sequence: 3))
    }
}
