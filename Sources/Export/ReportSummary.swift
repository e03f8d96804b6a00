import Grouping
import Intake
import Scheduling

/// The report's opening: one sentence saying whether everything is in order, what needs the organiser's
/// attention (each item says what it means), the key figures, and links to the sections.
enum ReportSummary {
    static func html(_ v: PlanView, replan: PlanDocument.ReplanEntry?) -> [String] {
        let w = v.words, e = Report.e
        let programme = v.programme, s = v.schedule
        let ruleBreaks = PlanCheck.violations(v.result.groups, programme, sizes: v.sizes)
        let calendarBreaks = calendarProblems(v, from: replan?.from)
        let open = v.result.objectives.enumerated().filter { !$0.element.optimal }
        let repeated = programme.repeatedPairs(v.result.groups.map(\.members))
        let freshOpen = !programme.metBefore.isEmpty && repeated > programme.freshBound
        var attention: [String] = []
        for b in ruleBreaks {
            attention.append(HTML.bad(w.t("Regel overtreden: ", "Rule broken: ")) + e(b.description))
        }
        for b in calendarBreaks { attention.append(HTML.bad(w.t("Kalenderregel: ", "Calendar rule: ")) + e(b)) }
        if v.result.stats.clockStopped {
            attention.append(
                w.t(
                    "De tijdslimiet stopte een rekenstap: opnieuw plannen kan een ander plan geven. Plan opnieuw met "
                        + "een ruimere <code>--time-limit</code> voordat je het plan verstuurt.",
                    "The time limit stopped a stage: a rerun may give a different plan. Plan again with a longer "
                        + "<code>--time-limit</code> before sending it out."))
        }
        // Repeated pairs in their place in the organiser's order.
        let fresh =
            w.t(
                "Doel <b>niet opnieuw samen</b>: \(repeated) paren die eerder in één groep zaten, zitten weer samen; "
                    + "bewezen ondergrens \(programme.freshBound) (zie <a href=\"#doelen\">Doelen</a>).",
                "Objective <b>fresh groups</b>: \(repeated) pairs who shared a group before share one again; "
                    + "proven lower bound \(programme.freshBound) (see <a href=\"#doelen\">Objectives</a>).")
        for (rank, o) in open {
            if freshOpen && rank >= programme.config.freshPlace && !attention.contains(fresh) {
                attention.append(fresh)
            }
            attention.append(
                w.t("Doel ", "Objective ")
                    + "<b>\(e(w.name(o.objective)))</b>: \(o.value) \(e(w.counts(o.objective, o.value)))"
                    + w.t(", bewezen ondergrens \(o.bound) — ", ", proven lower bound \(o.bound) — ")
                    + w.t("mogelijk kan het beter (gat ", "it may be possible to do better (gap ")
                    + Report.percent(o.gap, v) + ").")
        }
        if freshOpen && !attention.contains(fresh) { attention.append(fresh) }
        if s.absences > 0 {
            attention.append(
                w.t(
                    "\(s.absences) keer staat iemand ingepland op een dag waarop hij of zij heeft aangegeven niet te "
                        + "kunnen (zie <a href=\"#afwezig\">Afwezig</a>)",
                    "\(s.absences) times someone is planned on a day they said they cannot come (see "
                        + "<a href=\"#afwezig\">Absences</a>)")
                    + (s.absencesOptimised && s.absences == s.absencesBound
                        ? w.t(" — het minimum dat mogelijk is.", " — the fewest possible.") : "."))
        }
        if s.facilitatorsOutsideRegion > 0 {
            attention.append(
                w.t(
                    "\(s.facilitatorsOutsideRegion) groep(en) met een begeleider uit een andere regio — het minimum "
                        + "met deze begeleiders.",
                    "\(s.facilitatorsOutsideRegion) group(s) led by a facilitator from another region — the fewest "
                        + "possible with these facilitators."))
        }
        for note in s.notes { attention.append(e(v.lang == .nl ? note.nl : note.en)) }
        let below = v.attendance.filter(\.below).count
        if below > 0 {
            attention.append(
                w.t(
                    "\(below) deelnemer(s) onder de minimale aanwezigheid (zie "
                        + "<a href=\"#aanwezigheid\">Aanwezigheid</a>).",
                    "\(below) participant(s) below the minimum attendance (see "
                        + "<a href=\"#aanwezigheid\">Attendance</a>)."))
        }
        let warnings = programme.warnings.count
        if warnings > 0 {
            attention.append(
                w.t(
                    "\(warnings) opmerking(en) bij de invoer; geen ervan hield het plan tegen (zie "
                        + "<a href=\"#invoer\">Opmerkingen bij de invoer</a>).",
                    "\(warnings) note(s) on the input; none stopped the plan (see "
                        + "<a href=\"#invoer\">Notes on the input</a>)."))
        }
        var h: [String] = []
        let (cls, sentence) = status(
            v, broken: ruleBreaks.count + calendarBreaks.count, open: open.count + (freshOpen ? 1 : 0))
        h.append("<div class=\"status \(cls)\">\(sentence)</div>")
        h.append(figures(v))
        h.append("<h2 id=\"aandacht\">" + w.t("Wat aandacht vraagt", "What needs attention") + "</h2>")
        h.append(
            attention.isEmpty
                ? "<p class=\"ok\">"
                    + w.t(
                        "Niets: het plan kan zo verstuurd worden.",
                        "Nothing: the plan can be sent "
                            + "as it is.") + "</p>"
                : "<ul class=\"attention\">" + attention.map { "<li>\($0)</li>" }.joined() + "</ul>")
        h.append(
            "<nav>"
                + [
                    ("groepen", w.t("Groepen", "Groups")), ("index", w.t("Deelnemers A–Z", "Participants A–Z")),
                    ("kalender", w.t("Kalender", "Calendar")), ("begeleiders", w.t("Begeleiders", "Facilitators")),
                    ("doelen", w.t("Doelen", "Objectives")), ("regels", w.t("Regelcontrole", "Rule check")),
                ].map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined()
                + (v.attendance.isEmpty
                    ? "" : "<a href=\"#aanwezigheid\">" + w.t("Aanwezigheid", "Attendance") + "</a>") + "</nav>")
        return h
    }

