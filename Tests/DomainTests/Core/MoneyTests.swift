import Testing

@testable import Domain

@Suite("金额：万元 / 亿元")
struct MoneyTests {
    @Test func residentTeamFiguresReadAsTheSeedWritesThem() {
        // seed [004]: 合同投资额29.14亿元，到位资金4.389亿元
        #expect(ChineseAmount.format(.major(2_914_000_000)) == "29.14亿元")
        #expect(ChineseAmount.format(.major(438_900_000)) == "4.389亿元")
    }

    @Test func smallerAmountsUseWanAndYuan() {
        // seed [000]: the 7,000 yuan bonus per staff
        #expect(ChineseAmount.format(.major(7_000)) == "7000元")
        #expect(ChineseAmount.format(.major(5_000_000)) == "500万元")
        #expect(ChineseAmount.format(.major(1_234_567)) == "123.46万元")
        #expect(ChineseAmount.format(Money(minorUnits: 2_000_000_000, currency: .usd)) == "2000万美元")
    }

    @Test func parsesWhatCadresType() throws {
        #expect(try ChineseAmount.parse("29.14亿") == .major(2_914_000_000))
        #expect(try ChineseAmount.parse("4.389亿元") == .major(438_900_000))
        #expect(try ChineseAmount.parse("841億") == .major(84_100_000_000))  // seed [000], traditional 亿
        #expect(try ChineseAmount.parse("7,000元") == .major(7_000))
        #expect(try ChineseAmount.parse("500万") == .major(5_000_000))
        #expect(try ChineseAmount.parse("12.5") == Money(minorUnits: 1_250))
    }

    @Test func formatAndParseRoundTrip() throws {
        for yuan: Int64 in [2_914_000_000, 438_900_000, 26_109_000_000, 50_000, 12] {
            let text = ChineseAmount.format(.major(yuan))
            #expect(try ChineseAmount.parse(text) == .major(yuan), "\(text)")
        }
    }

    @Test func rejectsWhatIsNotAnAmount() {
        #expect(throws: ChineseAmount.ParseError.notANumber("-5万")) { try ChineseAmount.parse("-5万") }
        #expect(throws: ChineseAmount.ParseError.empty) { try ChineseAmount.parse("  ") }
        #expect(throws: ChineseAmount.ParseError.tooManyDecimals) { try ChineseAmount.parse("1.001") }
        #expect(throws: ChineseAmount.ParseError.outOfRange) { try ChineseAmount.parse("100000000亿") }
    }
}
