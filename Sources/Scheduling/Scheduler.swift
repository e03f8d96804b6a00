import Foundation
import GLPK
import Grouping
import Intake
import RunControl

/// What scheduling may spend and where it reports.
public typealias SchedulingOptions = RunContext

/// Stage 3 of the pipeline: facilitators, meeting dates and the case-bringer rotation for formed groups.
public enum Scheduler {
    /// Facilitators, meeting dates, case bringers and methods for the groups. Re-checked by
    /// `ScheduleCheck` before it is returned.
    public static func plan(
        _ programme: Programme, _ groups: [Group], options: SchedulingOptions = SchedulingOptions(timeLimit: 30)
    )
        throws(SchedulingFailure) -> ScheduleResult
    {
        let p = programme.participants
        var result = ScheduleResult()
        let budget = options.budget, events = options.events
        if let facilitators = programme.facilitators, !facilitators.isEmpty {
            events.started(.facilitators, budget)
            let outcome = try FacilitatorAssignment.assign(
                groups, facilitators, p, wishes: programme.wishes, budget: budget)
            result.facilitatorOf = outcome.facilitatorOf
            result.facilitatorsOutsideRegion = outcome.outsideRegion
            events.finished(
                .facilitators, budget, "\(outcome.outsideRegion) groups led from outside their region (fewest possible)"
            )
        }
        let s = programme.config.schedule
        guard let first = s.firstDate, let last = s.lastDate else { return result }
        let calendar = HolidayCalendar.forConfig(s)
        if let c = calendar.coverage, !(c.contains(first) && c.contains(last)) {
            throw .invalidInput(
                "the built-in Dutch holidays cover \(c.first) to \(c.last), but the programme runs \(first) to \(last)",
                fix: "set [schedule] holidays = \"none\" and list the holidays yourself in blackout_dates",
                dutch: .init(
                    "de ingebouwde Nederlandse vakanties lopen van \(c.first) tot \(c.last), maar het programma loopt "
                        + "van \(first) tot \(last)",
                    fix: "zet [schedule] holidays = \"none\" en noem de vakanties zelf in blackout_dates"))
        }
        let rules = DateRules(schedule: s, calendar: calendar, first: first, last: last)
        let facilitator: (Group) -> Facilitator? = { g in result.facilitatorOf[g.id].map { programme.facilitators![$0] }
        }
        var inputs: [DateModel.Input] = []
        for g in groups {
            let regions = DateRules.regions(g, programme)
            let cands = rules.candidates(regions: regions, facilitator: facilitator(g))
            if !rules.feasible(cands) {
                throw CalendarExplanation.group(g, regions: regions, facilitator: facilitator(g), rules: rules)
            }
            inputs.append(DateModel.Input(group: g, candidates: cands, first: first, programme: programme))
        }
        let components = DateModel.components(groups, facilitatorOf: result.facilitatorOf)
        var offsets = [[Int]](repeating: [], count: groups.count)
        events.started(.dates, budget, "\(groups.count) groups, \(s.meetings) meetings each")
        var byRule: [String] = []
        for (n, component) in components.enumerated() {
            let out = try DateModel.solve(
                component.map { inputs[$0] }, rules: rules, budget: budget, share: 1 / Double(components.count - n))
            if out.status == .infeasible {
                throw CalendarExplanation.shared(
                    component.map { groups[$0] }, facilitator: facilitator(groups[component[0]])!, rules: rules)
            }
            for (j, g) in component.enumerated() { offsets[g] = out.offsets[j] }
            result.absences += out.absences
            result.absencesBound += out.bound
            if out.byRule { byRule += component.map { groups[$0].id } }
        }
        if !byRule.isEmpty {
            let ids = byRule.sorted().joined(separator: ", ")
            result.notes.append(
                .init(
                    en: "the meeting dates of \(ids) are the earliest valid days: the date model found no calendar "
                        + "within its work limit, so absences there are not minimised (a longer time limit may do "
                        + "better)",
                    nl: "de data van \(ids) zijn de vroegst geldige dagen: het datummodel vond binnen zijn werklimiet "
                        + "geen kalender, dus afwezigheid is daar niet geminimaliseerd (een ruimere tijdslimiet kan "
                        + "beter)"))
        }
        events.finished(.dates, budget, "\(result.absences) absences (at least \(result.absencesBound) unavoidable)")
        events.started(.rotation, budget)
        for (gi, g) in groups.enumerated() {
            let dates = offsets[gi].map { first.adding(days: $0) }
            let absent = offsets[gi].map { inputs[gi].absentees[$0] ?? [] }
            let counts = Rotation.casesPerMeeting(s.casesPerMeeting, members: g.members.count, meetings: s.meetings)
            let rota = try Rotation.assign(
                group: g.id, members: g.members, absent: absent, counts: counts,
                names: { p[$0].name }, budget: budget)
            result.notes += rota.notes
            let methods = Methods.sequence(s.methods, meetings: s.meetings, groupIndex: gi)
            for k in 0..<s.meetings {
                result.meetings.append(
                    Meeting(
                        group: g.id, number: k + 1, date: dates[k], start: s.startMinutes,
                        end: s.startMinutes + s.durationMinutes,
                        caseBringers: rota.bringers[k], lookBack: k == 0 ? [] : rota.bringers[k - 1],
                        method: methods[k], absent: absent[k], members: g.members))
            }
        }
        events.finished(.rotation, budget, "\(result.meetings.count) meetings")
        let regions = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.homeRegion) })
        for k in result.meetings.indices {
            result.meetings[k].place(programme.config, region: regions[result.meetings[k].group])
        }
        try stagger(&result, programme)
        let problems = ScheduleCheck.violations(result, groups, programme, calendar: calendar)
        guard problems.isEmpty else {
            throw .internalError("the calendar breaks a rule: " + problems.prefix(5).joined(separator: "; "))
        }
        return result
    }
}

