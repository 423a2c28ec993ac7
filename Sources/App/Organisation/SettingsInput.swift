import Domain
import Vapor

/// A jurisdiction's settings as the form and the API send them, and the messages every problem
/// of `JurisdictionSettings` and `SettingsSchedule` shows on its field.
extension SettingsService {
    /// The form: amounts typed as a bureau writes them ("1亿", "1000万"), days as numbers.
    struct FormBody: Content {
        /// The jurisdiction the setting is for (the page's; the user's own when absent).
        var jurisdiction: String?
        var effectiveFrom: String?
        var tier1Minimum: String?
        var tier2Minimum: String?
        var tier1Respond: String?
        var tier1Assess: String?
        var tier1Feedback: String?
        var tier2Respond: String?
        var tier2Assess: String?
        var tier2Feedback: String?
        var tier3Respond: String?
        var tier3Assess: String?
        var tier3Feedback: String?
        var majorThreshold: String?
        var signedNotStartedDays: String?
        var quietDays: String?
        var note: String?

        /// The settings typed, with every field that did not parse named at once.
        func parsed() throws -> (CivilDate, JurisdictionSettings) {
            var errors: [String: AppError.Message] = [:]
            func amount(_ raw: String?, _ field: String) -> Int64 {
                do { return try MoneyInput.amount(raw, currency: .cny, field: field)?.minorUnits ?? -1 } catch {
                    errors[field] = (error as? AppError)?.fields[field] ?? SettingsService.amountMessage
                    return -1
                }
            }
            func days(_ raw: String?, _ field: String) -> Int {
                guard let value = Int((raw ?? "").trimmingCharacters(in: .whitespaces)) else {
                    errors[field] = .init(zh: "请填写天数（整数）。", en: "A whole number of days.")
                    return -1
                }
                return value
            }
            let date = CivilDate((effectiveFrom ?? "").trimmingCharacters(in: .whitespaces))
            if date == nil { errors["effectiveFrom"] = .init(zh: "生效日期格式如 2027-01-01。", en: "A date like 2027-01-01.") }
            let minima = [amount(tier1Minimum, "tier1Minimum"), amount(tier2Minimum, "tier2Minimum"), 0]
            let typed = [
                [tier1Respond, tier1Assess, tier1Feedback], [tier2Respond, tier2Assess, tier2Feedback],
                [tier3Respond, tier3Assess, tier3Feedback],
            ]
            let tiers = typed.enumerated().map { index, values in
                let d = values.map { days($0, "tier\(index + 1)Days") }
                return JurisdictionSettings.ClockTier(
                    minimumMinorUnits: minima[index], respondDays: d[0], assessDays: d[1], feedbackDays: d[2])
            }
            let settings = JurisdictionSettings(
                clockTiers: tiers, majorThresholdMinorUnits: amount(majorThreshold, "majorThreshold"),
                signedNotStartedDays: days(signedNotStartedDays, "signedNotStartedDays"), quietDays: days(quietDays, "quietDays"))
            guard errors.isEmpty, let date else { throw AppError.validation(errors) }
            return (date, settings)
        }
    }

    /// The API: the settings as `JurisdictionSettings` writes them (amounts in CNY minor units,
    /// days as integers) and the authority for the change.
    struct APIBody: Content {
        var clockTiers: [JurisdictionSettings.ClockTier]
        var majorThresholdMinorUnits: Int64
        var signedNotStartedDays: Int
        var quietDays: Int
        var note: String

        var settings: JurisdictionSettings {
            JurisdictionSettings(
                clockTiers: clockTiers, majorThresholdMinorUnits: majorThresholdMinorUnits, signedNotStartedDays: signedNotStartedDays,
                quietDays: quietDays)
        }
    }

    static let amountMessage = AppError.Message(zh: "金额格式如 1亿、5000万。", en: "An amount like 1亿 or 5000万.")

    /// One message per field: the first problem found there.
    static func messages(_ problems: [JurisdictionSettings.Problem]) -> [String: AppError.Message] {
        problems.reversed().reduce(into: [:]) { fields, problem in fields.merge(message(problem)) { $1 } }
    }

    static func message(_ problem: JurisdictionSettings.Problem) -> [String: AppError.Message] {
        let range = "100万元至1000亿元"
        return switch problem {
        case .tierCount: ["clockTiers": .init(zh: "响应时限须分三档。", en: "Exactly three tiers.")]
        case .tierMinimum(let tier) where tier == 3: ["clockTiers": .init(zh: "第三档从 0 元起。", en: "The third tier starts at 0.")]
        case .tierMinimum(let tier):
            [
                "tier\(tier)Minimum": .init(
                    zh: tier == 1 ? "第一档起点须在\(range)之间，且高于第二档。" : "第二档起点须在\(range)之间，且低于第一档。",
                    en: "Tier \(tier)'s minimum lies within 100万–1000亿元 and below the tier above.")
            ]
        case .tierDays(let tier): ["tier\(tier)Days": .init(zh: "时限为 1 至 60 个工作日。", en: "1 to 60 working days.")]
        case .stepsOutOfOrder(let tier):
            ["tier\(tier)Days": .init(zh: "须依次为：首次响应 ≤ 评估 ≤ 反馈。", en: "Respond ≤ assess ≤ feedback.")]
        case .slowerThanSmaller(let tier):
            [
                "tier\(tier)Days": .init(
                    zh: "金额较大的线索时限不能长于下一档。", en: "A larger lead is not answered more slowly than the tier below.")
            ]
        case .majorThreshold: ["majorThreshold": .init(zh: "重大项目标准须在\(range)之间。", en: "Within 100万–1000亿元.")]
        case .signedNotStarted: ["signedNotStartedDays": .init(zh: "签约未开工的预警天数为 30 至 1095 天。", en: "30 to 1095 days.")]
        case .quiet: ["quietDays": .init(zh: "无动态预警天数为 7 至 365 天。", en: "7 to 365 days.")]
        }
    }

    static func message(_ problem: SettingsSchedule.DateProblem) -> AppError.Message {
        switch problem {
        case .inPast(let today):
            .init(
                zh: "生效日期不能早于今天（\(today)）：已按原规则作出的时限和判定保持不变。",
                en: "Not before today (\(today)): what was decided under the old rule stands.")
        case .tooFar(let latest):
            .init(zh: "生效日期最迟为 \(latest)。", en: "At the latest \(latest).")
        case .alreadyInForce(let day):
            .init(
                zh: "\(day) 起的设置今天已生效，不能修改；请以明天或以后的日期另立设置。",
                en: "The setting from \(day) is in effect and kept; date a new one tomorrow or later.")
        }
    }
}
