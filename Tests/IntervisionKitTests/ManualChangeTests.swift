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
            // Henk must leave G02 whatever its size, so no one is asked to make room there; the groups offered
            // instead have room and nobody tied to him, and when none is, every group but his own and G02 is full
            // or holds someone tied to him.
            let p = planned.programme.participants
            let henk = try #require(p.first { $0.email == Self.henk })
            #expect(!why.suggestions.contains { $0.what.contains("also move") })
            let own = try #require(planned.grouping.groups.first { $0.members.contains(henk.index) }).id
            let open = planned.grouping.groups.filter { g in
                g.id != own && g.id != "G02" && g.members.count < 8 && !g.members.contains { Self.tied(p[$0], henk, p) }
            }.map(\.id)
            let offered = why.suggestions.compactMap { $0.reassign.first?.group }
            #expect(Set(offered).isSubset(of: open) && offered.count == min(3, open.count))
            if open.isEmpty {
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
                    $0.hasPrefix(open.isEmpty ? "elke andere groep is vol" : "zet Henk El Amrani in")
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

    /// Whether `x` and `y` may not share a group under the fixture's `separate` rules, counted from the sign-up
    /// columns (school, board, competitors, reports_to up the chain) rather than with the planner's conflict model.
    static func tied(_ x: Participant, _ y: Participant, _ p: [Participant], board: Bool = true) -> Bool {
        func chain(_ x: Participant) -> Set<String> {
            var seen: Set<String> = [], next = x.reportsTo?.lowercased()
            while let e = next, seen.insert(e).inserted { next = p.first { $0.emailKey == e }?.reportsTo?.lowercased() }
            return seen
        }
        func competes(_ a: Participant, _ b: Participant) -> Bool {
            a.competitors.contains { $0.lowercased() == b.school.lowercased() }
        }
        return x.school == y.school || (board && y.board != nil && x.board == y.board) || competes(x, y)
            || competes(y, x)
            || chain(x).contains(y.emailKey) || chain(y).contains(x.emailKey)
    }

    /// On the 345 fixture, someone moved next to a colleague is offered other groups: each has room, nobody tied
    /// to them (`school`, `hierarchy`, `competitors`, counted here) and a facilitator not tied to their school; those
    /// of the asked group's region first; moving there instead is allowed.
    @Test func someoneMovedNextToATieIsOfferedGroupsThatTakeThem() async throws {
        let folder = Scratch.folder("manual-instead")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = try ProgrammeInputs(
            signups: Fixture.path("lead-and-learn-345.csv"), config: Fixture.path("lead-and-learn.toml"),
            facilitators: Fixture.path("facilitators-lead-and-learn.csv"))
        let planned = try await Intervision.plan(
            PlanRequest(inputs: inputs, folder: folder), budget: RunBudget(timeLimit: 600, work: 1800))
        let p = planned.programme.participants, groups = planned.grouping.groups
        let groupOf = Dictionary(uniqueKeysWithValues: groups.flatMap { g in g.members.map { ($0, g) } })
        let (mover, target) = try #require(
            p.lazy.compactMap { x -> (Participant, Group)? in
                p.first {
                    $0.index != x.index && $0.school == x.school && groupOf[$0.index]!.id != groupOf[x.index]!.id
                }
                .map { (x, groupOf[$0.index]!) }
            }.first)
        do {
            _ = try Intervision.preview(folder, Self.changes(moves: [(mover.email, target.id)]))
            Issue.record("a move next to a colleague was allowed")
        } catch {
            guard case .impossible(let why) = error else { throw error }
            // Each group's facilitator and the schools they are tied to, read from groups.csv and the
            // facilitators file.
            let leader = Dictionary(
                try Inputs.csv(folder + "/groups.csv").dropFirst().filter { $0.count > 7 }.map { ($0[0], $0[7]) },
                uniquingKeysWith: { a, _ in a })
            let facilitators = try String(
                contentsOfFile: Fixture.path("facilitators-lead-and-learn.csv"), encoding: .utf8
            ).split(whereSeparator: \.isNewline).dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
            let schools = Dictionary(
                uniqueKeysWithValues: facilitators.map {
                    (String($0[0]), Set($0[4].split(separator: "|").map(String.init)))
                })
            let open = groups.filter { g in
                g.id != target.id && g.id != groupOf[mover.index]!.id && g.members.count < 8
                    && !g.members.contains { Self.tied(p[$0], mover, p, board: false) }
                    && !(schools[leader[g.id] ?? ""]?.contains(mover.school) ?? false)
            }
            let offered = why.suggestions.compactMap { $0.reassign.first?.group }
            #expect(offered.count == min(3, open.count) && !offered.isEmpty, "\(why.suggestions)")
            #expect(Set(offered).isSubset(of: open.map(\.id)))
            if open.contains(where: { $0.homeRegion == target.homeRegion }) {
                #expect(groups.first { $0.id == offered[0] }?.homeRegion == target.homeRegion)
            }
            let instead = try Intervision.preview(folder, Self.changes(moves: [(mover.email, offered[0])]))
            #expect(instead.moves.map(\.to) == [offered[0]])
        }
    }

    /// A move into a full group where the mover has no ties: refused for the size alone, with someone to move out
    /// of it; trying that suggestion as it stands is allowed, and it is exactly the two moves.
    @Test func aSizeRefusalOffersAMoveThatMakesItValid() async throws {
        let (folder, planned) = try await Self.planned("manual-size")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let p = planned.programme.participants, groups = planned.grouping.groups
        let full = groups.filter { $0.members.count == 8 }
        let pick = groups.lazy.flatMap { g in g.members.map { (g, $0) } }.compactMap { g, i -> (Int, String)? in
            guard g.members.count > 6,
                let f = full.first(where: { f in f.id != g.id && !f.members.contains { Self.tied(p[$0], p[i], p) } })
            else { return nil }
            return (i, f.id)
        }.first
        let (mover, target) = try #require(pick, "someone fits a full group but for its size")
        do {
            _ = try Intervision.preview(folder, Self.changes(moves: [(p[mover].email, target)]))
            Issue.record("a move into a full group was allowed")
        } catch {
            guard case .impossible(let why) = error else { throw error }
            #expect(why.details.count == 1 && why.details[0].hasPrefix("size:") && why.details[0].contains(target))
            let offer = try #require(why.suggestions.first { !$0.reassign.isEmpty }, "\(why.suggestions)")
            #expect(offer.what.hasPrefix("also move") && offer.reassign.count == 1)
            let other = offer.reassign[0]
            #expect(groups.first { $0.id == target }?.members.contains(other.participant) == true)
            #expect(
                why.dutch?.suggestions.contains { $0.hasPrefix("verplaats ook \(p[other.participant].name)") } == true)
            let tried = try Intervision.preview(
                folder, Self.changes(moves: [(p[mover].email, target), (p[other.participant].email, other.group)]))
            #expect(Set(tried.moves.map(\.participant)) == [mover, other.participant])
            #expect(tried.moves.first { $0.participant == other.participant }?.to == other.group)
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
