/// Folding of typed text before it is compared or parsed: amounts ("５亿") and names alike, so it
/// sits in the shared kernel rather than in the registry that first needed it.
public enum TextFold {
    /// Width, brackets, spaces, case and traditional forms folded; nothing removed.
    /// Used for search text and display-independent comparison.
    public static func fold(_ raw: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(raw.unicodeScalars.count)
        for scalar in raw.unicodeScalars {
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
