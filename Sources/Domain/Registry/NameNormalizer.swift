/// The one place that decides whether two enterprise names are "the same enterprise" (SPEC §3).
/// Every duplicate and collision check in the system goes through `key(for:)`.
public enum NameNormalizer {
    /// Legal-form suffixes, longest first so that 股份有限公司 is not left as 股份.
    static let legalSuffixes = [
        "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "合伙企业", "总公司", "分公司",
        "公司", "co.,ltd.", "co.,ltd", "co.ltd", "ltd.", "ltd", "inc.", "inc",
    ]
    /// Markers of an enterprise still being set up (筹备); the enterprise is the same one.
    static let preparationMarkers = ["(筹)", "(筹备)", "筹备组", "(筹建)"]

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

    /// The comparison key: folded, without the 筹 marker and one legal-form suffix. A name that
    /// is nothing but a legal form (有限公司) keeps it.
    public static func key(for raw: String) -> String {
        var name = fold(raw)
        while let marker = preparationMarkers.first(where: { name.hasSuffix($0) && name.count > $0.count }) {
            name.removeLast(marker.count)
        }
        for suffix in legalSuffixes where name.hasSuffix(suffix) {
            let rest = String(name.dropLast(suffix.count))
            if !rest.isEmpty, !legalSuffixes.contains(where: { $0.hasPrefix(rest) }) { name = rest }
            break
        }
        return name
    }

    /// Two names denote the same enterprise.
    public static func same(_ a: String, _ b: String) -> Bool { key(for: a) == key(for: b) }
}
