import Grouping
import Intake
import Scheduling

/// Every group as a card — facilitator, venue, its dates, who brings a case when, and why anyone sits outside
/// their region — and the index by name that answers "where is this person, and when is their turn?".
enum ReportGroups {
    static func groups(_ v: PlanView) -> [String] {
        let w = v.words, e = Report.e, p = v.people
        var h = [
            HTML.section(
                "groepen", w.t("Groepen", "Groups"), newPage: true,
                intro: w.t(
                    "Per groep de data en wie wanneer een casus inbrengt (<span class=\"turn\">vet</span>). "
                        + "Een oranje label betekent: buiten de eigen regio ingedeeld; klik erop voor de reden.",
                    "Per group its dates and who brings a case when (<span class=\"turn\">bold</span>). An orange "
                        + "label means: placed outside their own region; click it for the reason."))
        ]
        for g in v.result.groups {
            let meetings = v.meetings(of: g.id)
            var title =
                "\(g.id) · \(e(g.homeRegion)) · "
                + w.count(
                    g.members.count, "deelnemer", "deelnemers",
                    "member", "members")
            if let f = v.facilitator(of: g.id) { title += " · " + w.t("begeleider", "facilitator") + " " + e(f.name) }
            // Earlier facilitators, with the day the next one took over.
            for h in v.schedule.handovers where h.group == g.id {
                let name = v.programme.facilitators?[h.facilitator].name ?? ""
                title += " <small>(" + w.t("vóór", "before") + " \(e(v.dates.compact(h.from))): \(e(name)))</small>"
            }
            if v.locked.contains(g.id) {
                title +=
                    " <span class=\"tag lock\" title=\""
                    + w.t("niemand gaat erin of eruit", "nobody moves in or out") + "\">"
                    + w.t("vastgezet", "locked") + "</span>"
            }
            h.append("<section class=\"group\" id=\"\(g.id)\"><h3>\(title)</h3>")
            if !meetings.isEmpty {
                let dates = meetings.map { m in
                    "\(m.number). \(v.dates.compact(m.date)) \(v.dates.times(m.start, m.end))"
                }
                var line = dates.joined(separator: " · ")
                if let venue = meetings.first.map(v.venueText), !venue.isEmpty { line += " — " + venue }
                h.append("<p class=\"dates\">\(e(line))</p>")
            }
            let levels = g.members.map { p[$0].level }
            h.append(
                "<p class=\"dates\">" + w.t("niveaus", "levels") + " \(levels.min()!)–\(levels.max()!) · "
                    + "<code>away</code> \(Metrics.away(g.members, p)) · <code>spread</code> "
                    + "\(Metrics.spread(g.members, p)) · <code>variety</code> \(Metrics.variety(g.members, p))</p>")
            h.append(
                HTML.table([
                    w.t("naam", "name"), w.t("functie", "function"), w.t("niveau", "level"), w.t("school", "school"),
                    w.t("regio", "region"), w.t("casus", "case"),
                ]))
            for i in g.members {
                let turns = meetings.filter { $0.caseBringers.contains(i) }
                let turnText = turns.map { "\($0.number). \(v.dates.compact($0.date))" }.joined(separator: ", ")
                h.append(
                    HTML.row([
                        e(v.label(i)), e(p[i].function), "\(p[i].level)", e(p[i].school),
                        e(p[i].region) + awayTag(v, i),
                        turnText.isEmpty ? "" : "<span class=\"turn\">\(e(turnText))</span>",
                    ]))
            }
            h.append("</table></section>")
        }
        return h
    }

    /// A short label for someone outside their region; the full reason opens on a click (and shows in print).
    static func awayTag(_ v: PlanView, _ i: Int) -> String {
        guard let reason = v.result.awayReasons[i] else { return "" }
        return "<details class=\"tag\"><summary>" + v.words.t("buiten regio", "outside region") + "</summary>"
            + Report.e(reason) + "</details>"
    }

    static func index(_ v: PlanView) -> [String] {
        let w = v.words, e = Report.e, p = v.people
        var h = [
            HTML.section(
                "index", w.t("Deelnemers A–Z", "Participants A–Z"), newPage: true,
                intro: w.t(
                    "Iedereen op naam: groep, begeleider en de eigen casusbeurten.",
                    "Everyone by name: group, facilitator and their own case turns.")),
            HTML.table([
                w.t("naam", "name"), w.t("school", "school"), w.t("groep", "group"), w.t("begeleider", "facilitator"),
                w.t("eigen casusbeurten", "own case turns"),
            ]),
        ]
        for i in v.byName {
            guard let group = v.groupOf[i] else { continue }
            let turns = v.turns(of: i).map { v.dates.compact($0.date) }.joined(separator: ", ")
            h.append(
                HTML.row([
                    e(p[i].name), e(p[i].school), "<a href=\"#\(group)\">\(group)</a>",
                    e(v.facilitator(of: group)?.name ?? ""), e(turns),
                ]))
        }
        h.append("</table>")
        let left = v.byName.filter { v.groupOf[$0] == nil }
        if !left.isEmpty {
            h.append(
                "<p>" + w.t("Gestopt: ", "Left the programme: ") + left.map { e(v.label($0)) }.joined(separator: ", ")
                    + ".</p>")
        }
        return h
    }
}
