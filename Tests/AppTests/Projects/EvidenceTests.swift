import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Evidence files on stage reports and funds entries: judged by content, kept in the database,
/// closed once verified, every upload and download audited.
@Suite("佐证材料")
struct EvidenceFileTests {
    @Test func theSigningCarriesItsContractAndTheDownloadIsAudited() async throws {
        try await withApp { app, _ in
            let (project, w) = try await ProjectTests.accepted(app)
            let id = try project.requireID()
            try await ProjectTests.backdate(project, to: "2026-01-05", on: app.db)
            let cadre = Browser(app)
            try await cadre.login("cadre")
            _ = try await cadre.get("/projects/\(id)")
            let contract = Upload.pdf()
            let version = try #require(try await Project.find(id, on: app.db)).version
            let signed = try await cadre.upload(
                "/projects/\(id)/stages",
                [("version", String(version)), ("to", "signed"), ("occurredOn", "2026-03-02"), ("contract", "29.14亿"), ("evidence", "")],
                file: contract)
            #expect(signed.status == .seeOther)
            let report = try #require(try await StageReport.query(on: app.db).first())
            let file = try #require(try await EvidenceFile.query(on: app.db).first())
            #expect(file.stageReportID == report.id && file.kind == .pdf && file.fileName == "忠堡项目合同签字页.pdf")
            #expect(file.byteSize == contract.bytes.count)
            let page = try await w.bureau.get("/projects/\(id)").body.string
            #expect(page.contains("/evidence/\(file.id!)") && page.contains("忠堡项目合同签字页.pdf"))

            let download = try await w.bureau.get("/evidence/\(file.id!)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == contract.bytes)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            let disposition = download.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.hasPrefix("attachment;") && disposition.contains("filename*=UTF-8''%E5%BF%A0%E5%A0%A1"))
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "evidence.upload").count() == 1)
            let audited = try #require(try await AuditRecord.query(on: app.db).filter(\.$action == "evidence.download").first())
            #expect(audited.actor == "bureau" && audited.after.contains(file.sha256))

            // another jurisdiction neither sees the project nor its files
            let anqing = Browser(app)
            try await anqing.login("anqing-bureau")
            #expect(try await anqing.get("/evidence/\(file.id!)").status == .notFound)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$action == "evidence.download").count() == 1)
        }
    }

    @Test func aFileThatIsNotWhatItClaimsIsRefusedWithItsEntry() async throws {
        try await withApp { app, _ in
            let (id, _, cadre) = try await ProjectMoneyTests.signed(app)
            let form = [("arrivedOn", "2026-03-20"), ("amount", "4.389亿"), ("currency", "CNY"), ("evidence", "")]
            let disguised = Upload(fileName: "进账单.pdf", bytes: Array("<html><script>alert(1)</script></html>".utf8))
            let refused = try await cadre.upload("/projects/\(id)/funds", form, file: disguised)
            #expect(refused.status == .unsupportedMediaType)
            #expect(refused.body.string.contains("只接受 PDF、JPEG 或 PNG"))
            // the values typed stay on the form
            #expect(refused.body.string.contains("4.389亿"))
            let tooBig = try await cadre.upload("/projects/\(id)/funds", form, file: .png(size: EvidenceRules.maxBytes + 1))
            #expect(tooBig.status == .payloadTooLarge)
            #expect(tooBig.body.string.contains("超过 5 MB 上限"))
            // a body past the route's limit is refused by the server before anything reads it
            cadre.live = true
            let huge = try await cadre.upload("/projects/\(id)/funds", form, file: .png(size: ProjectWebController.uploadLimit + 1))
            cadre.live = false
            #expect(huge.status == .payloadTooLarge)
            #expect(huge.body.string.contains("提交的内容过大"))
            let forged = try await cadre.upload("/projects/\(id)/funds", form, file: .png(), withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await FundsArrival.query(on: app.db).count() == 0)
            #expect(try await EvidenceFile.query(on: app.db).count() == 0)
            #expect(try await EvidenceBlob.query(on: app.db).count() == 0)

            // a file input left empty records the entry without a file
            #expect(try await cadre.upload("/projects/\(id)/funds", form, file: Upload(fileName: "", bytes: [])).status == .seeOther)
            #expect(try await FundsArrival.query(on: app.db).count() == 1)
            #expect(try await EvidenceFile.query(on: app.db).count() == 0)
        }
    }

    @Test func evidenceClosesWhenTheEntryIsVerified() async throws {
        try await withApp { app, _ in
            let (id, w, cadre) = try await ProjectMoneyTests.signed(app)
            let form = [("arrivedOn", "2026-03-20"), ("amount", "4389万"), ("currency", "CNY"), ("evidence", "进账单 0318")]
            #expect(try await cadre.upload("/projects/\(id)/funds", form, file: .png()).status == .seeOther)
            let entry = try #require(try await FundsArrival.query(on: app.db).first()?.id)
            let attach = [("entryType", "funds"), ("entry", entry.uuidString)]
            for n in 2...EvidenceRules.maxPerEntry {
                #expect(try await cadre.upload("/projects/\(id)/files", attach, file: .pdf("验资报告第\(n)页.pdf")).status == .seeOther)
            }
            let full = try await cadre.upload("/projects/\(id)/files", attach, file: .pdf())
            #expect(full.status == .conflict && full.body.string.contains("最多 10 个佐证文件"))
            #expect(try await EvidenceFile.query(on: app.db).count() == EvidenceRules.maxPerEntry)

            // only those who answer for the project add files; an observer reads
            let observer = Browser(app)
            try await observer.login("observer")
            #expect(try await observer.upload("/projects/\(id)/files", attach, file: .pdf()).status == .forbidden)

            let report = try #require(try await StageReport.query(on: app.db).first()?.id)
            _ = try await w.bureau.get("/projects/\(id)")
            #expect(try await w.bureau.post("/projects/\(id)/stages/verify", [("report", report.uuidString)]).status == .seeOther)
            let closed = try await cadre.upload(
                "/projects/\(id)/files", [("entryType", "stage"), ("entry", report.uuidString)], file: .pdf())
            #expect(closed.status == .conflict && closed.body.string.contains("已核验，不能再补充"))
            // an entry of another project is not found through this one
            let stray = try await cadre.upload(
                "/projects/\(id)/files", [("entryType", "funds"), ("entry", UUID().uuidString)], file: .pdf())
            #expect(stray.status == .notFound)
            #expect(try await EvidenceFile.query(on: app.db).count() == EvidenceRules.maxPerEntry)
            // the verified stage offers no upload any more; the unverified funds entry still does (it is full)
            let page = try await cadre.get("/projects/\(id)").body.string
            #expect(page.components(separatedBy: "name=\"entryType\"").count - 1 == 1)
        }
    }

    @Test func theAPIAttachesListsAndDownloads() async throws {
        try await withApp { app, _ in
            let (id, _, _) = try await ProjectMoneyTests.signed(app)
            let cadre = try await APIClient.issue(app, login: "cadre")
            let funds = #"{"arrivedOn":"2026-03-20","amount":{"minorUnits":43890000000,"currency":"CNY"},"evidence":"进账单"}"#
            #expect(try await cadre.send(.POST, "/api/v1/projects/\(id)/funds", json: funds).status == .created)
            let entry = try #require(try await FundsArrival.query(on: app.db).first()?.id)
            let slip = Upload.png("进账单.png")
            let created = try await cadre.upload(
                "/api/v1/projects/\(id)/files", [("entryType", "funds"), ("entry", entry.uuidString)], file: slip)
            #expect(created.status == .created)
            #expect(created.json["fileName"] as? String == "进账单.png" && created.json["mediaType"] as? String == "image/png")
            let url = try #require(created.json["url"] as? String)
            let detail = try await cadre.send(.GET, "/api/v1/projects/\(id)")
            #expect((detail.json["files"] as? [[String: Any]])?.first?["entryID"] as? String == entry.uuidString)
            let bytes = try await cadre.send(.GET, url)
            #expect(bytes.status == .ok && Array(bytes.body.readableBytesView) == slip.bytes)

            let wrong = try await cadre.upload(
                "/api/v1/projects/\(id)/files", [("entryType", "funds"), ("entry", entry.uuidString)],
                file: Upload(fileName: "a.png", bytes: Array("GIF89a".utf8)))
            #expect(wrong.status == .unsupportedMediaType && wrong.json["code"] as? String == "evidence_type")
            let unknown = try await cadre.upload("/api/v1/projects/\(id)/files", [("entryType", "lead"), ("entry", "x")], file: slip)
            #expect(unknown.status == .unprocessableEntity && unknown.json["code"] as? String == "validation_failed")
            let anqing = try await APIClient.issue(app, login: "anqing-bureau")
            #expect(try await anqing.send(.GET, url).status == .notFound)
        }
    }
}
