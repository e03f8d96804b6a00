import Foundation
import Grouping
import Intake
import Scheduling

/// `report.html`: one self-contained page for the organiser, in the programme's language. It opens with what
/// they need at a glance (is everything in order, what needs attention, the key figures and charts), then every
/// group with its dates and case turns, an index by name, the calendar, the facilitators and, last, how the
/// solver got there. No script, no external resource; prints on A4.
package enum Report {
    package static func html(
        _ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult, version: Int = 1,
        replan: PlanDocument.ReplanEntry? = nil, created: Date, locked: [String] = []
    ) -> String {
        var v = PlanView(programme, result, schedule)
        v.locked = Set(locked)
        // After a replan a group may shrink to min_size_after_dropout without anyone moving in.
        if replan != nil { v.sizes = programme.config.groups.minSizeAfterDropout...programme.config.groups.maxSize }
        let w = v.words
        let title = programme.config.name
        let createdDay = Day(ordinal: Int((created.timeIntervalSince1970 / 86_400).rounded(.down)))
        var h: [String] = []
        h.append(
            "<!DOCTYPE html><html lang=\"\(v.lang.rawValue)\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>\(e(title)) — \(w.t("plan", "plan"))</title><style>\(ReportStyle.css)</style></head><body>")
        h.append("<header><h1>\(e(title))</h1>")
        h.append(
            "<p class=\"sub\">" + w.t("Plan versie", "Plan version") + " \(version) · "
                + w.t("gemaakt op", "made on") + " \(v.dates.short(createdDay))</p></header>")
        h += ReportSummary.html(v, replan: replan)
        h += ReportCharts.html(v)
        if let replan { h += ReportReplan.html(v, replan) }
        h += objectives(v, replan: replan)
        h += ruleCheck(v)
        h += ReportWishes.html(v)
        h += ReportGroups.groups(v)
        h += ReportGroups.index(v)
        h += ReportAttendance.html(v)
        h += ReportCalendar.html(v, from: replan?.from)
        h += inputNotes(v)
        h.append(solver(result.stats, w))
        h.append("</body></html>")
        return h.joined(separator: "\n") + "\n"
    }

    static func e(_ s: String) -> String { HTML.text(s) }

    static func objectives(_ v: PlanView, replan: PlanDocument.ReplanEntry?) -> [String] {
        let w = v.words
        var h = ["<h2 id=\"doelen\">" + w.t("Doelen", "Objectives") + "</h2>"]
        h.append(
            "<p>"
                + (replan == nil
                    ? w.t(
                        "In deze volgorde zo klein mogelijk gemaakt. De grens is bewezen door de solver: geen plan dat "
                            + "de eerdere doelen op hun waarde houdt, doet het beter.",
                        "Minimised in this order; the bound is proven by the solver: no plan that keeps the earlier "
                            + "objectives at their values does better.")
                    : w.t(
                        "Na zo min mogelijk verplaatsingen (hierboven) is gekozen wie er verplaatst wordt en zijn de "
                            + "verplaatste en nieuwe deelnemers zo geplaatst dat deze doelen in volgorde zo klein "
                            + "mogelijk zijn; de rest bleef zitten. De grens geldt voor die keuze.",
                        "After the fewest moves (above), who moves was chosen and the people who move and the late "
                            + "joiners were placed to minimise these in order, everyone else staying put; the bounds "
                            + "hold for that choice."))
                + "</p>")
        h.append(
            HTML.table([
                w.t("doel", "objective"), w.t("maat", "metric"), w.t("waarde", "value"),
                w.t("bewezen grens", "proven bound"), w.t("status", "status"),
            ]))
        var rows = v.result.objectives.map { o in
            let status =
                o.optimal
                ? HTML.ok(w.t("optimaal", "optimal"))
                : HTML.gap(w.t("gat", "gap") + " " + percent(o.gap, v))
            return HTML.row([
                e(w.name(o.objective)), "<code>\(o.objective.metric)</code>",
                "\(o.value) <small>\(e(w.counts(o.objective, o.value)))</small>", "\(o.bound)", status,
            ])
        }
        if !v.programme.metBefore.isEmpty {
            let n = v.programme.repeatedPairs(v.result.groups.map(\.members))
            // In its place in the organiser's order (first unless `[rules] priorities` ranks it lower).
            rows.insert(
                HTML.row([
                    w.t("niet opnieuw samen", "fresh groups"), "<code>fresh</code>",
                    "\(n) <small>" + w.t("paren die eerder samen zaten", "pairs who met before") + "</small>",
                    "\(v.programme.freshBound)",
                    n == v.programme.freshBound
                        ? HTML.ok(w.t("optimaal", "optimal"))
                        : HTML.gap(w.t("niet bewezen", "not proven")),
                ]), at: min(v.programme.config.freshPlace, rows.count))
        }
        h += rows
        h.append("</table>")
        return h
    }

    /// "12,5 %" in Dutch, "12.5 %" in English.
    static func percent(_ fraction: Double, _ v: PlanView) -> String {
        let text = String(format: "%.1f", fraction * 100)
        return (v.lang == .nl ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
    }

    static func ruleCheck(_ v: PlanView) -> [String] {
        let w = v.words, programme = v.programme
        var h = [
            HTML.section(
                "regels", w.t("Regelcontrole", "Rule check"),
                intro: w.t(
                    "Paar voor paar opnieuw gecontroleerd, los van de solver.",
                    "Re-checked pair by pair, independently of the solver.")),
            HTML.table([
                w.t("regel", "rule"), w.t("betekenis", "meaning"), w.t("gebonden paren", "tied pairs"),
                w.t("uitkomst", "result"),
            ]),
        ]
        let violations = PlanCheck.violations(v.result.groups, programme, sizes: v.sizes)
        for rule in programme.conflicts.rules {
            let broken = violations.filter { $0.rule == .separate(rule) }.count
            h.append(
                HTML.row([
                    "<code>\(rule.rawValue)</code>", e(w.explanation(rule)),
                    "\(programme.conflicts.pairsByRule[rule] ?? 0)",
                    broken == 0
                        ? HTML.ok(w.t("geen paar in één groep", "no pair shares a group"))
                        : HTML.bad("\(broken) " + w.t("overtreden", "broken")),
                ]))
        }
        let together = programme.wishes.filter { $0.kind == .together }.count
        if together > 0 {
            let broken = violations.filter { $0.rule == .together }.count
            h.append(
                HTML.row([
                    "<code>together</code>", w.t("wie samen moet, zit samen", "people wished together share a group"),
                    "\(together)",
                    broken == 0
                        ? HTML.ok(w.t("elk paar in één groep", "every pair in one group"))
                        : HTML.bad("\(broken) " + w.t("overtreden", "broken")),
                ]))
        }
        let sizeBroken = violations.filter { $0.rule == .size }.count
        let sizes = "\(v.sizes.lowerBound)–\(v.sizes.upperBound)"
        h.append(
            HTML.row([
                "<code>size</code>", w.t("elke groep heeft \(sizes) deelnemers", "every group within \(sizes)"), "",
                sizeBroken == 0
                    ? HTML.ok(w.t("alle groepen binnen de grenzen", "all groups in range"))
                    : HTML.bad("\(sizeBroken) " + w.t("groepen buiten de grenzen", "groups out of range")),
            ]) + "</table>")
        return h
    }

    static func inputNotes(_ v: PlanView) -> [String] {
        let w = v.words
        guard !v.programme.warnings.isEmpty else { return [] }
        var h = [
            HTML.section(
                "invoer", w.t("Opmerkingen bij de invoer", "Notes on the input"),
                intro: w.t(
                    "Gevonden bij het lezen van de bestanden; geen ervan hield het plan tegen.",
                    "Warnings found while reading the files; none stopped the plan.")),
            HTML.table([w.t("waar", "where"), w.t("opmerking", "note"), w.t("wat te doen", "what to do")]),
        ]
        for d in v.programme.warnings {
            let (message, fix) = d.text(dutch: v.lang == .nl)
            h.append(HTML.row([e(d.location), e((d.field.map { "\($0): " } ?? "") + message), e(fix ?? "")]))
        }
        h.append("</table>")
        return h
    }

    /// Every solve with its counted work (the same on any machine) and, unless the run left them out for
    /// reproducible files, its wall-clock seconds; then what stopped the stages that did not finish.
    static func solver(_ stats: SolveStats, _ w: Words) -> String {
        let timed = stats.stages.contains { $0.seconds > 0 }
        var h = ["<h2 id=\"solver\" class=\"page\">" + w.t("Rekenwerk (solver)", "Solver") + "</h2>"]
        if stats.clockStopped {
            h.append(
                "<p class=\"warn\">"
                    + w.t(
                        "De tijdslimiet stopte een rekenstap vóór zijn werklimiet: opnieuw plannen kan een ander "
                            + "plan geven. Een ruimere tijdslimiet voorkomt dit.",
                        "The time limit stopped a stage before its work limit: a rerun may give a different plan. A "
                            + "longer time limit avoids this.") + "</p>")
        } else if stats.timeLimitHit {
            h.append(
                "<p>"
                    + w.t(
                        "Sommige stappen stopten bij hun werklimiet (geteld, niet getimed): dezelfde invoer geeft "
                            + "altijd dit plan. De doelen hierboven zeggen hoe ver elk van de bewezen grens is.",
                        "Some stages stopped at their work limit (counted, not timed): the same input always gives "
                            + "this plan. The objectives above say how far each is from its proven bound.") + "</p>")
        }
        h.append(
            HTML.table(
                [
                    w.t("stap", "stage"), w.t("variabelen", "variables"), w.t("voorwaarden", "constraints"),
                    w.t("status", "status"), w.t("simplex-iteraties / stappen", "simplex iterations / steps"),
                    w.t("knopen", "nodes"), w.t("werkeenheden", "work units"),
                ] + (timed ? [w.t("seconden", "seconds")] : [])))
        for s in stats.stages {
            let status: String =
                s.status + (s.stoppedBy.map { " (" + w.t("gestopt door de", "stopped by the") + " \($0))" } ?? "")
            let iterations: String = s.iterations.map { String($0) } ?? ""
            let nodes: String = s.nodes.map { String($0) } ?? ""
            let work: String = s.work.map { String(format: "%.1f", $0) } ?? ""
            var cells: [String] = [e(s.name), String(s.variables), String(s.constraints), e(status), iterations]
            cells += [nodes, work]
            if timed { cells.append(String(format: "%.2f", s.seconds)) }
            h.append(HTML.row(cells))
        }
        h.append("</table>")
        return h.joined(separator: "\n")
    }
}

/// The report's stylesheet: readable on screen at any width, and on paper A4 with the header row of every table
/// repeated, no group split over two pages and no heading left alone at the foot of a page.
enum ReportStyle {
    static let css = """
        :root{--ink:#1f2933;--muted:#5f6b7a;--line:#d5dbe3;--soft:#f4f6f9;--ok:#17693a;--warn:#9a5b00;--bad:#b42318}
        *{box-sizing:border-box}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;\
        padding:24px 32px;max-width:1180px}
        h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:32px 0 8px;padding-top:8px;border-top:2px solid \
        var(--line)}h3{font-size:16px;margin:18px 0 6px}
        .sub{color:var(--muted);margin:0 0 16px}small{color:var(--muted)}code{font-size:13px}
        table{border-collapse:collapse;margin:6px 0 18px;width:100%}
        td,th{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
        th{background:var(--soft);font-weight:600;font-size:13px}
        tbody tr:nth-child(even) td{background:#fafbfc}
        .ok{color:var(--ok)}.gap,.warn{color:var(--warn)}.bad{color:var(--bad);font-weight:600}
        .status{padding:12px 16px;border-radius:8px;margin:12px 0;font-size:17px;border-left:6px solid}
        .status.ok{background:#e9f6ee;border-color:var(--ok)}.status.warn{background:#fff4e0;border-color:#d99a00}
        .status.bad{background:#fde9e7;border-color:var(--bad)}
        .figures{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
        .figure{background:var(--soft);border-radius:8px;padding:8px 14px;min-width:140px}
        .figure b{display:block;font-size:24px}.figure span{color:var(--muted);font-size:13px}
        .attention li{margin:3px 0}
        .chart{margin:8px 0 18px;overflow-x:auto}.chart svg{max-width:100%;height:auto}
        .legend{font-size:13px;color:var(--muted)}.legend i{display:inline-block;width:12px;height:12px;\
        border-radius:2px;margin:0 4px -1px 10px}
        .group{border:1px solid var(--line);border-radius:8px;padding:4px 14px 2px;margin:14px 0;\
        break-inside:avoid}
        .group h3{margin-top:10px}.dates{color:var(--muted);font-size:14px;margin:2px 0 6px}
        .tag{display:inline-block;font-size:12px;background:#fff4e0;color:var(--warn);border-radius:10px;\
        padding:0 7px;margin-left:4px}
        details.tag summary{cursor:pointer;list-style:none}details.tag[open]{display:block;border-radius:6px;\
        padding:4px 8px;margin:4px 0 0}
        .turn{font-weight:600;color:#1d4f91;white-space:nowrap}.tag.lock{background:#e8eef8;color:#1d4f91}
        .cal{width:auto}.cal td{width:6.4em;height:3.3em;font-size:12px;border:1px solid var(--line)}
        .cal .closed{background:#e8eaee;color:#7b8494}.month{break-inside:avoid;display:inline-block;\
        vertical-align:top;margin-right:18px}
        .swatch{display:inline-block;width:14px;height:14px;border:1px solid var(--line);vertical-align:-2px}
        .lv1{background:#8ecae6}.lv2{background:#219ebc}.lv3{background:#1d4f91}.lv4{background:#ffb703}\
        .lv5{background:#fb8500}.lv6{background:#8e44ad}
        .legend i.k-away{background:#fff;border:2px solid #1f2933;border-radius:50%}\
        .legend i.k-meeting{background:#1d4f91;border-radius:50%}
        .legend i.k-moved{background:#fff;border:1px solid #9aa5b1;border-radius:50%}\
        .k-closed{background:#dfe3ea}.k-partly{background:#eef1f5}.k-leads{background:#219ebc}\
        .k-room{background:#e8eaee}
        nav{font-size:14px;margin:8px 0 0}nav a{margin-right:12px}
        a{color:#1d4f91}
        @page{size:A4;margin:14mm 12mm}
        @media print{body{font-size:10pt;padding:0;max-width:none}h2{border-top:none}
        h2.page{break-before:page}h2,h3{break-after:avoid}thead{display:table-header-group}
        tr,.figure,.chart{break-inside:avoid}nav{display:none}details.tag[open]{display:inline-block}
        a{color:inherit;text-decoration:none}}
        """
}
