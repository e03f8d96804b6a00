import Foundation
import Intake
import Scheduling
import Spreadsheet

/// Attendance per participant over the meetings whose attendance was recorded (`replan --attendance`): what
/// organisers use for certificates and professional registers. Empty until something is recorded.
enum Attendance {
    /// One participant's record.
    struct Line {
        var person: Int
        /// Meetings of their group with recorded attendance.
        var recorded: Int
        /// Of those, the ones they were at.
        var present: Int
        /// Minutes attended (each meeting's start to end).
        var minutes: Int
        /// The meetings they missed, by date.
        var missed: [Meeting]
        /// Whether `present / recorded` is below `[programme] min_attendance`.
        var below: Bool
    }

    /// Everyone who was in a meeting with recorded attendance, ordered by name.
    static func lines(_ v: PlanView) -> [Line] {
        let held = v.schedule.meetings.filter { !$0.cancelled && $0.present != nil }
        guard !held.isEmpty else { return [] }
        let minimum = v.programme.config.attendanceMinimum
        var byPerson: [Int: [Meeting]] = [:]
        for m in held { for i in m.members { byPerson[i, default: []].append(m) } }
        return v.byName.compactMap { i in
            guard let mine = byPerson[i] else { return nil }
            let there = mine.filter { $0.present!.contains(i) }
            let missed = mine.filter { !$0.present!.contains(i) }.sorted { ($0.date, $0.group) < ($1.date, $1.group) }
            // Compared in whole numbers (present × 100 against minimum × recorded × 100), never in floating point.
            let below = there.count * 100 < Int((minimum * 100).rounded()) * mine.count
            return Line(
                person: i, recorded: mine.count, present: there.count,
                minutes: there.reduce(0) { $0 + $1.end - $1.start }, missed: missed,
                below: below)
        }
    }

    static func header(_ w: Words) -> [String] {
        [
            w.t("naam", "name"), w.t("e-mail", "email"), w.t("groep", "group"),
            w.t("bijeenkomsten geregistreerd", "meetings recorded"), w.t("aanwezig", "present"),
            w.t("percentage", "percentage"), w.t("uren", "hours"), w.t("gemist", "missed"),
            w.t("onder minimum", "below minimum"),
        ]
    }

    /// `attendance.csv` (nil when nothing is recorded), in the programme's language.
    static func csv(_ v: PlanView) -> Data? {
        let lines = v.attendance
        guard !lines.isEmpty else { return nil }
        let w = v.words, nl = v.lang == .nl
        let rows = lines.map { l in
            [
                v.label(l.person), v.people[l.person].email, v.groupOf[l.person] ?? w.t("(gestopt)", "(left)"),
                String(l.recorded), String(l.present), String(l.present * 100 / l.recorded),
                hours(l.minutes, comma: nl), ids(l.missed), l.below ? w.t("ja", "yes") : "",
            ]
        }
        return Data(CSVWriter.render(header: header(w), rows: rows, delimiter: nl ? ";" : ",").utf8)
    }

    /// The "Aanwezigheid" sheet of plan.xlsx (nil when nothing is recorded).
    static func sheet(_ v: PlanView) -> Workbook.Sheet? {
        let lines = v.attendance
        guard !lines.isEmpty else { return nil }
        let w = v.words
        let rows: [[Workbook.Cell]] = lines.map { l in
            [
                .text(v.label(l.person)), .text(v.people[l.person].email),
                .text(v.groupOf[l.person] ?? w.t("(gestopt)", "(left)")), .number(l.recorded), .number(l.present),
                .number(l.present * 100 / l.recorded), .hundredths(l.minutes * 100 / 60),
                .text(ids(l.missed)), .text(l.below ? w.t("ja", "yes") : ""),
            ]
        }
        return .init(name: w.t("Aanwezigheid", "Attendance"), header: header(w), rows: rows)
    }

    /// "G03:1 (2027-01-21) G03:2 (2027-03-11)": the meetings with their dates, for files.
    static func ids(_ meetings: [Meeting]) -> String {
        meetings.map { "\($0.group):\($0.number) (\($0.date))" }.joined(separator: " ")
    }

    /// Minutes as hours with at most two decimals, "4,5" in Dutch.
    static func hours(_ minutes: Int, comma: Bool) -> String {
        let text = Workbook.decimal(minutes * 100 / 60)
        return comma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// The report's attendance section: how many meetings are recorded, the average, and who is below the minimum
/// with the meetings they missed (the full list is in attendance.csv and plan.xlsx).
enum ReportAttendance {
    static func html(_ v: PlanView) -> [String] {
        let lines = v.attendance
        guard !lines.isEmpty else { return [] }
        let w = v.words, e = Report.e
        let recorded = v.schedule.meetings.filter { !$0.cancelled && $0.present != nil }.count
        let present = lines.reduce(0) { $0 + $1.present }, total = lines.reduce(0) { $0 + $1.recorded }
        let below = lines.filter(\.below)
        let minimum = Int((v.programme.config.attendanceMinimum * 100).rounded())
        var h = [
            HTML.section(
                "aanwezigheid", w.t("Aanwezigheid", "Attendance"),
                intro: w.t(
                    "Geregistreerd voor \(recorded) bijeenkomst\(recorded == 1 ? "" : "en"); gemiddeld "
                        + "\(present * 100 / total) % aanwezig. Minimum voor het certificaat: \(minimum) % "
                        + "(<code>[programme] min_attendance</code>). Iedereen staat in attendance.csv en in het "
                        + "tabblad Aanwezigheid van plan.xlsx.",
                    "Recorded for \(recorded) meeting\(recorded == 1 ? "" : "s"); \(present * 100 / total) % "
                        + "present on average. Minimum for the certificate: \(minimum) % "
                        + "(<code>[programme] min_attendance</code>). Everyone is in attendance.csv and on the "
                        + "Attendance sheet of plan.xlsx."))
        ]
        if below.isEmpty {
            h.append("<p>" + HTML.ok(w.t("Niemand zit onder het minimum.", "Nobody is below the minimum.")) + "</p>")
            return h
        }
        h.append(
            "<p>"
                + w.t(
                    "\(below.count) deelnemer\(below.count == 1 ? " zit" : "s zitten") onder het minimum:",
                    "\(below.count) participant\(below.count == 1 ? " is" : "s are") below the minimum:") + "</p>")
        h.append(
            HTML.table([
                w.t("naam", "name"), w.t("groep", "group"), w.t("aanwezig", "present"), w.t("uren", "hours"),
                w.t("gemist", "missed"),
            ]))
        for l in below {
            h.append(
                HTML.row([
                    e(v.label(l.person)), e(v.groupOf[l.person] ?? w.t("(gestopt)", "(left)")),
                    HTML.gap("\(l.present) / \(l.recorded)"), Attendance.hours(l.minutes, comma: v.lang == .nl),
                    e(
                        l.missed.map { "\($0.group) · \($0.number). \(v.dates.compact($0.date))" }.joined(
                            separator: ", ")),
                ]))
        }
        h.append("</table>")
        return h
    }
}
