import Domain
import Foundation
import Vapor

/// `zhaoshang draw-verify --register FILE --digest HEX --count N --seed "03 09 17 22 26 31 / 14"`:
/// re-runs a 双百双评 draw from its published inputs alone — the register as published (one person
/// a line), checked against its published digest, and the seed's sources separated by "/" — and
/// prints the key and the names drawn in order. Exits 1 when the register is not the one published.
struct DrawVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "register", help: "The published register: UTF-8 text, one person a line") var register: String?
        @Option(name: "digest", help: "The register's published SHA-256 (hex)") var digest: String?
        @Option(name: "count", help: "How many were drawn from it") var count: Int?
        @Option(name: "seed", help: "The seed's values, sources separated by / (e.g. \"03 09 17 22 26 31 / 14\")") var seed: String?
    }

    var help: String { "Re-runs a 双百双评 draw (RFC 3797) from the published register, digest and seed." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.register, let text = try? String(contentsOfFile: path, encoding: .utf8), let count = signature.count,
            let seed = signature.seed
        else {
            context.console.error("draw-verify --register FILE --digest HEX --count N --seed \"03 09 17 22 26 31 / 14\"")
            throw ExitCode(2)
        }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let digest = PublicDraw.digest(register: lines)
        if let published = signature.digest?.lowercased(), published != digest {
            context.console.error("名册摘要不一致：公布的是 \(published)，此文件为 \(digest)。")
            throw ExitCode(1)
        }
        let sources = PublicDraw.sources(lines: seed.split(separator: "/").map(String.init))
        do {
            let key = try PublicDraw.key(sources: sources)
            let positions = try PublicDraw.select(count: count, pool: lines.count, key: key)
            context.console.print("名册摘要 \(digest)（\(lines.count) 人）\n密钥 \(key)")
            for (order, position) in positions.enumerated() {
                context.console.print("\(order + 1)\t第 \(position) 位\t\(lines[position - 1])")
            }
        } catch {
            context.console.error("无法抽取：\(error)")
            throw ExitCode(1)
        }
    }
}
