import Vapor

struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Measures search and page latency (see README)." }
    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.print("bench: not yet")
    }
}
