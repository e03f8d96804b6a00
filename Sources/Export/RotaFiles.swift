import Foundation
import Grouping
import Intake
import Scheduling

/// `schedule.csv` for the organiser and `rota/` for the people who run the meetings: one calendar and
/// one printable list per facilitator (all their groups) and per group.
public enum RotaFiles {
    public static let scheduleHeader = ["group", "meeting", "date", "start", "end", "facilitator", "case_bringers", "look_back", "method", "status"]
    static let rotaHeader = ["group", "meeting", "date", "start", "end", "facilitator", "case_bringers", "look_back", "method", "members", "absent"]

    /// Stable across reruns and replans: derived from programme, group and meeting number only.
    public static func uid(_ programme: String, _ m: Meeting) -> String {
        "\(Slug.make(programme, fallback: "programme"))-\(m.group.lowercased())-m\(m.number)@intervision"
    }

    public static func facilitatorName(_ programme: Programme, _ schedule: ScheduleResult, _ group: String) -> String {
        schedule.facilitatorOf[group].map { programme.facilitators![$0].name } ?? ""
    }

    public static func build(_ programme: Programme, _ groups: [Group], _ schedule: ScheduleResult, created: Date) -> [String: Data] {
        guard !schedule.meetings.isEmpty else { return [:] }
        let p = programme.participants
        let names: ([Int]) -> String = { $0.map { p[$0].name }.joined(separator: "; ") }
        let membersOf = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.members) })
        var files: [String: Data] = [:]
        let rows = schedule.meetings.map { m in
            [m.group, String(m.number), m.date.description, Clock.text(m.start), Clock.text(m.end), facilitatorName(programme, schedule, m.group),
             names(m.caseBringers), names(m.lookBack), m.method, "planned"]
        }
        files["schedule.csv"] = Data(CSVWriter.render(header: scheduleHeader, rows: rows).utf8)

        func write(_ base: String, title: String, meetings: [Meeting]) {
            let rows = meetings.map { m in
                [m.group, String(m.number), m.date.description, Clock.text(m.start), Clock.text(m.end), facilitatorName(programme, schedule, m.group),
                 names(m.caseBringers), names(m.lookBack), m.method, names(membersOf[m.group] ?? []), names(m.absent)]
            }
            files["rota/\(base).csv"] = Data(CSVWriter.render(header: rotaHeader, rows: rows).utf8)
            let events = meetings.map { event(programme, schedule, $0, members: membersOf[$0.group] ?? []) }
            files["rota/\(base).ics"] = Data(ICS.calendar(name: title, timeZone: programme.config.timezone, stamp: created, events: events).utf8)
        }
        for g in groups {
            write("group-\(g.id)", title: "\(programme.config.name) — \(g.id)", meetings: schedule.meetings(of: g.id))
        }
        if let facilitators = programme.facilitators {
            var used = Set(groups.map { "group-\($0.id)" })
            for f in facilitators {
                let mine = schedule.meetings.filter { schedule.facilitatorOf[$0.group] == f.index }.sorted { ($0.date, $0.start) < ($1.date, $1.start) }
                guard !mine.isEmpty else { continue }
                write(Slug.unique(Slug.make(f.name, fallback: "facilitator-\(f.index + 1)"), &used), title: "\(programme.config.name) — \(f.name)", meetings: mine)
            }
        }
        return files
    }

    static func event(_ programme: Programme, _ schedule: ScheduleResult, _ m: Meeting, members: [Int]) -> ICS.Event {
        let p = programme.participants
        let total = programme.config.schedule.meetings
        let bringers = m.caseBringers.map { p[$0].name }.joined(separator: ", ")
        var text = ["\(programme.config.name)", "Group \(m.group), meeting \(m.number) of \(total)"]
        let facilitator = facilitatorName(programme, schedule, m.group)
        if !facilitator.isEmpty { text.append("Facilitator: \(facilitator)") }
        text.append("Case bringer\(m.caseBringers.count == 1 ? "" : "s"): \(bringers.isEmpty ? "to be decided" : bringers)")
        if !m.lookBack.isEmpty { text.append("Look-back (terugblik): \(m.lookBack.map { p[$0].name }.joined(separator: ", "))") }
        text.append("Method: \(m.method)")
        text.append("Members: \(members.map { p[$0].name }.joined(separator: ", "))")
        if !m.absent.isEmpty { text.append("Said they are unavailable: \(m.absent.map { p[$0].name }.joined(separator: ", "))") }
        return ICS.Event(uid: uid(programme.config.name, m), sequence: 0, date: (m.date.year, m.date.month, m.date.day),
                         start: m.start, end: m.end,
                         summary: "Intervision \(m.group) · meeting \(m.number)/\(total) · case: \(bringers.isEmpty ? "to be decided" : bringers)",
                         description: text.joined(separator: "\n"))
    }
}

/// File names from people's names: ASCII letters, digits and hyphens only, so they stay inside the folder.
public enum Slug {
    public static func make(_ s: String, fallback: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        for ch in folded.unicodeScalars {
            if ch.isASCII, CharacterSet.alphanumerics.contains(ch) { out.unicodeScalars.append(ch) }
            else if !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : String(out.prefix(60))
    }

    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var name = base, n = 2
        while !used.insert(name).inserted { name = "\(base)-\(n)"; n += 1 }
        return name
    }
}
