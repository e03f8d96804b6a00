import Foundation
import GLPK
import Intake

public struct GroupingOptions: Sendable {
    /// Wall-clock seconds for the whole grouping run.
    public var timeLimit: Double
    public var progress: ProgressSink?
    public init(timeLimit: Double = 60, progress: ProgressSink? = nil) { self.timeLimit = timeLimit; self.progress = progress }
}

/// Stage 2 of the pipeline: groups that break no hard rule, optimised lexicographically, with proofs.
public enum Grouping {
    /// Largest programme for the all-slot fallback model; measured: above a few hundred people its LP
    /// relaxation alone does not finish in useful time.
    static let weightedLimit = 400

    public static func plan(_ programme: Programme, options: GroupingOptions = GroupingOptions()) throws(GroupingFailure) -> GroupingResult {
        let deadline = Deadline(seconds: options.timeLimit)
        let p = programme.participants, g = programme.config.groups
        let k: Int
        switch GroupCount.resolve(participants: p.count, g) {
        case .impossible(let reason, let relaxations): throw .impossible(Infeasibility.size(reason: reason, relaxations: relaxations))
        case .groups(let count, _, _): k = count
        }
        let largest = MaxClique.find(in: programme.conflicts)
        if largest.members.count > k { throw .impossible(Infeasibility.tiedSet(largest.members, groups: k, programme)) }

        let cliques = Cliques.cover(programme.conflicts)
        let priorities = programme.config.priorities
        var stats = SolveStats()
        do {
            let outcome = try Self.bounds(programme, cliques, k, priorities, deadline, options, &stats)
            let composition = outcome.composition
            var slotClass: [Int] = []
            for (cl, count) in outcome.groupsPerClass.enumerated() { slotClass += Array(repeating: cl, count: count) }

            let placement = try exact(programme, composition, outcome.flow, slotClass, deadline, options, &stats)
            let complete = placement.unplaced.isEmpty && placement.members.allSatisfy { $0.count >= g.minSize }
            var members: [[Int]]? = complete ? placement.members : nil
            if members == nil {
                // The all-slot model proves more but does not scale; above that, repair locally.
                members = p.count <= Self.weightedLimit
                    ? try weighted(programme, composition, outcome.flow, slotClass, priorities, deadline, options, &stats)
                    : repaired(programme, composition, placement, slotClass, deadline, &stats)
            }
            if members == nil && p.count > Self.weightedLimit {
                throw GroupingFailure.internalError("the aggregate plan could not be realised with named people in \(placement.failedSlots.count) groups, and the local repair found no valid grouping either; this is not a proof that none exists — try a longer --time-limit or one more group ([groups] count = \(k + 1))")
            }
            guard let members else {
                throw GroupingFailure.impossible(Explanation(
                    headline: "no grouping of the \(p.count) participants into \(k) groups of \(g.minSize)–\(g.maxSize) keeps every tied pair apart",
                    details: ["largest mutually tied set: \(largest.members.count) people (\(largest.members.map { p[$0].name }.joined(separator: ", ")))"],
                    relaxations: [.init(change: "[groups] max_size = \(g.maxSize + 1)", effect: "groups of up to \(g.maxSize + 1)"),
                                  .init(change: "[groups] count = \(k + 1)", effect: "one more, smaller group")]))
            }
            let groups = Self.label(members, p)
            let violations = PlanCheck.violations(groups, programme)
            guard violations.isEmpty else {
                throw GroupingFailure.internalError("the solver's plan breaks a rule: " + violations.map(\.description).joined(separator: "; "))
            }
            stats.seconds = deadline.elapsed
            return GroupingResult(groups: groups,
                                  objectives: objectives(groups.map(\.members), p, priorities, outcome.values),
                                  stats: stats,
                                  awayReasons: AwayReasons.explain(groups, programme))
        } catch let e as GLPKError {
            throw .internalError(e.description)
        } catch let e as GroupingFailure {
            throw e
        } catch {
            throw .internalError("\(error)")
        }
    }

