import Foundation

/// The use cases of Intervision, for every front end: typed requests in, typed results out, one failure type,
/// one run budget, progress as events. Nothing here prints, reads the terminal or exits.
public enum Intervision {
    /// The version of this build, shown by `intervision --version`.
    public static let version = "0.18.0"

    /// Reads and validates the inputs and summarises the programme: make-up, ties, early signs that no plan
    /// can exist.
    public static func check(_ inputs: ProgrammeInputs) throws(PlanningFailure) -> CheckReport {
        let programme = try load(inputs)
        // The venues file's rows are checked here; its group ids only once the groups exist.
        if let venues = inputs.venues { _ = try VenueFile.read(venues, programme.config) }
        return CheckReport(programme: programme, summary: CheckSummary(programme))
    }

    /// Forms the groups, assigns facilitators, schedules the meetings and writes the plan folder — all or
    /// nothing. Cancelling the task (or `budget.cancellation`) stops the solvers within a second and writes
    /// nothing.
    public static func plan(
        _ request: PlanRequest, budget: RunBudget, events: EventSink = .none
    ) async throws(PlanningFailure) -> PlannedProgramme {
        try await runOffTheCallerThread(budget) { () throws(PlanningFailure) in
            try planNow(request, budget: budget, events: events)
        }
    }

    /// Changes a plan folder after dropouts and late joiners: only what must change changes, history before
    /// `changes.from` stays as it was, and the folder is swapped to version N+1 in one atomic step.
    public static func replan(
        _ folder: String, _ changes: ReplanChanges, budget: RunBudget, events: EventSink = .none
    ) async throws(PlanningFailure) -> ReplannedProgramme {
        try await runOffTheCallerThread(budget) { () throws(PlanningFailure) in
            try replanNow(folder, changes, budget: budget, events: events)
        }
    }

    /// Intake in one pass: every problem in every file, or the programme with its warnings.
    static func load(_ inputs: ProgrammeInputs) throws(PlanningFailure) -> Programme {
        do {
            return try ProgrammeReader.load(
                signups: inputs.signups, config: inputs.config, facilitators: inputs.facilitators,
                wishes: inputs.wishes)
        } catch {
            throw .invalidInput(error.diagnostics)
        }
    }

    /// Long solves run on a thread of their own (GLPK blocks; the Swift concurrency pool must not), and the
    /// task's cancellation raises the budget's flag.
    static func runOffTheCallerThread<T: Sendable>(
        _ budget: RunBudget, _ work: @escaping @Sendable () throws(PlanningFailure) -> T
    ) async throws(PlanningFailure) -> T {
        let result: Result<T, PlanningFailure> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: Result { () throws(PlanningFailure) in try work() })
                }
                // GLPK's branch and bound recurses; give it room beyond a secondary thread's default.
                thread.stackSize = 64 << 20
                thread.start()
            }
        } onCancel: {
            budget.cancellation.cancel()
        }
        return try result.get()
    }
}
