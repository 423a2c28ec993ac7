import Domain
import Foundation
import Vapor

/// What a submitter may set on a lead (an allow-list), validated with every problem at once.
struct LeadInput: Sendable {
    var enterpriseName: String
    var uscc: String?
    var industryCode: String
    var investment: Money
    var landMuTenths: Int
    var spaceM2: Int
    var energyTCE: Int
    var powerKVA: Int
    var jobs: Int
    var channel: LeadChannel
    var notes: String
    /// The submitter was told of an open lead for the same enterprise and submits anyway.
    var confirmDuplicate: Bool
    var contactName = ""
    var contactPhone = ""
    var homeCity = ""
    var projectContent = ""

    struct Raw: Sendable {
        var enterpriseName: String?
        var uscc: String?
        var industryCode: String?
        var investment: Result<Money, AppError.Message>
        var landMu: String?
        var spaceM2: String?
        var energyTCE: String?
        var powerKVA: String?
        var jobs: String?
        var channel: String?
        var notes: String?
        var confirmDuplicate: Bool
        var contactName: String? = nil
        var contactPhone: String? = nil
        var homeCity: String? = nil
        var projectContent: String? = nil
    }

    static func validate(_ raw: Raw) throws(AppError) -> LeadInput {
        try AppError.checkText([
            "enterpriseName": raw.enterpriseName, "uscc": raw.uscc, "industryCode": raw.industryCode, "landMu": raw.landMu,
            "spaceM2": raw.spaceM2, "energyTCE": raw.energyTCE, "powerKVA": raw.powerKVA, "jobs": raw.jobs, "channel": raw.channel,
            "notes": raw.notes, "contactName": raw.contactName, "contactPhone": raw.contactPhone, "homeCity": raw.homeCity,
            "projectContent": raw.projectContent,
        ])
        var errors: [String: AppError.Message] = [:]
        let name = (raw.enterpriseName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["enterpriseName"] = .required("企业名称", "Enterprise") }
        if name.count > 100 { errors["enterpriseName"] = .tooLong("企业名称", "Enterprise", 100) }
        var code: String?
        if let text = raw.uscc?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            do { code = try USCC(validating: text).value } catch { errors["uscc"] = EnterpriseInput.message(for: error) }
        }
        let industry = (raw.industryCode ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !industry.isEmpty, !EnterpriseInput.isIndustryCode(industry) {
            errors["industryCode"] = .init(zh: "行业代码应为 GB/T 4754 门类字母加 2–4 位数字，如 C3982。", en: "Industry code like C3982.")
        }
        var investment = Money(minorUnits: 0)
        switch raw.investment {
        case .success(let money):
            if money.minorUnits <= 0 { errors["investment"] = .init(zh: "请填写意向投资额，如 5亿、8000万。", en: "Intended investment, e.g. 5亿.") }
            investment = money
        case .failure(let message): errors["investment"] = message
        }
        let land = MoneyInput.tenths(raw.landMu)
        if land == nil { errors["landMu"] = .init(zh: "用地面积为数字（亩），最多一位小数，如 120 或 12.5。", en: "Land in mu, e.g. 120 or 12.5.") }
        func count(_ key: String, _ text: String?, max: Int, zh: String) -> Int {
            let value = (text ?? "").trimmingCharacters(in: .whitespaces)
            if value.isEmpty { return 0 }
            guard let number = Int(value), (0...max).contains(number) else {
                errors[key] = .init(zh: "\(zh)应为 0 至 \(max) 的整数。", en: "Must be a whole number 0–\(max).")
                return 0
            }
            return number
        }
        let space = count("spaceM2", raw.spaceM2, max: 10_000_000, zh: "厂房面积")
        let energy = count("energyTCE", raw.energyTCE, max: 100_000_000, zh: "能耗")
        let power = count("powerKVA", raw.powerKVA, max: 100_000_000, zh: "用电负荷")
        let jobs = count("jobs", raw.jobs, max: 1_000_000, zh: "用工")
        let channel = LeadChannel(rawValue: raw.channel ?? "")
        if channel == nil { errors["channel"] = .init(zh: "请选择线索来源。", en: "Choose the source channel.") }
        let notes = (raw.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.count > 1_000 { errors["notes"] = .tooLong("备注", "Notes", 1_000) }
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let (contact, city, content) = (trimmed(raw.contactName), trimmed(raw.homeCity), trimmed(raw.projectContent))
        if contact.count > 30 { errors["contactName"] = .tooLong("联系人", "Contact", 30) }
        if city.count > 30 { errors["homeCity"] = .tooLong("所在城市", "Home city", 30) }
        if content.count > 500 { errors["projectContent"] = .tooLong("项目内容", "Project content", 500) }
        let phone = trimmed(raw.contactPhone)
        if !phone.isEmpty, !Self.isPhone(phone) {
            errors["contactPhone"] = .init(
                zh: "联系电话应为 7–15 位数字，可含区号、“-”或“+”，如 0755-83001234 或 13800138000。",
                en: "A phone number of 7–15 digits, e.g. 0755-83001234.")
        }
        guard errors.isEmpty, let channel, let land else { throw .validation(errors) }
        return LeadInput(
            enterpriseName: name, uscc: code, industryCode: industry, investment: investment, landMuTenths: land, spaceM2: space,
            energyTCE: energy, powerKVA: power, jobs: jobs, channel: channel, notes: notes, confirmDuplicate: raw.confirmDuplicate,
            contactName: contact, contactPhone: phone, homeCity: city, projectContent: content)
    }

    /// A mobile or landline as a card gives it: 7–15 ASCII digits, with "+", "-", spaces or brackets.
    static func isPhone(_ text: String) -> Bool {
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        return (7...15).contains(digits) && text.count <= 24 && text.allSatisfy { ($0.isASCII && $0.isNumber) || "+-() ".contains($0) }
    }

    /// "12.5" → 125 tenths of a 亩; empty is 0; more than one decimal or absurd sizes are refused.
}

/// The API's and the audit log's view of a lead.
struct LeadDTO: Content {
    var id: UUID
    var enterpriseName: String
    var uscc: String?
    var industryCode: String
    var investment: Money
    var investmentText: String
    var landMu: String
    var spaceM2: Int
    var energyTCE: Int
    var powerKVA: Int
    var jobs: Int
    var channel: LeadChannel
    var notes: String
    var status: LeadStatus
    var submitterID: UUID
    var submitterUnitID: UUID
    var collidesWithID: UUID?
    var mergedIntoID: UUID?
    var submittedOn: String
    var respondBy: String
    var assessBy: String
    var feedbackBy: String
    var respondedOn: String?
    var assessedOn: String?
    var feedbackOn: String?
    var decisionNote: String
    var version: Int
    var contactName = ""
    var contactPhone = ""
    var homeCity = ""
    var projectContent = ""
    /// The registry entry the lead is tied to (by its USCC, or its one entry of the same folded name).
    var enterpriseID: UUID? = nil
}

/// Built from the stored record; the memberwise init stays for fixtures (page snapshots).
extension LeadDTO {
    /// 亩 kept in tenths, written as a cadre does: "12" or "12.5".
    static func landMuText(_ tenths: Int) -> String { "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") }

    init(_ lead: Lead) {
        id = lead.id ?? UUID()
        enterpriseName = lead.enterpriseName
        uscc = lead.uscc
        industryCode = lead.industryCode
        investment = lead.investment
        investmentText = ChineseAmount.format(lead.investment)
        landMu = Self.landMuText(lead.landMuTenths)
        spaceM2 = lead.spaceM2
        energyTCE = lead.energyTCE
        powerKVA = lead.powerKVA
        jobs = lead.jobs
        channel = lead.channel
        notes = lead.notes
        status = lead.status
        submitterID = lead.submitterID
        submitterUnitID = lead.submitterUnitID
        collidesWithID = lead.collidesWithID
        mergedIntoID = lead.mergedIntoID
        submittedOn = lead.submittedOn
        respondBy = lead.respondBy
        assessBy = lead.assessBy
        feedbackBy = lead.feedbackBy
        respondedOn = lead.respondedOn
        assessedOn = lead.assessedOn
        feedbackOn = lead.feedbackOn
        decisionNote = lead.decisionNote
        version = lead.version
        (contactName, contactPhone, homeCity, projectContent) = (lead.contactName, lead.contactPhone, lead.homeCity, lead.projectContent)
        enterpriseID = lead.enterpriseID
    }
}
