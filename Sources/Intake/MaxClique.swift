/// The largest set of mutually tied participants: they must all be in different groups,
/// so its size is a lower bound on the number of groups.
public enum MaxClique {
    /// A set of mutually tied participants and whether it is proven the largest.
    public struct Result: Sendable, Equatable {
        /// Participant indices, ascending.
        public var members: [Int]
        /// False when the search hit its work budget; `members` is then a large clique, not proven largest.
        public var proven: Bool
    }

    /// Bron–Kerbosch with pivoting over `vertices` (default: all), one connected part of the tie graph at a time,
    /// deterministic: among the largest sets, the one first in index order. Work is counted (set elements
    /// touched), not timed, so the answer is the same on any machine; past `budget` the best set so far is
    /// returned unproven. A part in which everyone is tied to everyone (a thousand colleagues of one school, a
    /// long `reports_to` chain) is its own answer without a search.
    public static func find(
        in conflicts: ConflictModel, among vertices: [Int]? = nil, budget: Int = 3_000_000
    ) -> Result {
        let vs = (vertices ?? Array(0..<conflicts.count)).sorted()
        guard !vs.isEmpty else { return Result(members: [], proven: true) }
        let inScope = Set(vs)
        var adj: [Int: Set<Int>] = [:]
        for v in vs { adj[v] = Set(conflicts.neighbours[v].filter(inScope.contains)) }
        var search = Search(adj: adj, budget: budget)
        for part in components(vs, adj) {
            let complete = part.allSatisfy { adj[$0]!.count == part.count - 1 }
            if complete {
                search.offer(part)
            } else if part.count >= search.best.count {
                // A greedy set first (most tied first), so a search cut short by its budget still has a large one.
                var greedy: [Int] = []
                for v in part.sorted(by: { (adj[$1]!.count, $0) < (adj[$0]!.count, $1) })
                where greedy.allSatisfy({ adj[v]!.contains($0) }) {
                    greedy.append(v)
                }
                search.offer(greedy)
                search.expand([], Set(part), [])
            }
        }
        return Result(members: search.best, proven: search.work <= budget)
    }

    /// Connected parts of the tie graph, each ascending, in order of their smallest member.
    static func components(_ vs: [Int], _ adj: [Int: Set<Int>]) -> [[Int]] {
        var seen = Set<Int>(), parts: [[Int]] = []
        for start in vs where !seen.contains(start) {
            var part: [Int] = [], stack = [start]
            seen.insert(start)
            while let v = stack.popLast() {
                part.append(v)
                for w in adj[v]!.sorted() where seen.insert(w).inserted { stack.append(w) }
            }
            parts.append(part.sorted())
        }
        return parts
    }

    /// The recursive search with its budget and the best set so far.
    struct Search {
        let adj: [Int: Set<Int>]
        let budget: Int
        var best: [Int] = []
        var work = 0

        /// Keeps `clique` when it is larger, or as large and first in index order.
        mutating func offer(_ clique: [Int]) {
            let sorted = clique.sorted()
            if sorted.count > best.count || (sorted.count == best.count && sorted.lexicographicallyPrecedes(best)) {
                best = sorted
            }
        }

        mutating func expand(_ r: [Int], _ p: Set<Int>, _ x: Set<Int>) {
            work += 1
            if work > budget { return }
            if p.isEmpty {
                if x.isEmpty { offer(r) }
                return
            }
            if r.count + p.count < best.count { return }
            var pivot = -1, pivotDegree = -1
            for u in p.union(x).sorted() {
                let n = adj[u]!
                work += min(n.count, p.count)
                let d = n.intersection(p).count
                if d > pivotDegree {
                    (pivot, pivotDegree) = (u, d)
                }
            }
            var p = p, x = x
            for v in p.subtracting(adj[pivot]!).sorted() {
                work += 2 * min(adj[v]!.count, p.count + x.count)
                expand(r + [v], p.intersection(adj[v]!), x.intersection(adj[v]!))
                if work > budget { return }
                p.remove(v)
                x.insert(v)
            }
        }
    }
}
