import Domain
import Fluent
import FluentSQL
import Foundation
import Vapor

/// 包联 [002]: a leader linked to a key enterprise. Ended links stay for the record.
final class Linkage: Model, @unchecked Sendable {
    static let schema = "linkages"
    @ID var id: UUID?
    @Field(key: "leader_id") var leaderID: UUID
    @Field(key: "enterprise_name") var enterpriseName: String
    @Field(key: "name_key") var nameKey: String
    @Field(key: "jurisdiction_code") var jurisdictionCode: String
    @Field(key: "since") var since: String
    @OptionalField(key: "ended_on") var endedOn: String?

    init() {}
}

/// Who is behind with their linked enterprises: contacts this month and on-site offices this
/// quarter, read from the leaders' recorded activities with each enterprise.
enum LinkageStanding {
    /// The standing a request asks for (`month=2026-11`, default this month) in the reader's
    /// jurisdiction: for the page, the API and the export alike.
    static func read(_ request: Request) async throws -> (month: CivilDate, lines: [Line]) {
        let user = try request.authorize(.read, .linkage)
        var month = request.clock.today
        if let raw = request.queryValue("month") {
            guard let parsed = CivilDate(raw + "-01") else { throw AppError.field("month", zh: "月份格式为 2026-11。", en: "Month as 2026-11.") }
            month = parsed
        }
        return (month, try await lines(scope: user.scope, month: month, on: request.db))
    }

    struct Line: Sendable {
        var linkageID: UUID
        var leaderID: UUID
        var leaderName: String
        var enterpriseName: String
        var contactsThisMonth: Int
        var onSiteThisQuarter: Int
        var standing: LinkageRule.Standing
    }

    /// The links of the scope, or of one leader wherever they are (their workbench).
    static func lines(
        scope: JurisdictionCode, month: CivilDate, rule: LinkageRule = LinkageRule(), leader: UUID? = nil, on db: any Database
    ) async throws -> [Line] {
        struct LinkRow: Decodable {
            var id: UUID, leaderID: UUID, leaderName: String, enterpriseName: String, nameKey: String
            enum CodingKeys: String, CodingKey {
                case id
                case leaderID = "leader_id", leaderName = "leader_name", enterpriseName = "enterprise_name", nameKey = "name_key"
            }
        }
        struct ContactRow: Decodable {
            var ownerID: UUID, counterpartKey: String, kind: ActivityKind, occurredOn: String
            enum CodingKeys: String, CodingKey {
                case kind
                case ownerID = "owner_id", counterpartKey = "counterpart_key", occurredOn = "occurred_on"
            }
        }
        let whose: SQLQueryString =
            if let leader { "l.leader_id = \(bind: leader)" } else {
                "l.jurisdiction_code >= \(bind: scope.prefix) AND l.jurisdiction_code < \(bind: scope.prefix + "~")"
            }
        let links = try await db.sql.raw(
            """
            SELECT l.id, l.leader_id, p.name AS leader_name, l.enterprise_name, l.name_key FROM linkages l JOIN persons p ON p.id = l.leader_id
            WHERE \(whose) AND l.ended_on IS NULL ORDER BY p.name, l.enterprise_name
            """
        ).all(decoding: LinkRow.self)
        guard !links.isEmpty else { return [] }
        let quarterStart = CivilDate(year: month.year, month: (month.month - 1) / 3 * 3 + 1, day: 1)!
        let monthEnd = CivilDate(year: month.year, month: month.month, day: CivilDate.daysIn(month.month, month.year))!
        let leaders = Array(Set(links.map(\.leaderID)))
        let contacts = try await db.sql.raw(
            """
            SELECT owner_id, counterpart_key, kind, occurred_on FROM activities
            WHERE owner_id IN (\(binds: leaders)) AND occurred_on >= \(bind: quarterStart.description) AND occurred_on <= \(bind: monthEnd.description)
            """
        ).all(decoding: ContactRow.self)
        let byLink = Dictionary(grouping: contacts) { "\($0.ownerID)|\($0.counterpartKey)" }
        return links.map { link in
            let mine = byLink["\(link.leaderID)|\(link.nameKey)"] ?? []
            let onSite = mine.filter { $0.kind == .onSiteOffice }.compactMap { CivilDate($0.occurredOn) }
            let other = mine.filter { $0.kind != .onSiteOffice }.compactMap { CivilDate($0.occurredOn) }
            let standing = rule.standing(month: month, contacts: other, onSite: onSite)
            let inMonth = (other + onSite).filter { $0.year == month.year && $0.month == month.month }.count
            return Line(
                linkageID: link.id, leaderID: link.leaderID, leaderName: link.leaderName, enterpriseName: link.enterpriseName,
                contactsThisMonth: inMonth,
                onSiteThisQuarter: onSite.count, standing: standing)
        }.sorted { ($0.standing.isBehind ? 0 : 1, $0.leaderName) < ($1.standing.isBehind ? 0 : 1, $1.leaderName) }
    }
}
