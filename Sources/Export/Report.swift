import Foundation
import Grouping
import Intake
import Scheduling

/// `report.html`: one self-contained page for the organiser — metrics with bounds, the rule check,
/// every group with its make-up, and why anyone sits outside their region. Prints on A4.
package enum Report {
    package static func html(
        _ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult, version: Int = 1,
        replan: PlanDocument.ReplanEntry? = nil, created: Date
    ) -> String {
        let p = programme.participants
        var h: [String] = []
        h.append(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(e(programme.config.name)) — "
                + "plan</title>"
        )
        h.append(
            """
            <style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}\
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}
            .ok{color:#176b2c}.gap{color:#9a5b00}.group,.month{break-inside:avoid}
            .cal td{width:6em;height:3.2em;font-size:12px}.cal .closed{background:#eee;color:#888}\
            @media print{body{margin:0}}</style></head><body>
            """)
        h.append("<h1>\(e(programme.config.name))</h1>")
        h.append(
            "<p>\(programme.active.count) participants in \(result.groups.count) groups of "
                + "\(programme.config.groups.minSize)–\(programme.config.groups.maxSize). Plan version "
                + "\(version), \(ISO8601DateFormatter().string(from: created)).</p>"
        )
        if let replan { h += ReportReplan.html(programme, replan) }
        h.append(
            replan == nil
                ? "<h2>Objectives</h2><p>Minimised in this order; the bound is proven by the solver: no plan that "
                    + "keeps the earlier objectives at their values does better.</p>"
                : "<h2>Objectives</h2><p>After the fewest moves (above), the people who move and the late joiners "
                    + "were placed to minimise these in order, everyone else staying put; the bounds hold for "
                    + "that choice.</p>"
        )
        h.append(HTML.table(["objective", "metric", "value", "proven bound", "status"]))
        for o in result.objectives {
            let status = o.optimal ? HTML.ok("optimal") : HTML.gap("gap \(String(format: "%.1f", o.gap * 100)) %")
            h.append(HTML.row([o.objective.rawValue, o.objective.metric, "\(o.value)", "\(o.bound)", status]))
        }
        h.append("</table>")
        h.append(
            "<h2>Rule check</h2><p>Re-checked pair by pair, independently of the solver.</p>"
                + HTML.table(["rule", "meaning", "tied pairs", "result"]))
        let violations = PlanCheck.violations(result.groups, programme)
        for rule in programme.config.separate {
            let broken = violations.filter { $0.rule == .separate(rule) }.count
            h.append(
                HTML.row([
                    "<code>\(rule.rawValue)</code>", e(rule.explanation),
                    "\(programme.conflicts.pairsByRule[rule] ?? 0)",
                    broken == 0 ? HTML.ok("no pair shares a group") : "\(broken) broken",
                ]))
        }
        let sizeBroken = violations.filter { $0.rule == .size }.count
        let sizes = "\(programme.config.groups.minSize)–\(programme.config.groups.maxSize)"
        h.append(
            HTML.row([
                "<code>size</code>", "every group within \(sizes)", "",
                sizeBroken == 0 ? HTML.ok("all groups in range") : "\(sizeBroken) groups out of range",
            ]) + "</table>")
        h.append("<h2>Groups</h2>")
        for g in result.groups {
            let m = g.members
            let levels = m.map { p[$0].level }
            let facilitator =
                schedule.facilitatorOf[g.id].map { ", facilitator " + e(programme.facilitators![$0].name) } ?? ""
            h.append("<div class=\"group\"><h3>\(g.id) — \(e(g.homeRegion)), \(m.count) members\(facilitator)</h3>")
            h.append(
                "<p>levels \(levels.min()!)–\(levels.max()!) · away \(Metrics.away(m, p)) · spread "
                    + "\(Metrics.spread(m, p)) · variety \(Metrics.variety(m, p))</p>"
            )
            h.append(HTML.table(["name", "function", "level", "school", "region"]))
            for i in m {
                let away = result.awayReasons[i].map { "<br><small>outside own region: \(e($0))</small>" } ?? ""
                h.append(
                    HTML.row([e(p[i].name), e(p[i].function), "\(p[i].level)", e(p[i].school), e(p[i].region) + away]))
            }
            h.append("</table></div>")
        }
        h += ReportCalendar.html(programme, result, schedule, from: replan?.from)
        if !programme.warnings.isEmpty {
            h.append("<h2>Notes on the input</h2><p>Warnings found while reading the files; none stopped the plan.</p>")
            h.append(HTML.table(["where", "note", "what to do"]))
            for w in programme.warnings {
                h.append(HTML.row([e(w.location), e((w.field.map { "\($0): " } ?? "") + w.message), e(w.fix ?? "")]))
            }
            h.append("</table>")
        }
        h.append(solver(result.stats))
        h.append("</body></html>")
        return h.joined(separator: "\n") + "\n"
    }

    static func e(_ s: String) -> String { HTML.text(s) }

    /// Every solve with its counted work (the same on any machine) and, unless the run left them out for
    /// reproducible files, its wall-clock seconds; then what stopped the stages that did not finish.
    static func solver(_ stats: SolveStats) -> String {
        let timed = stats.stages.contains { $0.seconds > 0 }
        var h = ["<h2>Solver</h2>"]
        if stats.clockStopped {
            h.append(
                "<p class=\"warn\">The time limit stopped a stage before its work limit: a rerun may give a different "
                    + "plan. A longer time limit avoids this.</p>")
        } else if stats.timeLimitHit {
            h.append(
                "<p>Some stages stopped at their work limit (counted, not timed): the same input always gives this "
                    + "plan. The objectives above say how far each is from its proven bound.</p>")
        }
        h.append(
            HTML.table(
                ["stage", "variables", "constraints", "status", "simplex iterations / steps", "nodes", "work units"]
                    + (timed ? ["seconds"] : [])))
        for s in stats.stages {
            let status: String = s.status + (s.stoppedBy.map { " (stopped by the \($0))" } ?? "")
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
