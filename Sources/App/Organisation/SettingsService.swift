import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// A jurisdiction's own rules with the day each takes effect (`JurisdictionSettings`,
/// `SettingsSchedule`): the bureau sets them, everyone's clock, threshold and stall list read
/// them. Entries are added (or replaced while still in the future), never rewritten once in
/// effect; every change is audited with what it replaced.
struct SettingsService {
    let request: Request

    static let cacheKey = ShortCache.writeSensitive + "jurisdiction-settings"

    struct Row: Decodable, Sendable {
        var jurisdictionCode: String
        var effectiveFrom: String
        var clockTiers: String
        var majorThresholdMinor: Int64
        var signedNotStartedDays: Int
        var quietDays: Int
        var note: String
        var setBy: String
        var setAt: Int64

        enum CodingKeys: String, CodingKey {
            case note
            case jurisdictionCode = "jurisdiction_code", effectiveFrom = "effective_from", clockTiers = "clock_tiers"
            case majorThresholdMinor = "major_threshold_minor", signedNotStartedDays = "signed_not_started_days"
            case quietDays = "quiet_days", setBy = "set_by", setAt = "set_at"
        }

        var entry: SettingsSchedule.Entry? {
            guard let code = try? JurisdictionCode(jurisdictionCode), let from = CivilDate(effectiveFrom),
                let tiers = try? JSONDecoder().decode([JurisdictionSettings.ClockTier].self, from: Data(clockTiers.utf8))
            else { return nil }
            return .init(
                jurisdiction: code, effectiveFrom: from,
                settings: JurisdictionSettings(
                    clockTiers: tiers, majorThresholdMinorUnits: majorThresholdMinor, signedNotStartedDays: signedNotStartedDays,
                    quietDays: quietDays))
        }
    }

    /// Every row (a few per jurisdiction), newest first.
    static func rows(on db: any Database) async throws -> [Row] {
        try await db.sql.raw("SELECT * FROM jurisdiction_settings ORDER BY jurisdiction_code, effective_from DESC").all(decoding: Row.self)
    }

    /// The whole schedule, kept five seconds like the board's figures and dropped by any write
    /// of this process (another node sees a change within five seconds).
    static func schedule(_ request: Request) async throws -> SettingsSchedule {
        let db = request.db
        return try await request.application.shortCache.value(cacheKey, ttl: 5) {
            SettingsSchedule(try await rows(on: db).compactMap(\.entry))
        }
    }

    /// The settings that hold for a jurisdiction on a day.
    static func inEffect(_ request: Request, for code: String, on date: CivilDate) async throws -> JurisdictionSettings {
        guard let parsed = try? JurisdictionCode(code) else { return .standard }
        return try await schedule(request).inEffect(for: parsed, on: date).settings
    }

    /// The bureau sets the rules of its jurisdiction (or of one inside it) from a day on.
    func set(_ code: String, from: CivilDate, _ settings: JurisdictionSettings, note raw: String) async throws -> Row {
        let user = try request.authorize(.manage, .settings, in: code)
        guard let parsed = try? JurisdictionCode(code), try await Jurisdiction.find(code, on: request.db) != nil else {
            throw AppError.notFound
        }
        var errors = Self.messages(settings.problems())
        let note = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty || note.count > 200 || note.hasControlCharacters {
            errors["note"] = .init(
                zh: "请写明调整依据（如文件号，不超过 200 字）。", en: "Say on what authority (at most 200 characters).")
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let today = request.clock.today
        let actor = request.auditActor
        let millis = request.clock.millis
        let tiers = String(decoding: try JSONEncoder().encode(settings.clockTiers), as: UTF8.self)
        return try await request.writeTransaction { db in
            let rows = try await Self.rows(on: db)
            let schedule = SettingsSchedule(rows.compactMap(\.entry))
            do throws(SettingsSchedule.DateProblem) { try schedule.checkEffectiveDate(from, for: parsed, today: today) } catch {
                throw AppError.validation(["effectiveFrom": Self.message(error)])
            }
            let replaced = rows.first { $0.jurisdictionCode == code && $0.effectiveFrom == from.description }
            let before = schedule.inEffect(for: parsed, on: from)
            let sql = db.sql
            if replaced != nil {
                try await sql.raw(
                    "DELETE FROM jurisdiction_settings WHERE jurisdiction_code = \(bind: code) AND effective_from = \(bind: from.description)"
                ).run()
            }
            try await sql.raw(
                """
                INSERT INTO jurisdiction_settings (jurisdiction_code, effective_from, clock_tiers, major_threshold_minor,
                  signed_not_started_days, quiet_days, note, set_by, set_at)
                VALUES (\(bind: code), \(bind: from.description), \(bind: tiers), \(bind: settings.majorThresholdMinorUnits),
                  \(bind: settings.signedNotStartedDays), \(bind: settings.quietDays), \(bind: note), \(bind: user.personID.uuidString),
                  \(bind: millis))
                """
            ).run()
            try await AuditLog.append(
                on: db, by: actor, action: replaced == nil ? "settings.set" : "settings.replace", objectType: "jurisdiction",
                objectID: code, before: Audited(from: before.source?.effectiveFrom.description, before.settings),
                after: Audited(from: from.description, settings, note: note), at: millis)
            return Row(
                jurisdictionCode: code, effectiveFrom: from.description, clockTiers: tiers,
                majorThresholdMinor: settings.majorThresholdMinorUnits, signedNotStartedDays: settings.signedNotStartedDays,
                quietDays: settings.quietDays, note: note, setBy: user.personID.uuidString, setAt: millis)
        }
    }

    /// What the audit record keeps of a setting: the whole rule and the day it holds from.
    struct Audited: Encodable, Sendable {
        var effectiveFrom: String?
        var settings: JurisdictionSettings
        var note: String?

        init(from: String?, _ settings: JurisdictionSettings, note: String? = nil) {
            (effectiveFrom, self.settings, self.note) = (from, settings, note)
        }
    }
}
