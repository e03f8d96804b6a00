import ArgumentParser
import Foundation
import IntervisionKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the inputs and summarise the programme before planning.",
        discussion: """
            Lists every input problem with file, line and column; exit 2 when there is any, 3 when the summary \
            shows that no plan can exist.
            """)

    @OptionGroup var files: ProgrammeFiles

    func run() throws {
        let report: CheckReport
        do {
            report = try Intervision.check(try files.inputs())
        } catch {
            throw Output.fail(error)
        }
        Output.err(DiagnosticText.render(report.warnings, verbose: files.verbose))
        Output.out(CheckText.render(report.summary, report.programme))
        throw ExitCode(report.isImpossible ? ExitStatus.impossible : ExitStatus.done)
    }
}
