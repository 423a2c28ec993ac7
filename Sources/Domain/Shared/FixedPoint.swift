/// Decimal figures as cadres type them, read exactly to a fixed number of places: land to the
/// tenth of a 亩 ("12.5" → 125), credit shares to the basis point ("33.33" → 3333), rates to the
/// ten-thousandth ("7.0982" → 70982). No floating point, no signs, no more places than allowed.
public enum FixedPoint {
    public static func parse(_ raw: String, places: Int, maxWhole: Int64) -> Int64? {
        let parts = raw.trimmingSpaces().split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 15, parts[0].allSatisfy(\.isASCIIDigitCharacter),
            let whole = Int64(parts[0]), whole <= maxWhole
        else { return nil }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        guard parts.count == 2 else { return whole * scale }
        let digits = parts[1]
        guard (1...max(1, places)).contains(digits.count), places > 0, digits.allSatisfy(\.isASCIIDigitCharacter), let value = Int64(digits)
        else { return nil }
        var unit = scale
        for _ in 0..<digits.count { unit /= 10 }
        return whole * scale + value * unit
    }
}
