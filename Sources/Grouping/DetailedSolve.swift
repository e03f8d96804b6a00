import Foundation
import GLPK
import Intake
import RunControl

extension GroupPlanner {
    /// Named people into the aggregate plan's slots with its exact flows. People of one type share
    /// region, level, function and every tied set, so which of them fills a type's flow into a class
    /// changes nothing: each class then becomes its own small model, solved two at a time.
    /// Classes that cannot be realised (ties the aggregate model could not see) leave their slots empty
    /// and their people in `unplaced`.
    struct Placement {
        var members: [[Int]]
        var unplaced: [Int]
        var failedSlots: Set<Int>
        /// Whether some class's model was proven infeasible: its flows cannot be filled with named people however
        /// long the search (not merely stopped at its work limit).
        var unfillable = false

        /// Everyone placed and every group at least `minSize`.
        func isComplete(minSize: Int) -> Bool {
            unplaced.isEmpty && members.allSatisfy { $0.count >= minSize }
        }
    }

    /// One slot per group to be, each naming its class: `groupsPerClass[c]` slots of class `c`, in class order.
    static func slots(_ groupsPerClass: [Int]) -> [Int] {
        groupsPerClass.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }
    }
    /// Class size above which a large programme's class keeps its greedy placement instead of a GLPK model.
    static let greedyOnlyAbove = 250
}

