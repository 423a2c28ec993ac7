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
        var out = ""
        let normalized = raw.precomposedStringWithCompatibilityMapping
        out.unicodeScalars.reserveCapacity(normalized.unicodeScalars.count)
        for scalar in normalized.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .nonspacingMark, .enclosingMark, .control: continue
            default: break
            }
            var value = scalar.value
            if value == 0x3000 { continue }  // ideographic space
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }  // full width → ASCII
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
}
