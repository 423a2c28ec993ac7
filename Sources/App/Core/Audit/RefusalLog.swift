import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Every refused write, and every refused read of an object by id, leaves an audit record: who,
/// what (method and route), which object, why (the error code). Bounded so a flood cannot fill
/// the disk: each actor (login, or the address of an anonymous caller) gets `perActor` records a
/// window and the whole process `overall`; what a full budget drops is counted and written with
/// that actor's next record once the window turns.
enum RefusalLog {
    static let window: TimeInterval = 600
    static let perActor = 20
    static let overall = 600

    /// Whether a refusal of this request is one to record.
    static func isRefusal(_ error: AppError, _ request: Request) -> Bool {
        switch error.status {
        case .forbidden: true
        case .notFound: request.route?.path.contains(where: \.isParameter) == true
        case .unauthorized: request.method != .GET && request.method != .HEAD
        default: false
        }
    }

    static func record(_ error: AppError, _ request: Request) async {
        guard isRefusal(error, request) else { return }
        let actor = request.auditActor
        let key = request.currentUser?.login ?? "anonymous@\(actor.ip)"
        let millis = request.clock.millis
        let now = Date(timeIntervalSince1970: Double(millis) / 1_000)
        guard let dropped = request.application.refusalBudget.admit(key, now: now) else { return }
        let route = request.route?.template ?? request.url.path
        let objectID = request.parameters.get("id") ?? "-"
        var detail = ["method": request.method.rawValue, "route": route, "why": error.code]
        if dropped > 0 { detail["droppedBefore"] = String(dropped) }
        let after = detail
        do {
            try await request.writeTransaction { db in
                try await AuditLog.append(
                    on: db, by: actor, action: "refused", objectType: objectType(route), objectID: objectID, after: after, at: millis)
            }
        } catch {
            request.logger.warning("refusal not audited: \(String(describing: error))")
        }
    }

    /// The object's kind from its route: `/api/v1/projects/:id/funds` → projects.
    static func objectType(_ route: String) -> String {
        let parts = route.split(separator: "/").filter { $0 != "api" && $0 != "v1" }
        return parts.first.map(String.init) ?? "-"
    }
}

extension PathComponent {
    fileprivate var isParameter: Bool {
        if case .parameter = self { return true }
        return false
    }
}

/// The counting behind `RefusalLog`'s bound, one per process, made at boot.
final class RefusalBudget: Sendable {
    private struct State {
        var windowStart = Date.distantPast
        var total = 0
        var perActor: [String: Int] = [:]
        /// Dropped in earlier windows, not yet written.
        var dropped: [String: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// nil when the budget is spent (the refusal is counted); otherwise how many of this actor's
    /// refusals were dropped before, to write with this one.
    func admit(_ key: String, now: Date) -> Int? {
        state.withLockedValue { state in
            if now.timeIntervalSince(state.windowStart) >= RefusalLog.window {
                state.windowStart = now
                state.total = 0
                state.perActor = [:]
            }
            let used = state.perActor[key, default: 0]
            guard used < RefusalLog.perActor, state.total < RefusalLog.overall else {
                // the memory of dropped counts is bounded too: the oldest actors are forgotten
                if state.dropped.count < 10_000 || state.dropped[key] != nil { state.dropped[key, default: 0] += 1 }
                return nil
            }
            state.perActor[key] = used + 1
            state.total += 1
            return state.dropped.removeValue(forKey: key) ?? 0
        }
    }
}

extension Application {
    private struct RefusalBudgetKey: StorageKey { typealias Value = RefusalBudget }

    var refusalBudget: RefusalBudget {
        guard let budget = storage[RefusalBudgetKey.self] else { preconditionFailure("the refusal budget is made at boot") }
        return budget
    }

    func installRefusalBudget() { storage[RefusalBudgetKey.self] = RefusalBudget() }
}
