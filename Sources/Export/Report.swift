import Foundation
import Grouping
import Intake
import Scheduling

/// `report.html`: one self-contained page for the organiser — metrics with bounds, the rule check,
/// every group with its make-up, and why anyone sits outside their region. Prints on A4.
public enum Report {
    public static func html(_ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult, version: Int = 1,
                            replan: PlanDocument.ReplanEntry? = nil, created: Date) -> String {
        let p = programme.participants
        var h: [String] = []
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(e(programme.config.name)) — plan</title>")
        h.append("""
            <style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
            td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}
            .ok{color:#176b2c}.gap{color:#9a5b00}.group,.month{break-inside:avoid}
            .cal td{width:6em;height:3.2em;font-size:12px}.cal .closed{background:#eee;color:#888}@media print{body{margin:0}}</style></head><body>
            """)
        h.append("<h1>\(e(programme.config.name))</h1>")
        h.append("<p>\(programme.active.count) participants in \(result.groups.count) groups of \(programme.config.groups.minSize)–\(programme.config.groups.maxSize). Plan version \(version), \(ISO8601DateFormatter().string(from: created)).</p>")
        if let replan { h += ReportReplan.html(programme, replan) }
        h.append(replan == nil
                 ? "<h2>Objectives</h2><p>Minimised in this order; the bound is proven by the solver: no plan that keeps the earlier objectives at their values does better.</p>"
                 : "<h2>Objectives</h2><p>After the fewest moves (above), the people who move and the late joiners were placed to minimise these in order, everyone else staying put; the bounds hold for that choice.</p>")
        h.append("<table><tr><th>objective</th><th>metric</th><th>value</th><th>proven bound</th><th>status</th></tr>")
        for o in result.objectives {
            let status = o.optimal ? "<span class=\"ok\">optimal</span>" : "<span class=\"gap\">gap \(String(format: "%.1f", o.gap * 100)) %</span>"
            h.append("<tr><td>\(o.objective.rawValue)</td><td>\(o.objective.metric)</td><td>\(o.value)</td><td>\(o.bound)</td><td>\(status)</td></tr>")
        }
        h.append("</table>")
        h.append("<h2>Rule check</h2><p>Re-checked pair by pair, independently of the solver.</p><table><tr><th>rule</th><th>meaning</th><th>tied pairs</th><th>result</th></tr>")
        let violations = PlanCheck.violations(result.groups, programme)
        for rule in programme.config.separate {
            let broken = violations.filter { $0.rule == .separate(rule) }.count
            h.append("<tr><td><code>\(rule.rawValue)</code></td><td>\(e(rule.explanation))</td><td>\(programme.conflicts.pairsByRule[rule] ?? 0)</td><td>\(broken == 0 ? "<span class=\"ok\">no pair shares a group</span>" : "\(broken) broken")</td></tr>")
        }
        let sizeBroken = violations.filter { $0.rule == .size }.count
        h.append("<tr><td><code>size</code></td><td>every group within \(programme.config.groups.minSize)–\(programme.config.groups.maxSize)</td><td></td><td>\(sizeBroken == 0 ? "<span class=\"ok\">all groups in range</span>" : "\(sizeBroken) groups out of range")</td></tr></table>")
        h.append("<h2>Groups</h2>")
        for g in result.groups {
            let m = g.members
            let levels = m.map { p[$0].level }
            let facilitator = schedule.facilitatorOf[g.id].map { ", facilitator " + e(programme.facilitators![$0].name) } ?? ""
            h.append("<div class=\"group\"><h3>\(g.id) — \(e(g.homeRegion)), \(m.count) members\(facilitator)</h3>")
            h.append("<p>levels \(levels.min()!)–\(levels.max()!) · away \(Metrics.away(m, p)) · spread \(Metrics.spread(m, p)) · variety \(Metrics.variety(m, p))</p>")
            h.append("<table><tr><th>name</th><th>function</th><th>level</th><th>school</th><th>region</th></tr>")
            for i in m {
                let away = result.awayReasons[i].map { "<br><small>outside own region: \(e($0))</small>" } ?? ""
                h.append("<tr><td>\(e(p[i].name))</td><td>\(e(p[i].function))</td><td>\(p[i].level)</td><td>\(e(p[i].school))</td><td>\(e(p[i].region))\(away)</td></tr>")
            }
            h.append("</table></div>")
        }
        h += ReportCalendar.html(programme, result, schedule, from: replan?.from)
        h.append("<h2>Solver</h2><table><tr><th>stage</th><th>variables</th><th>constraints</th><th>status</th></tr>")
        for s in result.stats.stages { h.append("<tr><td>\(e(s.name))</td><td>\(s.variables)</td><td>\(s.constraints)</td><td>\(s.status)</td></tr>") }
        h.append("</table></body></html>")
        return h.joined(separator: "\n") + "\n"
    }

    static func e(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
