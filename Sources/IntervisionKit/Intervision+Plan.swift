import Foundation

extension Intervision {
    /// Share of the run's budget that grouping may use; facilitators, dates and rotation keep the rest.
    static let groupingShare = 0.8

    static func planNow(_ request: PlanRequest, budget: RunBudget, events: EventSink) throws(PlanningFailure)
        -> PlannedProgramme
    {
        var programme = try load(request.inputs)
        let venues = try request.inputs.venues.map { file throws(PlanningFailure) in
            try VenueFile.read(file, programme.config)
        }
        let store = PlanStore(folder: request.folder)
        let replacing = store.holdsPlan
        // Held until the new files are in place, so no replan or publish slips in between.
        var lock: PlanStore.Lock?
        defer { lock?.release() }
        if replacing {
            lock = try replaceable(store, request)
        } else if let refusal = store.writeProblem(creating: true) {
            throw .invalid(request.folder, refusal.message, fix: refusal.fix)
        }
        guard !budget.isCancelled else { throw .cancelled }
        // Held back before grouping starts: a grouping that overruns its share must not leave the facilitators,
        // dates and rotation without work (measured: the 345 fixture with an earlier cohort spent all of it).
        let reserved = budget.reserve(1 - groupingShare)
        let grouping: GroupingResult
        (programme, grouping) = try groupKeepingApart(programme, budget: budget, events: events)
        if let venues { try VenueFile.apply(venues, to: &programme.config, groups: grouping.groups.map(\.id)) }
        let scheduling = budget.workLeft >= reserved.workLeft ? budget : reserved
        let schedule = try self.schedule(
            programme, grouping.groups, configFile: request.inputs.config?.name ?? "config",
            budget: scheduling, events: events)
        guard !budget.isCancelled else { throw .cancelled }
        events.started(.writing, budget)
        // The files leave wall-clock seconds out when asked (SOURCE_DATE_EPOCH); the result keeps them.
        var written = grouping
        if !request.withDurations { written.stats.dropDurations() }
        let rendered = PlanFiles.render(programme, written, schedule, created: request.now)
        let document = PlanDocument(
            version: 1, created: request.now, programme: programme, result: written,
            schedule: schedule)
        do {
            if replacing {
                try store.rewrite(document, files: rendered)
            } else {
                try store.create(document, files: rendered)
            }
        } catch {
            throw .cannotWrite(folder: request.folder, reason: error.description)
        }
        let files = (Array(rendered.keys) + ["plan.json", "history/plan-v1.json"]).sorted()
        events.finished(.writing, budget, "\(files.count) files in \(request.folder)")
        return PlannedProgramme(
            programme: programme, grouping: grouping, schedule: schedule, folder: request.folder,
            files: files, seconds: budget.elapsed)
    }

    /// Checks that `plan` may write over the plan in the folder — asked for (`replace`), never published, nothing
    /// but plan files in it — and takes its lock.
    static func replaceable(_ store: PlanStore, _ request: PlanRequest) throws(PlanningFailure) -> PlanStore.Lock {
        let folder = request.folder
        guard request.replace else {
            throw .invalid(
                folder, "\(folder) already holds a plan (plan.json)",
                fix: "plan again with --replace while the plan is not published yet, replan the folder to change a "
                    + "published plan, or choose another output folder")
        }
        let lock: PlanStore.Lock
        do { lock = try store.lock() } catch {
            throw .invalid(folder, error.message, fix: error.fix, dutch: error.dutch)
        }
        let document: PlanDocument
        do {
            document = try store.read().document
        } catch {
            lock.release()
            throw .invalid(
                (folder as NSString).appendingPathComponent("plan.json"), error.message,
                fix: "remove the folder yourself if its plan is not needed, or choose another output folder")
        }
        if let published = publishedSince(document) {
            lock.release()
            throw .invalid(
                folder, "the plan in \(folder) is published (\(published)); people may have its dates already",
                fix: "change it with `intervision replan`, which keeps history and tells who must receive what; or "
                    + "plan into a new folder")
        }
        let foreign = store.foreignEntries
        if !foreign.isEmpty {
            lock.release()
            throw .invalid(
                folder,
                "\(folder) holds files no plan writes (\(foreign.prefix(3).joined(separator: ", "))"
                    + (foreign.count > 3 ? ", …" : "") + "), which --replace would remove",
                fix: "move them out of the plan folder, then plan again")
        }
        if let refusal = store.writeProblem(creating: false) {
            lock.release()
            throw .invalid(folder, refusal.message, fix: refusal.fix)
        }
        return lock
    }