extension GroupingRun {
    /// Named people into the aggregate plan's slots (see `GroupPlanner.Placement`).
    /// `share` is the part of the work left that the class models may spend together.
    mutating func exact(_ c: Composition, _ flow: [[Int]], _ slotClass: [Int], share: Double = 0.7) throws
        -> GroupPlanner.Placement
    {
        // The workers below run concurrently: they read these copies, never `self`.
        let programme = self.programme, options = self.options, deadline = budget
        var parts: [Int: (people: [Int], slots: [Int])] = [:]
        for (s, cl) in slotClass.enumerated() { parts[cl, default: ([], [])].slots.append(s) }
        for (cl, people) in GroupPlanner.classPeople(c, flow, classes: parts.keys.sorted()) {
            parts[cl]!.people = people
        }
        let jobs = parts.keys.sorted().map { parts[$0]! }.map { (people: $0.people.sorted(), slots: $0.slots) }
        // Largest first so the two workers finish together.
        let order = jobs.indices.sorted { jobs[$0].people.count > jobs[$1].people.count }
        let results = Results(count: jobs.count)
        // Each job's allowance is fixed before any starts, so which worker finishes first changes nothing: `share`
        // of the work left, split by the jobs' sizes (people × groups, what their models grow with).
        let weights = jobs.map { Double($0.people.count * $0.slots.count) }
        // A small job still gets a seventh of it: a class of few people can hold the hardest ties.
        let allowance = weights.map { deadline.workShare(of: share) * max(1 / 7, $0 / max(1, weights.reduce(0, +))) }
        let taken = Counter()
        // At most `parallelism` solves at once (GLPK objects stay on the worker thread that made them); each
        // result goes to its job's own index, so the order in which workers finish changes nothing.
        DispatchQueue.concurrentPerform(iterations: min(jobs.count, deadline.parallelism)) { _ in
            // Job numbers 0, 1, 2, … in the order workers ask; each worker stops when they run out.
            while case let n = taken.next() - 1, n < jobs.count {
                solveJob(n)
            }
        }
        @Sendable func solveJob(_ n: Int) {
            let job = jobs[order[n]]
            let cls = c.classes[slotClass[job.slots[0]]]
            let label =
                c.regionName(cls) + (c.levels.count > 1 ? ", levels \(c.levels[cls.low])–\(c.levels[cls.high])" : "")
            // Large programmes cannot fall back to the all-slot model, so their class models may leave people
            // unplaced instead of failing outright; LocalRepair then places only those few.
            func model(keepUnits: Bool) -> DetailedModel {
                DetailedModel(
                    programme, c, people: job.people, slots: job.slots, slotClass: slotClass,
                    mode: .exactFlows(flow, slack: programme.participants.count > GroupPlanner.weightedLimit),
                    priorities: programme.config.priorities, keepUnits: keepUnits)
            }
            var detailed = model(keepUnits: true)
            var o = SolverOptions(within: deadline, units: allowance[order[n]])
            o.warmStart = detailed.greedyStart()
            o.progress =
                job.people.count > 40
                ? options.reporter { value, _ in
                    "forming groups: placing people in \(label)" + (value.map { " (score \($0))" } ?? "")
                } : nil
            // Measured: on classes of ~300+ people GLPK overran its limit by 30 s inside a single step, so those
            // keep the greedy pass (LocalRepair places whoever it leaves out).
            if detailed.slack && job.people.count > GroupPlanner.greedyOnlyAbove, let bins = detailed.greedyBins() {
                let stage = SolveStats.Stage(
                    name: "groups \(label) (\(job.people.count) people, \(job.slots.count) groups), greedy",
                    variables: detailed.model.variableCount, constraints: detailed.model.constraints.count,
                    status: "feasible", seconds: 0)
                results.set(order[n], (.success(bins.map { $0.map { job.people[$0] } }), stage))
                return
            }
            var outcome: Result<Solution, GLPKError> = Result { () throws(GLPKError) in
                try Solver.solve(detailed.model, options: o)
            }
            var name = "groups \(label) (\(job.people.count) people, \(job.slots.count) groups)"
            // A set wished together may not fit this class's groups for reasons the aggregate model cannot see
            // (sizes that only add up with the set split): the class is then filled without keeping the set in
            // one group, and `Together.enforce` gathers it afterwards. The bounds stay valid.
            let people = Set(job.people)
            if (try? outcome.get())?.status == .infeasible,
                c.units.contains(where: { $0.contains { people.contains(c.members[$0][0]) } })
            {
                detailed = model(keepUnits: false)
                o.warmStart = detailed.greedyStart()
                let retry = detailed.model
                outcome = Result { () throws(GLPKError) in try Solver.solve(retry, options: o) }
                name += ", the wished-together sets in it gathered afterwards"
            }
            // Flows that leave the spread open (the first stage's, when the later stages were left out): the class is
            // arranged again for spread, then variety, from the groups just found, within the same allowance.
            var before: Solution?
            var arranged = detailed
            if let found = try? outcome.get(), found.hasSolution, arranged.arrangeForSpread() {
                var o2 = SolverOptions(within: deadline, units: allowance[order[n]] - found.work.units)
                o2.warmStart = arranged.start(groups: detailed.groups(found))
                if o2.warmStart != nil, let better = try? Solver.solve(arranged.model, options: o2), better.hasSolution
                {
                    (detailed, outcome, before) = (arranged, .success(better), found)
                    name += ", arranged for spread"
                }
            }
            let (variables, rows) = (detailed.model.variableCount, detailed.model.constraints.count)
            var stage =
                (try? outcome.get()).map { SolveStats.Stage(name, variables: variables, constraints: rows, $0) }
                ?? SolveStats.Stage(name: name, variables: variables, constraints: rows, status: "error", seconds: 0)
            // The record counts both solves' work.
            if let before {
                stage.iterations = (stage.iterations ?? 0) + before.work.iterations
                stage.nodes = (stage.nodes ?? 0) + before.work.nodes
                stage.work = (stage.work ?? 0) + before.work.units
                stage.seconds += before.elapsed
            }
            // No solution in time: with slack the greedy pass still places most people (LocalRepair does the rest).
            let fallback = detailed.slack ? detailed.greedyBins().map { $0.map { $0.map { job.people[$0] } } } : nil
            results.set(order[n], (outcome.map { $0.hasSolution ? detailed.groups($0) : fallback }, stage))
        }
        var placement = GroupPlanner.Placement(
            members: Array(repeating: [], count: slotClass.count), unplaced: [], failedSlots: [])
        for (n, job) in jobs.enumerated() {
            let (outcome, stage) = results.get(n)!
            stats.stages.append(stage)
            stats.timeLimitHit = stats.timeLimitHit || stage.status == SolveStatus.feasible.rawValue
            if stage.status == SolveStatus.infeasible.rawValue { placement.unfillable = true }
            guard let found = try outcome.get() else {
                placement.unplaced += job.people
                placement.failedSlots.formUnion(job.slots)
                continue
            }
            for (sp, s) in job.slots.enumerated() { placement.members[s] = found[sp] }
            let placed = Set(found.joined())
            placement.unplaced += job.people.filter { !placed.contains($0) }
        }
        return placement
    }

