import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// check, plan and replan called in-process, with typed results re-checked against the files they wrote.
@Suite struct UseCaseTests {
    @Test func checkSummarisesTheProgrammeWithItsWarnings() throws {
        let report = try Intervision.check(try Inputs.lerendLeiderschap())
        #expect(report.summary.participants == 52)
        #expect(report.summary.facilitators == 4)
        #expect(!report.isImpossible)
        #expect(report.warnings.count == 2 && report.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func invalidInputListsEveryProblemWithItsPlace() throws {
        let signups = Fixture.csv(
            Fixture.header + Fixture.row("Anne", school: "S1") + "Bram,bram@x,teamleider,0,S2,,Utrecht,,,,,\n")
        #expect {
            _ = try Intervision.check(ProgrammeInputs(signups: signups))
        } throws: { error in
            guard case .invalidInput(let d) = error as? PlanningFailure else { return false }
            return d.contains { $0.file == "test.csv" && $0.line == 3 && $0.field != nil && $0.fix != nil }
        }
        // Every unreadable file is named, not only the first.
        #expect {
            _ = try ProgrammeInputs(signups: "/nope/a.csv", config: "/nope/b.toml")
        } throws: { error in
            guard case .invalidInput(let d) = error as? PlanningFailure else { return false }
            return d.count == 2
        }
    }

    @Test func planWritesTheFolderAndReportsProgressByStage() async throws {
        let folder = Scratch.folder("plan")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = EventLog()
        let planned = try await Intervision.plan(
            PlanRequest(inputs: try Inputs.lerendLeiderschap(), folder: folder),
            budget: RunBudget(timeLimit: 60), events: log.sink)
        #expect(planned.grouping.groups.count == 7)
        #expect(planned.grouping.objectives.allSatisfy { $0.optimal })
        #expect(planned.files.contains("plan.json") && planned.files.contains("schedule.csv"))
        for file in planned.files {
            #expect(
                FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(file)), "\(file)")
        }
        // Re-checked from the file, not from the result: sizes, one school per group, everyone once.
        let rows = try Inputs.csv((folder as NSString).appendingPathComponent("groups.csv"))
        #expect(rows[0] == ["group", "email", "name", "function", "level", "school", "region", "facilitator"])
        let byGroup = Dictionary(grouping: rows.dropFirst(), by: { $0[0] })
        #expect(byGroup.count == 7)
        for (id, members) in byGroup {
            #expect((6...8).contains(members.count), "\(id)")
            #expect(Set(members.map { $0[5] }).count == members.count, "\(id) has two people of one school")
        }
        #expect(Set(rows.dropFirst().map { $0[1] }).count == 52)
        // Events: every stage started and finished, in pipeline order, in organiser's words.
        let stages = log.all.filter { $0.kind == .finished }.map(\.stage)
        #expect(stages == [.grouping, .facilitators, .dates, .rotation, .writing])
        #expect(
            log.all.first { $0.stage == .grouping && $0.kind == .finished }?.message.contains("outside their region")
                == true)
    }

    @Test func aFolderThatHoldsAPlanIsRefusedAndLeftAlone() async throws {
        let folder = Scratch.folder("twice")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let request = PlanRequest(inputs: try Inputs.lerendLeiderschap(facilitators: false), folder: folder)
        _ = try await Intervision.plan(request, budget: RunBudget(timeLimit: 60))
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        await #expect {
            _ = try await Intervision.plan(request, budget: RunBudget(timeLimit: 60))
        } throws: { error in
            guard case .invalidInput(let d) = error as? PlanningFailure else { return false }
            return d.count == 1 && d[0].message.contains("already holds a plan") && !d[0].message.contains("--")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")) == before)
    }

    @Test func impossibleSizesAreExplainedWithStructuredSuggestions() async throws {
        let rows = (1...9).map { Fixture.row("P\($0)", school: "S\($0)") }.joined()
        let folder = Scratch.folder("impossible")
        await #expect {
            _ = try await Intervision.plan(
                PlanRequest(
                    inputs: ProgrammeInputs(signups: Fixture.csv(Fixture.header + rows)),
                    folder: folder), budget: RunBudget(timeLimit: 10))
        } throws: { error in
            guard case .impossible(let why) = error as? PlanningFailure else { return false }
            return why.subject == .groups && why.headline.contains("9 participants")
                && why.suggestions.contains { $0.change.contains("max_size = 9") }
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func replanDropsAParticipantAndKeepsHistory() async throws {
        let folder = Scratch.folder("replan")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try await Intervision.plan(
            PlanRequest(inputs: try Inputs.lerendLeiderschap(), folder: folder),
            budget: RunBudget(timeLimit: 60))
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst()
        let leaver = try #require(rows.first)[1]
        let log = EventLog()
        let changes = ReplanChanges(dropouts: [.init(email: leaver, source: "test")], from: Day(parsing: "2027-04-01"))
        let replanned = try await Intervision.replan(
            folder, changes, budget: RunBudget(timeLimit: 30), events: log.sink)
        #expect(replanned.result.version == 2)
        #expect(replanned.result.moves.isEmpty && replanned.result.movesBound == 0)
        #expect(replanned.changes.contains(leaver) || replanned.changes.contains(rows.first![2]))
        let after = try Inputs.csv(folder + "/groups.csv").dropFirst()
        #expect(after.count == rows.count - 1 && !after.contains { $0[1] == leaver })
        #expect(FileManager.default.fileExists(atPath: folder + "/history/plan-v1.json"))
        #expect(log.all.contains { $0.stage == .writing && $0.kind == .finished })
        // Unknown people are refused with where they were named, and nothing changes.
        await #expect {
            _ = try await Intervision.replan(
                folder, ReplanChanges(dropouts: [.init(email: "nobody@x.nl", source: "list.txt", line: 4)]),
                budget: RunBudget(timeLimit: 30))
        } throws: { error in
            guard case .invalidInput(let d) = error as? PlanningFailure else { return false }
            return d.contains { $0.file == "list.txt" && $0.line == 4 && $0.message.contains("nobody@x.nl") }
        }
        #expect(try Inputs.csv(folder + "/groups.csv").dropFirst().count == after.count)
    }
}
