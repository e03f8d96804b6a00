import Foundation
import Grouping
import Intake
import Scheduling

/// `schedule.csv` for the organiser and `rota/` for the people who run the meetings: one calendar and
/// one printable list per facilitator (all their groups) and per group.
package enum RotaFiles {
    package static let scheduleHeader = [
        "group", "meeting", "date", "start", "end", "facilitator", "case_bringers", "look_back", "method", "status",
    ]
    static let rotaHeader = [
        "group", "meeting", "date", "start", "end", "facilitator", "case_bringers", "look_back", "method", "members",
        "absent", "status",
    ]

    /// Stable across reruns and replans: derived from programme, group and meeting number only.
    package static func uid(_ programme: String, _ m: Meeting) -> String {
        "\(Slug.make(programme, fallback: "programme"))-\(m.group.lowercased())-m\(m.number)@intervision"
    }

    package static func facilitatorName(_ programme: Programme, _ schedule: ScheduleResult, _ group: String) -> String {
        schedule.facilitatorOf[group].map { programme.facilitators![$0].name } ?? ""
    }

    package static func build(_ programme: Programme, _ schedule: ScheduleResult, created: Date) -> [String: Data] {
        guard !schedule.meetings.isEmpty else { return [:] }
        let p = programme.participants
        let names: ([Int]) -> String = { $0.map { p[$0].name }.joined(separator: "; ") }
        var files: [String: Data] = [:]
        let rows = schedule.meetings.map { m in
            [
                m.group, String(m.number), m.date.description, Clock.text(m.start), Clock.text(m.end),
                facilitatorName(programme, schedule, m.group),
                names(m.caseBringers), names(m.lookBack), m.method, m.cancelled ? "cancelled" : "planned",
            ]
        }
        files["schedule.csv"] = Data(CSVWriter.render(header: scheduleHeader, rows: rows).utf8)

        func write(_ base: String, title: String, meetings: [Meeting]) {
            let rows = meetings.map { m in
                [
                    m.group, String(m.number), m.date.description, Clock.text(m.start), Clock.text(m.end),
                    facilitatorName(programme, schedule, m.group),
                    names(m.caseBringers), names(m.lookBack), m.method, names(m.members), names(m.absent),
                    m.cancelled ? "cancelled" : "planned",
                ]
            }
            files["rota/\(base).csv"] = Data(CSVWriter.render(header: rotaHeader, rows: rows).utf8)
            let events = meetings.map { event(programme, schedule, $0) }
            files["rota/\(base).ics"] = Data(
                ICS.calendar(name: title, timeZone: programme.config.timezone, stamp: created, events: events).utf8)
        }
        // Dissolved groups keep their file: it carries the cancellations.
        let ids = Array(Set(schedule.meetings.map(\.group))).sorted()
        for id in ids {
            write("group-\(id)", title: "\(programme.config.name) — \(id)", meetings: schedule.meetings(of: id))
        }
        for (f, base) in facilitatorFiles(programme, schedule).sorted(by: { $0.key < $1.key }) {
            let mine = schedule.meetings.filter { schedule.facilitatorOf[$0.group] == f }.sorted {
                ($0.date, $0.start) < ($1.date, $1.start)
            }
            write(base, title: "\(programme.config.name) — \(programme.facilitators![f].name)", meetings: mine)
        }
        return files
    }

    /// Facilitator index → file name (without extension) for everyone with at least one meeting.
    package static func facilitatorFiles(_ programme: Programme, _ schedule: ScheduleResult) -> [Int: String] {
        guard let facilitators = programme.facilitators else { return [:] }
        var used = Set(schedule.meetings.map { "group-\($0.group)".lowercased() })
        var result: [Int: String] = [:]
        for f in facilitators where schedule.meetings.contains(where: { schedule.facilitatorOf[$0.group] == f.index }) {
            result[f.index] = Slug.unique(Slug.make(f.name, fallback: "facilitator-\(f.index + 1)"), &used)
        }
        return result
    }

    static func event(_ programme: Programme, _ schedule: ScheduleResult, _ m: Meeting) -> ICS.Event {
        let p = programme.participants
        let total = programme.config.schedule.meetings
        let bringers = m.caseBringers.map { p[$0].name }.joined(separator: ", ")
        var text = ["\(programme.config.name)", "Group \(m.group), meeting \(m.number) of \(total)"]
        let facilitator = facilitatorName(programme, schedule, m.group)
        if !facilitator.isEmpty { text.append("Facilitator: \(facilitator)") }
        text.append(
            "Case bringer\(m.caseBringers.count == 1 ? "" : "s"): \(bringers.isEmpty ? "to be decided" : bringers)")
        if !m.lookBack.isEmpty {
            text.append("Look-back (terugblik): \(m.lookBack.map { p[$0].name }.joined(separator: ", "))")
        }
        text.append("Method: \(m.method)")
        text.append("Members: \(m.members.map { p[$0].name }.joined(separator: ", "))")
        if m.cancelled {
            text.insert("CANCELLED: this group was dissolved; its members were moved to other groups", at: 0)
        }
        if !m.absent.isEmpty {
            text.append("Said they are unavailable: \(m.absent.map { p[$0].name }.joined(separator: ", "))")
        }
        let summary =
            "Intervision \(m.group) · meeting \(m.number)/\(total) · "
            + (m.cancelled ? "cancelled" : "case: \(bringers.isEmpty ? "to be decided" : bringers)")
        return ICS.Event(
            uid: uid(programme.config.name, m), sequence: m.sequence, date: (m.date.year, m.date.month, m.date.day),
            start: m.start, end: m.end, summary: summary, description: text.joined(separator: "\n"),
            cancelled: m.cancelled, stamp: m.stamp.map { Date(timeIntervalSince1970: $0) })
    }
}

/// File names from people's names: ASCII letters, digits and hyphens only, so they stay inside the folder.
package enum Slug {
    package static func make(_ s: String, fallback: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        for ch in folded.unicodeScalars {
            if ch.isASCII, CharacterSet.alphanumerics.contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : String(out.prefix(60))
    }

    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var name = base, n = 2
        // Case-insensitively: "group-G01" and "group-g01" are one file on macOS and Windows.
        while !used.insert(name.lowercased()).inserted {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }
}
