import App
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        let json = Environment.get("LOG_FORMAT") == "json"
        try LoggingSystem.bootstrap(from: &env) { level in
            { label -> any LogHandler in
                if json { return JSONLogHandler(label: label, level: level) }
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let app = try await Application.make(env)
        do {
            try await configure(app)
            try await Startup.prepare(app)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