extension Scheduler {
    /// Minutes between two meetings a facilitator leads on one fixed date.
    static let changeover = 30

    /// On a date fixed for all groups, a facilitator's groups follow each other in group order.
    static func stagger(_ r: inout ScheduleResult, _ programme: Programme) throws(SchedulingFailure) {
        let s = programme.config.schedule
        let shared = Dictionary(
            grouping: r.meetings.indices.filter { r.facilitatorOf[r.meetings[$0].group] != nil },
            by: { "\(r.facilitatorOf[r.meetings[$0].group]!) \(r.meetings[$0].date)" })
        var staggered: [Day: (facilitators: Int, starts: Set<Int>)] = [:]
        for key in shared.keys.sorted() {
            let ids = shared[key]!
            guard ids.count > 1 else { continue }
            for (n, i) in ids.enumerated() {
                r.meetings[i].start = s.startMinutes + n * (s.durationMinutes + changeover)
                r.meetings[i].end = r.meetings[i].start + s.durationMinutes
            }
            if let late = ids.last, r.meetings[late].end > 24 * 60 {
                let f = programme.facilitators![r.facilitatorOf[r.meetings[late].group]!]
                throw .impossible(
                    Explanation(
                        .calendar,
                        "on \(r.meetings[late].date), fixed for all groups, \(f.name) would lead \(ids.count) "
                            + "groups one after the other, past midnight",
                        changes: [
                            "lower max_groups for \(f.name)", "start earlier (start_time) or shorten duration_minutes",
                            "remove the fixed date",
                        ]
                    ).inDutch(
                        "op \(r.meetings[late].date), voor alle groepen vastgelegd, zou \(f.name) \(ids.count) groepen "
                            + "na elkaar leiden, tot na middernacht",
                        suggestions: [
                            "verlaag max_groups van \(f.name)",
                            "begin eerder (start_time) of verkort duration_minutes", "haal de vaste datum weg",
                        ]))
            }
            let day = r.meetings[ids[0]].date
            staggered[day, default: (0, [])].facilitators += 1
            staggered[day]!.starts.formUnion(ids.map { r.meetings[$0].start })
        }
        // One note per fixed date, not one per facilitator: the times are in every calendar and rota.
        for (day, s) in staggered.sorted(by: { $0.key < $1.key }) {
            let times = s.starts.sorted().map(Clock.text)
            let en = times.dropLast().joined(separator: ", ") + " and " + times.last!
            let nl = times.dropLast().joined(separator: ", ") + " en " + times.last!
            r.notes.append(
                .init(
                    en: "\(day) is fixed for all groups: \(s.facilitators) facilitator(s) lead more than one group "
                        + "that day, one after the other, starting at \(en); each group's start time is in its "
                        + "calendar",
                    nl: "\(day) is voor alle groepen vast: \(s.facilitators) begeleider(s) leiden die dag meer dan "
                        + "één "
                        + "groep na elkaar, met begintijden \(nl); de begintijd van elke groep staat in zijn agenda"))
        }
    }
}

/// `HH:MM` for minutes after midnight.
public enum Clock {
    /// Minutes after midnight for `HH:MM` (hours up to 47 for meetings after midnight); nil otherwise.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...47).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return parts[0] * 60 + parts[1]
    }

    /// `HH:MM` for minutes after midnight.
    public static func text(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}
