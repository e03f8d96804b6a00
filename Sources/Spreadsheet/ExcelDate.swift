import Foundation

/// Excel's date serial numbers: days since 1899-12-30 in the 1900 date system (serial 1 = 1900-01-01, with
/// Lotus's phantom 1900-02-29 at 60), days since 1904-01-01 in the 1904 system old Mac workbooks use.
public enum ExcelDate {
    /// The calendar day of a serial number; nil outside 1900–9999 or for the phantom 29 February 1900.
    public static func day(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        var whole = Int(serial.rounded(.down))
        if !date1904 {
            if whole == 60 { return nil }
            // Before the phantom day the serials are one higher than a true count from 1899-12-31.
            if whole < 60 { whole += 1 }
        }
        let base = date1904 ? 1462 : 0
        return civil(fromDays: whole + base - 25_569)
    }

    /// The serial number (1900 system) of a calendar day, as the writer stores dates.
    public static func serial(year: Int, month: Int, day: Int) -> Int {
        let days = daysFromCivil(year, month, day) + 25_569
        return days <= 60 ? days - 1 : days
    }

    /// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm); `Day` uses it too.
    public static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// (year, month, day) → days since 1970-01-01, the inverse of `civil(fromDays:)`.
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
