import Foundation
import Grouping
import Intake
import Scheduling

/// What `intervision plan` prints.
enum PlanText {
    static func summary(_ programme: Programme, _ r: GroupingResult, _ s: ScheduleResult, out: String, files: [String]) -> String {
        let p = programme.participants
        var lines = ["\(programme.config.name): \(p.count) participants in \(r.groups.count) groups (sizes \(r.groups.map(\.members.count).min()!)–\(r.groups.map(\.members.count).max()!))", ""]
        lines.append("objective   metric    value  bound  status")
        for o in r.objectives {
            let status = o.optimal ? "optimal" : String(format: "gap %.1f %%", o.gap * 100)
            lines.append("\(o.objective.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))\(o.objective.metric.padding(toLength: 8, withPad: " ", startingAt: 0))\(String(format: "%7d%7d", o.value, o.bound))  \(status)")
        }
        lines.append("")
        lines.append("rules kept: " + programme.config.separate.map(\.rawValue).joined(separator: ", ") + ", size — re-checked independently")
        lines.append(String(format: "solved in %.2f s%@", r.stats.seconds, r.stats.timeLimitHit ? " (time limit reached in a stage; see report)" : ""))
        lines.append("")
        if !s.facilitatorOf.isEmpty {
            lines.append("facilitators: \(Set(s.facilitatorOf.values).count) lead \(r.groups.count) groups, \(s.facilitatorsOutsideRegion) outside their region (fewest possible)")
        }
        if !s.meetings.isEmpty {
            let dates = s.meetings.map(\.date)
            lines.append("meetings: \(s.meetings.count) from \(dates.min()!) to \(dates.max()!); absences \(s.absences) (proven minimum \(s.absencesBound)); calendar rules re-checked independently")
        }
        lines += s.notes.map { "note: \($0)" }
        lines.append("")
        for g in r.groups {
            let names = g.members.map { p[$0].name }.joined(separator: ", ")
            let facilitator = s.facilitatorOf[g.id].map { " — " + programme.facilitators![$0].name } ?? ""
            let dates = s.meetings(of: g.id).map { "\($0.date)" }.joined(separator: " ")
            lines.append("\(g.id) \(g.homeRegion) (\(g.members.count))\(facilitator): \(names)" + (dates.isEmpty ? "" : "\n    \(dates)"))
        }
        lines.append("")
        let top = files.filter { !$0.hasPrefix("rota/") }
        let rota = files.count - top.count
        lines.append("wrote \(top.map { (out as NSString).appendingPathComponent($0) }.joined(separator: ", "))" + (rota > 0 ? " and \(rota) files in \((out as NSString).appendingPathComponent("rota"))/" : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    static func impossibleCalendar(_ reason: String, _ relaxations: [String]) -> String {
        (["no calendar satisfies the hard rules: \(reason)", "what would make it possible:"] + relaxations.map { "  - \($0)" } + ["nothing was written."])
            .joined(separator: "\n") + "\n"
    }

    static func impossible(_ why: Explanation) -> String {
        var lines = ["no plan satisfies the hard rules: \(why.headline)"]
        lines += why.details.map { "  - \($0)" }
        if !why.relaxations.isEmpty {
            lines.append("what would make a plan possible:")
            lines += why.relaxations.map { "  * \($0.change)" + ($0.effect.isEmpty ? "" : " — \($0.effect)") }
        }
        lines.append("nothing was written.")
        return lines.joined(separator: "\n") + "\n"
    }
}
