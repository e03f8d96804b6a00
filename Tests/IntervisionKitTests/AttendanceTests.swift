import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Attendance at past meetings (issue 16): attendance.csv recomputed here from the file given and the plan's
/// meeting times, a missed case turn coming back later, and bad rows refused with their lines.
@Suite struct AttendanceTests {
    static let from = Day(year: 2027, month: 4, day: 1)!

    @Test func recordedAttendanceIsCountedAndAMissedTurnComesBack() async throws {
        let (folder, _) = try await ManualChangeTests.planned("attendance")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schedule = try FacilitatorChangeTests.schedule(folder)
        let groups = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 7 }
        let members = Dictionary(grouping: groups, by: { $0[0] }).mapValues { $0.map { $0[1] } }
        let nameOf = Dictionary(uniqueKeysWithValues: groups.map { ($0[2], $0[1]) })
        // Meetings 1 and 2 of every group; in each group the first case bringer of meeting 1 and one more member
        // were absent at meeting 1, everyone was at meeting 2.
        var file = "groep,bijeenkomst,e-mail,aanwezig\n", absentAt1: [String: Set<String>] = [:]
        for (id, people) in members.sorted(by: { $0.key < $1.key }) {
            let first = try #require(schedule.first { $0[0] == id && $0[1] == "1" })
            let bringer = nameOf[first[6].components(separatedBy: "; ")[0]]!
            let other = people.first { $0 != bringer }!
            absentAt1[id] = [bringer, other]
            for e in people { file += "\(id),1,\(e),\(absentAt1[id]!.contains(e) ? "nee" : "ja")\n" }
            file += "\(id),2,\(people[0]),ja\n"
        }
        var changes = ReplanChanges(from: Self.from)
        changes.attendance = InputFile(name: "aanwezigheid.csv", data: Data(file.utf8))
        _ = try await Intervision.replan(folder, changes, budget: RunBudget(timeLimit: 30))

        // attendance.csv: two recorded meetings each, 3 hours a meeting (14:00–17:00 in the config).
        let rows = try String(contentsOfFile: folder + "/attendance.csv", encoding: .utf8)
            .replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == groups.count)
        for r in rows {
            let missed = absentAt1[r[2]]!.contains(r[1])
            #expect(r[3] == "2" && r[4] == (missed ? "1" : "2"), "\(r)")
            #expect(r[6] == (missed ? "3" : "6"))
            #expect(r[8] == (missed ? "ja" : ""), "1 of 2 is below 0.8")
        }
        // Each absent case bringer of meeting 1 brings a case again at a later meeting.
        let after = try FacilitatorChangeTests.schedule(folder)
        for (id, first) in schedule.filter({ $0[1] == "1" }).map({ ($0[0], $0[6]) }) {
            let name = first.components(separatedBy: "; ")[0]
            let later = after.filter { $0[0] == id && $0[2] >= "\(Self.from)" }
            #expect(later.contains { $0[6].components(separatedBy: "; ").contains(name) }, "\(name) in \(id)")
        }
        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(report.contains("id=\"aanwezigheid\"") && report.contains("onder het minimum"))
    }

    @Test func attendanceForAMeetingToComeOrSomeoneElseIsRefusedWithItsLine() async throws {
        let (folder, planned) = try await ManualChangeTests.planned("attendance-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let p = planned.programme.participants, g = planned.grouping.groups
        let outsider = p[g[1].members[0]].email
        let file = """
            group,meeting,email,present
            \(g[0].id),4,\(p[g[0].members[0]].email),no
            \(g[0].id),1,\(outsider),no
            \(g[0].id),1,\(p[g[0].members[0]].email),maybe
            """
        var changes = ReplanChanges(from: Self.from)
        changes.attendance = InputFile(name: "attendance.csv", data: Data(file.utf8))
        do {
            _ = try await Intervision.replan(folder, changes, budget: RunBudget(timeLimit: 30))
            Issue.record("bad attendance was accepted")
        } catch {
            guard case .invalidInput(let d) = error else { throw error }
            #expect(d.contains { $0.line == 4 && $0.message.contains("is not yes or no") })
        }
        changes.attendance = InputFile(
            name: "attendance.csv",
            data: Data(
                file.split(separator: "\n").prefix(3)
                    .joined(separator: "\n").utf8))
        do {
            _ = try await Intervision.replan(folder, changes, budget: RunBudget(timeLimit: 30))
            Issue.record("bad attendance was accepted")
        } catch {
            guard case .invalidInput(let d) = error else { throw error }
            #expect(d.contains { $0.line == 2 && $0.message.contains("has not taken place before 2027-04-01") })
            #expect(d.contains { $0.line == 3 && $0.message.contains("was not a member of \(g[0].id)") })
            // What the web page shows organisers.
            #expect(d.contains { $0.line == 2 && $0.dutch?.message.contains("nog niet plaatsgevonden") == true })
            #expect(d.contains { $0.line == 3 && $0.dutch?.message.contains("niet in \(g[0].id)") == true })
        }
    }
}
