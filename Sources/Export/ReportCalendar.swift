import Foundation
import Grouping
import Intake
import Scheduling

/// The calendar half of `report.html`: facilitators, the calendar rule check, month grids with a legend and
/// the absences.
enum ReportCalendar {
    static func html(_ v: PlanView, from: Day?) -> [String] {
        let w = v.words, e = Report.e, s = v.schedule, programme = v.programme
        var h = facilitators(v)
        guard !s.meetings.isEmpty, let first = programme.config.schedule.firstDate,
            let last = programme.config.schedule.lastDate
        else {
            if programme.config.schedule.firstDate == nil {
                h.append(
                    HTML.section(
                        "kalender", w.t("Kalender", "Calendar"),
                        intro: w.t(
                            "Nog geen data: zet first_date en last_date onder [schedule] om bijeenkomsten te plannen.",
                            "No dates: set first_date and last_date under [schedule] to plan meetings.")))
            }
            return h
        }
        let config = programme.config.schedule
        let calendar = HolidayCalendar.forConfig(config)
        h.append("<h2 id=\"kalender\" class=\"page\">" + w.t("Kalender", "Calendar") + "</h2>")
        h.append("<h3>" + w.t("Kalendercontrole", "Calendar rule check") + "</h3>")
        h.append(
            "<p>"
                + w.t(
                    "Opnieuw gecontroleerd vanuit de invoer, los van de modellen die de data kozen",
                    "Re-checked from the inputs, independently of the models that chose the dates")
                + (from.map {
                    w.t(
                        "; bijeenkomsten vóór \(v.dates.short($0)) zijn geschiedenis en niet opnieuw gecontroleerd",
                        "; meetings before \(v.dates.short($0)) are history and not re-checked")
                } ?? "") + ".</p>")
        let problems = ScheduleCheck.violations(s, v.result.groups, programme, calendar: calendar, from: from)
        let weeks = "\(config.minWeeksBetween)–\(config.maxWeeksBetween)"
        h.append(
            problems.isEmpty
                ? "<p class=\"ok\">"
                    + w.t(
                        "Elke bijeenkomst valt op een toegestane weekdag, binnen de periode, \(weeks) weken na de "
                            + "vorige, buiten feestdagen, blokkeerdata en de schoolvakanties van de vakantieregio van "
                            + "elk groepslid; vaste data zijn gehouden; geen begeleider zit op twee plaatsen "
                            + "tegelijk of is ingepland terwijl hij of zij niet kan of gebonden is; geen "
                            + "casusinbrenger is op zijn of haar datum afwezig.",
                        "Every meeting is on an allowed weekday, within the period, \(weeks) weeks after the previous "
                            + "one, outside public holidays, blackout dates and the school holidays of every member's "
                            + "holiday region; fixed dates are kept; no facilitator is in two meetings at once or "
                            + "booked when unavailable or tied; no case bringer is unavailable on their date.")
                    + "</p>"
                : "<ul>" + problems.map { "<li class=\"bad\">\(e($0))</li>" }.joined() + "</ul>")
        h.append(
            "<p class=\"legend\"><span class=\"swatch k-room\"></span> "
                + w.t(
                    "gesloten: feestdag of vakantie in alle regio's, of buiten de periode",
                    "closed: a holiday in every region, or outside the period")
                + " · <small>" + w.t("klein", "small") + "</small> "
                + w.t(
                    "schoolvakantie in een deel van de regio's (noord, midden, zuid)",
                    "school holiday in some regions (noord, midden, zuid)")
                + " · <b>G03</b> " + w.t("bijeenkomst van groep G03", "a meeting of group G03") + "</p>")
        let byDay = Dictionary(grouping: s.meetings.filter { !$0.cancelled }, by: \.date)
        var month = (first.year, first.month)
        while (month.0, month.1) <= (last.year, last.month) {
            h.append(
                grid(v, year: month.0, month: month.1, byDay: byDay, calendar: calendar, period: DayRange(first, last)))
            month = month.1 == 12 ? (month.0 + 1, 1) : (month.0, month.1 + 1)
        }
        h += absences(v)
        return h
    }

