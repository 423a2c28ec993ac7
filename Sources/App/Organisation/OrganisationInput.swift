import Domain
import Foundation
import Vapor

struct UnitInput: Sendable {
    var name: String
    var kind: UnitKind
    var jurisdictionCode: String
    var parentID: UUID?
    var hostCity: String?
    var evaluationSeries: EvaluationSeries?
    var dissolvedOn: String?

    static func validate(
        name: String?, kind: String?, jurisdictionCode: String?, parentID: String?, hostCity: String?,
        evaluationSeries: String?, dissolvedOn: String?
    ) throws(AppError) -> UnitInput {
        try AppError.checkText([
            "name": name, "kind": kind, "jurisdictionCode": jurisdictionCode, "parentID": parentID, "hostCity": hostCity,
            "evaluationSeries": evaluationSeries, "dissolvedOn": dissolvedOn,
        ])
        var errors: [String: AppError.Message] = [:]
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["name"] = .required("单位名称", "Name") }
        if name.count > 60 { errors["name"] = .tooLong("单位名称", "Name", 60) }
        let kind = UnitKind(rawValue: kind ?? "")
        if kind == nil { errors["kind"] = .init(zh: "请选择单位类型。", en: "Choose a unit kind.") }
        let code = (jurisdictionCode ?? "").trimmingCharacters(in: .whitespaces)
        if (try? JurisdictionCode(code)) == nil { errors["jurisdictionCode"] = .init(zh: "请选择所属行政区划。", en: "Choose a jurisdiction.") }
        let parentText = (parentID ?? "").trimmingCharacters(in: .whitespaces)
        let parent = UUID(uuidString: parentText)
        if !parentText.isEmpty, parent == nil { errors["parentID"] = .init(zh: "上级单位不存在。", en: "Unknown parent unit.") }
        let city = (hostCity ?? "").trimmingCharacters(in: .whitespaces)
        if kind?.requiresHostCity == true, city.isEmpty {
            errors["hostCity"] = .init(zh: "驻外招商机构须填写驻在城市，如“深圳”。", en: "A resident office needs its host city, e.g. Shenzhen.")
        }
        if city.count > 30 { errors["hostCity"] = .tooLong("驻在城市", "Host city", 30) }
        let seriesText = evaluationSeries ?? ""
        let series = EvaluationSeries(rawValue: seriesText)
        if !seriesText.isEmpty, series == nil { errors["evaluationSeries"] = .init(zh: "未知的测评系列。", en: "Unknown evaluation series.") }
        let dissolved = (dissolvedOn ?? "").trimmingCharacters(in: .whitespaces)
        if !dissolved.isEmpty, !Self.isDate(dissolved) {
            errors["dissolvedOn"] = .init(zh: "日期格式应为 2026-11-21。", en: "Dates are written 2026-11-21.")
        }
        guard errors.isEmpty, let kind else { throw .validation(errors) }
        return UnitInput(
            name: name, kind: kind, jurisdictionCode: code, parentID: parent,
            hostCity: kind.requiresHostCity ? city : (city.isEmpty ? nil : city), evaluationSeries: series,
            dissolvedOn: dissolved.isEmpty ? nil : dissolved)
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return parts[0].count == 4 && (1990...2100).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }
}

struct PersonInput: Sendable {
    var name: String
    var unitID: UUID
    var post: String
    var phone: String
    var login: String?
    var password: String?

    static func validate(
        name: String?, unitID: String?, post: String?, phone: String?, login: String?, password: String?, creating: Bool
    ) throws(AppError) -> PersonInput {
        try AppError.checkText(["name": name, "unitID": unitID, "post": post, "phone": phone, "login": login, "password": password])
        var errors: [String: AppError.Message] = [:]
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["name"] = .required("姓名", "Name") }
        if name.count > 30 { errors["name"] = .tooLong("姓名", "Name", 30) }
        let unit = UUID(uuidString: unitID ?? "")
        if unit == nil { errors["unitID"] = .init(zh: "请选择所在单位。", en: "Choose a unit.") }
        let post = (post ?? "").trimmingCharacters(in: .whitespaces)
        if post.count > 40 { errors["post"] = .tooLong("职务", "Post", 40) }
        let phone = (phone ?? "").trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty,
            !(phone.count >= 7 && phone.count <= 20 && phone.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }))
        {
            errors["phone"] = .init(zh: "电话号码格式不正确。", en: "Phone number not valid.")
        }
        let login = (login ?? "").trimmingCharacters(in: .whitespaces)
        if !login.isEmpty,
            !(3...32).contains(login.count) || !login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        {
            errors["login"] = .init(zh: "用户名为 3–32 位字母、数字或 - _ .", en: "Login: 3–32 letters, digits or - _ .")
        }
        let password = password ?? ""
        if !password.isEmpty {
            do { try AccountRules.validatePassword(password) } catch {
                errors["password"] = .init(
                    zh: "密码至少 10 位，且包含大写字母、小写字母、数字、符号中的三类。", en: "Passwords have at least 10 characters of three kinds.")
            }
        }
        if creating, !login.isEmpty, password.isEmpty { errors["password"] = .required("初始密码", "Initial password") }
        guard errors.isEmpty, let unit else { throw .validation(errors) }
        return PersonInput(
            name: name, unitID: unit, post: post, phone: phone, login: login.isEmpty ? nil : login,
            password: password.isEmpty ? nil : password)
    }
}

struct UnitDTO: Content {
    var id: UUID
    var name: String
    var kind: UnitKind
    var jurisdictionCode: String
    var parentID: UUID?
    var hostCity: String?
    var evaluationSeries: EvaluationSeries?
    var dissolvedOn: String?
    var version: Int

    init(_ unit: Unit) {
        id = unit.id ?? UUID()
        name = unit.name
        kind = unit.kind
        jurisdictionCode = unit.jurisdictionCode
        parentID = unit.$parent.id
        hostCity = unit.hostCity
        evaluationSeries = unit.evaluationSeries
        dissolvedOn = unit.dissolvedOn
        version = unit.version
    }
}

struct PersonDTO: Content {
    var id: UUID
    var name: String
    var unitID: UUID
    var post: String
    var phone: String
    var login: String?
    var roles: [Role]
    var locked: Bool
    var active: Bool
    var version: Int

    init(_ person: Person, now: Int64) {
        id = person.id ?? UUID()
        name = person.name
        unitID = person.$unit.id
        post = person.post
        phone = person.phone
        login = person.login
        roles = person.roles.sorted()
        locked = AccountRules.isLocked(lockedUntil: person.lockedUntil, now: now)
        active = person.active
        version = person.version
    }
}
