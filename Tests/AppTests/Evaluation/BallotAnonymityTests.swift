import Domain
import Fluent
import FluentSQL
import Foundation
import Testing
import Vapor

@testable import App

/// Anonymity you can prove (SPEC §8): with the whole database and the audit trail in hand, which
/// code cast which ballot cannot be told better than chance — cast the same two ballots with the
/// two codes the other way round and everything kept is the same, and nothing anywhere holds a
/// spent code or its digest.
@Suite("匿名可证：交换选票码与选票的对应关系，数据库内容不变")
struct BallotAnonymityTests {
    typealias Dump = [String]

    /// Two ballots — A all 满意 with a comment on 税务局, B all 不满意 with one on 公安局 — cast in
    /// that order, A with the first code when `swapped` is false, with the second when true.
    static func run(swapped: Bool) async throws -> (dump: Dump, leaks: [String]) {
        var result: (Dump, [String]) = ([], [])
        try await withApp { app, _ in
            let c = try await EvaluationTests.campaign(app)
            let voter = APIClient(app: app, token: nil)
            let all = { (choice: BallotChoice) in Dictionary(uniqueKeysWithValues: c.units.keys.map { ($0, choice) }) }
            let (first, second) = swapped ? (c.codes[1].code, c.codes[0].code) : (c.codes[0].code, c.codes[1].code)
            for (code, choice, comment) in [
                (first, BallotChoice.satisfied, ("市税务局", "甲：办税很快")), (second, .dissatisfied, ("市公安局", "乙：户籍窗口难找")),
            ] {
                let cast = try await voter.send(
                    .POST, "/api/v1/ballots", json: EvaluationTests.ballot(c.units, all(choice), comment: comment, code: code))
                #expect(cast.status == .created)
            }
            let spent = [c.codes[0].code, c.codes[1].code].flatMap { [$0, BallotCode.digest($0, campaign: c.id.uuidString)] }
            let sql = app.db.sql
            var dump: Dump = []
            for row in try await sql.raw(
                "SELECT name, satisfied, basically_satisfied, dissatisfied, not_known FROM evaluation_units ORDER BY name"
            ).all() {
                let r = RowReader(row)
                dump.append(
                    "\(try r.string("name")) \(try r.int("satisfied")) \(try r.int("basically_satisfied")) \(try r.int("dissatisfied")) \(try r.int("not_known"))"
                )
            }
            dump += try await sql.raw("SELECT body FROM evaluation_comments").all().map { try RowReader($0).string("body") }.sorted()
            dump += try await sql.raw("SELECT register FROM evaluation_codes").all().map { try RowReader($0).string("register") }.sorted()
            dump += try await sql.raw("SELECT codes_issued, state, version FROM evaluation_campaigns").all().map {
                let r = RowReader($0)
                return "\(try r.int("codes_issued")) \(try r.string("state")) \(try r.int("version"))"
            }
            // every text in every table, the audit trail's included
            let tables: [String]
            if sql.dialect.name == "sqlite" {
                tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map {
                    try RowReader($0).string("name")
                }
            } else {
                tables = try await sql.raw(
                    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
                ).all().map { try RowReader($0).string("name") }
            }
            var leaks: [String] = []
            for table in tables {
                for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns {
                        guard let value = try? row.decode(column: column, as: String.self) else { continue }
                        if spent.contains(where: { value.contains($0) }) { leaks.append("\(table).\(column)") }
                    }
                }
            }
            #expect(tables.contains("evaluation_comments") && tables.contains("audit_records"))
            result = (dump, leaks)
        }
        return result
    }

    @Test func swappingWhichCodeCastWhichBallotChangesNothingKept() async throws {
        let straight = try await Self.run(swapped: false)
        let swapped = try await Self.run(swapped: true)
        #expect(straight.leaks.isEmpty && swapped.leaks.isEmpty)
        #expect(straight.dump == swapped.dump)
        // the dump is not empty: the two ballots are there, as counts
        #expect(straight.dump.contains("市税务局 1 0 1 0") && straight.dump.contains("甲：办税很快"))
    }

    @Test func aSavedBallotIsSealedWithItsCodeAndGoneOnceCast() async throws {
        let draft = BallotService.Draft(answers: ["u": .dissatisfied], comments: ["u": "窗口排队时间较长"])
        let campaign = UUID()
        let sealed = BallotService.seal(draft, code: "K7QX-M9PW-A3RT", campaign: campaign)
        #expect(!sealed.isEmpty && !sealed.contains("dissatisfied"))
        #expect(BallotService.unseal(sealed, code: "K7QX-M9PW-A3RT", campaign: campaign) == draft)
        #expect(BallotService.unseal(sealed, code: "K7QX-M9PW-A3RS", campaign: campaign) == nil)
        #expect(BallotService.unseal(sealed, code: "K7QX-M9PW-A3RT", campaign: UUID()) == nil)
    }
}
