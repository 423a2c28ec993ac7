import Domain
import Vapor

/// The question a signed-in route asks `AccessPolicy` before anything else: by role, then — for a
/// route naming an object — whether the person may reach that object and, where the route is a
/// deed on it, do that deed. Asked before the body is read, so a refusal does not depend on what
/// was sent (a role that may not report hears 403, another jurisdiction's project is 404, whatever
/// the body). The services ask again when they act.
struct RouteGate: Sendable {
    var resource: AccessPolicy.Resource
    var action: AccessPolicy.Action
    /// The kind of object `:id` names (an `ObjectGates` entry), for a route that reads a body about
    /// one object. A route without a body (GET) finds its object first thing in its handler, so
    /// asking here too would only look it up twice.
    var object: String?
    var deed: AccessPolicy.Deed?
    /// Resources any one of which the action on admits (the import pages: any kind it takes in).
    var alternatives: [AccessPolicy.Resource] = []

    init(_ resource: AccessPolicy.Resource, _ action: AccessPolicy.Action, _ object: String? = nil, _ deed: AccessPolicy.Deed? = nil) {
        self.resource = resource
        self.action = action
        self.object = object
        self.deed = deed
    }

    init(anyOf resources: [AccessPolicy.Resource], _ action: AccessPolicy.Action) {
        self.init(resources[0], action)
        alternatives = Array(resources.dropFirst())
    }

    /// The user may pass: the action on the resource, or on one of the alternatives.
    func admit(_ request: Request) throws {
        for alternative in alternatives where (try? request.authorize(action, alternative)) != nil { return }
        try request.authorize(action, resource)
    }
}

/// How each room finds one of its objects for a person (404 when out of reach, 403 when the deed
/// is not theirs): filled at start-up by the rooms that own the objects (`installExtensions`).
struct ObjectGates: Sendable {
    typealias Check = @Sendable (Request, UUID, RouteGate) async throws -> Void
    var checks: [String: Check] = [:]
}

extension Application {
    private struct ObjectGatesKey: StorageKey { typealias Value = ObjectGates }
    var objectGates: ObjectGates {
        get { storage[ObjectGatesKey.self] ?? ObjectGates() }
        set { storage[ObjectGatesKey.self] = newValue }
    }
}

extension [PathComponent] {
    /// A route's path as registered: `/api/v1/projects/:id/funds`.
    var template: String { "/" + map(\.description).joined(separator: "/") }
}

extension Route {
    /// The route as registered: `/api/v1/projects/:id/funds`.
    var template: String { path.template }
}

/// Enforces `RouteGates`: a route behind login without an entry is refused, so a new route must
/// say which question it asks.
struct RouteGateMiddleware: AsyncMiddleware {
    let gates: [String: RouteGate]
    let signedIn: Set<String>

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { throw AppError.notFound }
        let key = "\(route.method.rawValue) \(route.template)"
        if signedIn.contains(key) {
            _ = try request.requireUser()
            return try await next.respond(to: request)
        }
        guard let gate = gates[key] else {
            request.logger.error("route without a gate: \(key)")
            throw AppError.forbidden
        }
        try gate.admit(request)
        if let kind = gate.object {
            guard let check = request.application.objectGates.checks[kind] else {
                request.logger.error("no object gate for \(kind)")
                throw AppError.forbidden
            }
            guard let id = request.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound }
            try await check(request, id, gate)
        }
        return try await next.respond(to: request)
    }
}
