import ArgumentParser
import Foundation
import IntervisionKit

struct AttendanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Record who was absent at a past meeting; a missed case turn comes back later.",
        discussion: """
            Writes version N+1 of DIR like `replan`: attendance.csv and the Aanwezigheid sheet of plan.xlsx show \
            attendance per participant, and a case bringer who was absent gets a turn at a later meeting. Everyone \
            in the meeting who is not named with --absent was there. For many meetings at once use \
            `intervision replan DIR --attendance FILE` (group, meeting, email, present).
            """)

    @Argument(help: "Plan folder written by `intervision plan`.") var dir: String
    @Argument(help: "The meeting: GROUP:NUMBER, e.g. G03:2.") var meeting: String
    @Option(name: .customLong("absent"), help: "Email of a member who was not there (repeatable).")
    var absent: [String] = []
    @Option(help: "First day that is not history (YYYY-MM-DD); default today.", transform: ReplanCommand.day)
    var from: Day?
    @OptionGroup var run: RunOptions

    func validate() throws { _ = try ReplanCommand.meeting(meeting, "attendance") }

    func run() async throws {
        let replanned: ReplannedProgramme
        do {
            var changes = ReplanChanges(from: from)
            if let ref = try? ReplanCommand.meeting(meeting, "attendance") { changes.absences = [(ref, absent)] }
            replanned = try await Intervision.replan(
                dir, changes, budget: run.budget(defaultSeconds: 30), events: run.events)
        } catch {
            throw Output.fail(error, folder: dir)
        }
        Output.out(ReplanText.summary(replanned))
    }
}
