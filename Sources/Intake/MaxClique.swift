/// The largest set of mutually tied participants: they must all be in different groups,
/// so its size is a lower bound on the number of groups.
public enum MaxClique {
    /// A set of mutually tied participants and whether it is proven the largest.
    public struct Result: Sendable, Equatable {
        /// Participant indices, ascending.
        public var members: [Int]
        /// False when the search hit its step budget; `members` is then a large clique, not proven largest.
        public var proven: Bool
    }

    /// Bron–Kerbosch with pivoting over `vertices` (default: all), deterministic.
    public static func find(in conflicts: ConflictModel, among vertices: [Int]? = nil, budget: Int = 50_000) -> Result {
        let vs = vertices ?? Array(0..<conflicts.count)
        let inScope = Set(vs)
        let adj: [Int: Set<Int>] = Dictionary(
            uniqueKeysWithValues: vs.map { v in (v, Set(conflicts.neighbours[v].filter(inScope.contains))) })
        var best: [Int] = vs.isEmpty ? [] : [vs.min()!]
        var steps = 0
        func expand(_ r: [Int], _ p: Set<Int>, _ x: Set<Int>) {
            steps += 1
            if steps > budget { return }
            if p.isEmpty {
                if x.isEmpty,
                    r.count > best.count || (r.count == best.count && r.sorted().lexicographicallyPrecedes(best))
                {
                    best = r.sorted()
                }
                return
            }
            if r.count + p.count < best.count { return }
            let pivot = p.union(x).max {
                (adj[$0]!.intersection(p).count, -$0) < (adj[$1]!.intersection(p).count, -$1)
            }!
            var p = p, x = x
            for v in p.subtracting(adj[pivot]!).sorted() {
                expand(r + [v], p.intersection(adj[v]!), x.intersection(adj[v]!))
                p.remove(v)
                x.insert(v)
            }
        }
        expand([], Set(vs), [])
        return Result(members: best, proven: steps <= budget)
    }
}
