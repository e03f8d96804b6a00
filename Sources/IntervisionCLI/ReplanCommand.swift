import ArgumentParser
import Foundation
import IntervisionKit

struct ReplanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Update a plan after dropouts and late joiners, changing only what must change.",
        discussion: """
            Reads DIR/plan.json (version N) and writes version N+1 into DIR: plan.json, history/plan-vN+1.json, \
            all CSV, calendar and report files, and changes.md. Meetings before --from stay exactly as they were. \
            Exit 2 on invalid input, 3 when the changes leave no valid plan; DIR is untouched then.
            """)

    @Argument(help: "Plan folder written by `intervision plan`.") var dir: String
    @Option(name: .customLong("drop"), help: "Email of a participant who leaves (repeatable).")
    var drops: [String] = []
    @Option(name: .customLong("drop-file"), help: "File with one email per line (or a CSV with an email column).")
    var dropFile: String?
    @Option(help: "Late joiners: a CSV with the sign-up columns.") var add: String?
    @Option(help: "New venues per group or meeting (group, meeting, location, online); later meetings follow it.")
    var venues: String?
    @Option(name: .customLong("move"), help: "Move a participant to a group: EMAIL=G07 (repeatable).")
    var moves: [String] = []
    @Option(name: .customLong("swap"), help: "Swap two participants of different groups: EMAIL,EMAIL (repeatable).")
    var swaps: [String] = []
    @Option(name: .customLong("lock"), help: "Lock a group: nobody moves into or out of it from now on (repeatable).")
    var locks: [String] = []
    @Option(name: .customLong("unlock"), help: "Unlock a group locked earlier (repeatable).")
    var unlocks: [String] = []
    @Option(help: "More wishes (kind, person, other), added to the plan's and honoured from --from on.")
    var wishes: String?
    @Option(help: "First day that is not history (YYYY-MM-DD); default today.", transform: ReplanCommand.day)
    var from: Day?
    @OptionGroup var run: RunOptions
    @Flag(help: "List every warning, not one line per kind.") var verbose = false

    static func day(_ text: String) throws -> Day {
        guard let day = Day(parsing: text) else {
            throw ValidationError("--from \"\(text)\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01")
        }
        return day
    }

    func validate() throws {
        for m in moves where m.split(separator: "=").count != 2 {
            throw ValidationError("--move \"\(m)\" is not EMAIL=GROUP, e.g. --move anne@school.nl=G07")
        }
        for s in swaps where s.split(separator: ",").count != 2 {
            throw ValidationError("--swap \"\(s)\" is not EMAIL,EMAIL, e.g. --swap anne@a.nl,bram@b.nl")
        }
    }

    func run() async throws {
        let replanned: ReplannedProgramme
        do {
            let files = try InputFile.readAll([dropFile, add, venues, wishes])
            var changes = ReplanChanges(
                dropouts: drops.map { .init(email: $0, source: "--drop") }, dropoutLists: [files[0]].compactMap { $0 },
                joiners: files[1], venues: files[2], from: from)
            changes.moves = moves.map { m in
                let parts = m.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                return .init(email: parts[0], group: parts[1])
            }
            (changes.lock, changes.unlock, changes.wishes) = (locks, unlocks, files[3])
            changes.swaps = swaps.map { s in
                let parts = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                return .init(parts[0], parts[1])
            }
            replanned = try await Intervision.replan(
                dir, changes, budget: run.budget(defaultSeconds: 30),
                events: run.events)
        } catch {
            throw Output.fail(error, folder: dir)
        }
        Output.err(DiagnosticText.render(replanned.warnings, verbose: verbose))
        Output.out(ReplanText.summary(replanned))
    }
}