    /// For programmes too large for the all-slot model: the classes that worked keep their groups and
    /// `LocalRepair` places the rest. nil when even that finds no valid grouping.
    mutating func repaired(
        _ c: Composition, _ placement: GroupPlanner.Placement, _ slotClass: [Int], share: Double
    ) -> [[Int]]? {
        let deadline = budget
        let started = deadline.elapsed
        var repair = LocalRepair(
            programme, groups: placement.members,
            slotRegion: slotClass.map {
                c.classes[$0].region == Composition.mixed ? nil : c.regions[c.classes[$0].region]
            })
        repair.cancellation = deadline.cancellation
        guard repair.place(placement.unplaced, preferring: placement.failedSlots), repair.fillSmallGroups() else {
            stats.stages.append(
                .init(
                    name: "repair (\(placement.unplaced.count) people)", variables: 0, constraints: 0,
                    status: "infeasible", seconds: deadline.elapsed - started))
            return nil
        }
        repair.improve(within: deadline, share: share)
        stats.stages.append(
            repair.stage(
                "repair: \(placement.unplaced.count) people placed greedily, then moves and swaps",
                seconds: deadline.elapsed - started))
        stats.timeLimitHit = true
        return repair.groups
    }

    /// Complete groups improved for every objective by moves and swaps that never worsen an earlier one.
    mutating func improved(
        _ groups: [[Int]], label: String = "first objective's groups, then moves and swaps", pinned: Set<Int> = []
    ) -> [[Int]] {
        let deadline = budget
        let started = deadline.elapsed
        var repair = LocalRepair(
            programme, groups: groups, slotRegion: groups.map { Metrics.homeRegion($0, programme.participants) })
        repair.cancellation = deadline.cancellation
        repair.pinned = pinned
        var gathering = repair
        repair.improve(within: deadline, share: 0.45)
        stats.stages.append(repair.stage(label, seconds: deadline.elapsed - started))
        guard priorities.contains(.level) else { return repair.groups }
        gathering.concentrate = true
        gathering.improve(within: deadline, share: 0.45)
        gathering.concentrate = false
        gathering.improve(within: deadline, share: 0.45)
        stats.stages.append(gathering.stage(label + ", levels gathered", seconds: deadline.elapsed - started))
        return Metrics.ranked(gathering.groups, programme).lexicographicallyPrecedes(
            Metrics.ranked(repair.groups, programme)) ? gathering.groups : repair.groups
    }

    /// The fallback when exact flows cannot be realised: everyone may use their own region's slots
    /// and the slots their type flows to, then every slot; objectives weighted lexicographically.
    mutating func weighted(_ c: Composition, _ flow: [[Int]], _ slotClass: [Int]) throws -> [[Int]]? {
        let deadline = budget
        for everywhere in [false, true] {
            let detailed = DetailedModel(
                programme, c, people: Array(programme.participants.indices),
                slots: Array(slotClass.indices), slotClass: slotClass,
                mode: .weighted(flow: flow, everywhere: everywhere), priorities: priorities)
            var o = SolverOptions(within: deadline, share: everywhere ? 0.95 : 0.5)
            o.progress = options.reporter { value, _ in
                "forming groups: placing people" + (everywhere ? " in any group" : " in their own region")
                    + (value.map { " (score \($0))" } ?? "")
            }
            let s = try Solver.solve(detailed.model, options: o)
            stats.stages.append(
                .init(
                    everywhere ? "groups, any slot" : "groups, own region or flow",
                    variables: detailed.model.variableCount, constraints: detailed.model.constraints.count, s))
            if s.status != .optimal { stats.timeLimitHit = true }
            if s.hasSolution { return detailed.groups(s) }
            if s.status == .infeasible && everywhere { return nil }
            // No grouping within its work limit: not a proof of anything; the planner then makes one by hand.
            if s.status == .timeLimitNoSolution && everywhere { searchGaveUp = true }
        }
        return nil
    }
}

/// Results written by concurrent workers, each to its own index.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(Result<[[Int]]?, GLPKError>, SolveStats.Stage)?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: (Result<[[Int]]?, GLPKError>, SolveStats.Stage)) {
        lock.lock()
        items[i] = v
        lock.unlock()
    }
    func get(_ i: Int) -> (Result<[[Int]]?, GLPKError>, SolveStats.Stage)? {
        lock.lock()
        defer { lock.unlock() }
        return items[i]
    }
}
