import Foundation

extension Intervision {
    static func replanNow(_ folder: String, _ changes: ReplanChanges, budget: RunBudget, events: EventSink)
        throws(PlanningFailure) -> ReplannedProgramme
    {
        let store = PlanStore(folder: folder)
        let lock: PlanStore.Lock
        do { lock = try store.lock() } catch {
            throw .invalid(folder, error.message, fix: error.fix, dutch: error.dutch)
        }
        defer { lock.release() }
        let document: PlanDocument, current: CurrentPlan
        do {
            (document, current) = try store.read()
        } catch {
            let file = (folder as NSString).appendingPathComponent("plan.json")
            guard !error.details.isEmpty else { throw .invalid(file, error.message, fix: error.fix) }
            // Every damaged place, each with the way back to a sound file.
            throw .invalidInput(
                error.details.map { Diagnostic(.error, file: file, field: $0.field, $0.message, fix: error.fix) })
        }
        if let refusal = store.writeProblem(creating: false) {
            throw .invalid(folder, refusal.message, fix: refusal.fix)
        }
        let (programme, request, warnings) = try changes.resolve(against: current, document)
        var plan = current
        plan.programme = programme
        var result: ReplanResult
        do {
            result = try Replanner.replan(plan, request, now: changes.now, budget: budget, events: events)
        } catch {
            guard !budget.isCancelled else { throw .cancelled }
            switch error {
            case .invalidInput(let message, let fix, let dutch):
                throw .invalid("plan.json", message, fix: fix, dutch: dutch)
            case .impossible(let why): throw .impossible(why)
            case .outOfTime(let step): throw .outOfTime(step: step, timeLimit: budget.timeLimit)
            case .internalError(let message): throw .internalError(message)
            }
        }
        guard !budget.isCancelled else { throw .cancelled }
        result.newWishes = programme.wishes.filter { w in !current.programme.wishes.contains { $0.sameWish(as: w) } }
        // The files leave wall-clock seconds out when asked (SOURCE_DATE_EPOCH); the result keeps them.
        var written = result
        if !changes.withDurations { written.grouping.stats.dropDurations() }
        events.started(.writing, budget)
        let p = programme.participants
        let entry = PlanDocument.ReplanEntry(
            from: request.from, dropped: request.drop.sorted().map { p[$0].email },
            added: request.joiners.map { p[$0].email }, moves: result.moves.count, movesBound: result.movesBound,
            dissolved: result.dissolved, dissolvedBound: result.dissolvedBound,
            moved: result.moves.map { .init(email: p[$0.participant].email, from: $0.from, to: $0.to) },
            locked: result.lockedNow, unlocked: result.unlockedNow)
        var files = PlanFiles.render(
            written.programme, written.grouping, written.schedule, version: result.version,
            created: changes.now, replan: entry, locked: result.locked)
        let changesText = ChangesFile.markdown(result, before: current, from: request.from)
        files["changes.md"] = Data(changesText.utf8)
        // Kept beside plan-vN.json, so every version's changes can be read again later (the web app's history).
        files["history/changes-v\(result.version).md"] = Data(changesText.utf8)
        let next = PlanDocument(
            version: result.version, created: changes.now, programme: result.programme,
            result: written.grouping, schedule: result.schedule, replan: entry, locked: result.locked)
        do {
            try store.replace(with: next, files: files, beforeSwap: crashHookForTests)
        } catch {
            throw .cannotWrite(folder: folder, reason: error.description)
        }
        events.finished(.writing, budget, "version \(result.version) in \(folder)")
        return ReplannedProgramme(
            before: current, result: result, from: request.from, folder: folder, changes: changesText,
            recipients: ChangesFile.recipients(result, before: current), warnings: warnings)
    }

    /// Tests stop the process here, as a crash would, once everything is staged and before the swap.
    static func crashHookForTests() {
        if ProcessInfo.processInfo.environment["INTERVISION_TEST_CRASH_BEFORE_SWAP"] == "1" { _exit(9) }
    }
}
