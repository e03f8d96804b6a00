import Foundation
import Grouping
import Intake
import RunControl
import Scheduling

/// Stage 5 of the pipeline: a new version of a plan after dropouts and late joiners.
public enum Replanner {
    /// Version N+1 of a plan after dropouts and late joiners. `programme` must already list the joiners
    /// (`ProgrammeReader.joiners`); `request.drop` and `request.joiners` index into it. `now` stamps changed events.
    public static func replan(
        _ original: CurrentPlan, _ request: ReplanRequest, now: Date, budget: RunBudget,
        events: EventSink = .none
    ) throws(ReplanFailure) -> ReplanResult {
        // The organiser's own moves and swaps first, exactly as asked; dropouts and joiners are then handled from
        // the groups they leave.
        var current = original
        let locks = try Locks(original, request)
        var manual: ManualChanges.Outcome?
        if !request.moves.isEmpty || !request.swaps.isEmpty {
            let outcome = try ManualChanges.apply(
                original, moves: request.moves, swaps: request.swaps, locked: locks.locked)
            current.groups = outcome.groups
            manual = outcome
        }
        var programme = current.programme
        let p = programme.participants
        try validate(current, request)
        programme.dropped.formUnion(request.drop)
        let remaining = current.groups.map { $0.members.filter { !request.drop.contains($0) } }
        let cfg = programme.config.groups
        try locks.checkSizes(current.groups, remaining, programme)
        let lockedIndices = Set(current.groups.indices.filter { locks.locked.contains(current.groups[$0].id) })
        let regroup = Regroup(
            programme, current.groups, facilitatorOf: current.schedule.facilitatorOf, remaining: remaining,
            joiners: request.joiners, locked: lockedIndices, pinned: Set(manual?.moves.map(\.participant) ?? []))

        // 1. Membership: untouched unless a group fell below the minimum, someone joins, or a wish added in this
        // replan does not hold for the groups as they are.
        let grouping: GroupingResult
        var moves: [Move] = [], dissolved: [String] = [], movesBound = 0, dissolvedBound = 0
        var newGroup: String?
        if request.joiners.isEmpty && remaining.allSatisfy({ $0.count >= cfg.minSizeAfterDropout })
            && regroup.keepsEveryRule
        {
            let groups = zip(current.groups, remaining).map {
                Group(id: $0.id, members: $1, homeRegion: Metrics.homeRegion($1, p))
            }
            // With nobody moving there is exactly one plan, so each metric is its own bound.
            let objectives = programme.config.priorities.map { o in
                let v = Metrics.total(o, groups.map(\.members), p)
                return ObjectiveResult(objective: o, value: v, bound: v)
            }
            grouping = GroupingResult(groups: groups, objectives: objectives, stats: SolveStats(), awayReasons: [:])
        } else {
            let out: Regroup.Outcome
            do throws(ReplanFailure) {
                try JoinerCheck.explainIfNoRoom(
                    programme, current.groups, remaining, request.joiners,
                    facilitatorOf: current.schedule.facilitatorOf)
                // More joiners than free places: no need to ask the solver.
                let room = remaining.reduce(0) { $0 + max(0, cfg.maxSize - $1.count) }
                if request.joiners.count > room {
                    throw JoinerCheck.noArrangement(programme, current.groups, remaining, request.joiners)
                }
                do {
                    out = try regroup.solve(budget: budget, events: events)
                } catch {
                    if case .impossible = error {
                        throw locks.locked.isEmpty && programme.wishes.isEmpty
                            ? JoinerCheck.noArrangement(programme, current.groups, remaining, request.joiners)
                            : locks.noArrangement(programme, current.groups, remaining)
                    }
                    throw error
                }
            } catch {
                // Late joiners who fit nowhere: a new group for them (and whoever the fewest moves bring in), when
                // there are enough of them to fill one.
                guard case .impossible = error, !request.joiners.isEmpty else { throw error }
                let id = NewGroup.nextID(current)
                let opened = Regroup(
                    programme, current.groups + [Group(id: id, members: [], homeRegion: "")],
                    facilitatorOf: current.schedule.facilitatorOf, remaining: remaining + [[]],
                    joiners: request.joiners, locked: lockedIndices,
                    pinned: Set(manual?.moves.map(\.participant) ?? []),
                    newGroups: [current.groups.count])
                // Worth it only when it moves fewer people than it adds.
                guard let withNew = try? opened.solve(budget: budget, events: events),
                    withNew.groups.contains(where: { $0.id == id }), withNew.moves.count < request.joiners.count
                else { throw error }
                out = withNew
                newGroup = id
            }
            grouping = GroupingResult(
                groups: out.groups, objectives: out.priorities, stats: out.stats, awayReasons: [:])
            (moves, dissolved, movesBound, dissolvedBound) = (
                out.moves, out.dissolved, out.movesBound, out.dissolvedBound
            )
        }
        let check =
            PlanCheck.violations(grouping.groups, programme, sizes: cfg.minSizeAfterDropout...cfg.maxSize)
            + PlanCheck.lockViolations(
                before: current.groups, after: grouping.groups, locked: locks.locked, dropped: request.drop)
        guard check.isEmpty else {
            throw .internalError(
                "the new groups break a rule: " + check.prefix(5).map(\.description).joined(separator: "; "))
        }

        // 2. Facilitators: groups whose facilitator left or cannot come get the fewest changes.
        var base = current
        let handing = try FacilitatorChanges(programme, grouping.groups, current.schedule, from: request.from)
            .solve(budget: budget)
        if let handing {
            base.schedule.facilitatorOf = handing.facilitatorOf
            base.schedule.handovers += handing.handovers
            let before = Dictionary(uniqueKeysWithValues: handing.handovers.map { ($0.group, $0.facilitator) })
            // History keeps the facilitator of its day; later meetings that clashed for the new one take the days
            // the calendar model chose (their cases are rotated again below).
            for k in base.schedule.meetings.indices {
                let m = base.schedule.meetings[k]
                if m.date < request.from, let old = before[m.group], m.facilitator == nil {
                    base.schedule.meetings[k].facilitator = old
                } else if m.date >= request.from, !m.cancelled, let days = handing.dates[m.group] {
                    base.schedule.meetings[k].date = days[m.number - 1]
                }
            }
        }

        // A group opened for late joiners gets its meetings from `from` on.
        var rotate = Set(handing?.dates.keys.sorted() ?? []), blocked: [String: Set<Day>] = [:]
        if let id = newGroup, let g = grouping.groups.first(where: { $0.id == id }) {
            base.schedule.meetings += try NewGroup.calendar(
                programme, grouping.groups, g, base.schedule, from: request.from, stamp: now.timeIntervalSince1970,
                budget: budget)
            rotate.insert(id)
        }

        // 3. The organiser's own meeting moves and cancellations, each checked against the calendar rules.
        if !request.meetingMoves.isEmpty || !request.meetingCancellations.isEmpty {
            let out = try MeetingChanges.apply(programme, grouping.groups, base.schedule, request)
            (base.schedule.meetings, blocked) = (out.meetings, out.blocked)
            rotate.formUnion(out.rotate)
        }

        // Attendance at past meetings: a case bringer who was not there gets a turn later.
        var missedTurns: [String: Int] = [:]
        for a in request.attendance {
            guard let k = base.schedule.meetings.firstIndex(where: { $0.group == a.group && $0.number == a.number })
            else { continue }
            let m = base.schedule.meetings[k]
            let missedBefore = Set(m.members).subtracting(m.present ?? m.members)
            base.schedule.meetings[k].present = m.members.filter { !a.absent.contains($0) }
            let missed = m.caseBringers.filter { a.absent.contains($0) && !missedBefore.contains($0) }.count
            if missed > 0 {
                rotate.insert(m.group)
                missedTurns[m.group, default: 0] += missed
            }
        }

        // 4. Calendar: history frozen, dissolved groups cancelled, dates kept unless a rule forces a move.
        var schedule = base.schedule
        var changed: [MeetingChange] = []
        if !current.schedule.meetings.isEmpty {
            (schedule.meetings, changed) = try reschedule(
                programme, base, grouping.groups, dissolved: Set(dissolved), request,
                now: now, budget: budget, newLeader: Set(handing?.handovers.map(\.group) ?? []),
                previous: current.schedule.meetings, rotate: rotate, blocked: blocked,
                extraTurns: missedTurns)
            schedule.absences = schedule.meetings.filter { !$0.cancelled }.reduce(0) { $0 + $1.absent.count }
            schedule.absencesBound = schedule.absences
            schedule.absencesOptimised = false
            schedule.notes = current.schedule.notes
            let problems = ScheduleCheck.violations(
                schedule, grouping.groups, programme, calendar: HolidayCalendar.forConfig(programme.config.schedule),
                from: request.from)
            guard problems.isEmpty else {
                throw .internalError("the new calendar breaks a rule: " + problems.prefix(5).joined(separator: "; "))
            }
        }
        var result = ReplanResult(
            programme: programme, grouping: grouping, schedule: schedule, moves: (manual?.moves ?? []) + moves,
            movesBound: movesBound + (manual?.moves.count ?? 0), dissolved: dissolved, dissolvedBound: dissolvedBound,
            changedMeetings: changed, version: current.version + 1)
        result.manualDeltas = manual?.deltas ?? []
        let surviving = Set(grouping.groups.map(\.id))
        result.locked = locks.locked.filter(surviving.contains).sorted()
        (result.lockedNow, result.unlockedNow) = (locks.added, locks.removed)
        result.handovers = handing?.handovers ?? []
        result.newGroups = newGroup.map { [$0] } ?? []
        result.handoversBound = handing?.handoversBound ?? 0
        return result
    }

