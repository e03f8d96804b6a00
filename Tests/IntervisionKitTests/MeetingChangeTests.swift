import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Single meetings moved or cancelled by the organiser (issue 16): each new day re-checked here against the
/// config's weekdays and spacing, the calendar events keep their UID with a higher SEQUENCE, and a dropped
/// meeting costs nobody their turn.
@Suite struct MeetingChangeTests {
    static let from = Day(year: 2027, month: 3, day: 1)!

    /// Facilitator name → email, from the fixture.
    static let facilitatorEmails: [String: String] = {
        let text = (try? String(contentsOfFile: Fixture.path("facilitators-lerend-leiderschap.csv"), encoding: .utf8))
        let rows = (text ?? "").split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",") }
        return Dictionary(uniqueKeysWithValues: rows.map { (String($0[0]), String($0[1])) })
    }()

    static func changes(_ edit: (inout ReplanChanges) -> Void) -> ReplanChanges {
        var c = ReplanChanges(from: from)
        edit(&c)
        return c
    }

    /// The config's weekdays and spacing, recomputed from schedule.csv for one group's planned meetings.
    static func keepsWeekdaysAndSpacing(_ rows: [[String]]) -> Bool {
        let days = rows.filter { $0[9] == "planned" }.map { Day(parsing: $0[2])! }
        let weekdays: Set<String> = ["monday", "thursday"]  // Fixtures/lerend-leiderschap.toml
        let gaps = zip(days, days.dropFirst()).map { $1 - $0 }
        return days.allSatisfy { weekdays.contains($0.weekday.rawValue) } && gaps.allSatisfy { (28...56).contains($0) }
    }

    @Test func aMoveIsRefusedWithTheRuleAndTheNearestDaysThenMadeAsAsked() async throws {
        let (folder, _) = try await ManualChangeTests.planned("meeting-move")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try FacilitatorChangeTests.schedule(folder)
        // Each group's third meeting asked on the Saturday after it: refused with the rule; the first group for
        // which the refusal names a valid day is moved there.
        var chosen: (group: String, day: Day)?
        for target in before where target[1] == "3" {
            let day3 = Day(parsing: target[2])!
            let saturday = try #require((1...7).map { day3.adding(days: $0) }.first { $0.weekday == .saturday })
            do {
                _ = try await Intervision.replan(
                    folder,
                    Self.changes { $0.meetingMoves = [.init(.init(group: target[0], number: 3), to: saturday)] },
                    budget: RunBudget(timeLimit: 30))
                Issue.record("a Saturday was accepted")
                return
            } catch {
                guard case .impossible(let why) = error else { throw error }
                #expect(why.details.contains { $0.contains("on a saturday") })
                // The Dutch page reads the same rule in Dutch, and one suggestion for each English one.
                let dutch = try #require(why.dutch)
                #expect(dutch.headline == "bijeenkomst 3 van \(target[0]) kan niet naar \(saturday)")
                #expect(
                    dutch.details?.contains { $0.contains("valt op een zaterdag, geen toegestane weekdag") } == true)
                #expect(dutch.details?.count == why.details.count)
                #expect(dutch.suggestions.count == why.suggestions.count)
                let first = try #require(why.suggestions.first?.what)
                if first.hasPrefix("--move-meeting"), chosen == nil {
                    chosen = (target[0], try #require(Day(parsing: String(first.split(separator: "=").last!))))
                } else if !first.hasPrefix("--move-meeting") {
                    #expect(first == "cancel it instead: --cancel-meeting \(target[0]):3")
                }
            }
        }
        let (group, day) = try #require(chosen)
        let groupICS = try FacilitatorChangeTests.events(folder + "/rota/group-\(group).ics")
        _ = try await Intervision.replan(
            folder, Self.changes { $0.meetingMoves = [.init(.init(group: group, number: 3), to: day)] },
            budget: RunBudget(timeLimit: 30))
        let after = try FacilitatorChangeTests.schedule(folder)
        #expect(after.first { $0[0] == group && $0[1] == "3" }?[2] == "\(day)")
        #expect(zip(before, after).filter { $0.0[2] != $0.1[2] }.count == 1, "only that meeting moved")
        #expect(Self.keepsWeekdaysAndSpacing(after.filter { $0[0] == group }))
        let now = try FacilitatorChangeTests.events(folder + "/rota/group-\(group).ics")
        #expect(Set(now.keys) == Set(groupICS.keys), "same UIDs")
        let moved = try #require(now.first { $0.value.contains("bijeenkomst 3/4") }?.value)
        #expect(moved.contains("SEQUENCE:1") && moved.contains(day.description.replacingOccurrences(of: "-", with: "")))
    }

    @Test func aCancelledMeetingMovesToTheNearestValidDayOrIsDroppedWithoutLosingTurns() async throws {
        let (folder, _) = try await ManualChangeTests.planned("meeting-cancel")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try FacilitatorChangeTests.schedule(folder)
        let target = try #require(before.first { $0[1] == "3" })
        let group = target[0]
        // Rescheduled: another day, every rule kept, the other meetings of the programme where they were.
        _ = try await Intervision.replan(
            folder, Self.changes { $0.meetingCancellations = [.init(group: group, number: 3)] },
            budget: RunBudget(timeLimit: 30))
        let moved = try FacilitatorChangeTests.schedule(folder)
        #expect(moved.first { $0[0] == group && $0[1] == "3" }?[2] != target[2])
        #expect(Self.keepsWeekdaysAndSpacing(moved.filter { $0[0] == group }))
        #expect(zip(before, moved).allSatisfy { $0.0[0] == group || $0.0[2] == $0.1[2] })

        // Dropped: cancelled in the calendar, and everyone whose turn it was brings a case later.
        let bringers = { (rows: [[String]]) in
            Set(rows.filter { $0[0] == group && $0[9] == "planned" }.flatMap { $0[6].components(separatedBy: "; ") })
        }
        _ = try await Intervision.replan(
            folder,
            Self.changes {
                $0.meetingCancellations = [.init(group: group, number: 3)]
                $0.rescheduleCancelled = false
            }, budget: RunBudget(timeLimit: 30))
        let after = try FacilitatorChangeTests.schedule(folder)
        #expect(after.first { $0[0] == group && $0[1] == "3" }?[9] == "cancelled")
        #expect(bringers(after) == bringers(before), "nobody loses their turn")
        let ics = try FacilitatorChangeTests.events(folder + "/rota/group-\(group).ics")
        let dropped = try #require(ics.values.first { $0.contains("bijeenkomst 3/4") })
        #expect(dropped.contains("STATUS:CANCELLED") && dropped.contains("gaat niet door"))

        // The group's facilitator then cannot come to meeting 4: it moves, and the dropped meeting stays dropped.
        let four = try #require(after.first { $0[0] == group && $0[1] == "4" })
        let email = try #require(
            Self.facilitatorEmails[four[5]], "facilitator \(four[5]) of \(group)")
        _ = try await Intervision.replan(
            folder,
            Self.changes {
                $0.facilitatorUnavailable = [.init(email: email, days: DayRange(Day(parsing: four[2])!))]
            }, budget: RunBudget(timeLimit: 30))
        let redated = try FacilitatorChangeTests.schedule(folder)
        #expect(redated.first { $0[0] == group && $0[1] == "3" }?[9] == "cancelled")
        #expect(redated.first { $0[0] == group && $0[1] == "4" }.map { $0[2] != four[2] || $0[5] != four[5] } == true)

        // History cannot be moved, and an unknown meeting is named.
        for c in [
            Self.changes { $0.meetingCancellations = [.init(group: group, number: 1)] },
            Self.changes { $0.meetingMoves = [.init(.init(group: group, number: 9), to: Self.from)] },
        ] {
            await #expect(throws: PlanningFailure.self) {
                _ = try await Intervision.replan(folder, c, budget: RunBudget(timeLimit: 30))
            }
        }
    }
}
