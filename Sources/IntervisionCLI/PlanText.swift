import Foundation
import IntervisionKit

/// What `intervision plan` prints.
enum PlanText {
    static func summary(_ planned: PlannedProgramme) -> String {
        let programme = planned.programme, r = planned.grouping, s = planned.schedule
        let p = programme.participants
        let sizes = r.groups.map(\.members.count)
        var lines = [
            "\(programme.config.name): \(p.count) participants in \(r.groups.count) groups "
                + "(sizes \(sizes.min() ?? 0)–\(sizes.max() ?? 0))", "",
        ]
        lines.append("objective   metric    value  bound  status")
        var rows = r.objectives.map { o in
            o.objective.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + o.objective.metric.padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(format: "%7d%7d", o.value, o.bound)
                + "  \(o.optimal ? "optimal" : String(format: "gap %.1f %%", o.gap * 100))"
        }
        if !programme.metBefore.isEmpty {
            let n = programme.repeatedPairs(r.groups.map(\.members))
            // In its place in the organiser's order (first unless `[rules] priorities` ranks it lower).
            rows.insert(
                "fresh       met before\(String(format: "%5d%7d", n, programme.freshBound))  "
                    + (n == programme.freshBound
                        ? "optimal" : "(of \(programme.metBefore.count) pairs who met before)"),
                at: min(programme.config.freshPlace, rows.count))
        }
        lines += rows
        lines.append("")
        lines.append(
            "rules kept: " + programme.conflicts.rules.map(\.rawValue).joined(separator: ", ")
                + (programme.wishes.contains { $0.kind == .together } ? ", together" : "")
                + ", size — re-checked independently")
        let limit =
            r.stats.clockStopped
            ? " (stopped by the time limit; a rerun may differ — see report)"
            : r.stats.timeLimitHit ? " (work limit reached in a stage; see report)" : ""
        lines.append(String(format: "solved in %.2f s", r.stats.seconds) + limit)
        lines.append("")
        if !s.facilitatorOf.isEmpty {
            lines.append(
                "facilitators: \(Set(s.facilitatorOf.values).count) lead \(r.groups.count) groups, "
                    + "\(s.facilitatorsOutsideRegion) outside their region (fewest possible)")
        }
        if let first = s.meetings.map(\.date).min(), let last = s.meetings.map(\.date).max() {
            lines.append(
                "meetings: \(s.meetings.count) from \(first) to \(last); absences \(s.absences) "
                    + "(proven minimum \(s.absencesBound)); calendar rules re-checked independently")
        }
        lines += s.notes.map { "note: \($0)" }
        lines.append("")
        // A long list helps nobody on a terminal: beyond a screenful the report shows the groups.
        for g in r.groups where r.groups.count <= maxListedGroups {
            let names = g.members.map { p[$0].name }.joined(separator: ", ")
            let facilitator = s.facilitatorOf[g.id].map { " — " + programme.facilitators![$0].name } ?? ""
            let dates = s.meetings(of: g.id).map { "\($0.date)" }.joined(separator: " ")
            lines.append(
                "\(g.id) \(g.homeRegion) (\(g.members.count))\(facilitator): \(names)"
                    + (dates.isEmpty ? "" : "\n    \(dates)"))
        }
        if r.groups.count > maxListedGroups {
            lines.append("\(r.groups.count) groups: see report.html for each group, its dates and case turns")
        }
        lines.append("")
        lines += written(planned.files, in: planned.folder)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Groups listed one by one up to this many.
    static let maxListedGroups = 15

    /// Which file is for what, the one to open first on top.
    static func written(_ files: [String], in folder: String) -> [String] {
        let has = Set(files)
        let rows: [(String, String)] = [
            ("report.html", "open this first: the plan at a glance, every group with its dates and case turns"),
            ("plan.xlsx", "groups, meetings, participants and facilitators for Excel"),
            ("mailmerge.xlsx", "one row per participant for a mail merge in Word or Outlook (also mailmerge.csv)"),
            ("rota/", "calendars (.ics) and lists per group and facilitator; rota/people/ per participant"),
            ("changes.md", "what changed and who must receive which files"),
            ("groups.csv", "groups.csv, schedule.csv and plan.json: for scripts and later replans"),
        ]
        var out = ["wrote \(files.count) files in \(folder):"]
        for (file, what) in rows
        where has.contains(file) || (file == "rota/" && files.contains { $0.hasPrefix("rota/") }) {
            out.append(
                "  " + (file == "groups.csv" ? "" : file.padding(toLength: 16, withPad: " ", startingAt: 0)) + what)
        }
        return out
    }
}
