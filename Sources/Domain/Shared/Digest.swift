import Crypto

/// The one way a digest is written: SHA-256 in lowercase hex (the audit chain's links, a published
/// register's or record's digest, a stored token).
public enum Digest {
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
