import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// Venues per group and per meeting (`--venues`), over the config's per-region and default venues; a new
/// venues file in a replan moves later meetings only, raising their SEQUENCE.
@Suite struct VenueTests {
    static func file(_ text: String) -> InputFile { InputFile(name: "locaties.csv", data: Data(text.utf8)) }

    static func locations(_ folder: String, _ group: String) throws -> [(date: String, location: String?, seq: String)]
    {
        try CalendarTests.events((folder as NSString).appendingPathComponent("rota/group-\(group).ics")).map {
            ($0["DTSTART"]?.first ?? "", $0["LOCATION"]?.first, $0["SEQUENCE"]?.first ?? "0")
        }.sorted { $0.date < $1.date }
    }

    @Test func aMeetingsOwnRowBeatsItsGroupsWhichBeatsTheRegionsAndTheDefault() async throws {
        let folder = Scratch.folder("venues")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var inputs = try CalendarTests.inputs()
        inputs.venues = Self.file(
            "groep,bijeenkomst,locatie,online\nG01,,\"Zaal 1, Utrecht\",\nG01,2,\"Raadszaal, Zwolle\",https://x.nl/g1\n"
        )
        let planned = try await Intervision.plan(
            PlanRequest(inputs: inputs, folder: folder), budget: RunBudget(timeLimit: 60))
        let g01 = try Self.locations(folder, "G01")
        #expect(
            g01.map(\.location) == [
                "Zaal 1\\, Utrecht", "Raadszaal\\, Zwolle", "Zaal 1\\, Utrecht", "Zaal 1\\, Utrecht",
            ])
        // Another group keeps the config's venue: its region's, or the default.
        let g02 = try #require(planned.grouping.groups.first { $0.id == "G02" })
        let expected = g02.homeRegion == "Noord-Holland" ? "Hotel Haarlem\\, Haarlem" : "De Werkplaats\\, Utrecht"
        #expect(try Self.locations(folder, "G02").allSatisfy { $0.location == expected })

        // A new venues file from April on: G01's later meetings move (SEQUENCE 1), its earlier ones do not.
        _ = try await Intervision.replan(
            folder,
            ReplanChanges(
                venues: Self.file("group,location\nG01,\"Nieuwe Kerk, Den Haag\"\n"),
                from: Day(
                    year: 2027, month: 4, day: 1)!),
            budget: RunBudget(timeLimit: 30))
        let after = try Self.locations(folder, "G01")
        for (old, new) in zip(g01, after) {
            if new.date < "20270401" {
                #expect(new.location == old.location && new.seq == "0", "history kept: \(new)")
            } else {
                #expect(new.location == "Nieuwe Kerk\\, Den Haag" && new.seq == "1", "moved: \(new)")
            }
        }
        #expect(try Self.locations(folder, "G02").allSatisfy { $0.seq == "0" })
    }

    @Test func unknownGroupsAndEmptyRowsAreRefusedBeforeAnythingIsWritten() async throws {
        let folder = Scratch.folder("venues-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var inputs = try CalendarTests.inputs()
        inputs.venues = Self.file("group,meeting,location\nG01,9,Zaal\nG02,,\n")
        await #expect(throws: PlanningFailure.self) {
            _ = try await Intervision.plan(
                PlanRequest(inputs: inputs, folder: folder), budget: RunBudget(timeLimit: 60))
        }
        do {
            _ = try Intervision.check(inputs)
            Issue.record("a bad venues file passed check")
        } catch {
            guard case .invalidInput(let d) = error else { throw error }
            #expect(d.map(\.line) == [2, 3])
            #expect(d[0].message.contains("not a meeting number from 1 to 4"))
            #expect(d[1].message.contains("neither a location nor a link"))
        }
        inputs.venues = Self.file("group,location\nG42,Zaal\n")
        do {
            _ = try await Intervision.plan(
                PlanRequest(inputs: inputs, folder: folder), budget: RunBudget(timeLimit: 60))
            Issue.record("an unknown group passed")
        } catch {
            guard case .invalidInput(let d) = error else { throw error }
            #expect(d.first?.message.contains("G42 is not a group of this plan") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
