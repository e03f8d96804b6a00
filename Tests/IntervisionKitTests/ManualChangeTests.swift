import Foundation
import IntervisionKit
import TestFixtures
import Testing

/// The organiser moves and swaps people by hand: done exactly as asked, or refused with the rule and who is
/// involved; the preview says what it costs without writing; the new version keeps history.
@Suite struct ManualChangeTests {
    static let roos = "roos.verhoeven@montessorilyceumha.nl", henk = "henk.elamrani@stedelijkgymnasium.nl"

    static func planned(_ name: String) async throws -> (String, PlannedProgramme) {
        let folder = Scratch.folder(name)
        let planned = try await Intervision.plan(
            PlanRequest(inputs: try Inputs.lerendLeiderschap(), folder: folder), budget: RunBudget(timeLimit: 60))
        return (folder, planned)
    }

    static func changes(moves: [(String, String)] = [], swaps: [(String, String)] = []) -> ReplanChanges {
        var c = ReplanChanges(from: Day(year: 2027, month: 4, day: 1)!)
        c.moves = moves.map { .init(email: $0.0, group: $0.1) }
        c.swaps = swaps.map { .init($0.0, $0.1) }
        return c
    }

    @Test func anAllowedMoveIsPreviewedThenMadeExactlyWithItsMetricChange() async throws {
        let (folder, planned) = try await Self.planned("manual-move")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        let preview = try Intervision.preview(folder, Self.changes(moves: [(Self.roos, "G06")]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")) == before, "a preview writes nothing")
        #expect(preview.moves.count == 1 && preview.moves[0].to == "G06")
        let replanned = try await Intervision.replan(
            folder, Self.changes(moves: [(Self.roos, "G06")]), budget: RunBudget(timeLimit: 30))
        // Recomputed from groups.csv: Roos is in G06, nobody else moved, and `away` changed as the preview said.
        let rows = try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 6 }
        let after = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0[0]) })
        let p = planned.programme.participants
        let old = Dictionary(
            uniqueKeysWithValues: planned.grouping.groups.flatMap { g in g.members.map { (p[$0].email, g.id) } })
        #expect(after[Self.roos] == "G06")
        #expect(after.filter { old[$0.key] != $0.value }.keys.sorted() == [Self.roos])
        var groups: [String: [String]] = [:]
        for r in rows { groups[r[0], default: []].append(r[6]) }
        let away = groups.values.reduce(0) { sum, regions in
            sum + regions.count - (Dictionary(grouping: regions, by: { $0 }).values.map(\.count).max() ?? 0)
        }
        let delta = try #require(preview.deltas.first { $0.objective.metric == "away" })
        #expect(delta.after == away && delta.before == planned.grouping.objectives[0].value)
        #expect(replanned.result.manualDeltas == preview.deltas)
        #expect(replanned.result.version == 2)
    }

    @Test func aMoveThatBreaksARuleOrASizeIsRefusedWithWhoAndWhatWouldHelp() async throws {
        let (folder, planned) = try await Self.planned("manual-refused")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json"))
        // Henk into G02, which is full and holds a colleague of his.
        do {
            _ = try Intervision.preview(folder, Self.changes(moves: [(Self.henk, "G02")]))
            Issue.record("the move was allowed")
        } catch {
            guard case .impossible(let why) = error else { throw error }
            #expect(why.details.contains { $0.hasPrefix("school:") && $0.contains("Henk El Amrani") })
            #expect(why.details.contains { $0.hasPrefix("size:") && $0.contains("G02: has 9 members") })
            #expect(why.suggestions.contains { $0.what.contains("also move") && $0.what.contains("from G02") })
            // The groups offered instead have room and nobody tied to Henk; when none is offered, every group
            // but his own and G02 is full or holds someone tied to him. Ties counted here from the sign-up columns
            // (school, board, competitors, reports_to up the chain), not with the planner's conflict model.
            let p = planned.programme.participants
            let henk = try #require(p.first { $0.email == Self.henk })
            func chain(_ x: Participant) -> Set<String> {
                var seen: Set<String> = [], next = x.reportsTo?.lowercased()
                while let e = next, seen.insert(e).inserted {
                    next = p.first { $0.emailKey == e }?.reportsTo?.lowercased()
                }
                return seen
            }
            func tied(_ x: Participant) -> Bool {
                x.school == henk.school || (henk.board != nil && x.board == henk.board)
                    || x.competitors.contains { $0.lowercased() == henk.school.lowercased() }
                    || henk.competitors.contains { $0.lowercased() == x.school.lowercased() }
                    || chain(x).contains(henk.emailKey) || chain(henk).contains(x.emailKey)
            }
            let own = try #require(planned.grouping.groups.first { $0.members.contains(henk.index) }).id
            let open = planned.grouping.groups.filter { g in
                g.id != own && g.id != "G02" && g.members.count < 8 && !g.members.contains { tied(p[$0]) }
            }.map(\.id)
            if let offer = why.suggestions.first(where: { $0.what.hasPrefix("move Henk El Amrani to a group") }) {
                let offered = offer.what.split(separator: ": ").last.map { $0.split(separator: ", ").map(String.init) }
                #expect(offered == Array(open.prefix(4)))
            } else {
                #expect(open.isEmpty)
                #expect(
                    why.suggestions.contains { $0.what.hasPrefix("every other group is full or holds someone tied") })
            }
            // In Dutch, line for line, naming changes an organiser makes on the page.
            let dutch = try #require(why.dutch)
            #expect(dutch.headline == "de gevraagde wijziging breekt \(why.details.count) regels")
            #expect(dutch.details?.count == why.details.count)
            #expect(dutch.details?.contains { $0.contains("G02: heeft 9 leden, buiten 5–8 (regel `size`)") } == true)
            #expect(dutch.suggestions.count == why.suggestions.count)
            #expect(
                dutch.suggestions.contains {
                    $0.hasPrefix(open.isEmpty ? "elke andere groep is vol" : "kies voor Henk")
                })
            #expect(!dutch.suggestions.contains { $0.contains("--") })
        }
        await #expect(throws: PlanningFailure.self) {
            _ = try await Intervision.replan(
                folder, Self.changes(moves: [(Self.henk, "G02")]), budget: RunBudget(timeLimit: 30))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")) == before, "nothing written")
        do {
            _ = try Intervision.preview(folder, Self.changes(moves: [(Self.henk, "G99")]))
            Issue.record("an unknown group was allowed")
        } catch {
            guard case .invalidInput(let d) = error else { throw error }
            #expect(d.first?.message.contains("G99 is not a group of this plan") == true)
        }
    }

    /// The first pair from the first group and another that may change places under every rule.
    static func swappable(_ groups: [[Int]], _ c: ConflictModel) -> (Int, Int)? {
        for a in groups[0] {
            for g in groups.dropFirst() {
                for b in g {
                    let bFits = !groups[0].contains { $0 != a && c.areTied(b, $0) }
                    let aFits = !g.contains { $0 != b && c.areTied(a, $0) }
                    if aFits && bFits { return (a, b) }
                }
            }
        }
        return nil
    }

    @Test func aSwapKeepsBothGroupSizes() async throws {
        let (folder, planned) = try await Self.planned("manual-swap")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let p = planned.programme.participants, c = planned.programme.conflicts
        let groups = planned.grouping.groups
        let (a, b) = try #require(Self.swappable(groups.map(\.members), c))
        let preview = try Intervision.preview(folder, Self.changes(swaps: [(p[a].email, p[b].email)]))
        #expect(Set(preview.moves.map(\.participant)) == [a, b])
        let replanned = try await Intervision.replan(
            folder, Self.changes(swaps: [(p[a].email, p[b].email)]), budget: RunBudget(timeLimit: 30))
        #expect(replanned.result.grouping.groups.map(\.members.count) == groups.map(\.members.count))
    }
}
