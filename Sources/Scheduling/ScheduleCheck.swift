import Grouping
import Intake

/// Re-checks a finished calendar against every hard rule, from the inputs alone and without the models
/// that built it. An empty list means the calendar may be written.
package enum ScheduleCheck {
    /// Meetings before `from` are history (a replan keeps them as they happened) and cancelled ones no longer
    /// take place, so only the others are held to the rules. `dutch` gives the same findings in Dutch, for an
    /// organiser's page; `turns: false` leaves out who brings a case and who is looked back on (a meeting moved by
    /// hand gets its turns rotated afterwards, so they are not a reason to refuse the day).
    package static func violations(
        _ r: ScheduleResult, _ groups: [Group], _ programme: Programme, calendar: HolidayCalendar, from: Day? = nil,
        dutch: Bool = false, turns: Bool = true
    ) -> [String] {
        let s = programme.config.schedule
        let p = programme.participants
        var out: [String] = []
        func add(_ english: String, _ inDutch: @autoclosure () -> String) { out.append(dutch ? inDutch() : english) }
        if let facilitators = programme.facilitators, !facilitators.isEmpty {
            for g in groups {
                guard let f = r.facilitatorOf[g.id].map({ facilitators[$0] }) else {
                    add("\(g.id) has no facilitator", "\(g.id) heeft geen begeleider")
                    continue
                }
                if let left = f.leftOn {
                    add(
                        "\(f.name) left on \(left) but still leads \(g.id)",
                        "\(f.name) stopte op \(left) maar leidt \(g.id) nog")
                }
                let tied = Set(f.schools.map(Text.key))
                for i in g.members where tied.contains(Text.key(p[i].school)) {
                    add(
                        "\(f.name) is tied to \(p[i].school) in \(g.id)",
                        "\(f.name) is verbonden aan \(p[i].school) in \(g.id)")
                }
                // The organiser's facilitator wishes, checked from the wishes themselves.
                let members = Set(g.members)
                for w in programme.wishes where members.contains(w.person) {
                    if w.kind == .facilitator && w.other != f.index {
                        add(
                            "\(g.id) is led by \(f.name), but \(p[w.person].name) was promised "
                                + "\(facilitators[w.other].name) (\(w.place))",
                            "\(g.id) wordt geleid door \(f.name), maar \(p[w.person].name) is "
                                + "\(facilitators[w.other].name) beloofd (\(w.place))")
                    }
                    if w.kind == .notFacilitator && w.other == f.index {
                        add(
                            "\(g.id) is led by \(f.name), whom \(p[w.person].name) must not have (\(w.place))",
                            "\(g.id) wordt geleid door \(f.name), die \(p[w.person].name) niet mag hebben (\(w.place))")
                    }
                }
            }
            let ids = Set(groups.map(\.id))
            let load = Dictionary(grouping: r.facilitatorOf.filter { ids.contains($0.key) }.values, by: { $0 })
                .mapValues(\.count)
            for (f, n) in load.sorted(by: { $0.key < $1.key }) where n > facilitators[f].maxGroups {
                add(
                    "\(facilitators[f].name) leads \(n) groups, max_groups \(facilitators[f].maxGroups)",
                    "\(facilitators[f].name) leidt \(n) groepen, max_groups \(facilitators[f].maxGroups)")
            }
        }
        guard let first = s.firstDate, let last = s.lastDate else { return out }
        var facilitatorDays: [String: [Meeting]] = [:]
        for g in groups {
            let ms = r.meetings(of: g.id).filter { !$0.cancelled }.sorted { $0.number < $1.number }
            // Meetings the organiser dropped on their own (`--cancel-meeting --no-reschedule`) count as held.
            let dropped = r.meetings(of: g.id).filter { $0.cancelled && $0.cancelledAlone }.map(\.number)
            if ms.count + dropped.count != s.meetings {
                add(
                    "\(g.id) has \(ms.count) meetings, not \(s.meetings)",
                    "\(g.id) heeft \(ms.count) bijeenkomsten, geen \(s.meetings)")
                continue
            }
            let regions = DateRules.regions(g, programme)
            let f = r.facilitatorOf[g.id].map { programme.facilitators![$0] }
            for m in ms where from.map({ m.date >= $0 }) ?? true {
                let d = m.date
                let meeting = "\(g.id) meeting \(m.number)", bijeenkomst = "bijeenkomst \(m.number) van \(g.id)"
                if d < first || d > last {
                    add(
                        "\(meeting) on \(d) is outside the programme",
                        "\(bijeenkomst) op \(d) valt buiten het programma")
                }
                if !s.weekdays.contains(d.weekday) {
                    add(
                        "\(meeting) on a \(d.weekday.rawValue)",
                        "\(bijeenkomst) valt op een \(d.weekday.dutchName), geen toegestane weekdag")
                }
                if let e = calendar.closure(on: d, for: regions) {
                    add("\(meeting) on \(d) falls in \(e.name)", "\(bijeenkomst) op \(d) valt in \(e.name)")
                }
                if s.blackoutDates.contains(where: { $0.contains(d) }) {
                    add("\(meeting) on blackout date \(d)", "\(bijeenkomst) valt op een uitgesloten datum, \(d)")
                }
                if let fixed = s.fixedDates[m.number], fixed != d {
                    add(
                        "\(meeting) is not on its fixed date \(fixed)",
                        "\(bijeenkomst) staat niet op de vaste datum \(fixed)")
                }
                if let f {
                    if f.unavailable.contains(where: { $0.contains(d) }) {
                        add("\(f.name) is unavailable on \(d) (\(g.id))", "\(f.name) kan niet op \(d) (\(g.id))")
                    }
                    let same = facilitatorDays["\(f.index) \(d)", default: []]
                    if !same.isEmpty && s.fixedDates[m.number] != d {
                        add("\(f.name) has two meetings on \(d)", "\(f.name) heeft twee bijeenkomsten op \(d)")
                    }
                    if same.contains(where: { $0.start < m.end && m.start < $0.end }) {
                        add(
                            "\(f.name) has two meetings at once on \(d)",
                            "\(f.name) heeft op \(d) twee bijeenkomsten tegelijk")
                    }
                    facilitatorDays["\(f.index) \(d)", default: []].append(m)
                }
                for i in m.caseBringers where turns && p[i].unavailable.contains(where: { $0.contains(d) }) {
                    add(
                        "\(p[i].name) brings a case in \(g.id) on \(d) but is unavailable",
                        "\(p[i].name) brengt op \(d) een casus in bij \(g.id) maar kan dan niet")
                }
                if Set(m.caseBringers).count != m.caseBringers.count {
                    add(
                        "\(meeting) has the same case bringer twice",
                        "\(bijeenkomst) heeft twee keer dezelfde casusinbrenger")
                }
            }
            for (a, b) in zip(ms, ms.dropFirst()) where from.map({ b.date >= $0 }) ?? true {
                let gap = b.date - a.date
                // Across a dropped meeting the longest gap is not kept: the meeting between did not happen.
                let across = (a.number + 1..<b.number).allSatisfy(dropped.contains) && b.number > a.number + 1
                if gap < 7 * s.minWeeksBetween || (gap > 7 * s.maxWeeksBetween && !across) {
                    add(
                        "\(g.id) meetings \(a.number) and \(b.number) are \(gap) days apart",
                        "bijeenkomsten \(a.number) en \(b.number) van \(g.id) liggen \(gap) dagen uit elkaar "
                            + "(toegestaan: \(7 * s.minWeeksBetween)–\(7 * s.maxWeeksBetween))")
                }
                if turns && b.lookBack != a.caseBringers.filter(b.members.contains) {
                    add(
                        "\(g.id) meeting \(b.number) looks back on the wrong people",
                        "bijeenkomst \(b.number) van \(g.id) kijkt terug op de verkeerde mensen")
                }
            }
        }
        return out
    }
}
