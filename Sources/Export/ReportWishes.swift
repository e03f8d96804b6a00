import Grouping
import Intake
import Scheduling

/// The organiser's wishes in the report, each with how the plan meets it, checked from the plan itself.
enum ReportWishes {
    static func html(_ v: PlanView) -> [String] {
        let wishes = v.programme.wishes
        guard !wishes.isEmpty else { return [] }
        let w = v.words, e = Report.e, f = v.programme.facilitators ?? []
        var h = [
            HTML.section(
                "wensen", w.t("Wensen", "Wishes"),
                intro: w.t(
                    "Wat de organisator vroeg (bestand en kolom niet_met), als harde regel; per wens hoe het plan "
                        + "eraan voldoet.",
                    "What the organiser asked for (the wishes file and the not_with column), as hard rules; for each "
                        + "how the plan meets it.")),
            HTML.table([
                w.t("wens", "wish"), w.t("wie", "who"), w.t("in het plan", "in the plan"), w.t("uit", "from"),
            ]),
        ]
        for wish in wishes {
            let person = v.label(wish.person), group = v.groupOf[wish.person]
            let kind: String, who: String, met: Bool, how: String
            switch wish.kind {
            case .apart, .together:
                let other = v.groupOf[wish.other]
                kind = wish.kind == .apart ? w.t("niet samen", "apart") : w.t("samen", "together")
                who = "\(person) · \(v.label(wish.other))"
                met = group == nil || other == nil || (wish.kind == .apart ? group != other : group == other)
                how = "\(group ?? "–") · \(other ?? "–")"
            case .facilitator, .notFacilitator:
                let leader = group.flatMap { v.schedule.facilitatorOf[$0] }
                kind =
                    wish.kind == .facilitator
                    ? w.t("begeleider", "facilitator")
                    : w.t(
                        "niet deze begeleider",
                        "not this facilitator")
                who = "\(person) · \(f[wish.other].name)"
                met = group == nil || (wish.kind == .facilitator ? leader == wish.other : leader != wish.other)
                how = (group ?? "–") + (leader.map { " · " + f[$0].name } ?? "")
            }
            h.append(
                HTML.row([
                    kind, e(who), (met ? HTML.ok("✓ ") : HTML.bad("✗ ")) + e(how), e(wish.place),
                ]))
        }
        h.append("</table>")
        return h
    }
}
