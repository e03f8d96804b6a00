import Foundation
import IntervisionKit

/// The result part of a programme's page.
extension Pages {
    static func result(_ l: Lang, id: String, _ s: PlanSnapshot) -> String {
        let plan = s.plan, p = plan.programme.participants
        let files = "/api/programmes/\(esc(id))/files/"
        var h: [String] = []
        h.append(
            "<nav class=\"tabs\" aria-label=\"" + l.t("Onderdelen", "Sections") + "\"><a href=\"#groepen\">"
                + l.t("Groepen", "Groups") + "</a><a href=\"#aanpassen\">" + l.t("Aanpassen", "Adjust") + "</a>"
                + "<a href=\"#downloads\">Downloads</a><a href=\"/programma/\(esc(id))/kalender\">"
                + l.t("Kalender", "Calendar") + "</a><a href=\"/programma/\(esc(id))/wijzigingen\">"
                + l.t("Wijzigingen tijdens het programma", "Changes during the programme") + "</a>"
                + "<a href=\"\(files)report.html\">" + l.t("Rapport", "Report") + "</a></nav>")
        // The report's links point into the report itself.
        let glance = s.glanceHTML(language: l.english ? .en : .nl).replacingOccurrences(
            of: "href=\"#", with: "href=\"\(files)report.html#")
        h.append("<section class=\"glance\">\(glance)</section>")
        h.append(downloads(l, id: id, s))
        h.append(steering(l, id: id, s))
        h.append("<h2 id=\"groepen\">" + l.t("Groepen", "Groups") + "</h2>")
        h.append(
            "<div class=\"search\"><label for=\"search\">" + l.t("Zoek een persoon", "Find a person")
                + "</label> <input id=\"search\" type=\"search\" autocomplete=\"off\" placeholder=\""
                + l.t("naam, e-mail of school", "name, email or school") + "\"> <span id=\"search-count\" "
                + "aria-live=\"polite\"></span></div>")
        h.append("<div class=\"cards\">")
        let locked = Set(plan.locked)
        for g in plan.groups {
            let facilitator = plan.schedule.facilitatorOf[g.id].flatMap { plan.programme.facilitators?[$0] }
            var title = "<h3>\(esc(g.id)) <small>\(esc(g.homeRegion))</small>"
            if locked.contains(g.id) {
                title += " <span class=\"tag lock\">" + l.t("vastgezet", "locked") + "</span>"
            }
            title += "</h3>"
            h.append("<article class=\"card\" id=\"card-\(esc(g.id))\" aria-labelledby=\"t-\(esc(g.id))\">")
            h.append(title.replacingOccurrences(of: "<h3>", with: "<h3 id=\"t-\(esc(g.id))\">"))
            h.append(
                "<p class=\"meta\">"
                    + (facilitator.map { l.t("Begeleider", "Facilitator") + ": " + esc($0.name) + " · " } ?? "")
                    + "\(g.members.count) " + l.t("deelnemers", "members")
                    + Objective.allCases.map {
                        let n = Metrics.value($0, g.members, p)
                        return " · \(n) " + l.t($0.dutchInGroup(n), $0.inGroup(n))
                    }
                    .joined() + "</p>")
            h.append("<ul class=\"members\">")
            for i in g.members {
                let person = p[i]
                let search = [person.name, person.email, person.school, person.function, person.region]
                    .joined(separator: " ").lowercased()
                var line =
                    "<li data-search=\"\(esc(search))\"><span class=\"name\">\(esc(person.name))</span> "
                    + "<span class=\"tag t-function\">\(esc(person.function))</span>"
                    + "<span class=\"tag t-level\">" + l.t("niveau", "level") + " \(person.level)</span>"
                    + "<span class=\"tag t-school\">\(esc(person.school))</span>"
                if let reason = s.awayReasons[i] {
                    line +=
                        "<details class=\"tag away\"><summary>\(esc(person.region)) — "
                        + l.t("buiten regio", "outside region") + "</summary>\(esc(reason))</details>"
                } else {
                    line += "<span class=\"tag t-region\">\(esc(person.region))</span>"
                }
                h.append(line + "</li>")
            }
            h.append("</ul></article>")
        }
        h.append("</div>")
        return h.joined(separator: "\n")
    }

