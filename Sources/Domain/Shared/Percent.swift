/// Shares as bulletins print them: tenths of a percent, rounded half up, "73.7%".
public enum Percent {
    /// `part` of `whole` in tenths of a percent (737 = 73.7%); nil when the whole is not positive
    /// or the part is negative, where a share means nothing.
    public static func permille(_ part: Int64, of whole: Int64) -> Int64? {
        guard whole > 0, part >= 0 else { return nil }
        return (part * 2_000 / whole + 1) / 2
    }

    /// 737 → "73.7%"; nil → "—".
    public static func text(_ permille: Int64?) -> String {
        guard let permille else { return "—" }
        return "\(permille / 10).\(permille % 10)%"
    }
}
