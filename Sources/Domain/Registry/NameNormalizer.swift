/// The one place that decides whether two enterprise names are "the same enterprise" (SPEC §3).
/// Every duplicate and collision check in the system goes through `key(for:)`.
public enum NameNormalizer {
    /// Legal-form suffixes, longest first so that 股份有限公司 is not left as 股份.
    static let legalSuffixes = [
        "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "合伙企业", "总公司", "分公司",
        "公司", "co.,ltd.", "co.,ltd", "co.ltd", "ltd.", "ltd", "inc.", "inc",
    ]
    /// Markers of an enterprise still being set up (筹备), after folding (every bracket style is
    /// a round one by then): in brackets 筹, 筹备, 筹备组, 筹备处, 筹建, 筹建处; bare, the words that
    /// cannot end a name otherwise. The enterprise is the same one. Longest first.
    static let preparationMarkers: [String] = {
        let words = ["筹备组", "筹备处", "筹建处", "筹备", "筹建", "筹"]
        let bracketed = words.map { "(\($0))" }
        let bare = words.filter { $0 != "筹" }
        return (bracketed + bare).sorted { $0.count > $1.count }
    }()

    /// The comparison key: folded, without the 筹 marker and one legal-form suffix. A name that
    /// is nothing but a legal form (有限公司) keeps it.
    public static func key(for raw: String) -> String {
        var name = TextFold.fold(raw)
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
