import Foundation
import Intake

/// The replan part of `report.html`: what changed and how it was decided.
enum ReportReplan {
    static func html(_ v: PlanView, _ r: PlanDocument.ReplanEntry) -> [String] {
        let e = Report.e, w = v.words
        let name: (String) -> String = { email in
            v.people.firstIndex { $0.emailKey == email.lowercased() }.map { v.label($0) } ?? email
        }
        var h = ["<h2 id=\"herplanning\">" + w.t("Herplanning", "Replan") + "</h2>"]
        let from = r.from.map { v.dates.short($0) } ?? w.t("het begin", "the start")
        h.append(
            "<p>"
                + w.t(
                    "Bijeenkomsten vóór \(from) zijn geschiedenis en ongewijzigd. In deze volgorde zo klein mogelijk "
                        + "gemaakt: verplaatste deelnemers (<code>moves</code>), opgeheven groepen, dan de doelen.",
                    "Meetings before \(from) are history and unchanged. Minimised in this order: participants moved "
                        + "(<code>moves</code>), groups dissolved, then the priorities.") + "</p>")
        h.append(
            HTML.table([
                w.t("doel", "objective"), w.t("waarde", "value"), w.t("bewezen grens", "proven bound"),
                w.t("status", "status"),
            ]))
        for (label, value, bound) in [
            (w.t("verplaatsingen", "moves"), r.moves, r.movesBound),
            (w.t("opgeheven groepen", "groups dissolved"), r.dissolved.count, r.dissolvedBound),
        ] {
            h.append(
                HTML.row([
                    label, "\(value)", "\(bound)",
                    value == bound ? HTML.ok(w.t("optimaal", "optimal")) : HTML.gap(w.t("niet bewezen", "not proven")),
                ]))
        }
        h.append("</table>")
        if !r.dropped.isEmpty {
            h.append(
                "<p>" + w.t("Gestopt: ", "Left: ") + r.dropped.map { e(name($0)) }.joined(separator: ", ") + ".</p>")
        }
        if !r.added.isEmpty {
            h.append("<p>" + w.t("Nieuw: ", "Joined: ") + r.added.map { e(name($0)) }.joined(separator: ", ") + ".</p>")
        }
        if !r.dissolved.isEmpty {
            h.append(
                "<p>" + w.t("Opgeheven: ", "Dissolved: ") + r.dissolved.joined(separator: ", ")
                    + w.t("; hun resterende bijeenkomsten vervallen.", "; their remaining meetings are cancelled.")
                    + "</p>")
        }
        if !r.moved.isEmpty {
            h.append(HTML.table([w.t("verplaatst", "moved"), w.t("van", "from"), w.t("naar", "to")]))
            for m in r.moved {
                h.append(
                    HTML.row([
                        e(name(m.email)), "<a href=\"#\(m.from)\">\(m.from)</a>", "<a href=\"#\(m.to)\">\(m.to)</a>",
                    ]))
            }
            h.append("</table>")
        }
        return h
    }
}
