import Foundation

extension Intervision {
    /// Share of the run's budget that grouping may use; facilitators, dates and rotation keep the rest.
    static let groupingShare = 0.8

    static func planNow(_ request: PlanRequest, budget: RunBudget, events: EventSink) throws(PlanningFailure)
        -> PlannedProgramme
    {
        let programme = try load(request.inputs)
        let store = PlanStore(folder: request.folder)
        if store.holdsPlan {
            throw .invalid(
                request.folder, "\(request.folder) already holds a plan (plan.json)",
                fix: "replan that folder to change its plan, or choose another output folder")
        }
        if let refusal = store.writeProblem(creating: true) {
            throw .invalid(request.folder, refusal.message, fix: refusal.fix)
        }
        guard !budget.isCancelled else { throw .cancelled }
        let grouping = try group(programme, budget: budget, events: events)
        let schedule = try self.schedule(
            programme, grouping.groups, configFile: request.inputs.config?.name ?? "config",
            budget: budget, events: events)
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
            try store.create(document, files: rendered)
        } catch {
            throw .cannotWrite(folder: request.folder, reason: error.description)
        }
        let files = (Array(rendered.keys) + ["plan.json", "history/plan-v1.json"]).sorted()
        events.finished(.writing, budget, "\(files.count) files in \(request.folder)")
        return PlannedProgramme(
            programme: programme, grouping: grouping, schedule: schedule, folder: request.folder,
            files: files, seconds: budget.elapsed)
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
            "\(o.value) \(o.objective.counts)" + (o.optimal ? " (optimal)" : " (at least \(o.bound) possible)")
        }
        events.finished(.grouping, budget, "\(result.groups.count) groups; " + summary.joined(separator: ", "))
        return result
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
            case .invalidInput(let message, let fix):
                throw .invalid(configFile, message, fix: fix, field: "schedule")
            case .impossible(let why): throw .impossible(why)
            case .internalError(let message): throw .internalError(message)
            }
        }
    }
}
