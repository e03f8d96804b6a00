import Foundation

extension ReplanChanges {
    /// The changes checked against the current plan: the programme with the joiners added, the request in
    /// participant indices, and the joiners' warnings. Every problem is listed at once.
    func resolve(
        against current: CurrentPlan, _ document: PlanDocument
    ) throws(PlanningFailure) -> (programme: Programme, request: ReplanRequest, warnings: [Diagnostic]) {
        let p = current.programme.participants
        var problems: [Diagnostic] = []
        var named = dropouts
        for list in dropoutLists { named += Self.emails(in: list, problems: &problems) }
        let byEmail = Dictionary(p.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        var drop = Set<Int>()
        for d in named {
            guard let i = byEmail[d.email.lowercased()] else {
                problems.append(
                    Diagnostic(
                        .error, file: d.source, line: d.line, field: "email",
                        "\(d.email) is not a participant in this plan",
                        fix: "check the spelling; participants are listed in groups.csv"
                    ).inDutch(
                        "\(d.email) is geen deelnemer in dit plan",
                        fix: "controleer de spelling; de deelnemers staan in groups.csv"))
                continue
            }
            if current.programme.dropped.contains(i) {
                problems.append(
                    Diagnostic(
                        .error, file: d.source, line: d.line, field: "email",
                        "\(d.email) (\(p[i].name)) already left in an earlier version",
                        fix: "remove this email from the list"
                    ).inDutch(
                        "\(d.email) (\(p[i].name)) is in een eerdere versie al vertrokken",
                        fix: "haal dit e-mailadres uit de lijst"))
            } else {
                drop.insert(i)
            }
        }
        var programme = current.programme
        var joiners: [Int] = []
        var warnings: [Diagnostic] = []
        if let file = self.joiners {
            do {
                let (all, diagnostics) = try ProgrammeReader.joiners(
                    file, existing: p, config: current.programme.config)
                joiners = Array(p.count..<all.count)
                programme = Programme(
                    config: current.programme.config, participants: all,
                    facilitators: current.programme.facilitators, dropped: current.programme.dropped)
                warnings = diagnostics
            } catch {
                problems += error.diagnostics
            }
        }
        let cutOff = from ?? Self.today(now, timeZone: current.programme.config.timezone)
        if let previous = document.replan?.from, cutOff < previous {
            problems.append(
                Diagnostic(
                    .error, file: "plan.json",
                    "the first day of these changes, \(cutOff), is before \(previous), where version "
                        + "\(current.version) already started history",
                    fix: "start the changes on \(previous) or later"
                ).inDutch(
                    "de eerste dag van deze wijzigingen, \(cutOff), ligt vóór \(previous), waar versie "
                        + "\(current.version) de geschiedenis al vastlegde",
                    fix: "laat de wijzigingen op \(previous) of later ingaan"))
        }
        if let file = venues {
            do {
                let table = try VenueFile.read(file, programme.config)
                try VenueFile.apply(table, to: &programme.config, groups: current.groups.map(\.id))
            } catch {
                if case .invalidInput(let d) = error { problems += d } else { throw error }
            }
        }
        let facilitatorsChanged = resolveFacilitators(&programme, from: cutOff, problems: &problems)
        if let file = wishes {
            do {
                programme = try ProgrammeReader.adding(wishes: file, to: programme)
            } catch {
                problems += error.diagnostics.filter { $0.severity == .error }
            }
        }
        var manual: [(person: Int, group: String)] = [], swapped: [(Int, Int)] = []
        func person(_ email: String, _ option: String) -> Int? {
            guard let i = byEmail[email.lowercased()], !current.programme.dropped.contains(i), !drop.contains(i) else {
                problems.append(
                    Diagnostic(
                        .error, file: option, field: "email", "\(email) is not a participant in this plan (any more)",
                        fix: "check the spelling; participants are listed in groups.csv"
                    ).inDutch(
                        "\(email) is (nu) geen deelnemer in dit plan",
                        fix: "controleer de spelling; de deelnemers staan in groups.csv"))
                return nil
            }
            return i
        }
        for m in moves { if let i = person(m.email, "--move") { manual.append((i, m.group)) } }
        for s in swaps {
            if let a = person(s.first, "--swap"), let b = person(s.second, "--swap") { swapped.append((a, b)) }
        }
        let attendanceRecorded = resolveAttendance(current, from: cutOff, problems: &problems)
        let steering =
            !attendanceRecorded.isEmpty || !manual.isEmpty || !swapped.isEmpty || !lock.isEmpty || !unlock.isEmpty
            || wishes != nil
            || facilitatorsChanged || !meetingMoves.isEmpty || !meetingCancellations.isEmpty
        if drop.isEmpty && joiners.isEmpty && venues == nil && !steering && problems.isEmpty {
            problems.append(
                Diagnostic(
                    .error, file: document.programme, "nothing to change",
                    fix: "name the participants or facilitators who leave, give a file of late joiners, a new "
                        + "venues file or more wishes, move someone, or lock a group"
                ).inDutch(
                    "er is niets te wijzigen",
                    fix: "noem de deelnemers of begeleiders die vertrekken, geef een bestand met late aanmelders, een "
                        + "nieuw locatiebestand of meer wensen, verplaats iemand of zet een groep vast"))
        }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        var request = ReplanRequest(
            drop: drop, joiners: joiners, from: cutOff, moves: manual, swaps: swapped, lock: lock, unlock: unlock)
        request.meetingMoves = meetingMoves.map { ($0.meeting.group, $0.meeting.number, $0.date) }
        request.meetingCancellations = meetingCancellations.map { ($0.group, $0.number) }
        request.reschedule = rescheduleCancelled
        request.attendance = attendanceRecorded
        return (programme, request, warnings)
    }

    /// The attendance file and `absences`, checked against the plan: each meeting exists, has taken place (before
    /// `from`), was not cancelled, and each person named was in it.
    func resolveAttendance(_ current: CurrentPlan, from: Day, problems: inout [Diagnostic])
        -> [(group: String, number: Int, absent: Set<Int>)]
    {
        let p = current.programme.participants
        var rows: [AttendanceRow] = []
        if let file = attendance {
            do {
                rows = try AttendanceReader.read(file, meetings: current.programme.config.schedule.meetings)
            } catch {
                problems += error.diagnostics.filter { $0.severity == .error }
            }
        }
        for (ref, emails) in absences {
            rows.append(.init(group: ref.group, meeting: ref.number, person: "", present: true, source: "attendance"))
            for e in emails {
                rows.append(.init(group: ref.group, meeting: ref.number, person: e, present: false, source: "--absent"))
            }
        }
        var recorded: [String: Set<Int>] = [:], order: [String] = []
        let byKey = Dictionary(
            current.schedule.meetings.map { ("\($0.group)#\($0.number)", $0) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            let key = "\(row.group.uppercased())#\(row.meeting)"
            func problem(_ message: String, _ fix: String, nl: (message: String, fix: String)) {
                problems.append(
                    Diagnostic(
                        .error, file: row.source, line: row.line == 0 ? nil : row.line, field: "meeting", message,
                        fix: fix
                    ).inDutch(nl.message, fix: nl.fix))
            }
            guard let m = byKey[key] else {
                problem(
                    "\(row.group):\(row.meeting) is not a meeting of this plan", "check the group and number",
                    nl: ("\(row.group):\(row.meeting) is geen bijeenkomst van dit plan", "controleer groep en nummer"))
                continue
            }
            guard !m.cancelled else {
                problem(
                    "\(m.group):\(m.number) was cancelled", "leave it out",
                    nl: ("\(m.group):\(m.number) is afgelast", "laat deze bijeenkomst weg"))
                continue
            }
            guard m.date < from else {
                problem(
                    "\(m.group):\(m.number) on \(m.date) has not taken place before \(from)",
                    "record attendance after the meeting, with --from after \(m.date)",
                    nl: (
                        "\(m.group):\(m.number) op \(m.date) heeft vóór \(from) nog niet plaatsgevonden",
                        "leg de aanwezigheid vast na de bijeenkomst"
                    ))
                continue
            }
            if recorded[key] == nil {
                recorded[key] = []
                order.append(key)
            }
            guard !row.person.isEmpty else { continue }
            let key2 = Text.key(row.person)
            let found = m.members.filter { p[$0].emailKey == row.person.lowercased() || Text.key(p[$0].name) == key2 }
            guard found.count == 1 else {
                problem(
                    "\(row.person) was not a member of \(m.group) at meeting \(m.number)",
                    "use the email of someone in the group then (rota/group-\(m.group).csv)",
                    nl: (
                        "\(row.person) zat bij bijeenkomst \(m.number) niet in \(m.group)",
                        "gebruik het e-mailadres van iemand die toen in de groep zat (rota/group-\(m.group).csv)"
                    ))
                continue
            }
            if !row.present { recorded[key]!.insert(found[0]) }
        }
        return order.map { key in
            let m = byKey[key]!
            return (m.group, m.number, recorded[key]!)
        }
    }

    /// Applies `--add-facilitators`, `--drop-facilitator` and `--facilitator-unavailable` to `programme`; whether
    /// any was given. Unknown emails and a facilitator who already left are problems.
    func resolveFacilitators(_ programme: inout Programme, from: Day, problems: inout [Diagnostic]) -> Bool {
        guard addFacilitators != nil || !dropFacilitators.isEmpty || !facilitatorUnavailable.isEmpty else {
            return false
        }
        guard programme.facilitators != nil || addFacilitators != nil else {
            problems.append(
                Diagnostic(
                    .error, file: "--drop-facilitator", "this plan was made without a facilitators file",
                    fix: "plan with --facilitators first; groups have unnamed facilitator slots now"))
            return true
        }
        if let file = addFacilitators {
            do { programme = try ProgrammeReader.adding(facilitators: file, to: programme) } catch {
                problems += error.diagnostics.filter { $0.severity == .error }
            }
        }
        let byEmail = Dictionary(
            (programme.facilitators ?? []).map { ($0.email.lowercased(), $0.index) }, uniquingKeysWith: { a, _ in a })
        func facilitator(_ email: String, _ option: String) -> Int? {
            guard let f = byEmail[email.lowercased()] else {
                problems.append(
                    Diagnostic(
                        .error, file: option, field: "email", "\(email) is not a facilitator of this plan",
                        fix: "check the spelling; facilitators are listed in plan.xlsx (Begeleiders)"
                    ).inDutch(
                        "\(email) is geen begeleider in dit plan",
                        fix: "controleer de spelling; de begeleiders staan in plan.xlsx (Begeleiders)"))
                return nil
            }
            if let left = programme.facilitators![f].leftOn {
                problems.append(
                    Diagnostic(
                        .error, file: option, field: "email", "\(email) already left on \(left)",
                        fix: "remove this email"
                    ).inDutch("\(email) is al vertrokken op \(left)", fix: "haal dit e-mailadres weg"))
                return nil
            }
            return f
        }
        for email in dropFacilitators {
            if let f = facilitator(email, "--drop-facilitator") { programme.facilitators![f].leftOn = from }
        }
        for u in facilitatorUnavailable {
            if let f = facilitator(u.email, "--facilitator-unavailable") {
                programme.facilitators![f].unavailable.append(u.days)
            }
        }
        return true
    }

    /// Emails from a list: one per line (`#` comments), or a CSV whose first row may be a header.
    static func emails(in file: InputFile, problems: inout [Diagnostic]) -> [Dropout] {
        guard let text = String(data: file.data, encoding: .utf8) else {
            problems.append(
                Diagnostic(
                    .error, file: file.name, "the list of leavers is not UTF-8 text",
                    fix: "save it as UTF-8 text, one email per line"
                ).inDutch(
                    "de lijst van vertrekkers is geen UTF-8-tekst",
                    fix: "sla hem op als UTF-8-tekst, één e-mailadres per regel"))
            return []
        }
        var out: [Dropout] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let cells = line.split(whereSeparator: { ",;\t".contains($0) })
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
            if let email = cells.first(where: { $0.contains("@") }) {
                out.append(Dropout(email: email, source: file.name, line: n + 1))
            } else if n > 0 || !cells.contains(where: { $0.lowercased().contains("mail") }) {
                problems.append(
                    Diagnostic(
                        .error, file: file.name, line: n + 1, "no email address on this line",
                        fix: "write one email per line (lines starting with # are comments)"
                    ).inDutch(
                        "geen e-mailadres op deze regel",
                        fix: "schrijf één e-mailadres per regel (regels die met # beginnen zijn opmerkingen)"))
            }
        }
        return out
    }

    /// The calendar day of `now` in the programme's time zone.
    static func today(_ now: Date, timeZone: String) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let x = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: x.year!, month: x.month!, day: x.day!)!
    }
}
