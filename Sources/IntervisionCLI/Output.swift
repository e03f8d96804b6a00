import ArgumentParser
import Foundation
import IntervisionKit

/// Where text goes, and how a failure becomes stderr text and an exit code.
enum Output {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// Prints the failure and returns the exit code to throw. `folder` names the plan folder left untouched.
    static func fail(_ error: PlanningFailure, folder: String? = nil) -> ExitCode {
        let (text, code) = failure(error, folder: folder)
        err(text)
        return ExitCode(code)
    }

    /// What `fail` prints for a failure, and the exit status.
    static func failure(_ error: PlanningFailure, folder: String? = nil) -> (text: String, code: Int32) {
        let untouched = folder.map { "nothing was written; \($0) is unchanged." } ?? "nothing was written."
        switch error {
        case .invalidInput(let diagnostics):
            return (DiagnosticText.render(diagnostics), ExitStatus.invalidInput)
        case .impossible(let why):
            return (ExplanationText.render(why, replan: folder != nil) + untouched + "\n", ExitStatus.impossible)
        case .cancelled:
            return ("interrupted; \(untouched)\n", ExitStatus.interrupted)
        case .cannotWrite(let target, let reason):
            return (
                "error: \(reason)\n  fix: free some disk space or choose another folder than \(target)\n\(untouched)\n",
                ExitStatus.internalError
            )
        case .outOfTime(let step, let limit):
            // Swift's own number text, not the locale's: the CLI's words are the same everywhere.
            let seconds = limit == limit.rounded() && limit < 1e9 ? "\(Int(limit))" : "\(limit)"
            // Four times as long, and at least the default plan's minute: less rarely helps enough.
            let longer = Int(min(1e9, max(60, (limit * 4).rounded(.up))))
            return (
                "error: no valid plan was found within the time limit of \(seconds) s (\(step)); this does not "
                    + "prove that none exists\n  fix: run again with a longer time limit, e.g. --time-limit \(longer)\n"
                    + untouched + "\n",
                ExitStatus.internalError
            )
        case .internalError(let message):
            return ("internal error: \(message)\n\(untouched)\n", ExitStatus.internalError)
        }
    }
}

/// Diagnostics one per entry, then a tally. Warnings of one kind that come more than once are one line (all of
/// them with `--verbose`, and in the report).
enum DiagnosticText {
    static func render(_ d: [Diagnostic], verbose: Bool = false) -> String {
        guard !d.isEmpty else { return "" }
        let errors = d.filter { $0.severity == .error }.count, warnings = d.count - errors
        var lines: [String] = [], summarised = Set<Diagnostic.Kind>()
        let perKind = Dictionary(grouping: d.compactMap(\.kind), by: { $0 }).mapValues(\.count)
        for item in d {
            guard !verbose, let kind = item.kind, let count = perKind[kind], count > 1 else {
                lines.append(item.description)
                continue
            }
            if summarised.insert(kind).inserted {
                lines.append(
                    "\([item.file, item.sheet].compactMap { $0 }.joined(separator: ":")): warning: "
                        + "\(kind.summary(count)) (first on \(item.sheet == nil ? "line" : "row") \(item.line ?? 0); "
                        + "--verbose lists them all)")
            }
        }
        var tally: [String] = []
        if errors > 0 { tally.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { tally.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        lines.append(tally.joined(separator: ", ") + (errors > 0 ? "; nothing was written." : "."))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Why no plan exists, and what would help.
enum ExplanationText {
    static func render(_ why: Explanation, replan: Bool) -> String {
        let what =
            replan
            ? "no plan satisfies the hard rules after these changes"
            : why.subject == .calendar ? "no calendar satisfies the hard rules" : "no plan satisfies the hard rules"
        var lines = ["\(what): \(why.headline)"]
        lines += why.details.map { "  - \($0)" }
        if !why.suggestions.isEmpty {
            lines.append(
                why.subject == .groups && !replan ? "what would make a plan possible:" : "what would make it possible:")
            lines += why.suggestions.map { "  * \($0.change)" + ($0.effect.isEmpty ? "" : " — \($0.effect)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Progress lines on stderr while a run is busy.
enum ProgressText {
    static func sink() -> EventSink {
        EventSink { event in
            // A line a second at most from the solvers; every start and finish.
            guard event.kind != .progress || event.elapsed >= 1 else { return }
            let line = String(format: "%5.0f s  ", event.elapsed) + event.message
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