    static func facilitators(_ v: PlanView) -> [String] {
        let w = v.words, e = Report.e, s = v.schedule
        guard let facilitators = v.programme.facilitators, !facilitators.isEmpty else { return [] }
        var h = [
            HTML.section(
                "begeleiders", w.t("Begeleiders", "Facilitators"),
                intro: w.t(
                    "\(s.facilitatorsOutsideRegion) groep(en) met een begeleider van buiten hun regio — zo weinig "
                        + "mogelijk; daarna is het werk over zo veel mogelijk begeleiders verdeeld.",
                    "\(s.facilitatorsOutsideRegion) group(s) led by a facilitator from outside their region — the "
                        + "fewest possible; then the load spread over as many facilitators as possible.")),
            HTML.table([
                w.t("begeleider", "facilitator"), w.t("regio", "region"), w.t("groepen", "groups"),
                w.t("groepen / max_groups", "load / max_groups"), w.t("gebonden aan", "tied to"),
            ]),
        ]
        for f in facilitators {
            let mine = v.result.groups.filter { s.facilitatorOf[$0.id] == f.index }
            let ids = mine.map { g in
                "<a href=\"#\(g.id)\">\(g.id)</a>"
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
        return h
    }

    static func absences(_ v: PlanView) -> [String] {
        let w = v.words, e = Report.e, s = v.schedule
        var h = ["<h3 id=\"afwezig\">" + w.t("Afwezig", "Absences") + "</h3>"]
        h.append(
            "<p>"
                + (s.absencesOptimised
                    ? w.t(
                        "\(s.absences) keer staat iemand ingepland op een dag waarop hij of zij niet kan; bewezen "
                            + "minimum \(s.absencesBound)\(s.absences == s.absencesBound ? " (optimaal)" : "").",
                        "\(s.absences) member-meeting(s) where someone said they are unavailable; proven minimum "
                            + "\(s.absencesBound)\(s.absences == s.absencesBound ? " (optimal)" : "").")
                    : w.t(
                        "\(s.absences) keer staat iemand ingepland op een dag waarop hij of zij niet kan. Na een "
                            + "herplanning blijven data staan, dus dit is geteld, niet opnieuw geminimaliseerd.",
                        "\(s.absences) member-meeting(s) where someone said they are unavailable. After a replan "
                            + "dates are kept, so absences are counted, not minimised again.")) + "</p>")
        let absent = s.meetings.filter { !$0.absent.isEmpty }
        if !absent.isEmpty {
            h.append(
                HTML.table([
                    w.t("groep", "group"), w.t("bijeenkomst", "meeting"), w.t("datum", "date"),
                    w.t("kan niet", "unavailable"),
                ]))
            for m in absent {
                h.append(HTML.row([m.group, "\(m.number)", v.dates.short(m.date), e(v.names(m.absent))]))
            }
            h.append("</table>")
        }
        return h
    }

    /// A Monday-first month grid: group ids on their meeting days, closures shaded, regional holidays named.
    static func grid(
        _ v: PlanView, year: Int, month: Int, byDay: [Day: [Meeting]], calendar: HolidayCalendar, period: DayRange
    ) -> String {
        let start = Day(year: year, month: month, day: 1)!
        let heads = v.words.t("ma di wo do vr za zo", "Mon Tue Wed Thu Fri Sat Sun").split(separator: " ")
        var h =
            "<div class=\"month\"><h3>\(v.dates.month(month).capitalized) \(year)</h3><table class=\"cal\"><thead><tr>"
            + heads.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tr>"
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
            let title = national ? closures.map(\.name).first.map { " title=\"\(HTML.text($0))\"" } ?? "" : ""
            h +=
                "<td\(cls)\(title)><b>\(d.day)</b>"
                + (regional.isEmpty ? "" : "<br><small>\(HTML.text(regional.joined(separator: ", ")))</small>")
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
