import Foundation

/// 容错纠错 (SPEC §10, seeds [000] [002]): a case for a cadre who acted boldly for a project — the
/// facts, the local rules' checklist ticked with evidence, the inspector's decision, a public
/// clearing of name (澄清正名) when tolerated, and follow-up visits (回访) to a cadre disciplined.
///
/// The checklist is what "三个区分开来" and the local "十个区别开来" ask of a case: was it for the
/// public interest or for private gain, were the procedures the law requires followed, was there
/// collusion with the enterprise's owner ([000]: "把服务项目建设、支持企业发展与和老板勾肩搭背、搞利益
/// 输送区别开来"), was it an exploration not forbidden before, was the loss made good. The three the
/// rules make decisive must hold, each with its evidence, before a case may be tolerated.
public enum ToleranceCase {
    public enum State: String, CaseIterable, Codable, Sendable {
        /// Facts and checklist being gathered.
        case open
        /// 予以容错: the inspector tolerated it.
        case tolerated
        /// 不予容错: dealt with as a breach; the cadre is visited afterwards.
        case notTolerated

        public var label: String {
            switch self {
            case .open: "调查核实中"
            case .tolerated: "予以容错"
            case .notTolerated: "不予容错"
            }
        }
    }

    public enum Item: String, CaseIterable, Codable, Sendable {
        case publicInterest, noCollusion, notForbidden, exploratory, procedures, collectiveDecision, remedied

        public var label: String {
            switch self {
            case .publicInterest: "出于公心、为推动发展，而非为谋取私利"
            case .noCollusion: "未与企业老板勾肩搭背、搞利益输送"
            case .notForbidden: "上级尚无明确限制，而非明令禁止后我行我素"
            case .exploratory: "因缺乏经验、先行先试出现失误，而非明知故犯"
            case .procedures: "国家法律规定的手续已经办理或正在依法办理（如环评、规划、土地）"
            case .collectiveDecision: "经集体研究决策或按程序请示报告"
            case .remedied: "积极主动纠错，挽回损失、消除影响"
            }
        }

        /// The rule it comes from, as the checklist cites it.
        public var rule: String {
            switch self {
            case .publicInterest: "三个区分开来（第三条）；十个区别开来"
            case .noCollusion: "十个区别开来"
            case .notForbidden: "三个区分开来（第二条）"
            case .exploratory: "三个区分开来（第一条）"
            case .procedures, .collectiveDecision, .remedied: "容错纠错办法"
            }
        }

        /// Must hold, with evidence, for the case to be tolerated.
        public var decisive: Bool { self == .publicInterest || self == .noCollusion || self == .notForbidden }
    }

    public enum Finding: String, CaseIterable, Codable, Sendable {
        case holds, fails, unknown

        public var label: String {
            switch self {
            case .holds: "符合"
            case .fails: "不符合"
            case .unknown: "待核实"
            }
        }
    }

    public struct Check: Equatable, Sendable {
        public var finding: Finding
        public var evidence: String

        public init(finding: Finding, evidence: String) { (self.finding, self.evidence) = (finding, evidence) }
    }

    public static let evidenceLimit = 500
    public static let factsLimit = 4_000

    public enum Problem: Error, Equatable, Sendable {
        /// A finding of 符合 or 不符合 with no evidence.
        case evidenceMissing(Item)
        case evidenceTooLong(Item)
        /// To tolerate, a decisive item does not hold (with evidence).
        case decisiveNotHeld(Item)
        /// The case is decided already.
        case decided
    }

    /// What is wrong with a checklist as ticked: a finding either way needs its evidence.
    public static func problems(_ checks: [Item: Check]) -> [Problem] {
        Item.allCases.compactMap { item -> Problem? in
            guard let check = checks[item] else { return nil }
            let evidence = check.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
            if evidence.count > evidenceLimit { return .evidenceTooLong(item) }
            if check.finding != .unknown, evidence.isEmpty { return .evidenceMissing(item) }
            return nil
        }
    }

    /// What stands in the way of deciding `to`: tolerating needs every decisive item to hold with
    /// its evidence; refusing to tolerate needs nothing more than the facts on file.
    public static func problems(deciding to: State, from state: State, checks: [Item: Check]) -> [Problem] {
        guard state == .open, to != .open else { return [.decided] }
        guard to == .tolerated else { return [] }
        return Item.allCases.filter(\.decisive).compactMap { item in
            let check = checks[item]
            let evidence = check?.evidence.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return check?.finding == .holds && !evidence.isEmpty ? nil : .decisiveNotHeld(item)
        }
    }

    /// A disciplined cadre is visited again and again [002]: due when no visit has been made in
    /// the `months` months before `today` (the first is due from the decision on).
    public static func visitDue(decidedOn: CivilDate, visits: [CivilDate], today: CivilDate, months: Int = 6) -> Bool {
        let last = visits.max() ?? decidedOn
        return today.dayNumber - last.dayNumber >= months * 30 || (visits.isEmpty && today.dayNumber - decidedOn.dayNumber >= 30)
    }
}
