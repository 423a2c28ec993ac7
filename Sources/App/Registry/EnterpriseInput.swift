import Domain
import Foundation
import Vapor

/// What a person may set on an enterprise, from the web form or the API (an allow-list: nothing
/// else of the model can be written).
struct EnterpriseInput: Sendable {
    var uscc: String
    var name: String
    var formerNames: [String]
    var legalRepresentative: String
    var industryCode: String
    var regionCode: String
    var registeredCapital: Money
    var tags: [EnterpriseTag]
    var attracted: Bool

    /// Checks every field and collects all problems at once, in Chinese and English.
    static func validate(
        uscc: String?, name: String?, formerNames: [String], legalRepresentative: String?, industryCode: String?,
        regionCode: String?, capital: Result<Money, AppError.Message>, tags: [String], attracted: Bool
    ) throws(AppError) -> EnterpriseInput {
        try AppError.checkText([
            "uscc": uscc, "name": name, "formerNames": formerNames.joined(), "legalRepresentative": legalRepresentative,
            "industryCode": industryCode, "regionCode": regionCode,
        ])
        var errors: [String: AppError.Message] = [:]
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["name"] = .required("企业名称", "Name") }
        if name.count > 100 { errors["name"] = .tooLong("企业名称", "Name", 100) }
        var code = ""
        let rawUSCC = (uscc ?? "").trimmingCharacters(in: .whitespaces)
        if !rawUSCC.isEmpty {
            do { code = try USCC(validating: rawUSCC).value } catch { errors["uscc"] = Self.message(for: error) }
        }
        let former = formerNames.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if former.count > 10 || former.contains(where: { $0.count > 100 }) {
            errors["formerNames"] = .init(zh: "曾用名最多 10 个，每个不超过 100 字。", en: "At most 10 former names of 100 characters each.")
        }
        let legal = (legalRepresentative ?? "").trimmingCharacters(in: .whitespaces)
        if legal.count > 50 { errors["legalRepresentative"] = .tooLong("法定代表人", "Legal representative", 50) }
        let industry = (industryCode ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if !industry.isEmpty, !Self.isIndustryCode(industry) {
            errors["industryCode"] = .init(
                zh: "行业代码应为 GB/T 4754 门类字母加 2–4 位数字，如 C3982。",
                en: "Industry code must be a GB/T 4754 section letter and 2–4 digits, e.g. C3982.")
        }
        let region = (regionCode ?? "").trimmingCharacters(in: .whitespaces)
        if (try? JurisdictionCode(region)) == nil {
            errors["regionCode"] = .init(zh: "请选择所属地区（6 位行政区划代码）。", en: "Choose the region (a 6-digit division code).")
        }
        var capitalValue = Money(minorUnits: 0)
        switch capital {
        case .success(let money): capitalValue = money
        case .failure(let message): errors["registeredCapital"] = message
        }
        var tagValues: [EnterpriseTag] = []
        for raw in tags where !raw.isEmpty {
            guard let tag = EnterpriseTag(rawValue: raw) else {
                errors["tags"] = .init(zh: "未知的企业标签：\(raw)", en: "Unknown tag: \(raw)")
                continue
            }
            if !tagValues.contains(tag) { tagValues.append(tag) }
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return EnterpriseInput(
            uscc: code, name: name, formerNames: former, legalRepresentative: legal, industryCode: industry,
            regionCode: region, registeredCapital: capitalValue, tags: tagValues, attracted: attracted)
    }

    static func isIndustryCode(_ code: String) -> Bool {
        let chars = Array(code)
        guard let first = chars.first, ("A"..."T").contains(first) else { return false }
        let digits = chars.dropFirst()
        return (2...4).contains(digits.count) && digits.allSatisfy { $0.isNumber && $0.isASCII }
    }

    static func message(for problem: USCC.Problem) -> AppError.Message {
        switch problem {
        case .wrongLength(let count):
            .init(zh: "统一社会信用代码应为 18 位，您输入了 \(count) 位。", en: "A USCC has 18 characters; this has \(count).")
        case .invalidCharacter(let position, let character):
            .init(
                zh: "第 \(position) 位“\(character)”不是有效字符（不使用 I、O、Z、S、V）。",
                en: "Character \(position) '\(character)' is not allowed (I, O, Z, S, V are never used).")
        case .regionNotDigits(let position):
            .init(zh: "第 \(position) 位应为数字（第 3–8 位是行政区划代码）。", en: "Character \(position) must be a digit (3–8 are the division code).")
        case .wrongCheckCharacter(let expected, let found):
            .init(
                zh: "第 18 位校验码错误：按前 17 位应为“\(expected)”，而不是“\(found)”。请核对前 17 位是否有误。",
                en: "Character 18 (check) should be '\(expected)', not '\(found)': check the first 17.")
        }
    }

}

/// The API and audit view of an enterprise.
struct EnterpriseDTO: Content {
    var id: UUID
    var uscc: String?
    var name: String
    var formerNames: [String]
    var legalRepresentative: String
    var industryCode: String
    var regionCode: String
    var registeredCapital: Money
    var registeredCapitalText: String
    var tags: [EnterpriseTag]
    var attracted: Bool
    var version: Int

    init(
        id: UUID, uscc: String?, name: String, formerNames: [String], legalRepresentative: String, industryCode: String,
        regionCode: String, registeredCapital: Money, tags: [EnterpriseTag], attracted: Bool, version: Int
    ) {
        self.id = id
        self.uscc = uscc
        self.name = name
        self.formerNames = formerNames
        self.legalRepresentative = legalRepresentative
        self.industryCode = industryCode
        self.regionCode = regionCode
        self.registeredCapital = registeredCapital
        self.registeredCapitalText = ChineseAmount.format(registeredCapital)
        self.tags = tags
        self.attracted = attracted
        self.version = version
    }

    init(_ enterprise: Enterprise) {
        id = enterprise.id ?? UUID()
        uscc = enterprise.uscc
        name = enterprise.name
        formerNames = enterprise.formerNameList
        legalRepresentative = enterprise.legalRepresentative
        industryCode = enterprise.industryCode
        regionCode = enterprise.regionCode
        registeredCapital = enterprise.registeredCapital
        registeredCapitalText = ChineseAmount.format(enterprise.registeredCapital)
        tags = enterprise.tags
        attracted = enterprise.attracted
        version = enterprise.version
    }
}
