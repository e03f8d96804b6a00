/// Spreadsheet column letters and cell references (`E14`), as Excel and LibreOffice show them.
public enum CellReference {
    /// Column letters for a 1-based column number: 1 → A, 27 → AA.
    public static func letters(_ column: Int) -> String {
        var n = column, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The 1-based column of a reference such as `E14` or `AA3`; nil when it starts with no letter.
    static func column(of reference: String) -> Int? {
        var n = 0
        for c in reference.unicodeScalars {
            let v = c.value
            let upper: UInt32
            if (65...90).contains(v) {
                upper = v
            } else if (97...122).contains(v) {
                upper = v - 32
            } else {
                break
            }
            n = n * 26 + Int(upper - 64)
            // Excel's last column is XFD (16,384); anything wider is not a cell reference.
            guard n <= 16_384 else { return nil }
        }
        return n == 0 ? nil : n
    }
}
