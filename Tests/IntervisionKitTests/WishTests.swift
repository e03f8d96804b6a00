import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// The organiser's wishes as hard rules: honoured in the plan (read back from groups.csv, not from the
/// planner), kept through a dropout replan, and refused with their lines when they cannot all hold.
@Suite struct WishTests {
    static let henk = "henk.elamrani@stedelijkgymnasium.nl", frank = "frank.deboer@stedelijkgymnasium.nl"
    static let anne = "anne.bakker@openbarescholengem.nl", joost = "joost.jansen@sintignatiuscolleg.nl"
    static let noor = "noor.kok@christelijklyceumh.nl", roos = "roos.verhoeven@montessorilyceumha.nl"
    static let aart = "aart.veldkamp@intervisie-begeleiding.nl", gijs = "gijs.hermans@intervisie-begeleiding.nl"

    /// Henk and Frank were in one group and Anne and Joost in two without wishes (the 52 fixture's plan).
    static let wishes = """
        soort,persoon,ander
        niet_samen,\(henk),\(frank)
        samen,\(anne),\(joost)
        begeleider,\(noor),\(aart)
        niet_begeleider,\(roos),\(gijs)
        """

    static func inputs(_ wishes: String) throws -> ProgrammeInputs {
        var inputs = try Inputs.lerendLeiderschap()
        inputs.wishes = InputFile(name: "wensen.csv", data: Data(wishes.utf8))
        return inputs
    }