    struct Bounds {
        var values: [Objective: (value: Int, bound: Int)]
        var composition: Composition
        var groupsPerClass: [Int]
        var flow: [[Int]]
    }

    /// The aggregate models, one per priority, each only as detailed as the objectives so far need,
    /// each holding the earlier objectives at the values they reached.
    static func bounds(_ programme: Programme, _ cliques: [[Int]], _ k: Int, _ priorities: [Objective],
                       _ deadline: Deadline, _ options: GroupingOptions, _ stats: inout SolveStats) throws -> Bounds {
        var values: [Objective: (value: Int, bound: Int)] = [:]
        var last: (Composition, AggregateModel.StageResult)?
        for (n, o) in priorities.enumerated() {
            let prefix = priorities[...n]
            let c = Composition(programme.participants, cliques: cliques,
                                byLevel: prefix.contains(.level), byFunction: prefix.contains(.variety))
            var model = AggregateModel(programme, c, groupCount: k)
            for earlier in priorities[..<n] { model.hold(earlier, atMost: values[earlier]!.value) }
            let start = last.map { model.warmStart(from: $0.0, $0.1) }
            // The first objective is the one organisers care most about; later ones get less of the clock.
            let r: AggregateModel.StageResult
            do {
                r = try model.minimize(o, timeLimit: deadline.share(of: n == 0 ? 0.25 : 0.15), progress: options.progress, warmStart: start)
            } catch {
                // A later objective without any solution in its time: keep the plan of the objectives so far;
                // this one and the rest are reported without a proven bound.
                guard n > 0 else { throw error }
                stats.stages.append(.init(name: "bound \(o.metric) (\(c.types.count) types, \(c.classes.count) classes)", variables: model.model.variableCount,
                                          constraints: model.model.constraints.count, status: "no solution in time; the earlier stage's plan is used", seconds: 0))
                stats.timeLimitHit = true
                break
            }
            values[o] = (r.value, r.bound)
            stats.stages.append(r.stage)
            stats.timeLimitHit = stats.timeLimitHit || !r.proven
            last = (c, r)
        }
        return Bounds(values: values, composition: last!.0, groupsPerClass: last!.1.groupsPerClass, flow: last!.1.flow)
    }

    /// Value and proven bound per objective. A bound from the aggregate model holds for plans whose
    /// earlier objectives are no worse than the values it was given; when the plan misses one of those,
    /// later bounds fall back to 0 (nothing proven).
    static func objectives(_ groups: [[Int]], _ p: [Participant], _ priorities: [Objective],
                           _ aggregate: [Objective: (value: Int, bound: Int)]) -> [ObjectiveResult] {
        var out: [ObjectiveResult] = []
        var earlierHeld = true
        for o in priorities {
            let value = Metrics.total(o, groups, p)
            guard let a = aggregate[o] else {
                out.append(ObjectiveResult(objective: o, value: value, bound: 0))
                earlierHeld = false
                continue
            }
            let bound = earlierHeld ? min(a.bound, value) : 0
            out.append(ObjectiveResult(objective: o, value: value, bound: bound))
            earlierHeld = earlierHeld && value <= a.value
        }
        return out
    }

    /// Ids follow region, then the first member in the sign-up file, so reruns number groups alike.
    static func label(_ members: [[Int]], _ p: [Participant]) -> [Group] {
        let sorted = members.map { $0.sorted() }.sorted { a, b in
            let ra = Metrics.homeRegion(a, p), rb = Metrics.homeRegion(b, p)
            return ra != rb ? ra < rb : (a.first ?? 0) < (b.first ?? 0)
        }
        return sorted.enumerated().map { n, m in
            Group(id: String(format: "G%02d", n + 1), members: m, homeRegion: Metrics.homeRegion(m, p))
        }
    }
}
