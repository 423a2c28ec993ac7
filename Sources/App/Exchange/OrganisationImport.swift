import Domain
import Fluent
import Foundation
import Vapor

/// 单位导入: a county's list of units (its parks, towns, departments' teams, resident offices), each
/// created through `OrganisationService.insertUnit` as the unit form creates it — its jurisdiction
/// and parent checked, audited. A parent may be a unit of an earlier row of the same file. A unit
/// of the same name in the same jurisdiction is unchanged when it says the same; when it says
/// otherwise the row is an error (moving a unit under another parent is done on its page).
struct UnitImport: ImportKind {
    let name = "units"
    let title = "单位"
    let resource = AccessPolicy.Resource.organisation

    let fields = [
        ImportField("name", "单位名称", .text(maxLength: 60), required: true, synonyms: ["单位名称", "单位", "机构名称", "名称"]),
        ImportField("kind", "单位类型", .text(maxLength: 20), required: true, synonyms: ["单位类型", "类型", "类别"]),
        ImportField("jurisdiction", "所属行政区划", .text(maxLength: 20), synonyms: ["所属行政区划", "行政区划代码", "行政区划", "所在地区", "区县"]),
        ImportField("parent", "上级单位", .text(maxLength: 60), synonyms: ["上级单位", "主管单位", "隶属单位"]),
        ImportField("hostCity", "驻点城市", .text(maxLength: 30), synonyms: ["驻点城市", "驻外城市", "所在城市"]),
    ]

    struct Context: Sendable {
        var user: CurrentUser
        var regions: [String: String]
    }

    func prepare(_ request: Request) async throws -> Context {
        let user = try authorize(request)
        return Context(user: user, regions: try await EnterpriseImport.regions(request))
    }

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let name = values.text("name") ?? ""
        var errors: [String] = []
        let code = EnterpriseImport.division(
            values, row, "jurisdiction", regions: context.regions, fallback: context.user.scope.value, errors: &errors)
        let kind = values.choice("kind", row: row, LedgerWords.unitKinds, noun: "单位类型", label: { $0.label(.zh) }, errors: &errors)
        var parentID: UUID?
        if let parent = values.text("parent") {
            let found = try await Unit.query(on: db).filter(\.$name == parent).within(\.$jurisdictionCode, context.user.scope).limit(2)
                .all()
            if found.count == 1 {
                parentID = found[0].id
            } else {
                errors.append(values.place(row, "parent") + (found.isEmpty ? "辖区内没有名为“\(parent)”的单位" : "辖区内有两个名为“\(parent)”的单位，请在单位页设置上级"))
            }
        }
        let key = "unit:\(name)@\(code)"
        guard errors.isEmpty else { return RowApplied(outcome: .error(errors), subject: name, naturalKey: key) }
        let input: UnitInput
        do {
            input = try UnitInput.validate(
                name: name, kind: kind?.rawValue, jurisdictionCode: code, parentID: parentID?.uuidString, hostCity: values.text("hostCity"),
                evaluationSeries: nil, dissolvedOn: nil)
        } catch {
            return RowApplied(
                outcome: .error(ImportMessages.of(error, values, row, keys: ["jurisdictionCode": "jurisdiction", "parentID": "parent"])),
                subject: name, naturalKey: key)
        }
        guard (try? request.authorize(.write, .organisation, in: input.jurisdictionCode)) != nil else {
            return RowApplied(outcome: .error([values.place(row, "jurisdiction") + "\(code) 不在您的辖区内"]), subject: name, naturalKey: key)
        }
        if let existing = try await Unit.query(on: db).filter(\.$name == input.name).filter(\.$jurisdictionCode == input.jurisdictionCode)
            .first()
        {
            let same = existing.kind == input.kind && existing.$parent.id == input.parentID && existing.hostCity == input.hostCity
            return RowApplied(
                outcome: same ? .unchanged : .error([values.place(row, "name") + "已有同名单位，但类型、上级或驻点城市不同：请在单位页修改"]),
                subject: name, naturalKey: key)
        }
        do {
            _ = try await OrganisationService.insertUnit(input, scope: context.user.scope, on: db, by: actor, at: millis)
            return RowApplied(outcome: .create, subject: name, naturalKey: key)
        } catch let error as AppError {
            return RowApplied(
                outcome: .error(ImportMessages.of(error, values, row, keys: ["jurisdictionCode": "jurisdiction", "parentID": "parent"])),
                subject: name, naturalKey: key)
        }
    }

}

