import Foundation
@testable import Intake

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    static func file(_ name: String) throws -> InputFile { try InputFile.read(path(name)) }

    static func csv(_ text: String, name: String = "test.csv") -> InputFile { InputFile(name: name, data: Data(text.utf8)) }

    static func load(_ signups: String, config: String? = nil, facilitators: String? = nil) throws -> Programme {
        try Intake.load(signups: csv(signups), config: config.map { csv($0, name: "test.toml") },
                        facilitators: facilitators.map { csv($0, name: "facilitators.csv") })
    }

    /// The diagnostics of an input that must fail.
    static func failure(_ signups: String, config: String? = nil) -> [Diagnostic] {
        do {
            _ = try load(signups, config: config)
            return []
        } catch let e as IntakeFailure {
            return e.diagnostics
        } catch {
            return []
        }
    }

    static let header = "name,email,function,level,school,board,region,town,reports_to,competitors,experience_years,unavailable\n"

    /// A sign-up row with sensible defaults; override what the test is about.
    static func row(_ name: String, school: String, function: String = "teamleider", level: String = "", board: String = "",
                    region: String = "Utrecht", town: String = "", reportsTo: String = "", competitors: String = "") -> String {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.nl"
        return "\(name),\(email),\(function),\(level),\(school),\(board),\(region),\(town),\(reportsTo),\(competitors),,\n"
    }
}
