import Foundation

/// 双百双评's one-time ballot code (SPEC §8): twelve characters from an alphabet without the
/// look-alikes (no 0/O, 1/I/L), printed in three groups of four (`K7QX-M9PW-A3RT`), about 60 bits —
/// guessing one of a campaign's 200 is hopeless, and a copy of the database, which keeps only each
/// code's SHA-256 bound to its campaign, cannot be turned back into codes that vote. A code names
/// no person: slips are printed in a shuffled order and handed out by hand.
public enum BallotCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let length = 12

    /// A fresh code, grouped for print.
    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> String {
        let raw = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        return grouped(raw)
    }

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// "k7qx m9pw a3rt", "K7QX-M9PW-A3RT" and full-width forms read alike; anything that cannot be
    /// a code is nil (refused without looking anything up).
    public static func normalize(_ typed: String) -> String? {
        var raw = ""
        for scalar in typed.unicodeScalars {
            var value = scalar.value
            // full-width ASCII (Ａ, ７) as typed on a Chinese keyboard
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            guard let plain = Unicode.Scalar(value) else { return nil }
            let char = Character(plain).uppercased()
            if char == "-" || char == " " || char == "\u{3000}" || char == "—" { continue }
            guard char.count == 1, let c = char.first, alphabet.contains(c) else { return nil }
            raw.append(c)
            if raw.count > length { return nil }
        }
        return raw.count == length ? grouped(raw) : nil
    }

    static func grouped(_ raw: String) -> String {
        let chars = Array(raw)
        return stride(from: 0, to: chars.count, by: 4).map { String(chars[$0..<min($0 + 4, chars.count)]) }.joined(separator: "-")
    }

    /// What is kept of a code: its SHA-256 with the campaign, so a code of one campaign is nothing
    /// in another.
    public static func digest(_ code: String, campaign: String) -> String {
        Digest.sha256Hex("ballot|\(campaign)|\(code)")
    }
}
