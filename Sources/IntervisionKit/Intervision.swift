import Foundation

/// The use cases of Intervision, for every front end: typed requests in, typed results out, one failure type,
/// one run budget, progress as events. Nothing here prints, reads the terminal or exits.
public enum Intervision {
    /// The version of this build, shown by `intervision --version`.
    public static let version = "0.19.0"

    /// Reads and validates the inputs and summarises the programme: make-up, ties, early signs that no plan
    /// can exist.
    public static func check(_ inputs: ProgrammeInputs) throws(PlanningFailure) -> CheckReport {
        var programme = try load(inputs)
        // With `fresh` ranked below another objective, pairs who met before are not ties the plan must keep (it
        // keeps them only when that costs the objectives above nothing): the check's ties leave them out.
        if programme.config.metBeforeMode == .avoid && programme.config.freshPlace > 0 {
            programme = programme.keeping(apart: [])
        }
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
            let programme = try ProgrammeReader.load(
                signups: inputs.signups, config: inputs.config, facilitators: inputs.facilitators,
                wishes: inputs.wishes)
            guard !inputs.previous.isEmpty, programme.config.metBeforeMode != .ignore else { return programme }
            var cohorts: [[[Int]]] = []
            var problems: [Diagnostic] = []
            for file in inputs.previous {
                do { cohorts.append(try PreviousCohort.groups(file, participants: programme.participants)) } catch {
                    problems += error.diagnostics
                }
            }
            let groups = cohorts.flatMap { $0 }
            guard problems.isEmpty else { throw PlanningFailure.invalidInput(programme.warnings + problems) }
            let k: Int
            if case .groups(let count, _, _) = GroupCount.resolve(
                participants: programme.participants.count, programme.config.groups)
            {
                k = count
            } else {
                k = 1
            }
            // `apart` keeps every pair apart (a tied set too large for the groups is then explained as impossible);
            // `avoid` keeps apart all it can: each earlier group spread over the groups as evenly as possible.
            // Pairs the organiser wishes together are theirs to decide: never kept apart for having met before.
            let together = Set(
                programme.wishes.filter { $0.kind == .together }.map { Programme.MetPair($0.person, $0.other) })
            let apart =
                (programme.config.metBeforeMode == .apart
                ? PreviousCohort.pairs(groups) : PreviousCohort.separable(groups, into: k)).filter {
                    !together.contains($0)
                }
            return Programme(
                config: programme.config, participants: programme.participants, facilitators: programme.facilitators,
                warnings: programme.warnings, wishes: programme.wishes, metBefore: PreviousCohort.pairs(groups),
                metBeforeApart: apart,
                // Per cohort the bound is exact; cohorts may share pairs, so together only the largest one holds.
                freshBound: cohorts.map { PreviousCohort.bound($0, into: k) }.max() ?? 0)
        } catch let failure as IntakeFailure {
            throw .invalidInput(failure.diagnostics)
        } catch let failure as PlanningFailure {
            throw failure
        } catch {
            throw .internalError("\(error)")
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
