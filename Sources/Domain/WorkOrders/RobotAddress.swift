/// Where a unit's group robot may be: the robot hosts of WeCom (企业微信) and DingTalk (钉钉) over
/// https, or a host the deployment allows; never an address inside the network (the server would
/// otherwise call wherever a bureau account points it). Names are checked again after DNS: a
/// public name that resolves to a private address is refused too.
public enum RobotAddress {
    public static let knownHosts: Set<String> = ["qyapi.weixin.qq.com", "oapi.dingtalk.com"]

    public enum Problem: Error, Equatable, Sendable {
        case notHTTPS
        case tooLong
        case hostNotAllowed(String)
        case internalAddress(String)
    }

    /// The host of an acceptable robot URL. `allowed` adds hosts (exact, or `.suffix` for a
    /// domain and its subdomains); `requireHTTPS` is only lifted for tests.
    public static func host(of url: String, allowed: [String] = [], requireHTTPS: Bool = true) throws(Problem) -> String {
        guard url.count <= 300 else { throw .tooLong }
        let lower = url.lowercased()
        let scheme = requireHTTPS ? ["https://"] : ["https://", "http://"]
        guard let prefix = scheme.first(where: { lower.hasPrefix($0) }) else { throw .notHTTPS }
        let rest = lower.dropFirst(prefix.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { throw .hostNotAllowed(String(authority)) }
        let host: String
        if authority.hasPrefix("[") {
            host = String(authority.dropFirst().prefix { $0 != "]" })
        } else {
            host = String(authority.prefix { $0 != ":" })
        }
        guard !host.isEmpty else { throw .hostNotAllowed(host) }
        let listed =
            knownHosts.contains(host)
            || allowed.map { $0.lowercased() }.contains { entry in
                entry.hasPrefix(".") ? host.hasSuffix(entry) || host == String(entry.dropFirst()) : host == entry
            }
        guard listed else { throw .hostNotAllowed(host) }
        return host
    }

    /// Whether an address (dotted IPv4 or textual IPv6) lies on the public internet: not loopback,
    /// private, link-local, carrier-grade NAT, unspecified, multicast or reserved.
    public static func isPublic(_ address: String) -> Bool {
        if let v4 = ipv4(address) { return isPublicV4(v4) }
        let text = address.lowercased()
        guard text.contains(":") else { return false }
        if let mapped = text.split(separator: ":").last, text.hasPrefix("::ffff:"), let v4 = ipv4(String(mapped)) { return isPublicV4(v4) }
        if text == "::" || text == "::1" { return false }
        let first = text.split(separator: ":", omittingEmptySubsequences: false).first.flatMap { UInt16($0, radix: 16) } ?? 0
        if first & 0xFE00 == 0xFC00 { return false }  // fc00::/7 unique local
        if first & 0xFFC0 == 0xFE80 { return false }  // fe80::/10 link-local
        if first & 0xFF00 == 0xFF00 { return false }  // multicast
        return true
    }

    static func ipv4(_ text: String) -> [Int]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let numbers = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
        return numbers.count == 4 ? numbers : nil
    }

    static func isPublicV4(_ a: [Int]) -> Bool {
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): false
        case (100, 64...127): false  // carrier-grade NAT
        case (169, 254): false
        case (172, 16...31): false
        case (192, 168): false
        case (192, 0) where a[2] == 0: false
        case (198, 18...19): false
        case (224...255, _): false
        default: true
        }
    }
}
