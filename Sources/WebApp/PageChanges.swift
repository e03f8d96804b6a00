import Foundation
import IntervisionKit

/// Changes during a running programme: who leaves, who joins, a facilitator who leaves, a meeting that moves or
/// is cancelled, attendance — always shown as a proposal (who moves, which files to resend) before it is made —
/// and the history of versions.
extension Pages {
    static func changes(_ l: Lang, id: String, _ s: PlanSnapshot, today: Day) -> String {
        let plan = s.plan, p = plan.programme.participants
        var h = [
            "<p><a href=\"/programma/\(esc(id))\">← \(esc(plan.programme.config.name))</a></p>",
            "<h1>" + l.t("Wijzigingen tijdens het programma", "Changes during the programme") + "</h1>",
            "<p class=\"lead\">"
                + l.t(
                    "Alleen wat moet veranderen verandert; wat al geweest is blijft zoals het was. Je ziet eerst het "
                        + "voorstel: wie verschuift en wie nieuwe bestanden moet krijgen.",
                    "Only what must change changes; what has happened stays as it was. You see the proposal first: "
                        + "who moves and who must receive new files.") + "</p>",
        ]
        h.append("<form id=\"changes-form\" class=\"stack\" data-programme=\"\(esc(id))\">")
        h.append(
            "<div class=\"field\"><label for=\"c-from\">" + l.t("Geldt vanaf", "From")
                + "</label><input id=\"c-from\" name=\"from\" type=\"date\" value=\"\(today)\" required "
                + "aria-describedby=\"c-from-h\"><small id=\"c-from-h\">"
                + l.t(
                    "Bijeenkomsten vóór deze dag blijven zoals ze waren.",
                    "Meetings before this day stay as they were."
                )
                + "</small></div>")
        h.append("<fieldset><legend>" + l.t("Wie stopt", "Who leaves") + "</legend>")
        h.append(
            "<label for=\"drop-filter\">" + l.t("Zoek", "Find") + "</label> <input id=\"drop-filter\" type=\"search\" "
                + "autocomplete=\"off\"><div class=\"picklist\" id=\"drop-list\">")
        for g in plan.groups {
            h.append("<div class=\"pickgroup\"><b>\(esc(g.id))</b>")
            for i in g.members {
                h.append(
                    "<label class=\"check\" data-search=\"\(esc((p[i].name + " " + p[i].email).lowercased()))\">"
                        + "<input type=\"checkbox\" name=\"drop\" value=\"\(esc(p[i].email))\"> "
                        + "\(esc(p[i].name))</label>"
                )
            }
            h.append("</div>")
        }
        h.append("</div></fieldset>")
        h.append(
            "<fieldset><legend>" + l.t("Wie komt erbij", "Who joins") + "</legend><div class=\"field file\">"
                + "<label for=\"c-joiners\">"
                + l.t(
                    "Aanmeldingen van nieuwe deelnemers (CSV of Excel, zelfde kolommen)",
                    "Sign-ups of new participants (CSV or Excel, same columns)")
                + "</label><input id=\"c-joiners\" name=\"joiners\" type=\"file\" accept=\".csv,.xlsx\"></div>"
                + "</fieldset>"
        )
        if let facilitators = plan.programme.facilitators, !facilitators.isEmpty {
            let leading = Set(plan.schedule.facilitatorOf.values)
            h.append(
                "<fieldset><legend>" + l.t("Begeleider stopt", "A facilitator leaves") + "</legend>"
                    + "<label for=\"c-facilitator\">" + l.t("Wie", "Who") + "</label><select id=\"c-facilitator\" "
                    + "name=\"dropFacilitator\"><option value=\"\">" + l.t("(niemand)", "(nobody)") + "</option>")
            for f in facilitators where leading.contains(f.index) && f.leftOn == nil {
                h.append("<option value=\"\(esc(f.email))\">\(esc(f.name))</option>")
            }
            h.append(
                "</select><div class=\"field file\"><label for=\"c-new-facilitators\">"
                    + l.t(
                        "Nieuwe begeleiders (optioneel, zelfde kolommen als het begeleidersbestand)",
                        "New facilitators (optional, the facilitators file's columns)")
                    + "</label><input id=\"c-new-facilitators\" name=\"addFacilitators\" type=\"file\" "
                    + "accept=\".csv,.xlsx\"></div></fieldset>")
        }
        let groupOptions = plan.groups.map { "<option value=\"\(esc($0.id))\">\(esc($0.id))</option>" }.joined()
        let most = plan.programme.config.schedule.meetings
        h.append(
            "<fieldset><legend>" + l.t("Bijeenkomst verzetten of laten vervallen", "Move or cancel a meeting")
                + "</legend><div class=\"row\"><div class=\"field\"><label for=\"m-group\">" + l.t("Groep", "Group")
                + "</label><select id=\"m-group\" name=\"meetingGroup\"><option value=\"\">–</option>\(groupOptions)"
                + "</select></div><div class=\"field\"><label for=\"m-number\">" + l.t("Bijeenkomst nr.", "Meeting no.")
                + "</label><input id=\"m-number\" name=\"meetingNumber\" type=\"number\" min=\"1\" max=\"\(most)\" "
                + "value=\"1\"></div><div class=\"field\"><label for=\"m-action\">" + l.t("Wat", "What")
                + "</label><select id=\"m-action\" name=\"meetingAction\"><option value=\"move\">"
                + l.t("verzetten naar", "move to") + "</option><option value=\"cancel\">"
                + l.t("laten vervallen, nieuwe datum zoeken", "cancel, find a new day") + "</option>"
                + "<option value=\"drop\">" + l.t("laten vervallen zonder nieuwe datum", "cancel without a new day")
                + "</option></select></div><div class=\"field\"><label for=\"m-date\">"
                + l.t("Nieuwe datum", "New date")
                + "</label><input id=\"m-date\" name=\"meetingDate\" type=\"date\"></div></div></fieldset>")
        h.append(
            "<fieldset><legend>" + l.t("Aanwezigheid", "Attendance") + "</legend><div class=\"field file\">"
                + "<label for=\"c-attendance\">"
                + l.t(
                    "Presentielijst (groep, bijeenkomst, e-mail, aanwezig)",
                    "Attendance list (group, meeting, email, present)")
                + "</label><input id=\"c-attendance\" name=\"attendance\" type=\"file\" accept=\".csv,.xlsx\">"
                + "</div></fieldset>")
        h.append(
            "<p><button type=\"submit\" class=\"primary\">" + l.t("Bekijk het voorstel", "See the proposal")
                + "</button></p></form>")
        h.append(
            "<div id=\"job\" class=\"job\" data-programme=\"\(esc(id))\" data-job=\"\" role=\"status\" "
                + "aria-live=\"polite\" hidden><p class=\"job-words\"></p><progress aria-label=\""
                + l.t("Voortgang", "Progress") + "\"></progress> <button type=\"button\" id=\"cancel-job\">"
                + l.t("Annuleren", "Cancel") + "</button></div>")
        h.append(
            "<section id=\"proposal\" class=\"verdict\" hidden aria-live=\"polite\"><h2>" + l.t("Voorstel", "Proposal")
                + "</h2><div id=\"proposal-text\"></div><button type=\"button\" id=\"commit\" class=\"primary\">"
                + l.t("Doorvoeren", "Apply") + "</button></section>")
        h.append(history(l, s))
        return h.joined(separator: "\n")
    }

