import ArgumentParser

public struct IntervisionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "intervision",
        abstract: "Plan intervision programmes: groups, meeting dates, rotas.",
        discussion: """
            Exit codes: 0 done · 2 invalid input or usage (every problem listed, nothing written) · \
            3 no plan satisfies the hard rules (explanation printed) · 1 internal error.
            """,
        subcommands: [CheckCommand.self, PlanCommand.self, ReplanCommand.self]
    )

    public init() {}

    /// Runs the command line, mapping argument errors to exit code 2 as SPEC.md requires
    /// (swift-argument-parser would use 64).
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? ExitStatus.invalidInput : ExitStatus.internalError)
        }
    }
}

import Foundation

public enum ExitStatus {
    public static let done: Int32 = 0
    public static let internalError: Int32 = 1
    public static let invalidInput: Int32 = 2
    public static let impossible: Int32 = 3
}
