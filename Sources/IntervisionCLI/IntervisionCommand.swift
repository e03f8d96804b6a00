import ArgumentParser
import Foundation
import IntervisionKit

/// `intervision`: the root command. Subcommands parse their options, call `IntervisionKit` and render its
/// typed results as text; nothing else happens here.
public struct IntervisionCommand: ParsableCommand {
    /// The command's name, help text, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "intervision",
        abstract: "Plan intervision programmes: groups, meeting dates, rotas.",
        discussion: """
            Exit codes: 0 done · 2 invalid input or usage (every problem listed, nothing written) · \
            3 no plan satisfies the hard rules (explanation printed) · 1 internal error · 130 interrupted.
            """,
        version: Intervision.version,
        subcommands: [
            CheckCommand.self, PlanCommand.self, ReplanCommand.self, PublishCommand.self, AttendanceCommand.self,
            ServeCommand.self,
        ]
    )

    /// Required by ArgumentParser; the root command only dispatches.
    public init() {}

    /// Runs the command line and exits with docs/SPEC.md's codes (argument errors are 2, where swift-argument-parser
    /// would use 64).
    public static func runFromCommandLine(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Foundation.exit(ExitStatus.done)
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

/// The process exit codes of docs/SPEC.md.
public enum ExitStatus {
    /// The command did what was asked.
    public static let done: Int32 = 0
    /// A fault of the program or the machine.
    public static let internalError: Int32 = 1
    /// Invalid input or usage; every problem listed, nothing written.
    public static let invalidInput: Int32 = 2
    /// No plan satisfies the hard rules; explanation printed, nothing written.
    public static let impossible: Int32 = 3
    /// Interrupted (Ctrl-C); nothing written.
    public static let interrupted: Int32 = 130
}
