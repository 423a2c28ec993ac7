import Domain
import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// The deployment's rule for robot addresses (`RobotAddress`): `ROBOT_HOSTS` (comma-separated;
/// `.example.gov.cn` for a domain) adds hosts to WeCom's and DingTalk's. Tests lift https and the
/// internal-address check for their local robot only.
struct RobotPolicy: Sendable {
    var allowed: [String]
    var requireHTTPS = true
    var allowInternal = false

    static func fromEnvironment() -> RobotPolicy {
        let hosts = (Environment.get("ROBOT_HOSTS") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return RobotPolicy(allowed: hosts.filter { !$0.isEmpty })
    }

    /// The host, if the URL is acceptable and the host does not resolve into the network. A name
    /// that does not resolve now is accepted (the delivery checks again).
    func check(_ url: String) async throws(RobotAddress.Problem) -> String {
        let host = try RobotAddress.host(of: url, allowed: allowed, requireHTTPS: requireHTTPS)
        guard !allowInternal else { return host }
        for address in await Self.resolve(host) where !RobotAddress.isPublic(address) {
            throw .internalAddress(address)
        }
        return host
    }

    /// The addresses a name resolves to (an address literal resolves to itself).
    static func resolve(_ host: String) async -> [String] {
        await Task.detached {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var result: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
            defer { freeaddrinfo(first) }
            var addresses: [String] = []
            var cursor: UnsafeMutablePointer<addrinfo>? = first
            while let info = cursor {
                var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0
                {
                    addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                cursor = info.pointee.ai_next
            }
            return addresses
        }.value
    }

    static func message(_ problem: RobotAddress.Problem) -> AppError {
        switch problem {
        case .notHTTPS, .tooLong:
            AppError.field("url", zh: "机器人地址应以 https:// 开头（留空则停用）。", en: "The robot address starts with https:// (empty to stop).")
        case .hostNotAllowed(let host):
            AppError.field(
                "url", zh: "只接受企业微信、钉钉的群机器人地址或本系统允许的地址（\(host.prefix(60)) 不在其中）。",
                en: "Only WeCom, DingTalk or allowed robot hosts (\(host.prefix(60)) is not one).")
        case .internalAddress:
            AppError.field("url", zh: "机器人地址指向内部网络，不予接受。", en: "The robot address points into the internal network.")
        }
    }
}

extension Application {
    private struct RobotPolicyKey: StorageKey { typealias Value = RobotPolicy }
    var robotPolicy: RobotPolicy {
        get { storage[RobotPolicyKey.self] ?? .fromEnvironment() }
        set { storage[RobotPolicyKey.self] = newValue }
    }
}
