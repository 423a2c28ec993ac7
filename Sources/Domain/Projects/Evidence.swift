/// 佐证材料: the files that prove a stage or a funds arrival (a contract's signature page, a
/// construction permit, a bank slip, a photo of the site). What a file *is* is read from its first
/// bytes, never from the name or the type the browser claims: a renamed web page is not a PDF.
public enum EvidenceKind: String, Sendable, CaseIterable, Codable {
    case pdf, jpeg, png

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    /// The kind the leading bytes announce, or nil for anything else.
    public init?(leadingBytes bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0x25, 0x50, 0x44, 0x46, 0x2D]) {  // %PDF-
            self = .pdf
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else {
            return nil
        }
    }
}

public enum EvidenceRules {
    /// A scanned contract page or a phone photo fits; a whole video does not.
    public static let maxBytes = 5 * 1024 * 1024
    /// Files one stage report or funds entry may carry.
    public static let maxPerEntry = 10
    public static let maxNameLength = 80

    public enum Refusal: Error, Equatable, Sendable {
        case empty
        case tooLarge(bytes: Int)
        case notAccepted
        case tooMany
    }

    /// What kind of file this is, if it may be kept as evidence.
    public static func check(size: Int, leadingBytes: some Collection<UInt8>) throws(Refusal) -> EvidenceKind {
        guard size > 0 else { throw .empty }
        guard size <= maxBytes else { throw .tooLarge(bytes: size) }
        guard let kind = EvidenceKind(leadingBytes: leadingBytes) else { throw .notAccepted }
        return kind
    }

    /// Whether an entry that already carries `count` files takes one more.
    public static func checkRoom(alreadyOnEntry count: Int) throws(Refusal) {
        guard count < maxPerEntry else { throw .tooMany }
    }

    /// A file's size as people read it: "340 KB", "4.4 MB" (tenths, rounded).
    public static func sizeText(_ bytes: Int) -> String {
        if bytes < 1_048_576 { return "\(max(1, (bytes + 512) / 1024)) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// The name kept and offered on download: the last path component of what was uploaded,
    /// without control or quoting characters, shortened, ending in the extension of what the file
    /// really is.
    public static func fileName(_ raw: String, kind: EvidenceKind) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let unsafe: Set<Character> = ["\"", "'", "<", ">", ":", "*", "?", "|", ";"]
        var cleaned = String(last.filter { c in !unsafe.contains(c) && !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
        if let dot = cleaned.lastIndex(of: ".") { cleaned = String(cleaned[..<dot]) }
        cleaned = cleaned.trimmingSpaces()
        if cleaned.isEmpty { cleaned = "佐证材料" }
        let stem = String(cleaned.prefix(maxNameLength - kind.fileExtension.count - 1))
        return stem + "." + kind.fileExtension
    }
}
