import GLPK
import Grouping
import Intake
import RunControl

/// New group membership after dropouts and late joiners over the existing groups, in two integer programs.
///
/// 1. x[i,g] = person i in group g, d[g] = group g dissolved, for everyone: every hard rule holds (one clique
///    row per tied set and group, sizes min_size_after_dropout…max_size unless dissolved, no group whose
///    facilitator is tied to the person's school). Minimised: `moves`, then groups dissolved — both proven.
///    A greedy repair gives the first incumbent, so the search mostly only has to confirm the LP bound.
/// 2. With those fixed, the people who move and the late joiners choose among the groups to minimise the
///    priorities in order (the SPEC metrics, modelled exactly); everybody else stays where stage 1 put them.
struct Regroup {
    struct Outcome {
        var groups: [Group]
        var dissolved: [String]
        var moves: [Move]
        var movesBound: Int
        var dissolvedBound: Int
        var priorities: [ObjectiveResult]
        var stats: SolveStats
    }

    let programme: Programme
    let groups: [Group]
    let facilitatorOf: [String: Int]
    let remaining: [[Int]]
    let joiners: [Int]
    /// Active people after the request: remaining members and joiners.
    let people: [Int]
    let home: [Int: Int]
    /// Locked groups (indices): their members stay, nobody else enters.
    let locked: Set<Int>
    /// People the organiser moved in this replan: they stay where they were moved to.
    let pinned: Set<Int>
    /// Groups opened in this replan for late joiners (indices): at least `min_size` once opened, and never
    /// counted as dissolved when left closed.
    let newGroups: Set<Int>

    /// The fewest members group `g` may have (unless dissolved).
    func minimum(_ g: Int) -> Int {
        newGroups.contains(g) ? programme.config.groups.minSize : programme.config.groups.minSizeAfterDropout
    }
    /// Each person's school, as `Text.key`.
    let schoolKey: [Int: String]
    /// Each facilitator's tied schools, as `Text.key`.
    let facilitatorSchools: [Set<String>]
    /// The facilitator wishes of each person.
    let facilitatorWishes: [Int: [Wish]]

    init(
        _ programme: Programme, _ groups: [Group], facilitatorOf: [String: Int], remaining: [[Int]], joiners: [Int],
        locked: Set<Int> = [], pinned: Set<Int> = [], newGroups: Set<Int> = []
    ) {
        self.pinned = pinned
        self.newGroups = newGroups
        self.programme = programme
        self.groups = groups
        self.facilitatorOf = facilitatorOf
        self.remaining = remaining
        self.joiners = joiners
        self.locked = locked
        var home: [Int: Int] = [:]
        for (g, members) in remaining.enumerated() { for i in members { home[i] = g } }
        self.home = home
        people = remaining.flatMap { $0 } + joiners
        // Ties between facilitators and schools, keyed once: `allowed` runs for every person and group.
        let p = programme.participants
        schoolKey = Dictionary(uniqueKeysWithValues: people.map { ($0, Text.key(p[$0].school)) })
        facilitatorSchools = (programme.facilitators ?? []).map { Set($0.schools.map(Text.key)) }
        facilitatorWishes = Dictionary(grouping: programme.wishes.filter(\.kind.aboutFacilitator), by: \.person)
    }

    /// Whether person `i` may be in group `g`: its facilitator is not tied to their school and keeps their
    /// facilitator wishes, and a lock does not keep them in or out.
    func allowed(_ i: Int, _ g: Int) -> Bool {
        if let h = home[i], locked.contains(h) || pinned.contains(i) { return g == h }
        if locked.contains(g) { return false }
        guard let f = facilitatorOf[groups[g].id], programme.facilitators != nil else { return true }
        if (facilitatorWishes[i] ?? []).contains(where: { $0.rulesOut(facilitator: f) }) { return false }
        let school = schoolKey[i] ?? Text.key(programme.participants[i].school)
        return !facilitatorSchools[f].contains(school)
    }

