import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("组织机构：单位、人员、角色、轮岗")
struct OrganisationTests {
    @Test func twoAdminRolesAreRefusedAndNothingChanges() async throws {
        try await withApp { app, _ in
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let api = try await APIClient.issue(app, login: "sec")
            let response = try await api.send(
                .PUT, "/api/v1/persons/\(cadre)/roles", json: #"{"roles":["sysAdmin","auditAdmin"],"version":1}"#)
            #expect(response.status == .unprocessableEntity)
            #expect((response.json["fields"] as? [String: String])?["roles"]?.contains("三员分立") == true)
            let person = try #require(try await Person.find(cadre, on: app.db))
            #expect(person.roles == [.cadre] && person.version == 1)
            // one admin role is fine, and is audited with before and after
            #expect(
                try await api.send(.PUT, "/api/v1/persons/\(cadre)/roles", json: #"{"roles":["auditAdmin"],"version":1}"#).status == .ok)
            let audit = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "person.roles").first())
            #expect(audit.before.contains("cadre") && audit.after.contains("auditAdmin"))
        }
    }

    @Test func residentOfficeNeedsItsHostCity() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "sys")
            let missing = try await api.send(
                .POST, "/api/v1/units", json: #"{"name":"驻深圳招商工作队","kind":"residentOffice","jurisdictionCode":"420800"}"#)
            #expect(missing.status == .unprocessableEntity)
            let created = try await api.send(
                .POST, "/api/v1/units", json: #"{"name":"驻深圳招商工作队","kind":"residentOffice","jurisdictionCode":"420800","hostCity":"深圳"}"#)
            #expect(created.status == .created)
            #expect(created.json["hostCity"] as? String == "深圳")
        }
    }

    @Test func unknownParentAndOtherJurisdictionAreRefused() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "sys")
            let unknownParent = try await api.send(
                .POST, "/api/v1/units",
                json: #"{"name":"东宝区招商分局","kind":"industryBureau","jurisdictionCode":"420802","parentID":"\#(UUID())"}"#)
            #expect(unknownParent.status == .unprocessableEntity)
            let elsewhere = try await api.send(
                .POST, "/api/v1/units", json: #"{"name":"安庆某局","kind":"department","jurisdictionCode":"340800"}"#)
            #expect(elsewhere.status == .unprocessableEntity)
            #expect((elsewhere.json["fields"] as? [String: String])?["jurisdictionCode"]?.contains("不在您的辖区内") == true)
            let unknownKind = try await api.send(
                .POST, "/api/v1/units", json: #"{"name":"某单位","kind":"ministry","jurisdictionCode":"420800"}"#)
            #expect(unknownKind.status == .unprocessableEntity)
            #expect(try await Unit.query(on: app.db).count() == 2)
        }
    }

    @Test func aUnitCannotSitUnderItself() async throws {
        try await withApp { app, _ in
            let api = try await APIClient.issue(app, login: "sys")
            let parent = try await api.send(
                .POST, "/api/v1/units", json: #"{"name":"电子信息产业招商分局","kind":"industryBureau","jurisdictionCode":"420800"}"#)
            let parentID = try #require(parent.json["id"] as? String)
            let child = try await api.send(
                .POST, "/api/v1/units",
                json: #"{"name":"线路板招商分队","kind":"industryTeam","jurisdictionCode":"420800","parentID":"\#(parentID)"}"#)
            let childID = try #require(child.json["id"] as? String)
            let loop = try await api.send(.PATCH, "/api/v1/units/\(parentID)", json: #"{"parentID":"\#(childID)","version":1}"#)
            #expect(loop.status == .unprocessableEntity)
        }
    }

    @Test func rotationKeepsHistory() async throws {
        try await withApp { app, _ in
            // seed [004]: cadres rotate between the home bureau and the Shenzhen team
            let api = try await APIClient.issue(app, login: "sys")
            let team = try await api.send(
                .POST, "/api/v1/units", json: #"{"name":"驻深圳招商工作队","kind":"residentOffice","jurisdictionCode":"420800","hostCity":"深圳"}"#)
            let teamID = try #require(team.json["id"] as? String)
            let cadre = try await Fixture.id(of: "cadre", on: app.db)
            let browser = Browser(app)
            try await browser.login("sys")
            let moved = try await browser.post(
                "/persons/\(cadre)/rotations",
                [("toUnitID", teamID), ("toPost", "驻点招商干部"), ("effectiveOn", "2020-04-10"), ("version", "1")])
            #expect(moved.status == .seeOther)
            let person = try #require(try await Person.find(cadre, on: app.db))
            #expect(person.$unit.id.uuidString == teamID && person.post == "驻点招商干部")
            let rotations = try await Rotation.query(on: app.db).filter(\.$person.$id == cadre).all()
            #expect(rotations.count == 1)
            #expect(rotations.first?.fromUnitID != nil && rotations.first?.toUnitID.uuidString == teamID)
            let page = try await browser.get("/persons/\(cadre)")
            #expect(page.body.string.contains("2020-04-10") && page.body.string.contains("荆门市招商局"))
        }
    }

    @Test func duplicateLoginIsAConflict() async throws {
        try await withApp { app, _ in
            let bureau = try #require(try await Unit.query(on: app.db).filter(\.$name == "荆门市招商局").first()?.id)
            let api = try await APIClient.issue(app, login: "sys")
            let response = try await api.send(
                .POST, "/api/v1/persons", json: #"{"name":"杨晓勇","unitID":"\#(bureau)","login":"cadre","password":"Zhaoshang#2026"}"#)
            #expect(response.status == .conflict)
            #expect(try await Person.query(on: app.db).filter(\.$name == "杨晓勇").count() == 0)
        }
    }

    @Test func webFormShowsChineseErrorsAndKeepsInput() async throws {
        try await withApp { app, _ in
            let browser = Browser(app)
            try await browser.login("sys")
            let response = try await browser.post(
                "/units", [("name", "驻深圳招商工作队"), ("kind", "residentOffice"), ("jurisdictionCode", Fixture.jingmen)])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("驻外招商机构须填写驻在城市"))
            #expect(html.contains(#"value="驻深圳招商工作队""#))
        }
    }
}
