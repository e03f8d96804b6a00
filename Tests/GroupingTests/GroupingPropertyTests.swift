import Foundation
import Intake
import PropertyBased
import TestFixtures
import Testing

@testable import Grouping

/// Random small programmes (any mix of schools, managers, regions, levels; 5–40 people): every plan keeps every
/// rule by a check written here, and every "impossible" on a tiny programme is confirmed by brute force.
@Suite struct GroupingPropertyTests {
    /// A deterministic programme from a seed: a few schools (colleagues are tied), sometimes a manager, one to
    /// four regions, levels 1–4.
    static func programme(size n: Int, seed: Int) throws -> Programme {
        var state = UInt64(truncatingIfNeeded: seed) &+ 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Mostly small schools, so most programmes can be planned and some cannot.
        let schools = max(2, n / 4 + next(n)), regions = 1 + next(4)
        var rows = ""
        for i in 0..<n {
            let boss = i > 0 && next(6) == 0 ? "p\(next(i))@x.nl" : ""
            rows +=
                "P \(i),p\(i)@x.nl,teamleider,\(1 + next(4)),School \(next(schools)),,Region \(next(regions)),,"
                + "\(boss),,,\n"
        }
        return try Fixture.load(Fixture.header + rows)
    }

    /// The rules, checked from the participants' own fields rather than the solver's conflict model.
    static func violations(_ groups: [Group], _ p: Programme) -> [String] {
        var out: [String] = [], seen = [Int](repeating: 0, count: p.participants.count)
        let people = p.participants
        func above(_ i: Int) -> Set<Int> {
            var up = Set<Int>(), current = people[i].managerIndex
            while let c = current, up.insert(c).inserted { current = people[c].managerIndex }
            return up
        }
        for g in groups {
            if !(p.config.groups.minSize...p.config.groups.maxSize).contains(g.members.count) {
                out.append("\(g.id) has \(g.members.count) members")
            }
            for i in g.members {
                seen[i] += 1
                for j in g.members where i < j {
                    if people[i].school == people[j].school { out.append("\(g.id): colleagues \(i) and \(j)") }
                    if above(i).contains(j) || above(j).contains(i) { out.append("\(g.id): \(i) and \(j) in line") }
                }
            }
        }
        if seen.contains(where: { $0 != 1 }) { out.append("someone is not in exactly one group") }
        return out
    }

    /// Whether any grouping into `k` groups of the allowed sizes keeps tied people apart (backtracking).
    static func groupingExists(_ p: Programme, groups k: Int) -> Bool {
        let n = p.participants.count, g = p.config.groups
        var members = [[Int]](repeating: [], count: k)
        func place(_ i: Int) -> Bool {
            if i == n { return members.allSatisfy { (g.minSize...g.maxSize).contains($0.count) } }
            var triedEmpty = false
            for b in 0..<k where members[b].count < g.maxSize {
                if members[b].isEmpty {
                    if triedEmpty { continue }  // empty groups are interchangeable
                    triedEmpty = true
                }
                guard !members[b].contains(where: { p.conflicts.areTied(i, $0) }) else { continue }
                members[b].append(i)
                if place(i + 1) { return true }
                members[b].removeLast()
            }
            return false
        }
        return place(0)
    }

    @Test func everyPlanKeepsEveryRuleAndEveryImpossibilityIsReal() async {
        await propertyCheck(count: 60, input: Gen.int(in: 5...40), Gen.int(in: 0...1_000_000)) { size, seed in
            guard let p = try? Self.programme(size: size, seed: seed) else { return }
            do {
                let result = try GroupPlanner.plan(p, options: GroupingOptions(timeLimit: 20))
                #expect(Self.violations(result.groups, p).isEmpty, "size \(size), seed \(seed)")
                #expect(result.objectives.allSatisfy { $0.bound <= $0.value }, "a bound above its value")
            } catch {
                guard case .impossible? = error as? GroupingFailure else {
                    Issue.record("size \(size), seed \(seed): \(error)")
                    return
                }
                guard size <= 16, case .groups(let k, _, _) = GroupCount.resolve(participants: size, p.config.groups)
                else { return }
                #expect(
                    !Self.groupingExists(p, groups: k),
                    "size \(size), seed \(seed): called impossible, but a grouping exists")
            }
        }
    }
}