    /// Whether the remaining groups, as they are, keep every rule and wish (so only joiners or sizes can force a
    /// regroup). False when a wish added in this replan splits or joins people the groups do not.
    var keepsEveryRule: Bool { isValid(home) }

    /// Whether every group of `assignment` is empty (dissolved, or a new group left closed) or holds
    /// `minimum`…`max_size` people: a start that does not is no start.
    func sizesHold(_ assignment: [Int: Int]) -> Bool {
        var size = [Int](repeating: 0, count: groups.count)
        for i in people { if let g = assignment[i] { size[g] += 1 } }
        return size.indices.allSatisfy { size[$0] == 0 || (minimum($0)...programme.config.groups.maxSize) ~= size[$0] }
    }

    /// Whether `assignment` (person → group index) keeps every tie apart, every together wish and `allowed`.
    func isValid(_ assignment: [Int: Int]) -> Bool {
        guard people.allSatisfy({ i in assignment[i].map { allowed(i, $0) } ?? false }) else { return false }
        guard togetherPairs.allSatisfy({ assignment[$0.0] == assignment[$0.1] }) else { return false }
        var members: [Int: [Int]] = [:]
        for i in people { members[assignment[i]!, default: []].append(i) }
        return members.values.allSatisfy { m in
            m.indices.allSatisfy { x in m[(x + 1)...].allSatisfy { !programme.conflicts.areTied(m[x], $0) } }
        }
    }

    func solve(budget: RunBudget, events: EventSink) throws(ReplanFailure) -> Outcome {
        var stats = SolveStats()
        events.started(.regrouping, budget)
        let (assignment, movesBound, dissolvedBound, greedy) = try membership(budget: budget, stats: &stats)
        events.finished(.regrouping, budget, "\(movesBound) moves needed at least")
        let movers = people.filter { home[$0] != assignment[$0] }
        // The greedy start moves the same people into the same open groups, only elsewhere among them: the priorities
        // start from whichever of the two is better (measured: 9 leave and 12 join the 345 plan with wishes and an
        // earlier cohort; the solver's membership placed the joiners for away 86, the greedy one for 85).
        let sameShape =
            greedy.map { g in
                people.filter { home[$0] != g[$0] } == movers && Set(g.values) == Set(assignment.values)
            } ?? false
        var (final, priorities) = try Priorities(
            self, assignment: assignment, movers: movers, alternative: sameShape ? greedy : nil
        ).solve(budget: budget, stats: &stats)
        // Others may move instead, as many, for a better plan: placed again, so the bounds speak of that choice.
        if let better = betterMovers(final, budget: budget, stats: &stats) {
            (final, priorities) = try Priorities(
                self, assignment: better, movers: people.filter { home[$0] != better[$0] }
            ).solve(budget: budget, stats: &stats)
        }
        let p = programme.participants
        var result: [Group] = [], gone: [String] = []
        for g in groups.indices {
            let members = people.filter { final[$0] == g }.sorted()
            if members.isEmpty {
                if !newGroups.contains(g) { gone.append(groups[g].id) }
                continue
            }
            result.append(Group(id: groups[g].id, members: members, homeRegion: Metrics.homeRegion(members, p)))
        }
        let moved = home.keys.sorted().filter { final[$0] != home[$0] }.map {
            Move(participant: $0, from: groups[home[$0]!].id, to: groups[final[$0]!].id)
        }
        return Outcome(
            groups: result, dissolved: gone, moves: moved, movesBound: movesBound, dissolvedBound: dissolvedBound,
            priorities: priorities, stats: stats)
    }

    /// Pairs wished together among the people still taking part (both in `people`).
    var togetherPairs: [(Int, Int)] {
        let present = Set(people)
        return programme.wishes.filter {
            $0.kind == .together && present.contains($0.person) && present.contains($0.other)
        }
        .map { ($0.person, $0.other) }
    }