    /// Every version, newest first, with what its change did; the last changes.md in full.
    static func history(_ l: Lang, _ s: PlanSnapshot) -> String {
        var h = [
            "<h2 id=\"versies\">" + l.t("Versies", "Versions") + "</h2><table class=\"list\"><thead><tr>"
                + "<th scope=\"col\">" + l.t("Versie", "Version") + "</th><th scope=\"col\">" + l.t("Gemaakt", "Made")
                + "</th><th scope=\"col\">" + l.t("Vanaf", "From") + "</th><th scope=\"col\">"
                + l.t("Wat veranderde", "What changed") + "</th></tr></thead><tbody>"
        ]
        for v in s.history.reversed() {
            var what: [String] = []
            if v.number == 1 { what.append(l.t("eerste plan", "first plan")) }
            if !v.dropped.isEmpty { what.append("\(v.dropped.count) " + l.t("gestopt", "left")) }
            if !v.added.isEmpty { what.append("\(v.added.count) " + l.t("erbij", "joined")) }
            if !v.moved.isEmpty { what.append("\(v.moved.count) " + l.t("verplaatst", "moved")) }
            if !v.locked.isEmpty { what.append(l.t("vastgezet: ", "locked: ") + v.locked.joined(separator: ", ")) }
            if !v.unlocked.isEmpty {
                what.append(l.t("vrijgegeven: ", "unlocked: ") + v.unlocked.joined(separator: ", "))
            }
            if what.isEmpty {
                what.append(l.t("data, begeleiders of aanwezigheid", "dates, facilitators or attendance"))
            }
            h.append(
                "<tr><td class=\"num\">\(v.number)</td><td>\(esc(String(v.created.prefix(10))))</td>"
                    + "<td>\(v.from.map { esc("\($0)") } ?? "–")</td>"
                    + "<td>\(esc(what.joined(separator: " · ")))</td></tr>"
            )
        }
        h.append("</tbody></table>")
        // Each version's changes.md, the newest open; plans from before 0.19 kept only the last one.
        var shown = false
        for v in s.history.reversed() {
            guard let changes = v.changes ?? (v.number == s.plan.version ? s.changes : nil) else { continue }
            h.append(
                "<details\(shown ? "" : " open")><summary>changes.md — " + l.t("versie", "version") + " \(v.number)"
                    + "</summary><pre class=\"changes\">\(esc(changes))</pre></details>")
            shown = true
        }
        return h.joined(separator: "\n")
    }

    /// The calendar: every month with its meetings, and each facilitator's meetings.
    static func calendar(_ l: Lang, id: String, _ s: PlanSnapshot) -> String {
        "<p><a href=\"/programma/\(esc(id))\">← \(esc(s.plan.programme.config.name))</a></p>"
            + "<h1>" + l.t("Begeleiders en kalender", "Facilitators and calendar") + "</h1>"
            + s.calendarHTML(language: l.english ? .en : .nl)
    }
}
