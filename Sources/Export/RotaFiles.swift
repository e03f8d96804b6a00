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
    /// The printable rota's columns, in the programme's language: people read these, scripts read schedule.csv.
    static func rotaHeader(_ language: ProgrammeConfig.Language) -> [String] {
        language == .nl
            ? [
                "groep", "bijeenkomst", "datum", "begin", "einde", "begeleider", "casusinbrengers", "terugblik",
                "methode", "deelnemers", "afwezig gemeld", "status",
            ]
            : [
                "group", "meeting", "date", "start", "end", "facilitator", "case bringers", "look-back", "method",
                "members", "said unavailable", "status",
            ]
    }

    /// Stable across reruns and replans: derived from programme, group and meeting number only.
    package static func uid(_ programme: String, _ m: Meeting) -> String {
        "\(Slug.make(programme, fallback: "programme"))-\(m.group.lowercased())-m\(m.number)@intervision"
    }

    package static func facilitatorName(_ programme: Programme, _ schedule: ScheduleResult, _ group: String) -> String {
        schedule.facilitatorOf[group].map { programme.facilitators![$0].name } ?? ""
    }

    /// Whether meeting `m` belongs in calendars: not when it was cancelled before anyone had it (sequence 0,
    /// e.g. the meetings a group opened late in the programme does not hold).
    static func published(_ m: Meeting) -> Bool { !(m.cancelled && m.sequence == 0) }

    /// Who leads (or led) meeting `m`: history keeps the facilitator of its day.
    static func facilitatorName(_ programme: Programme, _ schedule: ScheduleResult, _ m: Meeting) -> String {
        schedule.facilitator(of: m).map { programme.facilitators![$0].name } ?? ""
    }

    package static func build(_ programme: Programme, _ schedule: ScheduleResult, created: Date, from: Day? = nil)
        -> [String: Data]
    {
        guard !schedule.meetings.isEmpty else { return [:] }
        let p = programme.participants
        let names: ([Int]) -> String = { $0.map { p[$0].name }.joined(separator: "; ") }
        var files: [String: Data] = [:]
        let rows = schedule.meetings.map { m in
            [
                m.group, String(m.number), m.date.description, Clock.text(m.start), Clock.text(m.end),
                facilitatorName(programme, schedule, m),
                names(m.caseBringers), names(m.lookBack), m.method, m.cancelled ? "cancelled" : "planned",
            ]
        }
        files["schedule.csv"] = Data(CSVWriter.render(header: scheduleHeader, rows: rows).utf8)

        func write(_ base: String, title: String, meetings all: [Meeting], withdrawn: Set<String> = []) {
            let meetings = all.filter(published)
            let isWithdrawn = { (m: Meeting) in withdrawn.contains("\(m.group)#\(m.number)") }
            let lang = programme.config.lang, dates = DateText(language: lang)
            // In a `;`-separated file a `;` inside a cell would need quotes; people read commas anyway.
            let names: ([Int]) -> String = { $0.map { p[$0].name }.joined(separator: ", ") }
            let rows = meetings.map { m in
                [
                    m.group, String(m.number), dates.long(m.date), Clock.text(m.start), Clock.text(m.end),
                    facilitatorName(programme, schedule, m),
                    names(m.caseBringers), names(m.lookBack), MethodNames.describe(m.method, lang), names(m.members),
                    names(m.absent),
                    m.cancelled
                        ? (lang == .nl ? "vervallen" : "cancelled")
                        : isWithdrawn(m)
                            ? (lang == .nl ? "overgedragen" : "handed over") : (lang == .nl ? "gepland" : "planned"),
                ]
            }
            files["rota/\(base).csv"] = Data(
                CSVWriter.render(header: rotaHeader(lang), rows: rows, delimiter: lang == .nl ? ";" : ",").utf8)
            let events = meetings.map { event(programme, schedule, $0, withdrawn: isWithdrawn($0)) }
            files["rota/\(base).ics"] = Data(
                ICS.calendar(name: title, timeZone: programme.config.timezone, stamp: created, events: events).utf8)
        }
        // Dissolved groups keep their file: it carries the cancellations.
        let ids = Array(Set(schedule.meetings.map(\.group))).sorted()
        for id in ids {
            write("group-\(id)", title: "\(programme.config.name) — \(id)", meetings: schedule.meetings(of: id))
        }
        for (f, base) in facilitatorFiles(programme, schedule).sorted(by: { $0.key < $1.key }) {
            let mine = schedule.meetings.filter { schedule.facilitator(of: $0) == f }
            // Groups handed to someone else: their meetings from the handover on are withdrawn for this facilitator.
            let handed = schedule.handovers.filter { $0.facilitator == f }.flatMap { h in
                schedule.meetings(of: h.group).filter { $0.date >= h.from && schedule.facilitator(of: $0) != f }
            }
            write(
                base, title: "\(programme.config.name) — \(programme.facilitators![f].name)",
                meetings: (mine + handed).sorted { ($0.date, $0.start, $0.group) < ($1.date, $1.start, $1.group) },
                withdrawn: Set(handed.map { "\($0.group)#\($0.number)" }))
        }
        return files.merging(personalCalendars(programme, schedule, created: created, from: from)) { a, _ in a }
    }

    /// Facilitator index → file name (without extension) for everyone with at least one meeting.
    package static func facilitatorFiles(_ programme: Programme, _ schedule: ScheduleResult) -> [Int: String] {
        guard let facilitators = programme.facilitators else { return [:] }
        var used = Set(schedule.meetings.map { "group-\($0.group)".lowercased() })
        var result: [Int: String] = [:]
        let handedOver = Set(schedule.handovers.map(\.facilitator))
        for f in facilitators
        where handedOver.contains(f.index)
            || schedule.meetings.contains(where: { schedule.facilitator(of: $0) == f.index })
        {
            result[f.index] = Slug.unique(Slug.make(f.name, fallback: "facilitator-\(f.index + 1)"), &used)
        }
        return result
    }

    /// The calendar event of meeting `m`; for `person`'s own calendar, their turns are marked and they get a
    /// reminder to prepare, and with `withdrawn` the event is cancelled for them alone (they moved or left).
    static func event(
        _ programme: Programme, _ schedule: ScheduleResult, _ m: Meeting, for person: Int? = nil,
        withdrawn: Bool = false
    ) -> ICS.Event {
        let p = programme.participants, config = programme.config
        let words = CalendarWords(language: config.lang)
        let total = config.schedule.meetings
        let bringers = m.caseBringers.map { p[$0].name }.joined(separator: ", ")
        let mine = person.map { m.caseBringers.contains($0) } ?? false
        let cancelled = m.cancelled || withdrawn
        var text = [config.name, words.meeting(m.group, m.number, of: total)]
        if mine && !cancelled { text.append(words.yourTurn) }
        let facilitator = facilitatorName(programme, schedule, m)
        if !facilitator.isEmpty { text.append(words.facilitator(facilitator)) }
        text.append(words.bringers(bringers, count: m.caseBringers.count))
        if !m.lookBack.isEmpty { text.append(words.lookBack(m.lookBack.map { p[$0].name }.joined(separator: ", "))) }
        text.append(words.method(m.method))
        let venue = venue(programme, m)
        if let place = venue.place { text.append(words.venue(place)) }
        if let link = venue.online { text.append(words.online(link)) }
        text.append(words.members(m.members.map { p[$0].name }.joined(separator: ", ")))
        if m.cancelled {
            text.insert(m.cancelledAlone ? words.meetingDropped : words.dissolved, at: 0)
        } else if withdrawn {
            text.insert(person == nil ? words.handedOver(to: facilitator) : words.movedAway, at: 0)
        }
        if !m.absent.isEmpty { text.append(words.unavailable(m.absent.map { p[$0].name }.joined(separator: ", "))) }
        var e = ICS.Event(
            uid: uid(config.name, m), sequence: m.sequence + (withdrawn ? 1 : 0),
            date: (m.date.year, m.date.month, m.date.day), start: m.start, end: m.end,
            summary: words.summary(m.group, m.number, total, bringers: bringers, cancelled: cancelled, mine: mine),
            description: text.joined(separator: "\n"), cancelled: cancelled,
            stamp: m.stamp.map { Date(timeIntervalSince1970: $0) })
        e.location = venue.place ?? venue.online
        e.organizer = config.organiser.map { ($0.name, $0.email) }
        if let f = schedule.facilitator(of: m).map({ programme.facilitators![$0] }) {
            e.attendees.append((f.name, f.email, true))
        }
        e.attendees += m.members.map { (p[$0].name, p[$0].email, false) }
        if mine { e.reminder = words.prepare }
        return e
    }

    /// Where meeting `m` takes place and its link, as scheduled (`Meeting.place`).
    static func venue(_ programme: Programme, _ m: Meeting) -> (place: String?, online: String?) {
        (m.location, m.online)
    }

    /// Participants as their own calendars name them: two people of one name are told apart by their school.
    static func personalLabels(_ programme: Programme) -> [String] {
        let p = programme.participants
        var count: [String: Int] = [:]
        for person in p { count[person.name.lowercased(), default: 0] += 1 }
        return p.map { count[$0.name.lowercased()]! > 1 ? "\($0.name) (\($0.school))" : $0.name }
    }

    /// Participant index → personal calendar file name (without `rota/people/` and `.ics`), for everyone who was
    /// ever in a group; unique case-insensitively, in sign-up order.
    package static func personalFiles(_ programme: Programme, _ schedule: ScheduleResult) -> [Int: String] {
        let p = programme.participants, labels = personalLabels(programme)
        var inGroup = [Bool](repeating: false, count: p.count)
        for m in schedule.meetings { for i in m.members { inGroup[i] = true } }
        var used = Set<String>(), result: [Int: String] = [:]
        for i in p.indices where inGroup[i] {
            result[i] = Slug.unique(Slug.make(labels[i], fallback: "participant-\(i + 1)"), &used)
        }
        return result
    }

    /// `rota/people/<name>.ics`: per participant who was ever in a group, the meetings of their group, their own
    /// case turns marked with a reminder two days before. Meetings from `from` on of a group they left (moved or
    /// dropped out in this replan) stay in their file as cancelled, with a higher SEQUENCE, so their calendar
    /// app removes them.
    static func personalCalendars(
        _ programme: Programme, _ schedule: ScheduleResult, created: Date, from: Day?
    ) -> [String: Data] {
        let p = programme.participants
        var meetingsOf = [[Meeting]](repeating: [], count: p.count)
        for m in schedule.meetings where published(m) { for i in m.members { meetingsOf[i].append(m) } }
        // Who was in a group before `from` but is not in its meetings from then on: their events there are
        // withdrawn for them.
        var withdrawn = [[Meeting]](repeating: [], count: p.count)
        if let from {
            let byGroup = Dictionary(grouping: schedule.meetings, by: \.group)
            for i in p.indices {
                let groups = Set(meetingsOf[i].filter { $0.date < from }.map(\.group))
                for g in groups.sorted() {
                    for m in byGroup[g] ?? [] where m.date >= from && !m.members.contains(i) && !m.cancelled {
                        withdrawn[i].append(m)
                    }
                }
            }
        }
        var files: [String: Data] = [:]
        let words = CalendarWords(language: programme.config.lang)
        let labels = personalLabels(programme)
        for (i, base) in personalFiles(programme, schedule).sorted(by: { $0.key < $1.key }) {
            let label = labels[i]
            let events =
                (meetingsOf[i].map { event(programme, schedule, $0, for: i) }
                + withdrawn[i].map { event(programme, schedule, $0, for: i, withdrawn: true) })
                .sorted {
                    ($0.date.year, $0.date.month, $0.date.day, $0.start) < (
                        $1.date.year, $1.date.month, $1.date.day, $1.start
                    )
                }
            files["rota/people/\(base).ics"] = Data(
                ICS.calendar(
                    name: words.personal(programme.config.name, label), timeZone: programme.config.timezone,
                    stamp: created, events: events, owner: p[i].email
                ).utf8)
        }
        return files
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
