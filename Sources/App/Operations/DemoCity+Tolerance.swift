import Domain
import Fluent
import FluentSQL
import Vapor

extension DemoCity {
    /// Three 容错纠错 cases [000] [002]: a park's deputy head who started the road works while the
    /// paperwork ran in parallel — tolerated, the name cleared in public; a cadre who promised an
    /// investor more than policy allowed — not tolerated, visited twice since; and a case still
    /// being checked. Each step audited as the pages audit it.
    func createToleranceCases(app: Application) async throws {
        let db = app.db
        let scope = Self.cityCode
        guard let inspector = try await Person.query(on: db).filter(\.$login == "demo-inspector").first()?.id,
            let bureau = try await Person.query(on: db).filter(\.$login == "demo-bureau").first()?.id
        else { return }
        func someone(of kind: UnitKind) async throws -> UUID? {
            try await db.sql.raw(
                """
                SELECT p.id FROM persons p JOIN units u ON u.id = p.unit_id
                WHERE u.jurisdiction_code >= \(bind: String(scope.prefix(4))) AND u.jurisdiction_code < \(bind: String(scope.prefix(4)) + "~")
                  AND u.kind = \(bind: kind.rawValue) AND p.login IS NULL ORDER BY p.name LIMIT 1
                """
            ).first().map { try RowReader($0).uuid("id") }
        }
        let industry = try await someone(of: .industryBureau)
        guard let parkPerson = try await someone(of: .park), let cadre = industry else { return }
        let year = app.clock.today.year
        struct Case {
            var person: UUID
            var title: String
            var facts: String
            var occurred: CivilDate
            var checks: [(ToleranceCase.Item, ToleranceCase.Finding, String)]
            var decision: (ToleranceCase.State, CivilDate, String)?
            var clearing: (CivilDate, String)?
            var visits: [(CivilDate, String, String)]
        }
        let cases = [
            Case(
                person: parkPerson, title: "园区道路“边建边办”先行施工",
                facts: "园区引进精细化工龙头企业，企业要求一年内投产，平整场地按原流程需六个月。项目环评、规划、土地等国家法律规定的手续已经办完，园区决定道路建设相关手续边办边建，提前四个月交付场地。",
                occurred: CivilDate(year: year, month: 3, day: 15)!,
                checks: [
                    (.publicInterest, .holds, "为项目按期投产，个人无任何利益，见谈话笔录"), (.noCollusion, .holds, "与企业及其负责人无经济往来，见廉政审查意见"),
                    (.notForbidden, .holds, "道路建设手续无明令禁止先行施工，市住建局书面确认"), (.procedures, .holds, "环评、规划、土地批复齐全"),
                    (.collectiveDecision, .holds, "园区党工委会议纪要"), (.remedied, .holds, "道路手续已于 5 月补齐"),
                ],
                decision: (.tolerated, CivilDate(year: year, month: 5, day: 12)!, "把服务项目建设、支持企业发展与搞利益输送区别开来；符合容错条件，予以容错。"),
                clearing: (CivilDate(year: year, month: 5, day: 20)!, "经调查核实，该同志在项目建设中担当作为、出于公心，手续已依法补齐，不存在违纪问题，予以澄清正名。"), visits: []),
            Case(
                person: cadre, title: "招商承诺超出政策规定",
                facts: "在项目洽谈中向投资方书面承诺给予超出本市招商引资优惠政策规定的土地价格返还，且未经集体研究。",
                occurred: CivilDate(year: year - 1, month: 9, day: 10)!,
                checks: [
                    (.publicInterest, .holds, "为促成项目签约，未发现个人利益"), (.notForbidden, .fails, "市政府文件明令禁止超政策承诺"),
                    (.collectiveDecision, .fails, "未经集体研究"),
                ],
                decision: (.notTolerated, CivilDate(year: year, month: 1, day: 12)!, "明令禁止后仍擅自超政策承诺，不予容错，按规定处理。"), clearing: nil,
                visits: [
                    (CivilDate(year: year, month: 2, day: 20)!, "市纪委监委 回访组", "能正确认识问题，思想稳定，工作积极。"),
                    (CivilDate(year: year, month: 8, day: 25)!, "市纪委监委 回访组", "放下包袱，本季度牵头签约项目 2 个，组织上予以鼓励。"),
                ]),
            Case(
                person: parkPerson, title: "签约前先行垫资代建标准厂房",
                facts: "为吸引电子信息企业落户，园区平台公司在正式签约前先行垫资代建标准厂房 2 万平方米，现企业已签约入驻一期。",
                occurred: CivilDate(year: year, month: 10, day: 8)!,
                checks: [(.publicInterest, .holds, "厂房产权归平台公司，未发现个人利益"), (.procedures, .unknown, "")], decision: nil, clearing: nil,
                visits: []),
        ]
        let actor = AuditActor.system("demo")
        try await app.writeTransaction { db in
            for (index, c) in cases.enumerated() {
                let id = UUID()
                let opened = BeijingTime.startMillis(of: CivilDate(dayNumber: c.occurred.dayNumber + 7)) + 9 * 3_600_000
                let state = c.decision?.0 ?? .open
                try await db.sql.raw(
                    """
                    INSERT INTO tolerance_cases (id, jurisdiction_code, year, number, person_id, title, facts, occurred_on, state, opened_by, opened_at,
                      decided_by, decided_on, decision, clearing, cleared_on, version)
                    VALUES (\(bind: id), \(bind: scope), \(bind: year), \(bind: index + 1), \(bind: c.person), \(bind: c.title), \(bind: c.facts),
                      \(bind: c.occurred.description), \(bind: state.rawValue), \(bind: bureau), \(bind: opened),
                      \(bind: c.decision == nil ? nil : inspector), \(bind: c.decision?.1.description), \(bind: c.decision?.2),
                      \(bind: c.clearing?.1), \(bind: c.clearing?.0.description), 1)
                    """
                ).run()
                try await AuditLog.append(
                    on: db, by: actor, action: "tolerance.open", objectType: "tolerance", objectID: id.uuidString,
                    after: ["title": c.title, "occurredOn": c.occurred.description], at: opened)
                for (item, finding, evidence) in c.checks {
                    try await db.sql.raw(
                        """
                        INSERT INTO tolerance_checks (id, case_id, item, finding, evidence)
                        VALUES (\(bind: UUID()), \(bind: id), \(bind: item.rawValue), \(bind: finding.rawValue), \(bind: evidence))
                        """
                    ).run()
                }
                if let (state, on, reasons) = c.decision {
                    try await AuditLog.append(
                        on: db, by: actor, action: "tolerance.decide", objectType: "tolerance", objectID: id.uuidString,
                        after: ["state": state.rawValue, "decision": reasons], at: BeijingTime.startMillis(of: on) + 10 * 3_600_000)
                }
                if let (on, statement) = c.clearing {
                    try await AuditLog.append(
                        on: db, by: actor, action: "tolerance.clear", objectType: "tolerance", objectID: id.uuidString,
                        after: ["clearing": statement], at: BeijingTime.startMillis(of: on) + 10 * 3_600_000)
                }
                for (on, visitor, outcome) in c.visits {
                    let at = BeijingTime.startMillis(of: on) + 15 * 3_600_000
                    try await db.sql.raw(
                        """
                        INSERT INTO tolerance_visits (id, case_id, visited_on, visitor, outcome, recorded_by, recorded_at)
                        VALUES (\(bind: UUID()), \(bind: id), \(bind: on.description), \(bind: visitor), \(bind: outcome), \(bind: inspector), \(bind: at))
                        """
                    ).run()
                    try await AuditLog.append(
                        on: db, by: actor, action: "tolerance.visit", objectType: "tolerance", objectID: id.uuidString,
                        after: ["visitedOn": on.description, "visitor": visitor, "outcome": outcome], at: at)
                }
            }
        }
    }
}
