import Domain
import Fluent
import Vapor

/// 包联: the bureau links a leader of its jurisdiction to a key enterprise, and ends the link.
/// One set of checks for the page and the API.
struct LinkageService {
    let request: Request

    @discardableResult
    func add(leader: UUID?, enterpriseName raw: String) async throws -> Linkage {
        let user = try request.authorize(.write, .linkage)
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let leaders = try await DirectoryOptions.leaderOptions(request)
        guard let leader, leaders.contains(where: { $0.value == leader.uuidString }) else {
            throw AppError.field("leader", zh: "请选择本辖区的领导。", en: "Choose a leader of the jurisdiction.")
        }
        guard !name.isEmpty, name.count <= 80, !name.hasControlCharacters else {
            throw AppError.field("enterpriseName", zh: "请填写企业名称（80 字以内）。", en: "Name the enterprise (80 characters at most).")
        }
        let link = Linkage()
        link.id = UUID()
        (link.leaderID, link.enterpriseName, link.nameKey) = (leader, name, NameNormalizer.key(for: name))
        (link.jurisdictionCode, link.since) = (user.scope.value, request.clock.today.description)
        let (actor, millis) = (request.auditActor, request.clock.millis)
        try await request.writeTransaction { db in
            try await link.create(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "linkage.add", objectType: "person", objectID: leader.uuidString, after: ["enterprise": name],
                at: millis)
        }
        return link
    }

    func end(_ id: UUID) async throws {
        let user = try request.authorize(.write, .linkage)
        let (actor, millis, today) = (request.auditActor, request.clock.millis, request.clock.today.description)
        try await request.writeTransaction { db in
            guard let link = try await Linkage.find(id, on: db), link.endedOn == nil,
                user.scope.contains(try JurisdictionCode(link.jurisdictionCode))
            else { throw AppError.notFound }
            link.endedOn = today
            try await link.update(on: db)
            try await AuditLog.append(
                on: db, by: actor, action: "linkage.end", objectType: "person", objectID: link.leaderID.uuidString,
                after: ["enterprise": link.enterpriseName], at: millis)
        }
    }
}
