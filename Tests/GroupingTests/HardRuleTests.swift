import Foundation
import Grouping
import Intake
import TestFixtures
import Testing

/// Every hard rule re-checked from the raw rows, by code that shares nothing with the solver or PlanCheck.
enum Independent {
    static func group(of p: Programme, _ r: GroupingResult) -> [String: String] {
        var g: [String: String] = [:]
        for group in r.groups { for i in group.members { g[p.participants[i].email.lowercased()] = group.id } }
        return g
    }

    static func managersChain(_ p: Programme, _ email: String) -> [String] {
        let byEmail = Dictionary(uniqueKeysWithValues: p.participants.map { ($0.email.lowercased(), $0) })
        var chain: [String] = [], current = byEmail[email]?.reportsTo?.lowercased()
        while let c = current, byEmail[c] != nil, !chain.contains(c) {
            chain.append(c)
            current = byEmail[c]?.reportsTo?.lowercased()
        }
        return chain
    }

    /// Pairs in one group that any configured rule forbids, described for the failure message.
    static func broken(_ p: Programme, _ r: GroupingResult) -> [String] {
        var out: [String] = []
        let rules = Set(p.config.separate)
        for group in r.groups {
            let m = group.members.map { p.participants[$0] }
            for a in m {
                for b in m where a.email < b.email {
                    let norm = { (s: String) in s.lowercased() }
                    if rules.contains(.school), norm(a.school) == norm(b.school) {
                        out.append("school \(a.name)/\(b.name)")
                    }
                    if rules.contains(.board), let x = a.board, let y = b.board, !x.isEmpty, norm(x) == norm(y) {
                        out.append("board \(a.name)/\(b.name)")
                    }
                    if rules.contains(.competitors),
                        a.competitors.map(norm).contains(norm(b.school))
                            || b.competitors.map(norm).contains(norm(a.school))
                    {
                        out.append("competitors \(a.name)/\(b.name)")
                    }
                    if rules.contains(.hierarchy),
                        managersChain(p, norm(a.email)).contains(norm(b.email))
                            || managersChain(p, norm(b.email)).contains(norm(a.email))
                    {
                        out.append("hierarchy \(a.name)/\(b.name)")
                    }
                }
            }
            let range = p.config.groups.minSize...p.config.groups.maxSize
            if !range.contains(m.count) { out.append("size \(group.id)=\(m.count)") }
        }
        let placed = r.groups.flatMap(\.members)
        if placed.sorted() != Array(p.participants.indices) { out.append("not everyone placed exactly once") }
        return out
    }
}

@Suite struct HardRuleTests {
    @Test func lerendLeiderschapKeepsEveryRuleAndProvesAllObjectives() throws {
        let p = try ProgrammeReader.load(
            signups: Fixture.file("lerend-leiderschap-52.csv"), config: Fixture.file("lerend-leiderschap.toml"))
        let r = try GroupPlanner.plan(p)
        #expect(Independent.broken(p, r) == [])
        #expect(r.groups.count == 7)
        #expect(r.objectives.map(\.objective) == [.region, .level, .variety])
        #expect(r.objectives.allSatisfy { $0.optimal }, "\(r.objectives)")
        // The reported values are the SPEC metrics of the groups written.
        for o in r.objectives {
            #expect(o.value == Metrics.total(o.objective, r.groups.map(\.members), p.participants))
        }
    }

    @Test func leadAndLearnKeepsEveryRule() throws {
        let p = try ProgrammeReader.load(
            signups: Fixture.file("lead-and-learn-345.csv"), config: Fixture.file("lead-and-learn.toml"))
        let r = try GroupPlanner.plan(p, options: GroupingOptions(timeLimit: 60))
        #expect(Independent.broken(p, r) == [])
        #expect(r.groups.count == 49)
        #expect(r.objectives[0].optimal && r.objectives[1].optimal, "\(r.objectives)")
        // Everyone away from their region has a reason in words.
        let away = r.groups.flatMap { g in g.members.filter { p.participants[$0].region != g.homeRegion } }
        #expect(Set(away) == Set(r.awayReasons.keys))
    }

    @Test func transitiveHierarchyAndOneSidedCompetitorsAreKeptApart() throws {
        // 18 people, 3 groups of 6. C manages B manages A across three schools; school X lists Y as competitor,
        // Y does not list X. Everything else in one region and level, so only the rules separate them.
        var csv = Fixture.header
        csv += Fixture.row("Ann Top", school: "S1")
        csv += Fixture.row("Bob Mid", school: "S2", reportsTo: "ann.top@example.nl")
        csv += Fixture.row("Cas Low", school: "S3", reportsTo: "bob.mid@example.nl")
        csv += Fixture.row("Xena One", school: "X", competitors: "Y")
        csv += Fixture.row("Xavi Two", school: "X2", competitors: "Y")
        csv += Fixture.row("Yara One", school: "Y")
        csv += Fixture.row("Yves Two", school: "Y2")
        for n in 0..<11 { csv += Fixture.row("Free \(n)", school: "F\(n)") }
        let p = try Fixture.load(csv)
        let r = try GroupPlanner.plan(p)
        let g = Independent.group(of: p, r)
        #expect(Set(["ann.top", "bob.mid", "cas.low"].map { g["\($0)@example.nl"]! }).count == 3)
        #expect(g["xena.one@example.nl"] != g["yara.one@example.nl"])
        #expect(g["xavi.two@example.nl"] != g["yara.one@example.nl"])
        #expect(Independent.broken(p, r) == [])
    }

    @Test func boardAndTownRulesApplyWhenConfigured() throws {
        var csv = Fixture.header
        for n in 0..<12 {
            csv += Fixture.row("P \(n)", school: "S\(n)", board: n < 2 ? "Board A" : "", town: n >= 10 ? "Gouda" : "")
        }
        let p = try Fixture.load(csv, config: "[rules]\nseparate = [\"school\", \"board\", \"town\"]\n")
        let r = try GroupPlanner.plan(p)
        let g = Independent.group(of: p, r)
        #expect(g["p.0@example.nl"] != g["p.1@example.nl"])
        #expect(g["p.10@example.nl"] != g["p.11@example.nl"])
        #expect(Independent.broken(p, r) == [])
    }
}
