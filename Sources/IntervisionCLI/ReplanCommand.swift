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
    @Option(name: .customLong("drop-facilitator"), help: "Email of a facilitator who leaves (repeatable).")
    var dropFacilitators: [String] = []
    @Option(name: .customLong("add-facilitators"), help: "New facilitators: the facilitators file's columns.")
    var addFacilitators: String?
    @Option(
        name: .customLong("facilitator-unavailable"),
        help: "A facilitator's days off: EMAIL=YYYY-MM-DD or EMAIL=YYYY-MM-DD..YYYY-MM-DD (repeatable).")
    var facilitatorUnavailable: [String] = []
    @Option(name: .customLong("move-meeting"), help: "Move one meeting: G03:3=YYYY-MM-DD (repeatable).")
    var meetingMoves: [String] = []
    @Option(
        name: .customLong("cancel-meeting"),
        help: "A meeting that cannot take place on its day: G03:3; it goes to the nearest valid day (repeatable).")
    var meetingCancellations: [String] = []
    @Flag(help: "With --cancel-meeting: drop the meeting instead; the rotation shifts.") var noReschedule = false
    @Option(help: "Attendance at past meetings: CSV or .xlsx with group, meeting, email, present (ja/nee).")
    var attendance: String?
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

    /// `EMAIL=DATE` or `EMAIL=DATE..DATE`.
    static func facilitatorDays(_ text: String) throws -> ReplanChanges.FacilitatorDays {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let ends = parts.count == 2 ? parts[1].components(separatedBy: "..") : []
        guard parts.count == 2, (1...2).contains(ends.count), let first = Day(parsing: ends[0]),
            let last = Day(parsing: ends.last!), first <= last
        else {
            throw ValidationError(
                "--facilitator-unavailable \"\(text)\" is not EMAIL=DATE or EMAIL=DATE..DATE, e.g. "
                    + "anna@b.nl=2027-04-12..2027-04-16")
        }
        return .init(email: parts[0], days: DayRange(first, last))
    }

    /// `G03:3`.
    static func meeting(_ text: String, _ option: String) throws -> ReplanChanges.MeetingRef {
        let parts = text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, let n = Int(parts[1]) else {
            throw ValidationError("\(option) \"\(text)\" is not GROUP:NUMBER, e.g. G03:3")
        }
        return .init(group: parts[0], number: n)
    }

    /// `G03:3=YYYY-MM-DD`.
    static func meetingMove(_ text: String) throws -> ReplanChanges.MeetingMove {
        let parts = text.split(separator: "=").map(String.init)
        guard parts.count == 2, let day = Day(parsing: parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("--move-meeting \"\(text)\" is not GROUP:NUMBER=YYYY-MM-DD, e.g. G03:3=2027-04-12")
        }
        return .init(try meeting(parts[0], "--move-meeting"), to: day)
    }

    func validate() throws {
        for m in meetingMoves { _ = try Self.meetingMove(m) }
        for c in meetingCancellations { _ = try Self.meeting(c, "--cancel-meeting") }
        if noReschedule && meetingCancellations.isEmpty {
            throw ValidationError("--no-reschedule goes with --cancel-meeting GROUP:NUMBER")
        }
        for u in facilitatorUnavailable { _ = try Self.facilitatorDays(u) }
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
            let files = try InputFile.readAll([dropFile, add, venues, wishes, addFacilitators, attendance])
            var changes = ReplanChanges(
                dropouts: drops.map { .init(email: $0, source: "--drop") }, dropoutLists: [files[0]].compactMap { $0 },
                joiners: files[1], venues: files[2], from: from)
            changes.moves = moves.map { m in
                let parts = m.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                return .init(email: parts[0], group: parts[1])
            }
            (changes.lock, changes.unlock, changes.wishes) = (locks, unlocks, files[3])
            (changes.dropFacilitators, changes.addFacilitators) = (dropFacilitators, files[4])
            changes.attendance = files[5]
            // Checked in validate(), so none fails here.
            changes.meetingMoves = meetingMoves.compactMap { try? Self.meetingMove($0) }
            changes.meetingCancellations = meetingCancellations.compactMap { try? Self.meeting($0, "--cancel-meeting") }
            changes.rescheduleCancelled = !noReschedule
            changes.facilitatorUnavailable = facilitatorUnavailable.compactMap { try? Self.facilitatorDays($0) }
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
