import TOMLKit

/// The `[schedule]` table: dates, spacing, weekdays, rotation and methods.
enum ScheduleConfigReader {
    static func read(_ t: TOMLTable?, _ c: inout ProgrammeConfig, _ f: inout Fields) {
        guard let t else { return }
        var s = c.schedule
        if let v = t["first_date"] { s.firstDate = f.day("schedule.first_date", v) }
        if let v = t["location"], let venue = f.venue("schedule.location", v) {
            c.venues = c.venues ?? ProgrammeConfig.Venues()
            c.venues?.standard = venue
        }
        if let v = t["online"], let link = f.venue("schedule.online", v) {
            if link.hasPrefix("https://") || link.hasPrefix("http://") {
                c.venues = c.venues ?? ProgrammeConfig.Venues()
                c.venues?.online = link
            } else {
                f.error(
                    "schedule.online", "\"\(link)\" is not a web link", fix: "write the full link, https://…",
                    nl: .init("\"\(link)\" is geen weblink", fix: "schrijf de volledige link, https://…"))
            }
        }
        if let v = t["last_date"] { s.lastDate = f.day("schedule.last_date", v) }
        if let v = t["meetings"], let n = f.int("schedule.meetings", v, 1...52) { s.meetings = n }
        if let v = t["min_weeks_between"], let n = f.int("schedule.min_weeks_between", v, 1...52) {
            s.minWeeksBetween = n
        }
        if let v = t["max_weeks_between"], let n = f.int("schedule.max_weeks_between", v, 1...52) {
            s.maxWeeksBetween = n
        }
        if let v = t["weekdays"], let names = f.strings("schedule.weekdays", v) {
            s.weekdays = []
            for n in names {
                if let d = Weekday(rawValue: n.lowercased()) ?? dutchWeekdays[n.lowercased()] {
                    if !s.weekdays.contains(d) { s.weekdays.append(d) }
                } else {
                    let hint = Text.didYouMean(n, in: Weekday.allCases.map(\.rawValue))
                    f.error(
                        "schedule.weekdays", "\"\(n)\" is not a weekday",
                        fix: "use monday … sunday" + (hint.map { " — " + $0.en } ?? ""),
                        nl: .init(
                            "\"\(n)\" is geen dag van de week",
                            fix: "gebruik maandag … zondag (of monday … sunday)"
                                + (hint.map { " — " + $0.nl } ?? "")))
                }
            }
            if names.isEmpty {
                f.error(
                    "schedule.weekdays", "no weekdays allowed", fix: "list at least one day, e.g. [\"tuesday\"]",
                    nl: .init("er is geen weekdag toegestaan", fix: "noem minstens één dag, bijv. [\"dinsdag\"]"))
            }
        }
        if let v = t["start_time"], let text = f.string("schedule.start_time", v) {
            let parts = text.split(separator: ":").map { Int($0) }
            if parts.count == 2, let h = parts[0], let m = parts[1], (0...23).contains(h), (0...59).contains(m) {
                s.startMinutes = h * 60 + m
            } else {
                f.error(
                    "schedule.start_time", "\"\(text)\" is not a time of day",
                    fix: "write it as \"HH:MM\", e.g. \"13:30\"",
                    nl: .init("\"\(text)\" is geen tijdstip", fix: "schrijf het als \"UU:MM\", bijv. \"13:30\""))
            }
        }
        if let v = t["duration_minutes"], let n = f.int("schedule.duration_minutes", v, 15...720) {
            s.durationMinutes = n
        }
        // A meeting is one evening or afternoon: it must end on the day it starts (calendars and rotas write
        // one date per meeting).
        if s.startMinutes + s.durationMinutes > 24 * 60 {
            let end = s.startMinutes + s.durationMinutes - 24 * 60
            let starts = String(format: "%02d:%02d", s.startMinutes / 60, s.startMinutes % 60)
            let ends = String(format: "%02d:%02d", end / 60, end % 60)
            f.error(
                t["duration_minutes"] != nil ? "schedule.duration_minutes" : "schedule.start_time",
                "a meeting starting at \(starts) and lasting \(s.durationMinutes) minutes would end after midnight "
                    + "(\(ends) the next day)",
                fix: "start earlier or shorten duration_minutes so meetings end by 24:00",
                nl: .init(
                    "een bijeenkomst die om \(starts) begint en \(s.durationMinutes) minuten duurt, eindigt na "
                        + "middernacht (\(ends) de volgende dag)",
                    fix: "begin eerder of maak duration_minutes korter, zodat bijeenkomsten uiterlijk om 24:00 eindigen"
                ))
        }
        if let v = t["cases_per_meeting"] {
            if v.string?.lowercased() == "auto" {
                s.casesPerMeeting = .auto
            } else if v.type == .int, let n = f.int("schedule.cases_per_meeting", v, 1...4) {
                s.casesPerMeeting = .fixed(n)
            } else if v.type != .int {
                f.error(
                    "schedule.cases_per_meeting", "expected a number of cases (1–4) or \"auto\"",
                    fix: "write cases_per_meeting = 1 or \"auto\"",
                    nl: .init(
                        "verwacht: een aantal casussen (1–4) of \"auto\"",
                        fix: "schrijf cases_per_meeting = 1 of \"auto\""))
            }
        }
        if let v = t["blackout_dates"], let items = f.strings("schedule.blackout_dates", v, allowDates: true) {
            s.blackoutDates = items.compactMap { item in
                let ends = item.components(separatedBy: "..").compactMap(Day.init(parsing:))
                if ends.count == 1 || (ends.count == 2 && ends[0] <= ends[1]) { return DayRange(ends[0], ends.last!) }
                f.error(
                    "schedule.blackout_dates", "\"\(item)\" is not a date or date range",
                    fix: "write 2027-05-07 or \"2027-05-03..2027-05-07\"",
                    nl: .init(
                        "\"\(item)\" is geen datum of periode", fix: "schrijf 2027-05-07 of \"2027-05-03..2027-05-07\"")
                )
                return nil
            }
        }
        if let v = t["holidays"], let h = f.oneOf("schedule.holidays", v, ProgrammeConfig.Holidays.self) {
            s.holidays = h
        }
        if let v = t["methods"], let m = f.strings("schedule.methods", v) {
            if m.isEmpty || m.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                f.error(
                    "schedule.methods", "the list of methods is empty or has an empty name",
                    fix: "name at least one method, e.g. [\"tienstappen\", \"incident\"]",
                    nl: .init(
                        "de lijst met methoden is leeg of heeft een lege naam",
                        fix: "noem minstens één methode, bijv. [\"tienstappen\", \"incident\"]"))
            } else {
                s.methods = m
            }
        }
        if let v = t["fixed_dates"] {
            if let table = v.table {
                for (key, value) in table {
                    guard let n = Int(key), (1...s.meetings).contains(n) else {
                        f.error(
                            "schedule.fixed_dates",
                            "meeting \"\(key)\" does not exist: the programme has \(s.meetings) meetings",
                            fix: "use meeting numbers 1 to \(s.meetings)",
                            nl: .init(
                                "bijeenkomst \"\(key)\" bestaat niet: het programma heeft \(s.meetings) bijeenkomsten",
                                fix: "gebruik de nummers 1 tot en met \(s.meetings)"))
                        continue
                    }
                    if let d = f.day("schedule.fixed_dates", value) { s.fixedDates[n] = d }
                }
            } else {
                f.wrongType(
                    "schedule.fixed_dates", v,
                    ("a table such as { 1 = 2027-01-14 }", "een tabel zoals { 1 = 2027-01-14 }"))
            }
        }
        checkConsistency(s, &f)
        c.schedule = s
    }

    private static func checkConsistency(_ s: ProgrammeConfig.Schedule, _ f: inout Fields) {
        if s.minWeeksBetween > s.maxWeeksBetween {
            f.error(
                "schedule.min_weeks_between",
                "min_weeks_between \(s.minWeeksBetween) is larger than max_weeks_between \(s.maxWeeksBetween)",
                fix: "make the minimum spacing at most the maximum",
                nl: .init(
                    "minstens \(s.minWeeksBetween) weken ertussen is meer dan hoogstens \(s.maxWeeksBetween)",
                    fix: "maak de kleinste tussenruimte hoogstens de grootste"))
        }
        guard let first = s.firstDate, let last = s.lastDate else { return }
        if last < first {
            f.error(
                "schedule.last_date", "last_date \(last) is before first_date \(first)",
                fix: "swap the two dates or correct one of them",
                nl: .init(
                    "de laatste dag (\(last)) ligt vóór de eerste (\(first))",
                    fix: "verwissel de twee datums of verbeter er een"))
            return
        }
        // A programme runs a school year or two; the date models grow with the number of days.
        if last - first > ProgrammeConfig.Schedule.longestPeriod {
            f.error(
                "schedule.last_date", "the programme runs \(last - first + 1) days, from \(first) to \(last)",
                fix: "plan at most three years (\(ProgrammeConfig.Schedule.longestPeriod + 1) days) at a time",
                nl: .init(
                    "het programma duurt \(last - first + 1) dagen, van \(first) tot en met \(last)",
                    fix: "plan hoogstens drie jaar (\(ProgrammeConfig.Schedule.longestPeriod + 1) dagen) tegelijk"))
            return
        }
        let needed = (s.meetings - 1) * s.minWeeksBetween * 7
        if last - first < needed {
            f.error(
                "schedule.last_date",
                "\(s.meetings) meetings at least \(s.minWeeksBetween) weeks apart need \(needed / 7) weeks, but "
                    + "\(first) to \(last) spans \((last - first) / 7) weeks and \((last - first) % 7) days",
                fix:
                    "move last_date to \(first.adding(days: needed)) or later, lower meetings, or lower "
                    + "min_weeks_between",
                nl: .init(
                    "\(s.meetings) bijeenkomsten met minstens \(s.minWeeksBetween) weken ertussen hebben "
                        + "\(needed / 7) weken nodig, maar \(first) tot \(last) is \((last - first) / 7) weken en "
                        + "\((last - first) % 7) dagen",
                    fix: "zet de laatste dag op \(first.adding(days: needed)) of later, of verlaag het aantal "
                        + "bijeenkomsten of min_weeks_between"))
        }
        for (n, d) in s.fixedDates.sorted(by: { $0.key < $1.key }) where d < first || d > last {
            f.error(
                "schedule.fixed_dates",
                "meeting \(n) is fixed on \(d), outside first_date…last_date (\(first)…\(last))",
                fix: "move the fixed date inside the programme period",
                nl: .init(
                    "bijeenkomst \(n) staat vast op \(d), buiten de programmaperiode (\(first)…\(last))",
                    fix: "zet de vaste datum binnen de programmaperiode"))
        }
    }

    static let dutchWeekdays = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.dutchName, $0) })
}

extension Fields {
    /// Strings or TOML date literals, both read as text.
    mutating func strings(_ path: String, _ v: TOMLValueConvertible, allowDates: Bool) -> [String]? {
        guard let a = v.array else {
            wrongType(path, v, ("a list like [\"2027-05-07\"]", "een lijst zoals [\"2027-05-07\"]"))
            return nil
        }
        var result: [String] = []
        for item in a {
            if let s = item.string {
                result.append(s)
            } else if let d = item.date, let day = Day(year: d.year, month: d.month, day: d.day) {
                result.append(day.description)
            } else {
                wrongType(
                    path, item, ("a date or a quoted date range", "een datum of een periode tussen aanhalingstekens"))
                return nil
            }
        }
        return result
    }
}
