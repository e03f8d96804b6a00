import ArgumentParser
import Foundation
import IntervisionKit

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Form the groups, assign facilitators, schedule the meetings and write the plan folder.",
        discussion: """
            Exit 2 on invalid input, 3 when no plan satisfies the hard rules (with an explanation); nothing is \
            written then.
            """)

    @OptionGroup var files: ProgrammeFiles
    @Option(help: "Output folder; created if missing.") var out: String
    @Flag(help: "Plan again into --out while its plan is not published (no replan, no `publish`).")
    var replace = false
    @OptionGroup var run: RunOptions

    func run() async throws {
        let planned: PlannedProgramme
        do {
            let request = PlanRequest(inputs: try files.inputs(), folder: out, replace: replace)
            planned = try await Intervision.plan(request, budget: run.budget(defaultSeconds: 60), events: run.events)
        } catch {
            throw Output.fail(error)
        }
        Output.err(DiagnosticText.render(planned.warnings, verbose: files.verbose))
        Output.out(PlanText.summary(planned))
    }
}
