import Foundation

/// Folding of typed text before it is compared or parsed: amounts ("５亿") and names alike, so it
/// sits in the shared kernel rather than in the registry that first needed it.
public enum TextFold {
    /// Compatibility forms (NFKC), width, brackets, spaces, case and traditional forms folded;
    /// invisible format characters (zero-width space and joiner, word joiner, soft hyphen, byte
    /// order mark, direction marks) and combining marks dropped, so 湖北…\u{200B}…有限公司 is the
    /// same enterprise as the plain name and a combining mark cannot reach a search index.
    /// Used for search text and display-independent comparison.
    public static func fold(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in raw.precomposedStringWithCompatibilityMapping.unicodeScalars {
            // scalar by scalar, without a Character or a String for each (an import folds every
            // name several times: this is its hottest loop)
            var value = scalar.value
            if value < 0x80 {
                // ASCII: controls and spaces dropped, brackets made round, letters lowered
                switch value {
                case 0x41...0x5A: value += 0x20
                case 0x5B, 0x7B: value = 0x28
                case 0x5D, 0x7D: value = 0x29
                case 0...0x20, 0x7F: continue
                default: break
                }
                out.append(Unicode.Scalar(UInt8(value)))
                continue
            }
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark, .control: continue
            default: break
            }
            if value == 0x3000 { continue }  // ideographic space
            if (0xFF01...0xFF5E).contains(value) {
                // full width → ASCII, then as ASCII
                value -= 0xFEE0
                switch value {
                case 0x41...0x5A: value += 0x20
                case 0x5B, 0x7B: value = 0x28
                case 0x5D, 0x7D: value = 0x29
                default: break
                }
                out.append(Unicode.Scalar(UInt8(value)))
                continue
            }
            if scalar.properties.isWhitespace { continue }
            switch value {
            case 0x3010, 0x3014, 0x3008, 0x300A: out.append("(")  // 【 〔 〈 《
            case 0x3011, 0x3015, 0x3009, 0x300B: out.append(")")  // 】 〕 〉 》
            default:
                if let simple = TraditionalChinese.simplifiedScalars[value] {
                    out.append(simple)
                } else if scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
