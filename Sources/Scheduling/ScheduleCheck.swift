import Grouping
import Intake

/// Re-checks a finished calendar against every hard rule, from the inputs alone and without the models
/// that built it. An empty list means the calendar may be written.
package enum ScheduleCheck {
    /// Meetings before `from` are history (a replan keeps them as they happened) and cancelled ones no longer
    /// take place, so only the others are held to the rules.
    package static func violations(
        _ r: ScheduleResult, _ groups: [Group], _ programme: Programme, calendar: HolidayCalendar, from: Day? = nil
    ) -> [String] {
        let s = programme.config.schedule
        let p = programme.participants
        var out: [String] = []
        if let facilitators = programme.facilitators, !facilitators.isEmpty {
            for g in groups {
                guard let f = r.facilitatorOf[g.id].map({ facilitators[$0] }) else {
                    out.append("\(g.id) has no facilitator")
                    continue
                }
                if let left = f.leftOn { out.append("\(f.name) left on \(left) but still leads \(g.id)") }
                let tied = Set(f.schools.map(Text.key))
                for i in g.members where tied.contains(Text.key(p[i].school)) {
                    out.append("\(f.name) is tied to \(p[i].school) in \(g.id)")
                }
                // The organiser's facilitator wishes, checked from the wishes themselves.
                let members = Set(g.members)
                for w in programme.wishes where members.contains(w.person) {
                    if w.kind == .facilitator && w.other != f.index {
                        out.append(
                            "\(g.id) is led by \(f.name), but \(p[w.person].name) was promised "
                                + "\(facilitators[w.other].name) (\(w.place))")
                    }
                    if w.kind == .notFacilitator && w.other == f.index {
                        out.append("\(g.id) is led by \(f.name), whom \(p[w.person].name) must not have (\(w.place))")
                    }
                }
            }
            let ids = Set(groups.map(\.id))
            let load = Dictionary(grouping: r.facilitatorOf.filter { ids.contains($0.key) }.values, by: { $0 })
                .mapValues(\.count)
            for (f, n) in load.sorted(by: { $0.key < $1.key }) where n > facilitators[f].maxGroups {
                out.append("\(facilitators[f].name) leads \(n) groups, max_groups \(facilitators[f].maxGroups)")
            }
        }
        guard let first = s.firstDate, let last = s.lastDate else { return out }
        var facilitatorDays: [String: [Meeting]] = [:]
        for g in groups {
            let ms = r.meetings(of: g.id).filter { !$0.cancelled }.sorted { $0.number < $1.number }
            // Meetings the organiser dropped on their own (`--cancel-meeting --no-reschedule`) count as held.
            let dropped = r.meetings(of: g.id).filter { $0.cancelled && $0.cancelledAlone }.map(\.number)
            if ms.count + dropped.count != s.meetings {
                out.append("\(g.id) has \(ms.count) meetings, not \(s.meetings)")
                continue
            }
            let regions = DateRules.regions(g, programme)
            let f = r.facilitatorOf[g.id].map { programme.facilitators![$0] }
            for m in ms where from.map({ m.date >= $0 }) ?? true {
                let d = m.date
                if d < first || d > last { out.append("\(g.id) meeting \(m.number) on \(d) is outside the programme") }
                if !s.weekdays.contains(d.weekday) {
                    out.append("\(g.id) meeting \(m.number) on a \(d.weekday.rawValue)")
                }
                if let e = calendar.closure(on: d, for: regions) {
                    out.append("\(g.id) meeting \(m.number) on \(d) falls in \(e.name)")
                }
                if s.blackoutDates.contains(where: { $0.contains(d) }) {
                    out.append("\(g.id) meeting \(m.number) on blackout date \(d)")
                }
                if let fixed = s.fixedDates[m.number], fixed != d {
                    out.append("\(g.id) meeting \(m.number) is not on its fixed date \(fixed)")
                }
                if let f {
                    if f.unavailable.contains(where: { $0.contains(d) }) {
                        out.append("\(f.name) is unavailable on \(d) (\(g.id))")
                    }
                    let same = facilitatorDays["\(f.index) \(d)", default: []]
                    if !same.isEmpty && s.fixedDates[m.number] != d { out.append("\(f.name) has two meetings on \(d)") }
                    if same.contains(where: { $0.start < m.end && m.start < $0.end }) {
                        out.append("\(f.name) has two meetings at once on \(d)")
                    }
                    facilitatorDays["\(f.index) \(d)", default: []].append(m)
                }
                for i in m.caseBringers where p[i].unavailable.contains(where: { $0.contains(d) }) {
                    out.append("\(p[i].name) brings a case in \(g.id) on \(d) but is unavailable")
                }
                if Set(m.caseBringers).count != m.caseBringers.count {
                    out.append("\(g.id) meeting \(m.number) has the same case bringer twice")
                }
            }
            for (a, b) in zip(ms, ms.dropFirst()) where from.map({ b.date >= $0 }) ?? true {
                let gap = b.date - a.date
                // Across a dropped meeting the longest gap is not kept: the meeting between did not happen.
                let across = (a.number + 1..<b.number).allSatisfy(dropped.contains) && b.number > a.number + 1
                if gap < 7 * s.minWeeksBetween || (gap > 7 * s.maxWeeksBetween && !across) {
                    out.append("\(g.id) meetings \(a.number) and \(b.number) are \(gap) days apart")
                }
                if b.lookBack != a.caseBringers.filter(b.members.contains) {
                    out.append("\(g.id) meeting \(b.number) looks back on the wrong people")
                }
            }
        }
        return out
    }
}
