import Foundation
import Grouping
import Intake
import Scheduling

/// The calendar half of `report.html`: facilitators, month grids, rotation, absences and the calendar rule check.
enum ReportCalendar {
    static func html(_ programme: Programme, _ result: GroupingResult, _ s: ScheduleResult, from: Day?) -> [String] {
        let p = programme.participants
        let e = Report.e
        var h: [String] = []
        if let facilitators = programme.facilitators, !facilitators.isEmpty {
            h.append(
                "<h2>Facilitators</h2><p>\(s.facilitatorsOutsideRegion) group(s) led by a facilitator from "
                    + "outside their region — the fewest possible; then the load spread over as many facilitators "
                    + "as possible.</p>"
            )
            h.append(HTML.table(["facilitator", "region", "groups", "load / max_groups", "tied to"]))
            for f in facilitators {
                let mine = result.groups.filter { s.facilitatorOf[$0.id] == f.index }
                let ids = mine.map { g in
                    g.id
                        + (f.region.map { Text.key($0) != Text.key(g.homeRegion) && !$0.isEmpty } == true
                            ? " (\(e(g.homeRegion)))" : "")
                }
                h.append(
                    HTML.row([
                        e(f.name), e(f.region ?? ""), ids.joined(separator: ", "), "\(mine.count) / \(f.maxGroups)",
                        e(f.schools.joined(separator: ", ")),
                    ]))
            }
            h.append("</table>")
        }
        guard !s.meetings.isEmpty, let first = programme.config.schedule.firstDate,
            let last = programme.config.schedule.lastDate
        else {
            if programme.config.schedule.firstDate == nil {
                h.append(
                    "<h2>Calendar</h2><p>No dates: set first_date and last_date under [schedule] to plan meetings.</p>")
            }
            return h
        }
        let calendar = HolidayCalendar.forConfig(programme.config.schedule)
        h.append(
            "<h2>Calendar rule check</h2><p>Re-checked from the inputs, independently of the models that chose "
                + "the dates\(from.map { "; meetings before \($0) are history and not re-checked" } ?? "").</p>"
        )
        let problems = ScheduleCheck.violations(s, result.groups, programme, calendar: calendar, from: from)
        h.append(
            problems.isEmpty
                ? "<p class=\"ok\">Every meeting is on an allowed weekday, within the period, "
                    + "\(programme.config.schedule.minWeeksBetween)–\(programme.config.schedule.maxWeeksBetween) "
                    + "weeks after the previous one, outside public holidays, blackout dates and the school "
                    + "holidays of every member's holiday region; fixed dates are kept; no facilitator is "
                    + "in two meetings at once or booked when unavailable or tied; no case bringer is "
                    + "unavailable on their date.</p>"
                : "<ul>" + problems.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        h.append("<h2>Calendar</h2>")
        let byDay = Dictionary(grouping: s.meetings.filter { !$0.cancelled }, by: \.date)
        var month = (first.year, first.month)
        while (month.0, month.1) <= (last.year, last.month) {
            h.append(
                grid(year: month.0, month: month.1, byDay: byDay, calendar: calendar, period: DayRange(first, last)))
            month = month.1 == 12 ? (month.0 + 1, 1) : (month.0, month.1 + 1)
        }
        h.append(
            "<h2>Rotation</h2><p>Case bringers per meeting (the next meeting opens with their look-back) and the "
                + "suggested method.</p>"
        )
        let total = programme.config.schedule.meetings
        h.append("<table><tr><th>group</th>" + (1...total).map { "<th>meeting \($0)</th>" }.joined() + "</tr>")
        for g in result.groups {
            let cells = s.meetings(of: g.id).filter { !$0.cancelled }.map { m in
                let bringers = e(m.caseBringers.map { p[$0].name }.joined(separator: ", "))
                return "<td>\(m.date) \(Clock.text(m.start))<br>\(bringers)<br><small>\(e(m.method))</small></td>"
            }
            h.append("<tr><td>\(g.id)</td>\(cells.joined())</tr>")
        }
        h.append("</table>")
        h.append(
            s.absencesOptimised
                ? "<h2>Absences</h2><p>\(s.absences) member-meeting(s) where someone said they are unavailable; "
                    + "proven minimum \(s.absencesBound)\(s.absences == s.absencesBound ? " (optimal)" : "").</p>"
                : "<h2>Absences</h2><p>\(s.absences) member-meeting(s) where someone said they are unavailable. "
                    + "After a replan dates are kept, so absences are counted, not minimised again.</p>"
        )
        let absent = s.meetings.filter { !$0.absent.isEmpty }
        if !absent.isEmpty {
            h.append(HTML.table(["group", "meeting", "date", "unavailable"]))
            for m in absent {
                h.append(
                    HTML.row([
                        m.group, "\(m.number)", "\(m.date)", e(m.absent.map { p[$0].name }.joined(separator: ", ")),
                    ]))
            }
            h.append("</table>")
        }
        if !s.notes.isEmpty { h.append("<h2>Notes</h2><ul>" + s.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>") }
        return h
    }

    /// A Monday-first month grid: group ids on their meeting days, national closures shaded, regional holidays named.
    static func grid(year: Int, month: Int, byDay: [Day: [Meeting]], calendar: HolidayCalendar, period: DayRange)
        -> String
    {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let start = Day(year: year, month: month, day: 1)!
        var h =
            "<div class=\"month\"><h3>\(names[month - 1]) \(year)</h3><table class=\"cal\"><tr>"
            + ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { "<th>\($0)</th>" }.joined() + "</tr><tr>"
        let lead = Weekday.allCases.firstIndex(of: start.weekday)!
        h += String(repeating: "<td></td>", count: lead)
        var d = start, column = lead
        while d.month == month {
            let closures = calendar.entries.filter { $0.range.contains(d) }
            let byName = Dictionary(grouping: closures.filter { $0.region != nil }, by: \.name)
            let national =
                closures.contains { $0.region == nil }
                || byName.values.contains { $0.count == HolidayRegion.allCases.count }
            let regional =
                national
                ? []
                : byName.keys.sorted().map { name in
                    "\(name) " + byName[name]!.map { $0.region!.rawValue }.sorted().joined(separator: "+")
                }
            let groups = (byDay[d] ?? []).map(\.group).sorted()
            let cls = national || !period.contains(d) ? " class=\"closed\"" : ""
            h +=
                "<td\(cls)><b>\(d.day)</b>"
                + (regional.isEmpty ? "" : "<br><small>\(regional.joined(separator: ", "))</small>")
                + (groups.isEmpty ? "" : "<br>" + groups.joined(separator: " ")) + "</td>"
            column += 1
            if column == 7, d.adding(days: 1).month == month {
                h += "</tr><tr>"
                column = 0
            }
            d = d.adding(days: 1)
        }
        return h + String(repeating: "<td></td>", count: (7 - column) % 7) + "</tr></table></div>"
    }
}