    /// Stage 1: fewest moves, then fewest groups dissolved. Returns person → group and the two proven bounds.
    /// Also returns the greedy start (`Repair`) when it was valid.
    private func membership(budget: RunBudget, stats: inout SolveStats) throws(ReplanFailure) -> (
        [Int: Int], Int, Int, [Int: Int]?
    ) {
        let cfg = programme.config.groups
        let k = groups.count
        var model = Model(name: "replan-membership")
        var x: [Int: [Variable?]] = [:]
        for i in people {
            x[i] = (0..<k).map { g in allowed(i, g) ? model.addVariable("x\(i)_\(g)", kind: .binary) : nil }
        }
        let d = (0..<k).map { model.addVariable("d\($0)", kind: .binary) }
        for i in people { model.add(.sum(x[i]!.compactMap { $0 }), .equal, 1, name: "one_\(i)") }
        for g in 0..<k {
            let size = LinearExpression.sum(people.compactMap { x[$0]![g] })
            model.add(size + Double(minimum(g)) * d[g], .greaterOrEqual, Double(minimum(g)), name: "min_\(g)")
            model.add(size + Double(cfg.maxSize) * d[g], .lessOrEqual, Double(cfg.maxSize), name: "max_\(g)")
        }
        for (q, clique) in cliques().enumerated() {
            for g in 0..<k {
                let vars = clique.compactMap { x[$0]![g] }
                if vars.count > 1 { model.add(.sum(vars), .lessOrEqual, 1, name: "clique\(q)_\(g)") }
            }
        }
        // Wished together: wherever one goes, the other goes.
        let pairs = togetherPairs
        for (n, (i, j)) in pairs.enumerated() {
            for g in 0..<k {
                let a = x[i]![g].map { LinearExpression([($0, 1.0)]) } ?? LinearExpression(constant: 0)
                let b = x[j]![g].map { LinearExpression([($0, 1.0)]) } ?? LinearExpression(constant: 0)
                model.add(a - b, .equal, 0, name: "together\(n)_\(g)")
            }
        }
        let stays = LinearExpression(home.keys.sorted().compactMap { i in x[i]![home[i]!].map { ($0, 1.0) } })
        let moves = LinearExpression(constant: Double(home.count)) - stays
        var start: [Double]?
        let repaired = Repair(r: self).run().flatMap { isValid($0) && sizesHold($0) ? $0 : nil }
        if let greedy = repaired {
            var v = [Double](repeating: 0, count: model.variableCount)
            for i in people { if let var_ = x[i]![greedy[i]!] { v[var_.index] = 1 } }
            for g in 0..<k where !greedy.values.contains(g) { v[d[g].index] = 1 }
            start = v
        }
        var bounds: [Int] = []
        var values: [Double] = []
        let dissolved = LinearExpression.sum(d.indices.filter { !newGroups.contains($0) }.map { d[$0] })
        for (name, objective) in [("moves", moves), ("dissolved", dissolved)] {
            var options = SolverOptions(within: budget, share: 0.3)
            // Clique and cover cuts; MIR cuts cost more time here than they save (measured on the 345 fixture).
            options.cuts = .init(gomory: false, mir: false, cover: true, clique: true)
            options.warmStart = start
            let step: Lexicographic.Step
            do { step = try Lexicographic.minimize(objective, in: &model, holding: name, options: options) } catch {
                throw .internalError("replan \(name): \(error)")
            }
            let s = step.solution
            stats.stages.append(
                .init(name, variables: step.variables, constraints: step.rows, s))
            stats.seconds += s.elapsed
            guard step.value != nil else {
                if s.status == .infeasible { throw .impossible(Explanation(.changes, "", changes: [])) }
                throw .outOfTime("replan \(name)")
            }
            if !step.proven { stats.timeLimitHit = true }
            bounds.append(step.bound)
            start = s.values
            values = s.values
        }
        var assignment: [Int: Int] = [:]
        for i in people { assignment[i] = x[i]!.firstIndex { $0.map { values[$0.index] > 0.5 } ?? false }! }
        return (assignment, bounds[0], bounds[1], repaired)
    }

    /// Tied sets among the active people, covering every tie between them.
    func cliques() -> [[Int]] {
        let active = Set(people)
        return Cliques.cover(programme.conflicts).map { $0.filter(active.contains) }.filter { $0.count > 1 }
    }
}
