import ArgumentParser
import Foundation
import IntervisionKit

/// The programme's input files, shared by `check` and `plan`.
struct ProgrammeFiles: ParsableArguments {
    @Argument(help: "Sign-ups, one row per participant: CSV or an Excel workbook (.xlsx).")
    var signups: String

    @Option(help: "The sign-ups' sheet when they are a workbook (default: the first sheet).")
    var sheet: String?

    @Option(help: "Programme config (TOML). Built-in defaults (docs/SPEC.md) when absent.")
    var config: String?

    @Option(help: "Facilitators: CSV or an Excel workbook (.xlsx).")
    var facilitators: String?

    @Option(name: .customLong("facilitators-sheet"), help: "The facilitators' sheet in their workbook.")
    var facilitatorsSheet: String?

    @Option(help: "Venues per group or meeting: CSV or .xlsx with group, meeting (optional), location, online.")
    var venues: String?

    @Option(
        help:
            "Wishes: CSV or .xlsx with kind (apart, together, facilitator, not_facilitator), person, other."
    )
    var wishes: String?

    @Option(help: "An earlier cohort's groups.csv or plan folder, for [rules] met_before (repeatable).")
    var previous: [String] = []

    @Flag(help: "List every warning, not one line per kind.")
    var verbose = false

    /// The files read from disk.
    func inputs() throws(PlanningFailure) -> ProgrammeInputs {
        try ProgrammeInputs(
            signups: signups, config: config, facilitators: facilitators, sheet: sheet,
            facilitatorsSheet: facilitatorsSheet, venues: venues, wishes: wishes, previous: previous)
    }
}

/// How long a solving command may run and whether it shows progress, shared by `plan` and `replan`.
struct RunOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "Seconds for the whole search (default: plan 60, replan 30).")
    var timeLimit: Double?

    @Option(
        help: ArgumentHelp(
            "Counted work for the search, 1–1000000 units (default: the time limit × 30).",
            discussion: "The work decides where every search stops, so the same work gives the same plan on any "
                + "machine; --time-limit then only caps the clock. Use it to keep a plan while raising the cap."))
    var work: Double?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
        if let work, !(work.isFinite && RunBudget.workRange.contains(work)) {
            throw ValidationError("--work must be a number of work units from 1 to 1000000")
        }
    }

    /// The run's budget; Ctrl-C cancels it.
    func budget(defaultSeconds: Double) -> RunBudget {
        let budget = RunBudget(timeLimit: timeLimit ?? defaultSeconds, work: work)
        Interrupt.cancelOnSignal(budget.cancellation)
        return budget
    }

    /// Progress lines on stderr, only when it is a terminal and not `--quiet`.
    var events: EventSink {
        quiet || isatty(STDERR_FILENO) == 0 ? .none : ProgressText.sink()
    }
}

/// Ctrl-C cancels the run (nothing is written) instead of killing the process mid-write.
enum Interrupt {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func cancelOnSignal(_ cancellation: Cancellation) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { cancellation.cancel() }
            source.resume()
            sources.append(source)
        }
    }
}
