/// One problem found in the input, located so the organiser can go straight to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    /// 1-based physical line in the file; nil for a problem with the file as a whole.
    public var line: Int?
    /// 1-based field number (CSV) or character column (TOML).
    public var column: Int?
    /// The column's header or the config key, to name it in the message.
    public var field: String?
    public var message: String
    /// What to do about it.
    public var fix: String?

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

    public var location: String {
        [file, line.map(String.init), line == nil ? nil : column.map(String.init)].compactMap { $0 }.joined(
            separator: ":")
    }

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
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics for one file.
struct DiagnosticSink {
    let file: String
    var items: [Diagnostic] = []

    mutating func error(
        line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String, fix: String? = nil
    ) {
        items.append(Diagnostic(.error, file: file, line: line, column: column, field: field, message, fix: fix))
    }

    mutating func warning(
        line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String, fix: String? = nil
    ) {
        items.append(Diagnostic(.warning, file: file, line: line, column: column, field: field, message, fix: fix))
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
