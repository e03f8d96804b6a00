import Foundation
import Intake

/// Paths to the bundled fixtures and small sign-up files written inline, shared by the test targets.
public enum Fixture {
    /// The repository's Fixtures folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The path of a bundled fixture.
    public static func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    /// A bundled fixture read from disk.
    public static func file(_ name: String) throws -> InputFile { try InputFile.read(path(name)) }

    /// An in-memory file holding `text`.
    public static func csv(_ text: String, name: String = "test.csv") -> InputFile {
        InputFile(name: name, data: Data(text.utf8))
    }

    /// A programme read from inline texts, as intake reads files.
    public static func load(_ signups: String, config: String? = nil, facilitators: String? = nil) throws -> Programme {
        try ProgrammeReader.load(
            signups: csv(signups), config: config.map { csv($0, name: "test.toml") },
            facilitators: facilitators.map { csv($0, name: "facilitators.csv") })
    }

    /// The sign-up header with every column, in SPEC order.
    public static let header =
        "name,email,function,level,school,board,region,town,reports_to,competitors,experience_years,unavailable\n"

    /// A sign-up row with sensible defaults; override what the test is about.
    public static func row(
        _ name: String, school: String, function: String = "teamleider", level: String = "", board: String = "",
        region: String = "Utrecht", town: String = "", reportsTo: String = "", competitors: String = ""
    ) -> String {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.nl"
        return
            "\(name),\(email),\(function),\(level),\(school),\(board),\(region),\(town),\(reportsTo),\(competitors),,\n"
    }
}