    /// email → (group, facilitator's name) from groups.csv.
    static func placement(_ folder: String) throws -> [String: (group: String, facilitator: String)] {
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 7 }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[1].lowercased(), ($0[0], $0[7])) })
    }

    @Test func everyKindIsHonouredAndStaysHonouredAfterADropoutReplan() async throws {
        let folder = Scratch.folder("wishes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try await Intervision.plan(
            PlanRequest(inputs: try Self.inputs(Self.wishes), folder: folder), budget: RunBudget(timeLimit: 60))
        #expect(planned.grouping.objectives.allSatisfy { $0.optimal }, "wishes cost no proof here")
        for version in 1...2 {
            let at = try Self.placement(folder)
            #expect(at[Self.henk]!.group != at[Self.frank]!.group, "apart, version \(version)")
            #expect(at[Self.anne]!.group == at[Self.joost]!.group, "together, version \(version)")
            #expect(at[Self.noor]!.facilitator == "Aart Veldkamp", "facilitator, version \(version)")
            #expect(at[Self.roos]!.facilitator != "Gijs Hermans", "not_facilitator, version \(version)")
            guard version == 1 else { break }
            // Four of Anne and Joost's group leave: the group falls below its minimum, and the pair moves or stays
            // together.
            let group = at[Self.anne]!.group
            let named = Set([Self.henk, Self.frank, Self.anne, Self.joost, Self.noor, Self.roos])
            let others = at.filter { $0.value.group == group && !named.contains($0.key) }.keys.sorted()
                .sorted()
            _ = try await Intervision.replan(
                folder,
                ReplanChanges(
                    dropouts: others.prefix(4).map { .init(email: $0, source: "test") },
                    from: Day(year: 2027, month: 4, day: 1)!),
                budget: RunBudget(timeLimit: 30))
        }
        let plan = try String(contentsOfFile: folder + "/plan.json", encoding: .utf8)
        #expect(plan.contains("\"kind\" : \"together\""), "the wishes are stored for later replans")
        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(report.contains(">Wensen</h2>") && !report.contains("✗"))
    }

    @Test func wishesThatCannotHoldAreRefusedWithTheirLines() throws {
        func problems(_ text: String) throws -> [Diagnostic] {
            let inputs = try Self.inputs(text)
            do {
                _ = try Intervision.check(inputs)
                return []
            } catch {
                guard case .invalidInput(let d) = error else { throw error }
                let errors = d.filter { $0.severity == .error }
                // Organisers read these in Dutch (the web app's default): every one has its own Dutch text and fix.
                for e in errors {
                    #expect(e.dutch != nil && e.dutch?.message != e.message && e.dutch?.fix != nil, "\(e.message)")
                }
                return errors
            }
        }
        let both = try problems(
            "kind,person,other\napart,\(Self.anne),\(Self.joost)\ntogether,\(Self.anne),\(Self.joost)\n")
        #expect(both.count == 1 && both[0].line == 3 && both[0].message.contains("both together and apart"))
        #expect(both[0].text(dutch: true).message.contains("zowel samen als niet samen"))
        // The other wish's place in Dutch words, and no English column name: the row is what is wrong.
        #expect(both[0].text(dutch: true).message.hasSuffix(", regel 2)") && both[0].field == nil)
        // Frank and Thijs Bakker work at the same school.
        let colleagues = try problems("kind,person,other\ntogether,\(Self.frank),thijs.bakker@stedelijkgymnasium.nl\n")
        #expect(colleagues.first?.message.contains("rule `school` keeps them apart") == true)
        #expect(colleagues.first?.dutch?.message.contains("collega's van dezelfde school") == true)
        let unknown = try problems(
            "kind,person,other\nsamen,nobody@x.nl,\(Self.anne)\nniet_samen,\(Self.anne),\(Self.anne)\n")
        #expect(unknown.map(\.line) == [2, 3])
        #expect(unknown[0].message.contains("no participant's email or name"))
        #expect(unknown[1].message.contains("named with themselves"))
        let twoLeaders = try problems(
            "kind,person,other\nfacilitator,\(Self.noor),\(Self.aart)\nfacilitator,\(Self.noor),\(Self.gijs)\n")
        #expect(twoLeaders.first?.message.contains("two facilitators") == true)
        // Nine people chained together cannot fit a group of at most 8.
        let people = try Intervision.check(try Inputs.lerendLeiderschap()).programme.participants.map(\.email)
        var chain = "kind,person,other\n"
        for k in 0..<8 { chain += "together,\(people[k * 5]),\(people[k * 5 + 5])\n" }
        let tooMany = try problems(chain)
        #expect(tooMany.contains { $0.message.contains("put 9 people in one group; groups hold at most 8") })
        #expect(
            try problems("kind,person,other\nsometimes,\(Self.anne),\(Self.joost)\n").first?.message
                .contains("not a kind of wish") == true)
    }

    /// A group holding someone promised facilitator F can have nobody F may not lead: nobody from a school F is
    /// tied to, nobody promised another facilitator, nobody wishing "not F". Grouping keeps them apart from the
    /// start (before, the calendar could refuse the grouping afterwards).
    @Test func aPromisedFacilitatorKeepsAwayWhoTheyMayNotLead() throws {
        let signups =
            Fixture.header
            + (1...12).map { k in
                "P\(k),p\(k)@x.nl,teamleider,1,\(k == 2 || k == 3 ? "School B" : "School \(k)"),,Utrecht,,,,3,"
            }.joined(separator: "\n") + "\n"
        let facilitators = """
            name,email,region,max_groups,schools,unavailable
            Fenna,fenna@f.nl,Utrecht,1,School B,
            Gert,gert@f.nl,Utrecht,1,,
            Henk,henk@f.nl,Utrecht,1,,
            """
        let wishes = """
            kind,person,other
            facilitator,p1@x.nl,fenna@f.nl
            facilitator,p4@x.nl,gert@f.nl
            not_facilitator,p5@x.nl,fenna@f.nl
            """
        let programme = try ProgrammeReader.load(
            signups: Fixture.csv(signups),
            config: Fixture.csv("[groups]\nmin_size = 6\nmax_size = 6\n", name: "c.toml"),
            facilitators: Fixture.csv(facilitators, name: "f.csv"), wishes: Fixture.csv(wishes, name: "w.csv"))
        let c = programme.conflicts
        #expect(c.areTied(0, 1) && c.areTied(0, 2), "P1 (promised Fenna) and School B, which Fenna is tied to")
        #expect(c.areTied(0, 3), "P1 and P4, promised another facilitator")
        #expect(c.areTied(0, 4), "P1 and P5, who wished not to have Fenna")
        #expect(!c.areTied(3, 4) && !c.areTied(0, 5) && !c.areTied(3, 1), "no other pair")
        #expect(c.rules(between: 0, 1) == [.wishes])
    }

    @Test func theNotWithColumnKeepsPeopleApart() throws {
        let signups =
            Fixture.header.replacingOccurrences(of: "unavailable\n", with: "unavailable,niet_met\n")
            + (1...12).map { k in
                "P\(k),p\(k)@x.nl,teamleider,1,School \(k),,Utrecht,,,,3,," + (k == 1 ? "p2@x.nl|P3" : "")
            }.joined(separator: "\n") + "\n"
        let programme = try Fixture.load(signups, config: "[groups]\nmin_size = 6\nmax_size = 6\n")
        #expect(programme.conflicts.rules.contains(.wishes))
        #expect(programme.conflicts.areTied(0, 1) && programme.conflicts.areTied(0, 2))
        #expect(!programme.conflicts.areTied(1, 2))
    }

    @Test func wishesAddedInAReplanMoveTheFewestPeopleAndAreKeptAfterwards() async throws {
        let folder = Scratch.folder("replan-wishes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = try await Intervision.plan(
            PlanRequest(inputs: try Inputs.lerendLeiderschap(), folder: folder), budget: RunBudget(timeLimit: 60))
        let p = planned.programme.participants
        let before = try Self.placement(folder)
        // Two people who share a group now are wished apart, and someone is promised a facilitator they do not
        // have (Aart Veldkamp).
        let (first, second) = try #require(
            planned.grouping.groups.lazy.map { (p[$0.members[0]].email, p[$0.members[1]].email) }.first)
        let promised = try #require(
            before.keys.sorted().first { before[$0]!.facilitator != "Aart Veldkamp" && $0 != first && $0 != second })
        let file = "kind,person,other\napart,\(first),\(second)\nfacilitator,\(promised),\(Self.aart)\n"
        var changes = ReplanChanges(from: Day(year: 2027, month: 4, day: 1)!)
        changes.wishes = InputFile(name: "more-wishes.csv", data: Data(file.utf8))
        let replanned = try await Intervision.replan(folder, changes, budget: RunBudget(timeLimit: 30))
        let after = try Self.placement(folder)
        #expect(after[first.lowercased()]!.group != after[second.lowercased()]!.group, "apart")
        #expect(after[promised.lowercased()]!.facilitator == "Aart Veldkamp", "facilitator")
        // Recounted from the two groups.csv files: the fewest moves, as proven.
        let moved = after.filter { before[$0.key]?.group != $0.value.group }.count
        #expect(moved == replanned.result.moves.count && moved == replanned.result.movesBound && moved >= 2)
        #expect(replanned.result.newWishes.count == 2)
        let changesText = try String(contentsOfFile: folder + "/changes.md", encoding: .utf8)
        #expect(changesText.contains("Nieuwe wens (niet_samen, more-wishes.csv:2)"))

        // A dropout replan afterwards keeps both wishes (they are in plan.json).
        let others = after.filter { $0.value.group == after[first.lowercased()]!.group && $0.key != first.lowercased() }
        _ = try await Intervision.replan(
            folder,
            ReplanChanges(
                dropouts: others.keys.sorted().prefix(3).map { .init(email: $0, source: "test") },
                from: Day(year: 2027, month: 5, day: 1)!),
            budget: RunBudget(timeLimit: 30))
        let later = try Self.placement(folder)
        #expect(later[first.lowercased()]!.group != later[second.lowercased()]!.group)
        #expect(later[promised.lowercased()]!.facilitator == "Aart Veldkamp")

        // A wish contradicting a kept one is refused with its line, and nothing is written.
        let plan = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        var contradicting = ReplanChanges(from: Day(year: 2027, month: 5, day: 1)!)
        contradicting.wishes = InputFile(
            name: "contradiction.csv", data: Data("kind,person,other\ntogether,\(second),\(first)\n".utf8))
        do {
            _ = try await Intervision.replan(folder, contradicting, budget: RunBudget(timeLimit: 30))
            Issue.record("a contradicting wish was accepted")
        } catch {
            guard case .invalidInput(let d) = error else { throw error }
            #expect(d.contains { $0.message.contains("both together and apart") && $0.line == 2 })
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")) == plan)
    }
}
