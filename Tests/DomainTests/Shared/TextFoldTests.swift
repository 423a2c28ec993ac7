import Foundation
import Testing

@testable import Domain

/// The fold reads scalar by scalar for speed; it must say exactly what the plain reading by
/// characters says (below), for every character of the basic plane and the seeds' names.
@Suite("文本归一：逐码位与逐字符一致")
struct TextFoldTests {
    /// The fold as first written: by Character, a String for each.
    static func plain(_ raw: String) -> String {
        var out = ""
        for scalar in raw.precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark, .control: continue
            default: break
            }
            var value = scalar.value
            if value == 0x3000 { continue }
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            guard let folded = Unicode.Scalar(value) else { continue }
            let char = Character(folded)
            if char.isWhitespace { continue }
            switch char {
            case "【", "〔", "[", "{", "〈", "《": out.append("(")
            case "】", "〕", "]", "}", "〉", "》": out.append(")")
            default:
                if let simple = TraditionalChinese.simplified[char] {
                    out.append(simple)
                } else {
                    out.append(contentsOf: String(char).lowercased())
                }
            }
        }
        return out
    }

    @Test func everyCharacterOfTheBasicPlaneFoldsAsBefore() {
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if TextFold.fold(text) != Self.plain(text) { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    @Test func theSeedsNamesFoldAsBefore() {
        let names = [
            "湖北偉德線路板有限公司（籌）", "湖北伟德线路板有限公司", "ＡＢＣ　科技【荆门】有限公司", "荆门\u{200B}华兴电子", "Café Ａ-１ Co.,Ltd.",
            "钜派投资（上海）", "鉅大", "e\u{301}lan", "ǅ", "İstanbul 贸易", "５亿", "29.14亿元", "中国\tTab\n行",
        ]
        for name in names { #expect(TextFold.fold(name) == Self.plain(name), "\(name)") }
        #expect(TextFold.fold("湖北偉德線路板有限公司（籌）") == "湖北伟德线路板有限公司(筹)")
    }
}
