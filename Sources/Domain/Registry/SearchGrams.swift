/// Substring search over Chinese names without word boundaries: the text is folded
/// (`TextFold.fold`) and cut into overlapping pairs of characters. A query matches when all of
/// its pairs occur in order, which both engines answer from an index (SQLite FTS5 phrase query,
/// PostgreSQL GIN over a text array) and a final substring check confirms.
public enum SearchGrams {
    /// "湖北伟德" → ["湖北", "北伟", "伟德"]; a single character stays one gram.
    public static func grams(_ text: String) -> [String] {
        let chars = Array(TextFold.fold(text)).filter { isIndexable($0) }
        guard chars.count > 1 else { return chars.map { String($0) } }
        return (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }
    }

    /// Distinct grams of all fields, space-separated: the document an index stores.
    public static func document(_ fields: [String]) -> String {
        var seen = Set<String>()
        var out: [String] = []
        for field in fields {
            for gram in grams(field) where seen.insert(gram).inserted { out.append(gram) }
        }
        return out.joined(separator: " ")
    }

    /// The folded query, limited to what the index can hold.
    public static func foldedQuery(_ query: String) -> String {
        String(Array(TextFold.fold(query)).filter { isIndexable($0) }.prefix(40))
    }

    /// Letters and digits of one scalar each: what the engines' tokenizers keep as one token (a
    /// character of several scalars would make an FTS5 phrase, which the index refuses).
    static func isIndexable(_ char: Character) -> Bool {
        (char.isLetter || char.isNumber) && char.unicodeScalars.count == 1
    }
}
