import Domain
import Foundation

/// A seeded generator (SplitMix64): the same seed gives the same demo city on every machine.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uuid() -> UUID {
        let a = next()
        let b = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// Word lists for plausible, fictional names.
enum DemoNames {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文玉兰建国志红海燕晓东亮飞鹏宇婷雪琳波斌浩凯宁欣怡")
    static let brand = Array("华鼎泰瑞恒信达昌盛隆宏远腾飞金銮凯旋龙凤祥和瀚海光明晨星新源博通中天嘉禾百川永安汇丰德润卓越天成万象伟业")
    static let industries: [(word: String, code: String)] = [
        ("线路板", "C3982"), ("电子科技", "C3989"), ("新材料科技", "C3985"), ("精细化工", "C2662"), ("机械制造", "C3499"),
        ("锂电科技", "C3841"), ("食品", "C1499"), ("纺织", "C1713"), ("汽车零部件", "C3670"), ("医药", "C2720"),
        ("建材", "C3021"), ("物流", "G5990"), ("信息技术", "I6510"), ("农业开发", "A0190"), ("文化旅游", "R9030"),
        ("光电", "C3976"), ("包装材料", "C2231"), ("环保科技", "N7721"), ("智能装备", "C3491"), ("商贸", "F5199"),
    ]
    static let suffixes = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"]
    static let uscCharacters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    static func person(_ rng: inout SeededRandom) -> String {
        var name = String(rng.pick(surnames)) + String(rng.pick(given))
        if rng.next() % 3 != 0 { name.append(rng.pick(given)) }
        return name
    }

    /// A valid 统一社会信用代码 issued in `region`: 9 (工商) 1 (企业), the region, an organisation
    /// code, and the GB 32100 check character.
    static func uscc(region: String, _ rng: inout SeededRandom) -> String {
        var body = Array("91" + region)
        for _ in 0..<9 { body.append(rng.pick(uscCharacters)) }
        return String(body) + String(USCC.checkCharacter(for: body))
    }

    /// A plausible name; a brand of three characters instead of two when hundreds of thousands
    /// must differ (the province's leads).
    static func enterpriseName(cityWord: String, brandLength: Int = 2, _ rng: inout SeededRandom) -> (name: String, industry: String) {
        let industry = rng.pick(industries)
        let brandName = String((0..<brandLength).map { _ in rng.pick(brand) })
        let name = (rng.next() % 4 == 0 ? "" : cityWord) + brandName + industry.word + rng.pick(suffixes)
        return (name, industry.code)
    }
}