    static func validate(_ current: CurrentPlan, _ request: ReplanRequest) throws(ReplanFailure) {
        for g in current.groups where !g.members.isEmpty && g.members.allSatisfy(request.drop.contains) {
            throw .invalidInput(
                "every member of \(g.id) would be dropped (\(g.members.count) people)",
                fix:
                    "check the list — dropping a whole group is usually the wrong file; if the group really "
                    + "stops, drop its members in a separate replan after all but one, so the last member is moved",
                dutch: .init(
                    "alle leden van \(g.id) zouden afhaken (\(g.members.count) mensen)",
                    fix:
                        "controleer de lijst — een hele groep laten afhaken is meestal het verkeerde bestand; "
                        + "stopt de groep echt, meld dan eerst allen op één na af en het laatste lid apart, zodat "
                        + "die verplaatst wordt"))
        }
        let s = current.programme.config.schedule
        if let first = s.firstDate, let last = s.lastDate, request.from < first || request.from > last {
            throw .invalidInput(
                "the first day of the changes, \(request.from), is outside the programme (\(first) to \(last))",
                fix: "give a date within the programme: meetings before it stay as they were",
                dutch: .init(
                    "de eerste dag van de wijzigingen, \(request.from), ligt buiten het programma (\(first) tot "
                        + "\(last))",
                    fix: "kies een datum binnen het programma: bijeenkomsten daarvóór blijven zoals ze waren"))
        }
    }
}
