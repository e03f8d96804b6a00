import Grouping
import Intake
import Scheduling

/// The organiser moves or cancels single meetings (`replan --move-meeting G03:3=2027-04-12`,
/// `--cancel-meeting G03:3`): a move is made exactly as asked or refused with every calendar rule the new day
/// breaks and the nearest days that keep them all; a cancelled meeting goes to the nearest valid day (the calendar
/// model, with that day closed to the group) or, with `--no-reschedule`, is dropped and the rotation shifts.
enum MeetingChanges {
    /// The meetings with the moves and drops made, the groups whose rotation must be made again, and the days
    /// closed to a group for the calendar model to move its cancelled meeting.
    struct Outcome {
        var meetings: [Meeting]
        var rotate: Set<String>
        var blocked: [String: Set<Day>]
    }

    static func apply(
        _ programme: Programme, _ groups: [Group], _ schedule: ScheduleResult, _ request: ReplanRequest
    ) throws(ReplanFailure) -> Outcome {
        var meetings = schedule.meetings
        var rotate = Set<String>(), blocked: [String: Set<Day>] = [:]
        let active = Set(groups.map(\.id))
        func find(_ group: String, _ number: Int, _ option: String) throws(ReplanFailure) -> Int {
            let id = group.uppercased()
            guard active.contains(id) else {
                throw .invalidInput(
                    "\(option) \(group):\(number): \(group) is not a group of this plan (any more)",
                    fix: "use an id from groups.csv (\(groups.map(\.id).joined(separator: ", ")))",
                    dutch: .init(
                        "\(group) is (niet meer) een groep van dit plan",
                        fix: "kies een van de groepen \(groups.map(\.id).joined(separator: ", "))"))
            }
            guard let k = meetings.firstIndex(where: { $0.group == id && $0.number == number }) else {
                throw .invalidInput(
                    "\(option) \(id):\(number): \(id) has no meeting \(number)",
                    fix: "meetings are numbered 1 to \(programme.config.schedule.meetings)",
                    dutch: .init(
                        "\(id) heeft geen bijeenkomst \(number)",
                        fix: "bijeenkomsten zijn genummerd van 1 tot en met \(programme.config.schedule.meetings)"))
            }
            let m = meetings[k]
            guard !m.cancelled else {
                throw .invalidInput(
                    "\(option) \(id):\(number): the meeting is already cancelled", fix: "leave it out",
                    dutch: .init("bijeenkomst \(number) van \(id) is al vervallen", fix: "laat deze wijziging weg"))
            }
            guard m.date >= request.from else {
                throw .invalidInput(
                    "\(option) \(id):\(number): the meeting on \(m.date) is history (before \(request.from))",
                    fix: "give --from on or before \(m.date), or leave it out",
                    dutch: .init(
                        "bijeenkomst \(number) van \(id) op \(m.date) is geschiedenis (vóór \(request.from))",
                        fix: "kies een ingangsdatum op of vóór \(m.date), of laat deze wijziging weg"))
            }
            return k
        }
        for move in request.meetingMoves {
            let k = try find(move.group, move.number, "--move-meeting")
            guard move.date >= request.from else {
                throw .invalidInput(
                    "--move-meeting \(meetings[k].group):\(move.number): \(move.date) is before --from "
                        + "\(request.from)", fix: "move it to a later day",
                    dutch: .init(
                        "\(move.date) ligt vóór de ingangsdatum van de wijzigingen, \(request.from)",
                        fix: "verplaats de bijeenkomst naar een latere dag"))
            }
            var trial = schedule
            trial.meetings = meetings
            trial.meetings[k].date = move.date
            let problems = violations(trial, meetings[k].group, groups, programme, from: request.from)
            if !problems.isEmpty {
                let near = nearest(trial, k, groups, programme, from: request.from).filter { $0 != meetings[k].date }
                throw .impossible(
                    Explanation(
                        .calendar,
                        "\(meetings[k].group) meeting \(move.number) cannot move to \(move.date)",
                        details: problems,
                        suggestions: near.isEmpty
                            ? [.init("cancel it instead: --cancel-meeting \(meetings[k].group):\(move.number)")]
                            : near.map { .init("--move-meeting \(meetings[k].group):\(move.number)=\($0)") }
                    ).inDutch(
                        "bijeenkomst \(move.number) van \(meetings[k].group) kan niet naar \(move.date)",
                        details: violations(
                            trial, meetings[k].group, groups, programme, from: request.from, dutch: true),
                        suggestions: near.isEmpty
                            ? ["laat de bijeenkomst in plaats daarvan vervallen"]
                            : near.map { "verplaats bijeenkomst \(move.number) naar \($0)" }))
            }
            meetings[k].date = move.date
            rotate.insert(meetings[k].group)
        }
        for cancel in request.meetingCancellations {
            let k = try find(cancel.group, cancel.number, "--cancel-meeting")
            if request.reschedule {
                blocked[meetings[k].group, default: []].insert(meetings[k].date)
            } else {
                meetings[k].cancelled = true
                meetings[k].cancelledAlone = true
            }
            rotate.insert(meetings[k].group)
        }
        return Outcome(meetings: meetings, rotate: rotate, blocked: blocked)
    }

    /// The calendar rules `group`'s meetings (and its facilitator's) break in `schedule`, by `ScheduleCheck`.
    static func violations(
        _ schedule: ScheduleResult, _ group: String, _ groups: [Group], _ programme: Programme, from: Day,
        dutch: Bool = false
    ) -> [String] {
        let f = schedule.facilitatorOf[group]
        let related = groups.filter { $0.id == group || (f != nil && schedule.facilitatorOf[$0.id] == f) }
        let calendar = HolidayCalendar.forConfig(programme.config.schedule)
        // Members' absences are not a rule: the rotation makes room for them.
        return ScheduleCheck.violations(
            schedule, related, programme, calendar: calendar, from: from, dutch: dutch, turns: false)
    }

    /// Up to three days nearest to the asked one (either side, within four weeks of the meeting's own day) that
    /// keep every rule.
    static func nearest(
        _ trial: ScheduleResult, _ k: Int, _ groups: [Group], _ programme: Programme, from: Day
    ) -> [Day] {
        let asked = trial.meetings[k].date
        var out: [Day] = []
        for distance in 1...28 {
            for day in [asked.adding(days: -distance), asked.adding(days: distance)] where day >= from {
                var t = trial
                t.meetings[k].date = day
                if violations(t, t.meetings[k].group, groups, programme, from: from).isEmpty { out.append(day) }
            }
            if out.count >= 3 { break }
        }
        return Array(out.prefix(3))
    }
}
