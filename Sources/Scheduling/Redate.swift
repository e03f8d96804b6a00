import Grouping
import Intake
import RunControl

extension Scheduler {
    /// After a replan changed who is in which group or who leads it: new dates for the meetings from `from` on of
    /// every group whose current dates now break a rule (e.g. a member from another holiday region joined). Everything
    /// else keeps its date, and a moved meeting stays as close to its old date as the rules allow; the same
    /// date model as `plan` decides, with the old dates as anchors and history pinned.
    /// Returns the new dates per group id (all meetings, in number order) for the groups that changed.
    package static func redate(
        _ programme: Programme, _ groups: [Group], meetings: [Meeting], facilitatorOf: [String: Int],
        from: Day, budget: RunBudget, force: Set<String> = [], blocked: [String: Set<Day>] = [:]
    ) throws(SchedulingFailure) -> [String: [Day]] {
        let s = programme.config.schedule
        guard let first = s.firstDate, let last = s.lastDate else { return [:] }
        let rules = DateRules(schedule: s, calendar: HolidayCalendar.forConfig(s), first: first, last: last)
        let facilitator: (Group) -> Facilitator? = { g in facilitatorOf[g.id].map { programme.facilitators![$0] } }
        // Every meeting in number order, so index k is meeting k + 1; a meeting dropped on its own
        // (`cancelledAlone`) stays pinned on its day and is never what makes a group need new dates.
        let ofGroup = { (id: String) in
            meetings.filter { $0.group == id && (!$0.cancelled || $0.cancelledAlone) }.sorted { $0.number < $1.number }
        }
        let dates: [String: [Day]] = Dictionary(
            uniqueKeysWithValues: groups.map { g in (g.id, ofGroup(g.id).map(\.date)) })
        let droppedDays: [String: Set<Int>] = Dictionary(
            uniqueKeysWithValues: groups.map { g in
                (g.id, Set(ofGroup(g.id).enumerated().filter { $0.element.cancelled }.map(\.offset)))
            })
        let held = { (id: String) in
            dates[id]!.enumerated().filter { !droppedDays[id]!.contains($0.offset) }.map(\.element)
        }
        // `force`: groups whose new facilitator has another meeting on one of their days.
        let needs = groups.filter { g in
            guard !force.contains(g.id) else { return true }
            // `blocked`: days a group's meeting was cancelled on (`--cancel-meeting`); it moves off them.
            if let days = blocked[g.id], held(g.id).contains(where: { $0 >= from && days.contains($0) }) {
                return true
            }
            let regions = DateRules.regions(g, programme)
            return held(g.id).contains {
                $0 >= from && rules.closed($0, regions: regions, facilitator: facilitator(g)) != nil
            }
        }
        guard !needs.isEmpty else { return [:] }
        let needing = Set(needs.map(\.id))
        var result: [String: [Day]] = [:]
        let components = DateModel.components(groups, facilitatorOf: facilitatorOf).filter {
            $0.contains { needing.contains(groups[$0].id) }
        }
        for component in components {
            let inputs = component.map { gi -> DateModel.Input in
                let g = groups[gi]
                let old = dates[g.id]!.map { $0 - first }
                let regions = DateRules.regions(g, programme)
                let closedToGroup = Set((blocked[g.id] ?? []).map { $0 - first })
                let free = rules.candidates(regions: regions, facilitator: facilitator(g)).map {
                    $0.filter { !closedToGroup.contains($0) }
                }
                let cands = old.enumerated().map { k, d in
                    needing.contains(g.id) && first.adding(days: d) >= from && !droppedDays[g.id]!.contains(k)
                        ? free[k].filter { first.adding(days: $0) >= from } : [d]
                }
                var input = DateModel.Input(
                    group: g, candidates: cands, first: first, programme: programme, anchor: old)
                input.dropped = droppedDays[g.id]!
                return input
            }
            let out = try DateModel.solve(inputs, rules: rules, budget: budget, share: 0.5)
            if out.status == .infeasible {
                let g = groups[component.first { needing.contains(groups[$0].id) }!]
                throw .impossible(
                    Explanation(
                        .calendar,
                        "after the changes \(g.id) has members in holiday regions "
                            + "\(DateRules.regions(g, programme).map(\.rawValue).sorted().joined(separator: " and ")), "
                            + "and its meetings from \(from) on cannot all move to days that are open for all "
                            + "of them within the spacing rules",
                        changes: [
                            "move fewer people into \(g.id) from other holiday regions",
                            "set holidays = \"none\" and list the holidays that matter in blackout_dates",
                        ]
                    ).inDutch(
                        "na de wijzigingen heeft \(g.id) leden in de vakantieregio's "
                            + "\(DateRules.regions(g, programme).map(\.rawValue).sorted().joined(separator: " en ")), "
                            + "en de bijeenkomsten vanaf \(from) kunnen niet allemaal binnen de afstandsregels naar "
                            + "dagen die voor hen allen open zijn",
                        suggestions: [
                            "verplaats minder mensen uit andere vakantieregio's naar \(g.id)",
                            "zet holidays = \"none\" en noem de vakanties die ertoe doen in blackout_dates",
                        ]))
            }
            for (j, gi) in component.enumerated() where needing.contains(groups[gi].id) {
                result[groups[gi].id] = out.offsets[j].map { first.adding(days: $0) }
            }
        }
        return result
    }
}
