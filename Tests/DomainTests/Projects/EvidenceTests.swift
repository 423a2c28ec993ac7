import Testing

@testable import Domain

@Suite("佐证材料")
struct EvidenceTests {
    let pdf: [UInt8] = Array("%PDF-1.7\n".utf8)
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]
    let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]

    @Test func theFirstBytesSayWhatAFileIs() {
        #expect(EvidenceKind(leadingBytes: pdf) == .pdf)
        #expect(EvidenceKind(leadingBytes: png) == .png)
        #expect(EvidenceKind(leadingBytes: jpeg) == .jpeg)
        // a web page renamed 合同.pdf, a Word file, a truncated PNG signature
        #expect(EvidenceKind(leadingBytes: Array("<html><script>".utf8)) == nil)
        #expect(EvidenceKind(leadingBytes: [0x50, 0x4B, 0x03, 0x04]) == nil)
        #expect(EvidenceKind(leadingBytes: Array(png.prefix(4))) == nil)
        #expect(EvidenceKind(leadingBytes: []) == nil)
    }

    @Test func sizeKindAndCountAreChecked() throws {
        #expect(try EvidenceRules.check(size: 438_900, leadingBytes: pdf) == .pdf)
        #expect(try EvidenceRules.check(size: EvidenceRules.maxBytes, leadingBytes: jpeg) == .jpeg)
        #expect(throws: EvidenceRules.Refusal.empty) { try EvidenceRules.check(size: 0, leadingBytes: pdf) }
        #expect(throws: EvidenceRules.Refusal.tooLarge(bytes: 5_242_881)) {
            try EvidenceRules.check(size: 5_242_881, leadingBytes: pdf)
        }
        #expect(throws: EvidenceRules.Refusal.notAccepted) {
            try EvidenceRules.check(size: 20, leadingBytes: Array("MZ".utf8))
        }
        try EvidenceRules.checkRoom(alreadyOnEntry: EvidenceRules.maxPerEntry - 1)
        #expect(throws: EvidenceRules.Refusal.tooMany) {
            try EvidenceRules.checkRoom(alreadyOnEntry: EvidenceRules.maxPerEntry)
        }
    }

    @Test func sizesReadAsPeopleSayThem() {
        #expect(EvidenceRules.sizeText(348_160) == "340 KB")
        #expect(EvidenceRules.sizeText(100) == "1 KB")
        #expect(EvidenceRules.sizeText(4_613_734) == "4.4 MB")
        #expect(EvidenceRules.sizeText(EvidenceRules.maxBytes + 1) == "5.0 MB")
    }

    @Test func theNameKeptIsSafeAndTellsTheTruth() {
        // [002]: the contract of 2022-04-28, uploaded from a phone with a path
        #expect(EvidenceRules.fileName("C:\\扫描\\忠堡项目合同签字页.PDF", kind: .pdf) == "忠堡项目合同签字页.pdf")
        #expect(EvidenceRules.fileName("../../etc/passwd", kind: .png) == "passwd.png")
        #expect(EvidenceRules.fileName("进账单\";.html", kind: .jpeg) == "进账单.jpg")
        #expect(EvidenceRules.fileName("   ", kind: .pdf) == "佐证材料.pdf")
        #expect(EvidenceRules.fileName("a\u{0}b\nc.png", kind: .png) == "abc.png")
        let long = String(repeating: "长", count: 200) + ".pdf"
        #expect(EvidenceRules.fileName(long, kind: .pdf).count == EvidenceRules.maxNameLength)
    }
}
