import Spreadsheet

/// One problem found in the input, located so the organiser can go straight to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// An error stops the run (exit 2, nothing written); a warning is shown and planning goes on.
    public enum Severity: String, Sendable { case error, warning }

    /// Error or warning.
    public var severity: Severity
    /// The file's name as the user gave it.
    public var file: String
    /// The worksheet, when the file is an Excel workbook; `line` is then its row number.
    public var sheet: String?
    /// 1-based physical line in the file (a workbook's row number); nil for a problem with the file as a whole.
    public var line: Int?
    /// 1-based field number (CSV, shown as letters in a workbook) or character column (TOML).
    public var column: Int?
    /// The column's header or the config key, to name it in the message.
    public var field: String?
    /// What is wrong, in the user's terms.
    public var message: String
    /// What to do about it.
    public var fix: String?
    /// The kind of problem, for warnings that can come many times, so front ends can show one line per kind.
    public var kind: Kind?
    /// The message and the fix in Dutch, for what organisers read (the web app, the report); nil where only the
    /// English text exists so far. The CLI stays English.
    public var dutch: Dutch?

    /// A diagnostic's text in Dutch.
    public struct Dutch: Sendable, Equatable {
        /// What is wrong.
        public var message: String
        /// What to do about it.
        public var fix: String?
        /// The Dutch text of a diagnostic.
        public init(_ message: String, fix: String? = nil) {
            self.message = message
            self.fix = fix
        }
    }

    /// This diagnostic with its Dutch message and fix.
    public func inDutch(_ message: String, fix: String? = nil) -> Diagnostic {
        var d = self
        d.dutch = Dutch(message, fix: fix)
        return d
    }

    /// The message and fix in Dutch when asked and known, else in English.
    public func text(dutch wanted: Bool) -> (message: String, fix: String?) {
        if wanted, let dutch { return (dutch.message, dutch.fix) }
        return (message, fix)
    }

    /// Warnings that a file can hold many of.
    public enum Kind: String, Sendable, Equatable {
        /// A school in the competitors column that no participant belongs to.
        case unknownCompetitor
        /// A `reports_to` address that is no participant's email.
        case unknownManager
        /// Two or more participants with one name.
        case duplicateName

        /// One line for `count` of them.
        public func summary(_ count: Int) -> String {
            switch self {
            case .unknownCompetitor:
                "\(count) competitor schools named in the sign-ups match no participant's school and are ignored"
            case .unknownManager: "\(count) reports_to addresses match no participant's email and are ignored"
            case .duplicateName: "\(count) names are shared by more than one participant; lists add their school"
            }
        }
    }

    /// A diagnostic at `file` (and `line`, `column`, `field` when known).
    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, field: String? = nil,
        _ message: String, fix: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.fix = fix
    }

    /// `file:line:column` as far as known; `file:sheet:row:E` in a workbook, as Excel names the cell.
    public var location: String {
        let columnText = sheet == nil ? column.map(String.init) : column.map { CellReference.letters($0) }
        return [file, sheet, line.map(String.init), line == nil ? nil : columnText].compactMap { $0 }.joined(
            separator: ":")
    }

    /// `location: severity: field: message`, then the fix on its own line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): "
        if let field { text += "\(field): " }
        text += message
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}

/// Thrown when the input holds at least one error; carries every problem found in the pass.
public struct IntakeFailure: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]
    /// The errors alone.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics for one file.
struct DiagnosticSink {
    let file: String
    var items: [Diagnostic] = []
    /// Set once the file turned out to be a workbook, so every later diagnostic names the sheet.
    var sheet: String? {
        didSet { for i in items.indices { items[i].sheet = sheet } }
    }

    mutating func error(
        line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String, fix: String? = nil,
        nl: Diagnostic.Dutch? = nil
    ) {
        var d = Diagnostic(.error, file: file, line: line, column: column, field: field, message, fix: fix)
        d.sheet = sheet
        d.dutch = nl
        items.append(d)
    }

    mutating func warning(
        line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String, fix: String? = nil,
        nl: Diagnostic.Dutch? = nil
    ) {
        var d = Diagnostic(.warning, file: file, line: line, column: column, field: field, message, fix: fix)
        d.sheet = sheet
        d.dutch = nl
        items.append(d)
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