    /// How a plan was published, in words, or nil while it is not: marked by `publish`, or changed by a replan.
    static func publishedSince(_ document: PlanDocument) -> String? {
        if let date = document.published { return "marked by `intervision publish` on \(date.prefix(10))" }
        if document.version > 1 { return "it was replanned: this is version \(document.version)" }
        return nil
    }

    /// Stage 2, within its share of the budget.
    static func group(_ programme: Programme, budget: RunBudget, events: EventSink) throws(PlanningFailure)
        -> GroupingResult
    {
        events.started(.grouping, budget, "\(programme.participants.count) participants")
        let result: GroupingResult
        do {
            result = try GroupPlanner.plan(
                programme, options: GroupingOptions(budget: budget.portion(groupingShare), events: events))
        } catch {
            guard !budget.isCancelled else { throw .cancelled }
            switch error {
            case .impossible(let why): throw .impossible(why)
            case .internalError(let message): throw .internalError(message)
            case .cancelled: throw .cancelled
            }
        }
        guard !budget.isCancelled else { throw .cancelled }
        let summary = result.objectives.map { o in
            "\(o.value) \(o.objective.counts(o.value))" + (o.optimal ? " (optimal)" : " (at least \(o.bound) possible)")
        }
        events.finished(.grouping, budget, "\(result.groups.count) groups; " + summary.joined(separator: ", "))
        return result
    }

    /// Stage 2 with pairs who met before: kept apart where `met_before` asks it. With `fresh` ranked below another
    /// objective, a plan that keeps the dealt-round pairs apart competes with one that only counts the repeats
    /// (`Programme.countsRepeats`), each on half the work; the better in the organiser's order goes on, the one
    /// keeping pairs apart when they tie. Returns the programme as planned (with the pairs it keeps apart).
    static func groupKeepingApart(_ programme: Programme, budget: RunBudget, events: EventSink)
        throws(PlanningFailure) -> (Programme, GroupingResult)
    {
        guard !programme.metBeforeApart.isEmpty, programme.config.metBeforeMode == .avoid else {
            return (programme, try group(programme, budget: budget, events: events))
        }
        let free = programme.keeping(apart: [])
        let competing = programme.config.freshPlace > 0
        var apart: GroupingResult?
        do {
            apart = try group(programme, budget: competing ? budget.portion(0.5) : budget, events: events)
        } catch .impossible {
            // No plan keeps those earlier pairs apart: plan without the rule; the report counts the repeats.
        }
        if let apart, !competing { return (programme, apart) }
        let counted = try group(free, budget: budget, events: events)
        guard let apart else { return (free, counted) }
        // `free` counts repeats (`Programme.countsRepeats`), so both plans are ranked with them at `fresh`'s place.
        func ranked(_ r: GroupingResult) -> [Int] { Metrics.ranked(r.groups.map(\.members), free) }
        if ranked(counted).lexicographicallyPrecedes(ranked(apart)) { return (free, counted) }
        return (programme, apart.bounded(by: counted))
    }

    /// Stage 3 with what is left of the budget.
    static func schedule(
        _ programme: Programme, _ groups: [Group], configFile: String, budget: RunBudget, events: EventSink
    )
        throws(PlanningFailure) -> ScheduleResult
    {
        do {
            return try Scheduler.plan(programme, groups, options: SchedulingOptions(budget: budget, events: events))
        } catch {
            guard !budget.isCancelled else { throw .cancelled }
            switch error {
            case .invalidInput(let message, let fix, let dutch):
                throw .invalid(configFile, message, fix: fix, field: "schedule", dutch: dutch)
            case .impossible(let why): throw .impossible(why)
            case .internalError(let message): throw .internalError(message)
            }
        }
    }
}

extension GroupingResult {
    /// This result's bounds where `other` (a plan of the same people without pairs kept apart) proves less: its bound
    /// on an objective holds here too when this plan is no worse on every objective before it. Without that, the
    /// bound stays this plan's own, which speaks of plans keeping the same pairs apart.
    func bounded(by other: GroupingResult) -> GroupingResult {
        var out = self
        for k in out.objectives.indices where k < other.objectives.count {
            let held = (0..<k).allSatisfy { out.objectives[$0].value <= other.objectives[$0].value }
            if held { out.objectives[k].bound = min(out.objectives[k].bound, other.objectives[k].bound) }
        }
        return out
    }
}
