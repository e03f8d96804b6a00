import Foundation
import Intake

/// The replan part of `report.html`: what changed and how it was decided.
enum ReportReplan {
    static func html(_ programme: Programme, _ r: PlanDocument.ReplanEntry) -> [String] {
        let e = Report.e
        let name: (String) -> String = { email in
            programme.participants.first { $0.emailKey == email.lowercased() }?.name ?? email
        }
        var h = ["<h2>Replan</h2>"]
        h.append(
            "<p>Meetings before \(r.from.map(\.description) ?? "the start") are history and unchanged. Minimised "
                + "in this order: participants moved (`moves`), groups dissolved, then the priorities.</p>"
        )
        h.append(HTML.table(["objective", "value", "proven bound", "status"]))
        for (label, value, bound) in [
            ("moves", r.moves, r.movesBound), ("groups dissolved", r.dissolved.count, r.dissolvedBound),
        ] {
            h.append(
                HTML.row([label, "\(value)", "\(bound)", value == bound ? HTML.ok("optimal") : HTML.gap("not proven")]))
        }
        h.append("</table>")
        if !r.dropped.isEmpty { h.append("<p>Left: \(r.dropped.map { e(name($0)) }.joined(separator: ", ")).</p>") }
        if !r.added.isEmpty { h.append("<p>Joined: \(r.added.map { e(name($0)) }.joined(separator: ", ")).</p>") }
        if !r.dissolved.isEmpty {
            h.append(
                "<p>Dissolved: \(r.dissolved.joined(separator: ", ")); their remaining meetings are cancelled.</p>")
        }
        if !r.moved.isEmpty {
            h.append("<table><tr><th>moved</th><th>from</th><th>to</th></tr>")
            for m in r.moved { h.append("<tr><td>\(e(name(m.email)))</td><td>\(m.from)</td><td>\(m.to)</td></tr>") }
            h.append("</table>")
        }
        return h
    }
}