    /// Every file to send, with what it is for.
    static func downloads(_ l: Lang, id: String, _ s: PlanSnapshot) -> String {
        let base = "/api/programmes/\(esc(id))/files/"
        func link(_ path: String, _ label: String) -> String {
            s.files.contains(path)
                ? "<li><a href=\"\(base)\(esc(path))\">\(esc(label))</a> <small>\(esc(path))</small></li>" : ""
        }
        var h = ["<h2 id=\"downloads\">Downloads</h2><ul class=\"downloads\">"]
        h.append(
            "<li><a href=\"/api/programmes/\(esc(id))/files.zip\">" + l.t("Alles in één zip", "Everything as one zip")
                + "</a></li>")
        h.append(link("report.html", l.t("Rapport voor de organisator", "Report for the organiser")))
        h.append(link("plan.xlsx", l.t("Rooster als Excel-werkmap", "Rota as an Excel workbook")))
        h.append(
            link("mailmerge.xlsx", l.t("Bestand voor samenvoegen in Outlook/Word", "Mail-merge file for Outlook/Word")))
        h.append(link("groups.csv", l.t("Groepen als CSV", "Groups as CSV")))
        h.append(link("changes.md", l.t("Wat de laatste wijziging veranderde", "What the last change changed")))
        h.append("</ul>")
        let calendars = s.files.filter { $0.hasPrefix("rota/") && $0.hasSuffix(".ics") }
        if !calendars.isEmpty {
            h.append(
                "<details class=\"ics\"><summary>\(calendars.count) "
                    + l.t("agendabestanden (.ics)", "calendar files (.ics)")
                    + "</summary><ul class=\"columns\">")
            for path in calendars {
                h.append("<li><a href=\"\(base)\(esc(path))\">\(esc(String(path.dropFirst(5))))</a></li>")
            }
            h.append("</ul></details>")
        }
        return h.joined(separator: "\n")
    }

    /// Move or swap a person, or lock a group: checked first, carried out after a confirmation.
    static func steering(_ l: Lang, id: String, _ s: PlanSnapshot) -> String {
        let plan = s.plan, p = plan.programme.participants
        var people: [(String, String)] = []
        for g in plan.groups {
            for i in g.members { people.append((p[i].email, "\(p[i].name) (\(g.id), \(p[i].school))")) }
        }
        people.sort { $0.1.lowercased() < $1.1.lowercased() }
        let personOptions = people.map { "<option value=\"\(esc($0.0))\">\(esc($0.1))</option>" }.joined()
        let groupOptions = plan.groups.map {
            "<option value=\"\(esc($0.id))\">\(esc($0.id)) · \(esc($0.homeRegion))</option>"
        }
        .joined()
        var h = ["<h2 id=\"aanpassen\">" + l.t("Aanpassen", "Adjust") + "</h2>"]
        h.append(
            "<p>"
                + l.t(
                    "Elke aanpassing wordt eerst gecontroleerd tegen alle regels; je ziet wat er verandert voordat je "
                        + "het "
                        + "doorvoert. Doorvoeren maakt een nieuwe versie met changes.md.",
                    "Every change is checked against all rules first; you see what changes before you apply it. "
                        + "Applying it makes a new version with changes.md.") + "</p>")
        h.append("<div class=\"steer\" data-programme=\"\(esc(id))\" data-from=\"\(PageRoutes.firstChangeDay(s))\">")
        h.append(
            "<form id=\"move-form\" class=\"box\"><h3>" + l.t("Iemand verplaatsen", "Move someone") + "</h3>"
                + "<label for=\"move-person\">" + l.t("Wie", "Who")
                + "</label><select id=\"move-person\" name=\"email\">"
                + personOptions + "</select><label for=\"move-group\">" + l.t("Naar groep", "To group") + "</label>"
                + "<select id=\"move-group\" name=\"group\">\(groupOptions)</select>"
                + "<button type=\"submit\">" + l.t("Controleren", "Check") + "</button></form>")
        h.append(
            "<form id=\"swap-form\" class=\"box\"><h3>" + l.t("Twee mensen ruilen", "Swap two people") + "</h3>"
                + "<label for=\"swap-first\">" + l.t("De een", "One")
                + "</label><select id=\"swap-first\" name=\"first\">"
                + personOptions + "</select><label for=\"swap-second\">" + l.t("De ander", "The other") + "</label>"
                + "<select id=\"swap-second\" name=\"second\">\(personOptions)</select>"
                + "<button type=\"submit\">" + l.t("Controleren", "Check") + "</button></form>")
        h.append(
            "<form id=\"lock-form\" class=\"box\"><h3>" + l.t("Groep vastzetten", "Lock a group") + "</h3>"
                + "<p class=\"hint\">"
                + l.t(
                    "Niemand gaat erin of eruit, ook niet bij latere wijzigingen.",
                    "Nobody moves in or out, also in later changes.") + "</p>"
                + "<label for=\"lock-group\">" + l.t("Groep", "Group")
                + "</label><select id=\"lock-group\" name=\"group\">"
                + groupOptions + "</select><fieldset class=\"inner\"><legend class=\"sr\">" + l.t("Wat", "What")
                + "</legend><label class=\"check\"><input type=\"radio\" name=\"action\" value=\"lock\" checked> "
                + l.t("vastzetten", "lock") + "</label><label class=\"check\"><input type=\"radio\" name=\"action\" "
                + "value=\"unlock\"> " + l.t("vrijgeven", "unlock") + "</label></fieldset>"
                + "<button type=\"submit\">" + l.t("Controleren", "Check") + "</button></form>")
        h.append("</div>")
        h.append(
            "<div id=\"verdict\" class=\"verdict\" role=\"status\" aria-live=\"polite\" hidden>"
                + "<div id=\"verdict-text\">"
                + "</div><button type=\"button\" id=\"apply\" class=\"primary\" hidden>" + l.t("Doorvoeren", "Apply")
                + "</button></div>")
        return h.joined(separator: "\n")
    }
}
