/// A day as a spreadsheet stores it: a serial number of days. In the 1900 date system (Windows
/// Excel, WPS, LibreOffice by default) day 1 is 1900-01-01 and day 60 is 1900-02-29, a day that
/// never was — Lotus 1-2-3's leap-year bug, kept for compatibility; so from 1900-03-01 on (day 61)
/// the serial counts from 1899-12-30. In the 1904 system (old Mac workbooks, `date1904="1"`) day 0
/// is 1904-01-01.
public struct SheetDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day) else {
            return nil
        }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// "2025-10-01".
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: SheetDate, b: SheetDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init?(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

public enum ExcelDate {
    /// 1899-12-30 and 1904-01-01 as days since 1970-01-01.
    static let base1900 = -25_569
    static let base1904 = -24_107

    /// The day a serial names; nil for day 60 in the 1900 system (1900-02-29, which never was), for
    /// serials before the system's first day, and beyond 9999-12-31. The fraction (a time of day) is
    /// dropped.
    public static func day(fromSerial serial: Double, date1904: Bool = false) -> SheetDate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 {
            guard whole >= 0 else { return nil }
            return SheetDate(daysSinceEpoch: base1904 + whole)
        }
        guard whole >= 1, whole != 60 else { return nil }
        // before the phantom day the serial counts from 1899-12-31
        return SheetDate(daysSinceEpoch: base1900 + whole + (whole < 60 ? 1 : 0))
    }

    /// The serial Excel writes for a day in the 1900 system.
    public static func serial(of day: SheetDate) -> Int {
        let serial = day.daysSinceEpoch - base1900
        return serial < 61 ? serial - 1 : serial
    }
}
