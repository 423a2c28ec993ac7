import Testing

@testable import Domain

/// Amounts and days as a bureau's ledger holds them (the seeds' figures), and the column mapping
/// from the headers they write.
@Suite("导入取值：金额、日期与列对应")
struct ImportValuesTests {
    @Test func amountsAsPeopleTypeThem() throws {
        // 铜仁驻深工作队: 合同投资额 29.14亿元, 到位资金 4.389亿元 (= 4,389万元) [004]
        #expect(try ImportValues.amount(text: "29.14亿", unit: .yuan) == Money.major(2_914_000_000))
        #expect(try ImportValues.amount(text: "4,389万元", unit: .yuan) == Money.major(43_890_000))
        #expect(try ImportValues.amount(text: "４３８９万元", unit: .yuan) == Money.major(43_890_000))
        #expect(try ImportValues.amount(text: "310万美元", unit: .yiYuan) == Money.major(3_100_000, .usd))
        // a bare number under 金额（亿元） is in 亿元; the same number typed with its own unit keeps it
        let header = try #require(ImportValues.headerUnit("合同投资额（亿元）"))
        #expect(try ImportValues.amount(text: "1.5", unit: header) == Money.major(150_000_000))
        #expect(try ImportValues.amount(text: "8000万", unit: header) == Money.major(80_000_000))
        #expect(try ImportValues.amount(number: 29.14, unit: header) == Money.major(2_914_000_000))
        #expect(try ImportValues.amount(number: 4389, unit: .wanYuan) == Money.major(43_890_000))
        #expect(ImportValues.headerUnit("金额(万美元)") == ImportValues.AmountUnit(multiplier: "万", currency: .usd))
        #expect(ImportValues.headerUnit("注册资本（元）") == .yuan && ImportValues.headerUnit("企业名称") == nil)
        #expect(ImportValues.headerUnit("备注（说明）") == nil)
    }

    @Test func textInAnAmountColumnIsAnErrorNeverZero() {
        #expect(throws: ImportValues.Failure.notAnAmount("待定")) { try ImportValues.amount(text: "待定", unit: .wanYuan) }
        #expect(throws: ImportValues.Failure.negative("-5")) { try ImportValues.amount(text: "-5", unit: .wanYuan) }
        #expect(throws: ImportValues.Failure.tooPrecise("1.001")) { try ImportValues.amount(text: "1.001", unit: .yuan) }
        #expect(throws: ImportValues.Failure.outOfRange("20000亿")) { try ImportValues.amount(text: "20000亿", unit: .yuan) }
        #expect(ImportValues.Failure.notAnAmount("待定").message.contains("不是金额"))
    }

    @Test func daysInEveryWayTheyAreWrittenAndNeverAGuess() throws {
        let national = try #require(CivilDate("2025-10-01"))
        for written in ["2025-10-01", "2025/10/1", "2025年10月1日", "2025.10.1", "20251001", "２０２５年１０月１日", "2025-10-01 00:00:00"] {
            #expect(try ImportValues.date(text: written) == national, "\(written)")
        }
        // month-first or day-first? it asks, it does not pick
        #expect(throws: ImportValues.Failure.ambiguousDate("03/04/2025")) { try ImportValues.date(text: "03/04/2025") }
        #expect(throws: ImportValues.Failure.noSuchDay("2023-02-29")) { try ImportValues.date(text: "2023-02-29") }
        #expect(throws: ImportValues.Failure.notADate("下月初")) { try ImportValues.date(text: "下月初") }
        #expect(throws: ImportValues.Failure.noSuchDay("2022-13-01")) { try ImportValues.date(text: "2022-13-01") }
        #expect(try ImportValues.date(text: "2022年3月15日") == CivilDate("2022-03-15"))
    }

    @Test func aYesNoColumnAsLedgersFillIt() throws {
        for yes in ["是", "Y", "1", "√", "TRUE", " 是 "] { #expect(try ImportValues.flag(text: yes), "\(yes)") }
        for no in ["否", "n", "0", "FALSE"] { #expect(try !ImportValues.flag(text: no), "\(no)") }
        // never a quiet no
        #expect(throws: ImportValues.Failure.notAFlag("也许")) { try ImportValues.flag(text: "也许") }
        #expect(ImportValues.Failure.notAFlag("也许").message == "“也许”应填“是”或“否”")
    }

    static let fields = [
        ImportField("name", "企业名称", .text(maxLength: 100), required: true, synonyms: ["企业名称", "单位名称", "公司名称", "名称"]),
        ImportField("uscc", "统一社会信用代码", .text(maxLength: 18), synonyms: ["统一社会信用代码", "社会信用代码", "信用代码"]),
        ImportField("capital", "注册资本", .amount(default: .wanYuan), synonyms: ["注册资本", "注册资金"]),
        ImportField("founded", "成立日期", .date, synonyms: ["成立日期", "成立时间"]),
    ]

    @Test func headersABureauWritesAreMappedAndProblemsSaidFirst() {
        let headers = [0: "序号", 1: "单位名称", 2: "社会信用代码 ", 3: "注册资金（万元）", 4: "成立时间", 5: "备注"]
        let mapping = ColumnMapping.suggest(headers: headers, fields: Self.fields)
        #expect(mapping == [1: "name", 2: "uscc", 3: "capital", 4: "founded"])
        #expect(ColumnMapping.problems(mapping, fields: Self.fields).isEmpty)
        // a header that maps to nothing leaves its column out; a missing required field is said
        let partial = ColumnMapping.suggest(headers: [0: "信用代码", 1: "注册资本"], fields: Self.fields)
        #expect(ColumnMapping.problems(partial, fields: Self.fields) == [.missing(field: "企业名称")])
        // two columns for one field
        let twice = [1: "name", 2: "name", 3: "uscc"]
        #expect(ColumnMapping.problems(twice, fields: Self.fields) == [.twice(field: "企业名称", columns: ["B", "C"])])
        #expect([0, 25, 26, 27].map(ColumnMapping.columnName) == ["A", "Z", "AA", "AB"])
    }
}
