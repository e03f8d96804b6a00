import GLPK
import Intake
import RunControl

/// Who brings a case at which meeting. Slots are numbered in meeting order and cut into rounds of n (the
/// group size): in every round each member brings exactly once, so nobody brings a second time before
/// everyone has brought once, and everyone brings ⌊T/n⌋ or ⌈T/n⌉ of the T cases. Nobody brings twice at one
/// meeting or on a date they are unavailable. Within those rules the order follows a per-group shuffle,
/// so groups do not all run alphabetically.
package enum Rotation {
    /// Cases per meeting. `auto`: enough for everyone to bring once, at most two a meeting (a 2.5-hour
    /// meeting holds two methods of ~60 min), at least one; the extra cases go to later meetings, when the
    /// group has warmed up.
    package static func casesPerMeeting(_ setting: ProgrammeConfig.CasesPerMeeting, members n: Int, meetings m: Int)
        -> [Int]
    {
        switch setting {
        case .fixed(let c): return Array(repeating: min(c, n), count: m)
        case .auto:
            let total = max(m, min(n, 2 * m))
            return (0..<m).map { total / m + ($0 >= m - total % m ? 1 : 0) }
        }
    }

    struct Outcome {
        var bringers: [[Int]]
        var notes: [ScheduleNote]
    }

    /// `absent[k]`: members unavailable at meeting k. Members are participant indices.
    static func assign(
        group: String, members: [Int], absent: [[Int]], counts: [Int], names: (Int) -> String,
        budget: RunBudget
    ) throws(SchedulingFailure) -> Outcome {
        let n = members.count
        let order = members.sorted { Shuffle.key(group, $0) < Shuffle.key(group, $1) }
        let slots = counts.enumerated().flatMap { k, c in Array(repeating: k, count: c) }
        // Members who can come to at least one meeting share the cases when someone can come to none.
        let able = max(1, members.filter { i in !absent.allSatisfy { $0.contains(i) } }.count)
        // Strict first; if some member is unavailable for a whole round, relax to fair totals only.
        for strict in [true, false] {
            var model = Model(name: "rotation-\(group)")
            var x: [[Variable?]] = []
            for (r, i) in order.enumerated() {
                x.append(
                    slots.enumerated().map { s, k in
                        absent[k].contains(i) ? nil : model.addVariable("x\(r)_\(s)", kind: .binary)
                    })
            }
            var cost = LinearExpression()
            for s in slots.indices {
                model.add(.sum(order.indices.compactMap { x[$0][s] }), .lessOrEqual, 1, name: "slot\(s)")
                for r in order.indices { if let v = x[r][s] { cost = cost + Double(abs(s % n - r)) * v } }
            }
            var filled = LinearExpression()
            for r in order.indices {
                let all = x[r].compactMap { $0 }
                filled = filled + .sum(all)
                for k in counts.indices {
                    let atMeeting = slots.indices.filter { slots[$0] == k }.compactMap { x[r][$0] }
                    if atMeeting.count > 1 { model.add(.sum(atMeeting), .lessOrEqual, 1, name: "meeting\(r)_\(k)") }
                }
                if strict {
                    for start in stride(from: 0, to: slots.count, by: n) {
                        let round = (start..<min(start + n, slots.count)).compactMap { x[r][$0] }
                        model.add(.sum(round), .lessOrEqual, 1, name: "round\(r)_\(start)")
                    }
                } else {
                    model.add(.sum(all), .lessOrEqual, Double((slots.count + able - 1) / able), name: "fair\(r)")
                }
            }
            // Every slot filled when possible, then the shuffled order.
            model.minimize(
                Double(slots.count * n + 1) * (LinearExpression(constant: Double(slots.count)) - filled) + cost)
            let s: Solution
            do {
                s = try Solver.solve(model, options: SolverOptions(within: budget, share: 0.25))
            } catch { throw .internalError("rotation \(group): \(error)") }
            guard s.hasSolution else { throw .internalError("rotation \(group): \(s.status.rawValue)") }
            var bringers = Array(repeating: [Int](), count: counts.count)
            for (slot, k) in slots.enumerated() {
                if let r = order.indices.first(where: { x[$0][slot].map { s[$0] > 0.5 } == true }) {
                    bringers[k].append(order[r])
                }
            }
            let placed = bringers.reduce(0) { $0 + $1.count }
            let perMember = Dictionary(grouping: bringers.flatMap { $0 }, by: { $0 }).mapValues(\.count)
            let fair = members.allSatisfy { (slots.count / n...(slots.count + n - 1) / n).contains(perMember[$0] ?? 0) }
            if strict && placed == slots.count && fair { return Outcome(bringers: bringers, notes: []) }
            if !strict {
                var notes: [ScheduleNote] = []
                let unable = members.filter { i in absent.allSatisfy { $0.contains(i) } }
                for i in unable {
                    notes.append(
                        .init(
                            en: "\(group): \(names(i)) is unavailable on every meeting date and brings no case",
                            nl: "\(group): \(names(i)) kan op geen enkele datum en brengt geen casus in"))
                }
                if placed < slots.count {
                    let open = slots.count - placed
                    notes.append(
                        .init(
                            en: "\(group): \(open) case slot(s) left open — every member who could bring is "
                                + "unavailable or has had their turn",
                            nl: "\(group): \(open) casusbeurt(en) open — wie nog kon inbrengen, kan niet op die "
                                + "datum "
                                + "of was al aan de beurt"))
                }
                if notes.isEmpty {
                    notes.append(
                        .init(
                            en: "\(group): availability forces someone to bring a second case before everyone has "
                                + "brought one",
                            nl: "\(group): door afwezigheid brengt iemand een tweede casus in voordat iedereen er "
                                + "één heeft ingebracht"))
                }
                return Outcome(bringers: bringers, notes: notes)
            }
        }
        throw .internalError("rotation \(group): unreachable")
    }
}

/// A deterministic, platform-independent shuffle key (FNV-1a, then mixed): Swift's own Hasher is seeded per process.
enum Shuffle {
    static func key(_ salt: String, _ i: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in Array("\(salt)#\(i)".utf8) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        // SplitMix64's finaliser: FNV alone orders keys that differ in one character almost alike.
        h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
        h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
        return h ^ (h >> 31)
    }
}