/// 人员导入: the people of the importer's units, each created through
/// `OrganisationService.insertPerson` as a cadre without an account (accounts and roles are given
/// one by one by the security administrator: 三员分立). A person of the same name in the same unit
/// is that person: unchanged, or their post and phone updated; a person's move to another unit is a
/// rotation (轮岗), done on their page.
struct PersonImport: ImportKind {
    let name = "persons"
    let title = "人员"
    let resource = AccessPolicy.Resource.organisation

    let fields = [
        ImportField("name", "姓名", .text(maxLength: 30), required: true, synonyms: ["姓名", "名字"]),
        ImportField("unit", "所在单位", .text(maxLength: 60), required: true, synonyms: ["所在单位", "工作单位", "单位名称", "单位"]),
        ImportField("post", "职务", .text(maxLength: 40), synonyms: ["职务", "岗位", "职位"]),
        ImportField("phone", "联系电话", .text(maxLength: 20), synonyms: ["联系电话", "手机号码", "手机", "电话"]),
    ]

    typealias Context = CurrentUser

    func apply(
        _ values: Import.Values, row: Int, context: Context, on db: any Database, request: Request, by actor: AuditActor,
        at millis: Int64
    ) async throws -> RowApplied {
        let name = values.text("name") ?? ""
        let unitName = values.text("unit") ?? ""
        let units = try await Unit.query(on: db).filter(\.$name == unitName).within(\.$jurisdictionCode, context.scope).limit(2).all()
        guard units.count == 1, let unit = units.first, let unitID = unit.id else {
            let message = units.isEmpty ? "辖区内没有名为“\(unitName)”的单位（可先导入单位）" : "辖区内有两个名为“\(unitName)”的单位，请在人员页逐个登记"
            return RowApplied(outcome: .error([values.place(row, "unit") + message]), subject: name)
        }
        let key = "person:\(name)@\(unitID)"
        let subject = "\(unit.name) \(name)"
        guard (try? request.authorize(.write, .organisation, in: unit.jurisdictionCode)) != nil else {
            return RowApplied(outcome: .error([values.place(row, "unit") + "该单位不在您的辖区内"]), subject: subject, naturalKey: key)
        }
        let input: PersonInput
        do {
            input = try PersonInput.validate(
                name: name, unitID: unitID.uuidString, post: values.text("post"), phone: values.text("phone"), login: nil, password: nil,
                creating: true)
        } catch {
            return RowApplied(
                outcome: .error(ImportMessages.of(error, values, row, keys: ["unitID": "unit"])), subject: subject, naturalKey: key)
        }
        do {
            if let existing = try await Person.query(on: db).filter(\.$name == input.name).filter(\.$unit.$id == unitID).first(),
                let id = existing.id
            {
                // what the file leaves out keeps what the directory holds
                var kept = input
                if values.columns["post"] == nil { kept.post = existing.post }
                if values.columns["phone"] == nil { kept.phone = existing.phone }
                kept.login = existing.login
                if kept.post == existing.post && kept.phone == existing.phone {
                    return RowApplied(outcome: .unchanged, subject: subject, naturalKey: key)
                }
                _ = try await OrganisationService.replacePerson(
                    id, kept, hash: nil, expected: existing.version, on: db, by: actor, at: millis)
                return RowApplied(outcome: .update, subject: subject, naturalKey: key)
            }
            _ = try await OrganisationService.insertPerson(input, unit: unitID, roles: [.cadre], hash: nil, on: db, by: actor, at: millis)
            return RowApplied(outcome: .create, subject: subject, naturalKey: key)
        } catch let error as AppError {
            return RowApplied(outcome: .error(ImportMessages.of(error, values, row)), subject: subject, naturalKey: key)
        }
    }
}