    /// The first thing the organiser reads: green when every rule holds and every objective is proven optimal.
    static func status(_ v: PlanView, broken: Int, open: Int) -> (String, String) {
        let w = v.words
        if broken > 0 {
            return (
                "bad",
                w.t(
                    "✗ Het plan overtreedt \(broken) regel(s) — niet versturen; zie hieronder.",
                    "✗ The plan breaks \(broken) rule(s) — do not send it; see below.")
            )
        }
        let groups = w.count(v.result.groups.count, "groep", "groepen", "group", "groups")
        let people = w.count(v.groupOf.count, "deelnemer", "deelnemers", "participant", "participants")
        if open > 0 || v.result.stats.clockStopped {
            return (
                "warn",
                w.t(
                    "✓ Alle regels gehouden: \(people) in \(groups). Niet alles is bewezen optimaal; zie hieronder.",
                    "✓ Every rule holds: \(people) in \(groups). Not everything is proven optimal; see below.")
            )
        }
        return (
            "ok",
            w.t(
                "✓ Alles in orde: \(people) in \(groups), alle regels gehouden en elk doel bewezen optimaal.",
                "✓ All in order: \(people) in \(groups), every rule holds and every objective is proven optimal.")
        )
    }

    static func figures(_ v: PlanView) -> String {
        let w = v.words, s = v.programme.config.schedule
        var cards: [(String, String)] = [
            ("\(v.groupOf.count)", w.t("deelnemers", "participants")),
            ("\(v.result.groups.count)", w.t("groepen", "groups")),
        ]
        let sizes = v.result.groups.map(\.members.count)
        if let lo = sizes.min(), let hi = sizes.max() {
            cards.append((lo == hi ? "\(lo)" : "\(lo)–\(hi)", w.t("per groep", "per group")))
        }
        if let f = v.programme.facilitators {
            let active = Set(v.schedule.facilitatorOf.values).count
            cards.append(("\(active)", w.t("begeleiders (van \(f.count))", "facilitators (of \(f.count))")))
        }
        let meetings = v.schedule.meetings.filter { !$0.cancelled }
        if !meetings.isEmpty {
            cards.append(("\(meetings.count)", w.t("bijeenkomsten", "meetings")))
            if let first = meetings.map(\.date).min(), let last = meetings.map(\.date).max() {
                let period = "\(v.dates.compact(first)) – \(v.dates.compact(last))"
                cards.append((period, w.t("periode", "period") + " \(last.year)"))
            }
        } else if s.firstDate == nil {
            cards.append(("—", w.t("nog geen data (zet first_date)", "no dates yet (set first_date)")))
        }
        if let away = v.result.objectives.first(where: { $0.objective == .region }) {
            cards.append(("\(away.value)", w.t("buiten eigen regio", "outside own region")))
        }
        return "<div class=\"figures\">"
            + cards.map { "<div class=\"figure\"><b>\(Report.e($0.0))</b><span>\(Report.e($0.1))</span></div>" }
            .joined() + "</div>"
    }

    static func calendarProblems(_ v: PlanView, from: Day?) -> [String] {
        let s = v.programme.config.schedule
        guard !v.schedule.meetings.isEmpty, s.firstDate != nil else { return [] }
        return ScheduleCheck.violations(
            v.schedule, v.result.groups, v.programme, calendar: HolidayCalendar.forConfig(s), from: from)
    }
}
