/// Why a use case produced no plan. Every failure leaves the plan folder as it was.
public enum PlanningFailure: Error, Sendable {
    /// The input is wrong: every problem found, each with file, line, column, field, message and fix.
    case invalidInput([Diagnostic])
    /// The input is valid, but no plan keeps the hard rules; the explanation names who is involved and what
    /// would help.
    case impossible(Explanation)
    /// The run was cancelled before it finished.
    case cancelled
    /// The plan could not be written (a full disk, a folder that went away); the folder is as it was.
    case cannotWrite(folder: String, reason: String)
    /// The input is valid, but the search ran out of its work (set by the time limit) before it found any valid
    /// plan: not a proof that none exists. `step` names the search; `timeLimit` is the run's, in seconds. A longer
    /// time limit helps.
    case outOfTime(step: String, timeLimit: Double)
    /// A fault of the program or the machine (a solver error, an unwritable disk); the message says what.
    case internalError(String)

    /// One invalid-input problem that is not tied to a line of a file.
    static func invalid(
        _ file: String, _ message: String, fix: String, field: String? = nil, dutch: Diagnostic.Dutch? = nil
    ) -> PlanningFailure {
        var d = Diagnostic(.error, file: file, field: field, message, fix: fix)
        d.dutch = dutch
        return .invalidInput([d])
    }
}
