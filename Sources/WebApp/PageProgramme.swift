import Foundation
import IntervisionKit

/// A programme's page: what is wrong with its input, or its check and the plan button, or — once planned — the
/// result: the report's summary and charts, every group as a card, moving and locking, and the downloads.
extension Pages {
    static func programme(
        _ l: Lang, id: String, summary: APIModels.ProgrammeSummary, check: Result<CheckReport, PlanningFailure>?,
        snapshot: PlanSnapshot?, job: String?
    ) -> String {
        var h: [String] = []
        h.append(
            "<h1>\(esc(summary.name))</h1><p class=\"sub\">\(status(l, summary.status))"
                + (summary.version.map { " · " + l.t("versie", "version") + " \($0)" } ?? "")
                + " · \(summary.participants) " + l.t("deelnemers", "participants") + "</p>")
        h.append(
            "<div id=\"job\" class=\"job\" data-programme=\"\(esc(id))\" data-job=\"\(esc(job ?? ""))\" "
                + "role=\"status\" aria-live=\"polite\"" + (job == nil ? " hidden" : "") + ">"
                + "<p class=\"job-words\">" + l.t("Bezig …", "Working …") + "</p><progress aria-label=\""
                + l.t("Voortgang", "Progress") + "\"></progress> <button type=\"button\" id=\"cancel-job\">"
                + l.t("Annuleren", "Cancel") + "</button></div>")
        if case .failure(let failure) = check {
            h.append("<h2>" + l.t("De invoer klopt niet", "The input has problems") + "</h2>")
            h.append(problemList(l, APIModels.failure(failure).problems ?? []))
        }
        guard let snapshot else {
            if case .success(let report) = check { h.append(checkSummary(l, report)) }
            h.append(planForm(l, id: id, again: false))
            return h.joined(separator: "\n")
        }
        h.append(result(l, id: id, snapshot))
        return h.joined(separator: "\n")
    }

    /// The start button and the time limit.
    static func planForm(_ l: Lang, id: String, again: Bool) -> String {
        "<form id=\"plan-form\" class=\"inline\" data-programme=\"\(esc(id))\"><label for=\"time-limit\">"
            + l.t("Rekentijd hoogstens (seconden)", "Computing time at most (seconds)")
            + "</label> <input id=\"time-limit\" name=\"timeLimit\" type=\"number\" min=\"1\" max=\"3600\" "
            + "value=\"60\"> "
            + "<button type=\"submit\" class=\"primary\">"
            + (again ? l.t("Opnieuw plannen", "Plan again") : l.t("Plan maken", "Make the plan")) + "</button></form>"
    }

    /// What the check found, before there is a plan.
    static func checkSummary(_ l: Lang, _ report: CheckReport) -> String {
        let s = report.summary
        var h = ["<h2>" + l.t("Controle van de invoer", "Input check") + "</h2><ul class=\"figures\">"]
        h.append("<li><b>\(s.participants)</b> " + l.t("deelnemers", "participants") + "</li>")
        if case .groups(let count, let smallest, let largest) = s.groups {
            h.append("<li><b>\(count)</b> " + l.t("groepen", "groups") + " (\(smallest)–\(largest))</li>")
        }
        if let f = s.facilitators { h.append("<li><b>\(f)</b> " + l.t("begeleiders", "facilitators") + "</li>") }
        h.append("<li><b>\(s.byRegion.count)</b> " + l.t("regio's", "regions") + "</li></ul>")
        if !s.signals.isEmpty {
            h.append("<ul class=\"signals\">")
            for signal in s.signals {
                let words = signal.words(dutch: !l.english)
                h.append("<li class=\"\(signal.kind == .impossible ? "bad" : "note")\">\(esc(words.text))")
                // What would make it possible, where nothing can be planned as it stands.
                if signal.kind == .impossible && !words.relaxations.isEmpty {
                    h.append(
                        "<ul class=\"helps\">" + words.relaxations.map { "<li>\(esc($0))</li>" }.joined() + "</ul>")
                }
                h.append("</li>")
            }
            h.append("</ul>")
        }
        if !report.warnings.isEmpty {
            h.append("<details><summary>\(report.warnings.count) " + l.t("opmerkingen", "notes") + "</summary>")
            h.append(problemList(l, report.warnings.map { APIModels.Problem($0) }))
            h.append("</details>")
        }
        return h.joined(separator: "\n")
    }

    /// Problems as a list: where, what, what to do, and the row.
    static func problemList(_ l: Lang, _ problems: [APIModels.Problem]) -> String {
        var h = ["<ol class=\"problems\">"]
        for p in problems {
            var place = p.file
            if let line = p.line { place += ", " + l.t("regel", "line") + " \(line)" }
            if let column = p.column { place += ", " + l.t("kolom", "column") + " \(column)" }
            if let field = p.field { place += " (\(field))" }
            let message = l.english ? p.message : p.nl?.message ?? p.message
            let fix = l.english ? p.fix : p.nl.map { $0.fix } ?? p.fix
            h.append("<li><span class=\"where\">\(esc(place))</span> <span class=\"what\">\(esc(message))</span>")
            if let fix {
                h.append("<br><span class=\"fix\">\(l.t("Wat te doen", "What to do")): \(esc(fix))</span>")
            }
            if let row = p.row { h.append("<pre class=\"row\">\(esc(row))</pre>") }
            h.append("</li>")
        }
        h.append("</ol>")
        return h.joined(separator: "\n")
    }
}
