import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// What participants and facilitators import: personal calendars, venues, the organiser and attendees, the
/// language — read back from the written .ics files by a small unfolding parser, not from the plan.
@Suite struct CalendarTests {
    /// The 52 fixture with a venue per region, a default venue, an online link and an organiser.
    static func inputs(language: String = "nl") throws -> ProgrammeInputs {
        var config = try String(contentsOfFile: Fixture.path("lerend-leiderschap.toml"), encoding: .utf8)
        config = config.replacingOccurrences(
            of: "[programme]\n",
            with: "[programme]\nlanguage = \"\(language)\"\norganiser = \"Academie, Lerend Leiderschap <info@ll.nl>\"\n"
        )
        config = config.replacingOccurrences(
            of: "[schedule]\n",
            with: "[schedule]\nlocation = \"De Werkplaats, Utrecht\"\nonline = \"https://meet.example.nl/ll\"\n")
        config += "\n[locations]\n\"Noord-Holland\" = \"Hotel Haarlem, Haarlem\"\n"
        let base = try Inputs.lerendLeiderschap()
        return ProgrammeInputs(
            signups: base.signups, config: InputFile(name: "ll.toml", data: Data(config.utf8)),
            facilitators: base.facilitators)
    }

    /// VEVENTs of a calendar file as property name → values (parameters kept in the name part).
    static func events(_ path: String) throws -> [[String: [String]]] {
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        var result: [[String: [String]]] = [], current: [String: [String]]?
        for line in text.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" {
                current = [:]
            } else if line == "END:VEVENT" {
                result.append(current!)
                current = nil
            } else if current != nil, let colon = line.firstIndex(of: ":") {
                let key = String(line[..<colon]).split(separator: ";")[0]
                current![String(key), default: []].append(String(line[line.index(after: colon)...]))
            }
        }
        return result
    }

    @Test func everyParticipantGetsTheirGroupsMeetingsWithVenueOrganiserAndTheirTurns() async throws {
        let folder = Scratch.folder("calendars")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try await Intervision.plan(
            PlanRequest(inputs: try Self.inputs(), folder: folder), budget: RunBudget(timeLimit: 60))
        let p = planned.programme.participants
        let people = (folder as NSString).appendingPathComponent("rota/people")
        let files = try FileManager.default.contentsOfDirectory(atPath: people).sorted()
        #expect(files.count == 52)
        var turns = 0
        for file in files {
            let path = (people as NSString).appendingPathComponent(file)
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
            let owner = try #require(
                text.components(separatedBy: "\r\n").first { $0.hasPrefix("X-INTERVISION-PARTICIPANT:mailto:") }?
                    .dropFirst("X-INTERVISION-PARTICIPANT:mailto:".count))
            let i = try #require(p.firstIndex { $0.email == owner })
            let group = try #require(planned.grouping.groups.first { $0.members.contains(i) })
            let events = try Self.events(path)
            // Exactly the group's meetings, each listing its owner as an attendee who is not asked to reply.
            #expect(events.count == planned.schedule.meetings(of: group.id).count, "\(file)")
            let venue = p[i].region == "Noord-Holland" ? "Hotel Haarlem\\, Haarlem" : "De Werkplaats\\, Utrecht"
            for e in events {
                #expect(e["ATTENDEE"]?.contains("mailto:\(owner)") == true)
                #expect(e["ORGANIZER"] == ["mailto:info@ll.nl"])
                #expect(e["DESCRIPTION"]?.first?.contains("Online: https://meet.example.nl/ll") == true)
                if group.homeRegion == p[i].region { #expect(e["LOCATION"] == [venue], "\(file)") }
            }
            // Their own turns are marked and get a reminder two days before; other meetings have none.
            let mine = planned.schedule.meetings(of: group.id).filter { $0.caseBringers.contains(i) }.count
            let marked = events.filter { $0["SUMMARY"]?.first?.contains("jij brengt een casus in") == true }
            #expect(marked.count == mine, "\(file)")
            #expect(text.components(separatedBy: "TRIGGER:-P2D").count - 1 == mine)
            turns += mine
        }
        // Everyone brings a case at least once (cases_per_meeting = "auto").
        #expect(turns >= 52)
        // Dutch by default; the organiser's name holds a comma, so it is quoted.
        let group = try String(
            contentsOfFile: (folder as NSString).appendingPathComponent("rota/group-G01.ics"), encoding: .utf8)
        #expect(group.contains("Groep G01\\, bijeenkomst 1 van 4"))
        #expect(
            group.replacingOccurrences(of: "\r\n ", with: "").contains("ORGANIZER;CN=\"Academie, Lerend Leiderschap\""))
        #expect(!group.contains("METHOD:PUBLISH"), "a calendar with attendees is not an iTIP PUBLISH")
    }

    @Test func englishTextsOnRequest() async throws {
        let folder = Scratch.folder("calendars-en")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try await Intervision.plan(
            PlanRequest(inputs: try Self.inputs(language: "en"), folder: folder), budget: RunBudget(timeLimit: 60))
        let group = try String(
            contentsOfFile: (folder as NSString).appendingPathComponent("rota/group-G01.ics"), encoding: .utf8
        )
        .replacingOccurrences(of: "\r\n ", with: "")
        #expect(group.contains("Group G01\\, meeting 1 of 4"))
        #expect(group.contains("Method: ten-step method (~65 min)"))
        // The report, the rota lists and the mail merge follow the same setting.
        func read(_ file: String) throws -> String {
            try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
        }
        let report = try read("report.html")
        #expect(report.contains("<html lang=\"en\""))
        for heading in [">What needs attention</h2>", ">Groups</h2>", ">Participants A–Z</h2>", ">Calendar</h2>"] {
            #expect(report.contains(heading), "\(heading) missing")
        }
        #expect(!report.contains("Wat aandacht vraagt"))
        #expect(
            try read("rota/group-G01.csv").trimmingCharacters(in: ["\u{FEFF}"]).hasPrefix(
                "group,meeting,date,start,end,facilitator"))
        #expect(
            try read("mailmerge.csv").trimmingCharacters(in: ["\u{FEFF}"]).hasPrefix(
                "name,email,school,group,facilitator,facilitator_email,date_1"))
    }

    @Test func someoneWhoLeavesOrMovesHasTheirLaterMeetingsCancelledInTheirOwnCalendar() async throws {
        let folder = Scratch.folder("calendars-replan")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try await Intervision.plan(
            PlanRequest(inputs: try Self.inputs(), folder: folder), budget: RunBudget(timeLimit: 60))
        let p = planned.programme.participants
        let g01 = try #require(planned.grouping.groups.first { $0.id == "G01" })
        let leaver = p[g01.members[0]].email
        let replanned = try await Intervision.replan(
            folder,
            ReplanChanges(
                dropouts: [.init(email: leaver, source: "test")], from: Day(year: 2027, month: 4, day: 1)!),
            budget: RunBudget(timeLimit: 30))
        let files = try FileManager.default.contentsOfDirectory(
            atPath: (folder as NSString).appendingPathComponent("rota/people"))
        let file = try #require(
            files.first { f in
                let text = try? String(
                    contentsOfFile: (folder as NSString).appendingPathComponent("rota/people/\(f)"), encoding: .utf8)
                return text?.contains("X-INTERVISION-PARTICIPANT:mailto:\(leaver)\r\n") == true
            })
        let events = try Self.events((folder as NSString).appendingPathComponent("rota/people/\(file)"))
        let later = events.filter { ($0["DTSTART"]?.first ?? "") >= "20270401" }
        #expect(!later.isEmpty)
        for e in later {
            #expect(e["STATUS"] == ["CANCELLED"])
            #expect(Int(e["SEQUENCE"]?.first ?? "0")! >= 1)
            #expect(e["ATTENDEE"]?.contains("mailto:\(leaver)") != true)
        }
        let earlier = events.filter { ($0["DTSTART"]?.first ?? "") < "20270401" }
        #expect(!earlier.isEmpty && earlier.allSatisfy { $0["STATUS"] == ["CONFIRMED"] })
        #expect(replanned.result.version == 2)
        let changes = try String(
            contentsOfFile: (folder as NSString).appendingPathComponent("changes.md"), encoding: .utf8)
        #expect(changes.contains("rota/people/\(file)"))
    }
}
