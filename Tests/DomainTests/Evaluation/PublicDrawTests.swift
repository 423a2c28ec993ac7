import Domain
import Testing

/// The draw of 双百双评 is RFC 3797's: the RFC's own worked example (a pool of 25 and its three
/// lottery sources) gives its first selections 17, 7, 2, 16, 25.
@Suite("公开抽取：RFC 3797 可复算")
struct PublicDrawTests {
    static let sources = [["9319"], ["2", "5", "12", "8", "10"], ["9", "18", "26", "34", "41", "45"]]

    @Test func theRFCsWorkedExampleComesOutTheSame() throws {
        let key = try PublicDraw.key(sources: Self.sources)
        #expect(key == "9319./2.5.8.10.12./9.18.26.34.41.45./")
        #expect(Array(try PublicDraw.select(count: 10, pool: 25, key: key).prefix(5)) == [17, 7, 2, 16, 25])
    }

    /// The seed as the bureau types it after the fact — one source a line, values split at spaces,
    /// commas or 、 — reads as the RFC's sources: the same key as the example's.
    @Test func aTypedSeedReadsAsItsSources() throws {
        let typed = ["9319", "2，5、12,8 10", "", "  9 18 26 34 41 45  "]
        #expect(PublicDraw.sources(lines: typed) == Self.sources)
        #expect(try PublicDraw.key(sources: PublicDraw.sources(lines: typed)) == "9319./2.5.8.10.12./9.18.26.34.41.45./")
    }

    @Test func theSameInputsGiveTheSameNamesAndOtherInputsOthers() throws {
        // [003]: 100 entrepreneurs drawn from a register of 400
        let register = (1...400).map { "企业家\($0)" }
        let drawn = try PublicDraw.draw(register, count: 100, sources: Self.sources)
        #expect(drawn.count == 100 && Set(drawn).count == 100)
        #expect(try PublicDraw.draw(register, count: 100, sources: Self.sources) == drawn)
        // leading zeros and the order of a lottery's numbers do not change the key
        let reordered = [["009319"], ["10", "8", "12", "5", "2"], ["45", "41", "34", "26", "18", "9"]]
        #expect(try PublicDraw.draw(register, count: 100, sources: reordered) == drawn)
        let other = [["9318"], ["2", "5", "12", "8", "10"], ["9", "18", "26", "34", "41", "45"]]
        #expect(try PublicDraw.draw(register, count: 100, sources: other) != drawn)
        // the register is bound by its digest: one name changed, another digest
        var edited = register
        edited[0] = "企业家一"
        #expect(PublicDraw.digest(register: edited) != PublicDraw.digest(register: register))
        #expect(PublicDraw.digest(register: register).count == 64)
    }

    @Test func aDrawItCannotMakeIsRefused() {
        #expect(throws: PublicDraw.Problem.poolTooSmall(pool: 25, wanted: 26)) { try PublicDraw.select(count: 26, pool: 25, key: "x/") }
        #expect(throws: PublicDraw.Problem.tooMany) { try PublicDraw.select(count: -1, pool: 25, key: "x/") }
        #expect(throws: PublicDraw.Problem.tooMany) { try PublicDraw.select(count: 65_537, pool: 70_000, key: "x/") }
        #expect(throws: PublicDraw.Problem.emptySource(2)) { try PublicDraw.key(sources: [["1"], [" "]]) }
        // a phrase read out at a public meeting is a source too, kept as typed after the numbers
        #expect((try? PublicDraw.key(sources: [["  县人大常委会公布 ", "7"]])) == "7.县人大常委会公布./")
    }
}
