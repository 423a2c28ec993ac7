import Testing

@testable import Spreadsheet

@Suite("Excel 日期序号：1900 闰年错误与 1904 日期系统")
struct ExcelDateTests {
    @Test func serialsNameTheDaysExcelShows() throws {
        // the days of the seeds' reports, as Excel stores them
        #expect(ExcelDate.day(fromSerial: 45931) == SheetDate(year: 2025, month: 10, day: 1))
        #expect(ExcelDate.day(fromSerial: 44635.75) == SheetDate(year: 2022, month: 3, day: 15))
        #expect(ExcelDate.serial(of: try #require(SheetDate(year: 2026, month: 11, day: 28))) == 46354)
    }

    @Test func theLeapYearBugOf1900IsKept() throws {
        #expect(ExcelDate.day(fromSerial: 1) == SheetDate(year: 1900, month: 1, day: 1))
        #expect(ExcelDate.day(fromSerial: 59) == SheetDate(year: 1900, month: 2, day: 28))
        // day 60 is 1900-02-29, which never was: no date, never a silent neighbour
        #expect(ExcelDate.day(fromSerial: 60) == nil)
        #expect(ExcelDate.day(fromSerial: 61) == SheetDate(year: 1900, month: 3, day: 1))
        #expect(ExcelDate.day(fromSerial: 0) == nil && ExcelDate.day(fromSerial: -3) == nil)
        #expect(ExcelDate.serial(of: try #require(SheetDate(year: 1900, month: 3, day: 1))) == 61)
        #expect(ExcelDate.serial(of: try #require(SheetDate(year: 1900, month: 2, day: 28))) == 59)
    }

    @Test func the1904SystemCountsFromItsOwnFirstDay() {
        #expect(ExcelDate.day(fromSerial: 0, date1904: true) == SheetDate(year: 1904, month: 1, day: 1))
        #expect(ExcelDate.day(fromSerial: 44469, date1904: true) == SheetDate(year: 2025, month: 10, day: 1))
    }

    @Test func everyDayOfTwoCenturiesRoundTrips() throws {
        var day = try #require(SheetDate(year: 1900, month: 3, day: 1))
        let last = try #require(SheetDate(year: 2100, month: 12, day: 31))
        var serial = 61
        var wrong: [String] = []
        while day <= last {
            if ExcelDate.serial(of: day) != serial || ExcelDate.day(fromSerial: Double(serial)) != day { wrong.append(day.description) }
            serial += 1
            day = try #require(SheetDate(daysSinceEpoch: day.daysSinceEpoch + 1))
        }
        #expect(wrong.isEmpty && serial == 73_416)
        #expect(SheetDate(year: 2023, month: 2, day: 29) == nil && SheetDate(year: 2024, month: 2, day: 29) != nil)
        #expect(SheetDate(year: 2100, month: 2, day: 29) == nil && SheetDate(year: 2000, month: 2, day: 29) != nil)
    }
}
