import Testing

@testable import Domain

@Suite("群机器人地址")
struct RobotAddressTests {
    @Test func onlyTheKnownRobotHostsOverHTTPSByDefault() throws {
        #expect(try RobotAddress.host(of: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k") == "qyapi.weixin.qq.com")
        #expect(try RobotAddress.host(of: "https://oapi.dingtalk.com/robot/send?access_token=t") == "oapi.dingtalk.com")
        #expect(throws: RobotAddress.Problem.notHTTPS) { try RobotAddress.host(of: "http://qyapi.weixin.qq.com/x") }
        #expect(throws: RobotAddress.Problem.hostNotAllowed("10.0.0.5")) { try RobotAddress.host(of: "https://10.0.0.5/hook") }
        #expect(throws: RobotAddress.Problem.hostNotAllowed("intranet.local")) { try RobotAddress.host(of: "https://intranet.local/x") }
        // a user part cannot smuggle another host behind a known one
        #expect(throws: (any Error).self) { try RobotAddress.host(of: "https://qyapi.weixin.qq.com@10.0.0.5/x") }
        // the deployment's allow-list: a host, or a domain with its subdomains
        #expect(try RobotAddress.host(of: "https://im.jingmen.gov.cn/hook", allowed: [".jingmen.gov.cn"]) == "im.jingmen.gov.cn")
        #expect(throws: (any Error).self) { try RobotAddress.host(of: "https://evil-jingmen.gov.cn/hook", allowed: [".jingmen.gov.cn"]) }
    }

    @Test func internalAddressesAreNotPublic() {
        for address in [
            "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "::1", "::", "fe80::1", "fd00::1", "::ffff:192.168.1.1", "224.0.0.1",
        ] {
            #expect(!RobotAddress.isPublic(address), "\(address)")
        }
        for address in ["101.226.4.6", "172.32.0.1", "203.119.129.1", "2402:4e00::1"] {
            #expect(RobotAddress.isPublic(address), "\(address)")
        }
    }
}

extension RobotAddressTests {
    @Test func theAllowListIgnoresCase() throws {
        #expect(try RobotAddress.host(of: "https://IM.Jingmen.gov.cn/hook", allowed: [".JINGMEN.gov.cn"]) == "im.jingmen.gov.cn")
        #expect(try RobotAddress.host(of: "https://robot.example.cn/x", allowed: ["Robot.Example.CN"]) == "robot.example.cn")
    }
}
