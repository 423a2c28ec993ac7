import Fluent
import Metrics
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// Prometheus metrics at `/metrics`: Vapor reports request counts and latencies by route through
/// swift-metrics; we add the database round trip measured by each health check and each scrape.
enum Metrics {
    private static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped = NIOLockedValueBox(false)

    static func bootstrap(_ app: Application) {
        // swift-metrics may be bootstrapped once per process; tests build many applications
        bootstrapped.withLockedValue { done in
            guard !done else { return }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            done = true
        }
        _ = app
    }

    static let databaseLatency = registry.makeDurationHistogram(
        descriptor: .init(
            namespace: "zhaoshang", metricName: "db_ping", unitName: "seconds", helpText: "Database round trip of the health check"),
        buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(20), .milliseconds(100), .seconds(1)])
    static let databaseUp = registry.makeGauge(
        descriptor: .init(namespace: "zhaoshang", metricName: "db", unitName: "up", helpText: "1 while the database answers"))

    static func scrape(_ request: Request) async throws -> Response {
        _ = await Health.ping(request)
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}

enum Health {
    struct Status: Content {
        var status: String
        var database: String
        var engine: String
    }

    static func ping(_ request: Request) async -> Bool {
        let start = ContinuousClock.now
        let ok = (try? await request.db.sql.raw("SELECT 1 AS one").run()) != nil
        Metrics.databaseLatency.record(ContinuousClock.now - start)
        Metrics.databaseUp.set(Int64(ok ? 1 : 0))
        return ok
    }

    static func check(_ request: Request) async throws -> Response {
        let ok = await ping(request)
        let body = Status(
            status: ok ? "ok" : "unavailable", database: ok ? "reachable" : "unreachable",
            engine: request.application.databaseEngine.rawValue)
        let response = Response(status: ok ? .ok : .serviceUnavailable)
        try response.content.encode(body)
        return response
    }
}
