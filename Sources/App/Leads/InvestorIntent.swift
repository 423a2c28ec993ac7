import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 投资意向登记: what an investor leaves on the public page, without an account. The bureau turns
/// it into a lead (channel `publicForm`) or sets it aside.
final class InvestorIntent: Model, @unchecked Sendable {
    static let schema = "investor_intents"
    enum Status: String, Codable, Sendable { case new, converted, dismissed }

    @ID var id: UUID?
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "company") var company: String
    @Field(key: "contact") var contact: String
    @Field(key: "phone") var phone: String
    @Field(key: "investment_text") var investmentText: String
    @Field(key: "industry") var industry: String
    @Field(key: "message") var message: String
    /// A digest of the sender's address, for the rate limit; the address itself is not kept.
    @Field(key: "source_key") var sourceKey: String
    @Field(key: "submitted_at") var submittedAt: Int64
    @Field(key: "status") var status: Status
    @OptionalField(key: "lead_id") var leadID: UUID?
    @OptionalField(key: "handled_by") var handledBy: UUID?

    init() {}
}

/// Taking intents in (with a limit per sender and per day, counted in the database so that every
/// node agrees) and the bureau's handling of them.
struct IntentService {
    let request: Request

    struct Input: Sendable {
        var jurisdiction: String
        var company: String
        var contact: String
        var phone: String
        var investment: String
        var industry: String
        var message: String
    }

    func submit(_ input: Input) async throws {
        var errors: [String: AppError.Message] = [:]
        func text(_ value: String, _ field: String, _ zh: String, _ en: String, max: Int, required: Bool) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if required, trimmed.isEmpty { errors[field] = .required(zh, en) }
            if trimmed.count > max || trimmed.hasControlCharacters { errors[field] = .tooLong(zh, en, max) }
            return trimmed
        }
        let company = text(input.company, "company", "企业名称", "Company", max: 80, required: true)
        let contact = text(input.contact, "contact", "联系人", "Contact", max: 20, required: true)
        let phone = text(input.phone, "phone", "联系电话", "Phone", max: 20, required: true)
        if !phone.isEmpty,
            !phone.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+" || $0 == " ") }) || phone.filter(\.isNumber).count < 7
        {
            errors["phone"] = .init(zh: "请填写有效的电话号码。", en: "A valid phone number.")
        }
        let investment = text(input.investment, "investment", "意向投资额", "Investment", max: 20, required: false)
        if !investment.isEmpty, Self.amount(investment) == nil {
            errors["investment"] = .init(zh: "金额可写作 5000万、2亿、1000万美元。", en: "Write e.g. 5000万, 2亿 or 1000万美元.")
        }
        let industry = text(input.industry, "industry", "行业", "Industry", max: 40, required: false)
        let message = text(input.message, "message", "投资意向说明", "Message", max: 1_000, required: true)
        guard let scope = try? JurisdictionCode(input.jurisdiction),
            try await Jurisdiction.find(scope.value, on: request.db) != nil
        else { throw AppError.field("jurisdiction", zh: "请选择意向投资地。", en: "Choose where to invest.") }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let now = request.clock.millis
        let source = Secrets.digest("intent:" + request.remoteIP)
        let tooMany = AppError(
            code: "rate_limited", status: .tooManyRequests, zh: "提交过于频繁，请稍后再试，或直接致电当地投资促进局。",
            en: "Too many submissions; try again later or call the bureau.")
        let actor = AuditActor(login: "public", ip: request.remoteIP)
        try await request.writeTransaction { db in
            let lastHour = try await InvestorIntent.query(on: db).filter(\.$sourceKey == source).filter(\.$submittedAt > now - 3_600_000)
                .count()
            let lastDay = try await InvestorIntent.query(on: db).filter(\.$jurisdictionCode == scope.value)
                .filter(\.$submittedAt > now - 86_400_000).count()
            guard PublicIntake.allows(senderLastHour: lastHour, jurisdictionLastDay: lastDay) else { throw tooMany }
            let intent = InvestorIntent()
            intent.id = UUID()
            intent.jurisdictionCode = scope.value
            (intent.company, intent.contact, intent.phone) = (company, contact, phone)
            (intent.investmentText, intent.industry, intent.message) = (investment, industry, message)
            intent.sourceKey = source
            intent.submittedAt = now
            intent.status = .new
            try await intent.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "intent.submit", objectType: "investor_intent", objectID: intent.id!.uuidString,
                after: ["company": company, "jurisdiction": scope.value], at: now)
        }
    }

    /// An amount as an investor types it, in the currency it names (1000万美元 [003]) or in yuan.
    static func amount(_ text: String) -> Money? {
        let currency = Currency.allCases.first { $0 != .cny && text.contains($0.unitWord) } ?? .cny
        return try? ChineseAmount.parse(text, currency: currency)
    }

    /// The bureau's inbox: the intents of its jurisdiction still waiting, oldest first.
    func inbox() async throws -> [InvestorIntent] {
        let user = try request.authorize(.manage, .lead)
        return try await InvestorIntent.query(on: request.db).within(\.$jurisdictionCode, user.scope).filter(\.$status == .new)
            .sort(\.$submittedAt).range(..<200).all()
    }

    /// A new intent of the bureau's jurisdiction, or 404.
    func find(_ id: UUID) async throws -> InvestorIntent {
        let user = try request.authorize(.manage, .lead)
        guard let intent = try await InvestorIntent.find(id, on: request.db), intent.status == .new,
            let code = try? JurisdictionCode(intent.jurisdictionCode), user.scope.contains(code)
        else { throw AppError.notFound }
        return intent
    }

    /// Turns an intent into a lead in the bureau's name (the collision check applies), or sets it aside.
    func handle(_ id: UUID, convert: Bool) async throws -> Lead? {
        let intent = try await find(id)
        let user = try request.requireUser()
        var lead: Lead?
        if convert {
            let investment = Self.amount(intent.investmentText) ?? Money(minorUnits: 0)
            let notes = "投资意向登记：\(intent.contact) \(intent.phone)；\(intent.industry)；\(intent.message)"
            let input = try LeadInput.validate(
                .init(
                    enterpriseName: intent.company, uscc: nil, industryCode: nil, investment: .success(investment), landMu: nil,
                    spaceM2: nil,
                    energyTCE: nil, powerKVA: nil, jobs: nil, channel: LeadChannel.publicForm.rawValue, notes: String(notes.prefix(500)),
                    confirmDuplicate: false))
            lead = try await LeadService(request: request).submit(input)
        }
        let actor = request.auditActor
        let millis = request.clock.millis
        let leadID = lead?.id
        try await request.writeTransaction { db in
            intent.status = convert ? .converted : .dismissed
            intent.leadID = leadID
            intent.handledBy = user.personID
            try await intent.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: convert ? "intent.convert" : "intent.dismiss", objectType: "investor_intent",
                objectID: id.uuidString, after: ["lead": leadID?.uuidString ?? ""], at: millis)
        }
        return lead
    }
}
