import Foundation
import Grouping
import Intake
import Scheduling

/// The files people read, rendered from a plan: `groups.csv`, `schedule.csv`, `rota/`, `report.html`, `plan.xlsx`
/// and the mail merge.
/// `plan.json` and `history/` are the plan store's (`PlanStore`).
package enum PlanFiles {
    /// Every rendered file by its path inside the plan folder.
    package static func render(
        _ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult, version: Int = 1, created: Date,
        replan: PlanDocument.ReplanEntry? = nil, locked: [String] = []
    ) -> [String: Data] {
        let p = programme.participants
        let rows = result.groups.flatMap { g in
            let facilitator = RotaFiles.facilitatorName(programme, schedule, g.id)
            return g.members.map { i in
                [g.id, p[i].email, p[i].name, p[i].function, String(p[i].level), p[i].school, p[i].region, facilitator]
            }
        }
        let header = ["group", "email", "name", "function", "level", "school", "region", "facilitator"]
        let report = Report.html(
            programme, result, schedule, version: version, replan: replan, created: created, locked: locked)
        return RotaFiles.build(programme, schedule, created: created, from: replan?.from).merging([
            "groups.csv": Data(CSVWriter.render(header: header, rows: rows).utf8),
            "report.html": Data(report.utf8),
        ]) { a, _ in a }.merging(PlanWorkbooks.render(programme, result, schedule)) { a, _ in a }
    }
}
