import Foundation
import Grouping
import Intake
import Replanning
import Scheduling

/// The report's opening — status, what needs attention, key figures and the charts — for a front end that shows
/// a stored plan on a page of its own (the web app's result page), in the language that page is read in.
package enum PlanGlance {
    /// The stylesheet of the report, for a page that embeds its parts.
    package static var css: String { ReportStyle.css }

    /// The summary and the charts of the plan in `document`, in `language`.
    package static func html(
        _ document: PlanDocument, _ plan: CurrentPlan, language: ProgrammeConfig.Language
    ) -> String {
        let v = view(document, plan, language: language)
        return (ReportSummary.html(v, replan: document.replan) + ReportCharts.html(v)).joined(separator: "\n")
    }

    /// The report's calendar: the months with every meeting, each facilitator's meetings, and absences.
    package static func calendar(
        _ document: PlanDocument, _ plan: CurrentPlan, language: ProgrammeConfig.Language
    ) -> String {
        ReportCalendar.html(view(document, plan, language: language), from: document.replan?.from).joined(
            separator: "\n")
    }

    static func view(_ document: PlanDocument, _ plan: CurrentPlan, language: ProgrammeConfig.Language) -> PlanView {
        var programme = plan.programme
        programme.config.language = language
        let objectives = document.objectives.compactMap { entry in
            Objective.allCases.first { $0.metric == entry.metric }.map {
                ObjectiveResult(objective: $0, value: entry.value, bound: entry.bound)
            }
        }
        let result = GroupingResult(
            groups: plan.groups, objectives: objectives, stats: document.solver,
            awayReasons: AwayReasons.explain(plan.groups, programme))
        var v = PlanView(programme, result, plan.schedule)
        v.locked = Set(plan.locked)
        if document.replan != nil {
            v.sizes = programme.config.groups.minSizeAfterDropout...programme.config.groups.maxSize
        }
        return v
    }
}
