import Grouping
import Intake
import RunControl
import Scheduling

/// A group opened in a replan for late joiners who fit nowhere: its id and its first calendar, which the
/// calendar step then moves onto valid days (`Scheduler.redate`, forced) and rotates like any other group.
enum NewGroup {
    /// The next id after every group the plan ever had: `G50` after `G49`, with the same prefix and width.
    static func nextID(_ current: CurrentPlan) -> String {
        let ids = Set(current.groups.map(\.id) + current.schedule.meetings.map(\.group)).sorted()
        let sample = ids.first ?? "G01"
        let prefix = String(sample.prefix { !$0.isNumber })
        let width = max(2, sample.count - prefix.count)
        let highest = ids.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
        let digits = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The new group's meetings, numbered like everyone's: a meeting fixed for all groups on a day before `from`
    /// is dropped for this group (it has already happened), and so are the first ones when the rest of the
    /// programme has room for fewer meetings at `min_weeks_between`; the others are spread evenly from `from` to
    /// the last day, as anchors for the calendar step. Refused when not even one meeting fits.
    static func meetings(
        _ programme: Programme, _ g: Group, groupIndex: Int, from: Day, stamp: Double, atMost: Int = .max
    ) throws(ReplanFailure) -> [Meeting] {
        let s = programme.config.schedule
        guard let first = s.firstDate, let last = s.lastDate else { return [] }
        let start = max(from, first)
        guard start <= last else {
            throw .impossible(
                Explanation(
                    .calendar, "a new group \(g.id) cannot meet: the programme ends on \(last)", people: g.members,
                    suggestions: [.init("plan the late joiners as a programme of their own")]
                ).inDutch(
                    "een nieuwe groep \(g.id) kan niet bijeenkomen: het programma eindigt op \(last)",
                    suggestions: ["plan de late instromers als een eigen programma"]))
        }
        let open = (0..<s.meetings).filter { k in s.fixedDates[k + 1].map { $0 >= start } ?? true }
        let fit = min(atMost, 1 + (last - start) / (7 * s.minWeeksBetween))
        let held = Array(open.suffix(fit))
        let counts = Rotation.casesPerMeeting(s.casesPerMeeting, members: g.members.count, meetings: held.count)
        let methods = Methods.sequence(s.methods, meetings: s.meetings, groupIndex: groupIndex)
        return (0..<s.meetings).map { k in
            let date: Day
            var cases = 0
            if let j = held.firstIndex(of: k) {
                date = start.adding(days: held.count == 1 ? 0 : j * (last - start) / (held.count - 1))
                cases = counts[j]
            } else {
                // Not held by this group: on its fixed day, or the day before it started.
                date = s.fixedDates[k + 1] ?? start.adding(days: -1)
            }
            var m = Meeting(
                group: g.id, number: k + 1, date: date, start: s.startMinutes, end: s.startMinutes + s.durationMinutes,
                caseBringers: Array(g.members.prefix(cases)), lookBack: [], method: methods[k], absent: [],
                members: g.members, cancelled: !held.contains(k), stamp: stamp)
            m.cancelledAlone = !held.contains(k)
            return m
        }
    }
}

extension NewGroup {
    /// The new group's meetings with as many held as the calendar rules allow from `from` on (fewest dropped):
    /// each count is tried with the calendar model, largest first.
    static func calendar(
        _ programme: Programme, _ groups: [Group], _ g: Group, _ schedule: ScheduleResult, from: Day, stamp: Double,
        budget: RunBudget
    ) throws(ReplanFailure) -> [Meeting] {
        var atMost = programme.config.schedule.meetings
        while atMost >= 1 {
            var mine = try meetings(
                programme, g, groupIndex: groups.count - 1, from: from, stamp: stamp, atMost: atMost)
            let held = mine.filter { !$0.cancelled }.count
            if let dates = try? Scheduler.redate(
                programme, groups, meetings: schedule.meetings + mine, facilitatorOf: schedule.facilitatorOf,
                from: from, budget: budget, force: [g.id])[g.id]
            {
                // The days the calendar model chose; the calendar step then only rotates the cases.
                for k in mine.indices where !mine[k].cancelled { mine[k].date = dates[mine[k].number - 1] }
                return mine
            }
            atMost = held - 1
        }
        throw .impossible(
            Explanation(
                .calendar,
                "a new group \(g.id) has no valid day for a single meeting from \(from) on (holidays of its "
                    + "members' regions, weekdays, its facilitator's days)",
                people: g.members,
                suggestions: [.init("give an earlier --from, or plan the late joiners as a programme of their own")]
            ).inDutch(
                "een nieuwe groep \(g.id) heeft vanaf \(from) geen geldige dag voor ook maar één bijeenkomst "
                    + "(vakanties van de regio's van de leden, weekdagen, de dagen van de begeleider)",
                suggestions: ["kies een eerdere ingangsdatum, of plan de late instromers als een eigen programma"]))
    }
}
