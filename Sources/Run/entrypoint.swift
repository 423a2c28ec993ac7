import App
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        // Tasks run on the server's own event loops instead of a second pool of threads: a page
        // makes a dozen hops between the two (every query and its answer), and on two cores those
        // thread switches were a fifth of the processor (README, "Design notes"). Nothing here
        // blocks a thread with `.wait()`; long work (imports, password hashing) runs off the loops.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
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
        } catch let exit as ExitCode {
            // a command's refusal, already said in words: its code, not a crash
            try? await app.asyncShutdown()
            Foundation.exit(exit.code)
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
