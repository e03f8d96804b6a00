import Intake

/// Sets of mutually tied participants that together cover every tie. One row Σ x[i,g] ≤ 1 per clique
/// and group replaces all the pair rows inside it — far fewer rows and a much stronger LP relaxation.
package enum Cliques {
    /// Greedy edge clique cover: each uncovered tie grows into a maximal clique through the common
    /// neighbours, lowest index first, so the cover is deterministic.
    /// With `regions`, it starts from every maximal clique inside one region that is at least as large as
    /// the number of groups that region could form alone (its people divided by `minSize`): such a clique
    /// (competing schools in one town) forces people out of their region, and the greedy cover only sees it
    /// in pieces — measured on synthetic-2000: Limburg's aggregate counts put a 24-person clique into 23
    /// groups. Smaller thresholds (people / max size) add many cliques that never bind and, on the 345
    /// fixture, slowed the variety stage from under a second to over 9 s.
    package static func cover(_ conflicts: ConflictModel, regions: [String]? = nil, minSize: Int = 6) -> [[Int]] {
        let n = conflicts.count
        let adjacency = conflicts.neighbours.map(Set.init)
        var covered = [Set<Int>](repeating: [], count: n)
        var cliques: [[Int]] = []
        if let regions {
            for people in Dictionary(grouping: 0..<n, by: { regions[$0] }).sorted(by: { $0.key < $1.key }).map(\.value)
            {
                let least = max(3, (people.count + minSize - 1) / minSize)
                for clique in large(adjacency, among: people, atLeast: least) {
                    for a in clique { for b in clique where a != b { covered[a].insert(b) } }
                    cliques.append(clique)
                }
            }
        }
        for i in 0..<n {
            for j in conflicts.neighbours[i] where j > i && !covered[i].contains(j) {
                var clique = [i, j]
                // Prefer candidates that cover the most still-uncovered ties with the clique so far.
                var candidates = conflicts.neighbours[i].filter { $0 != j && adjacency[j].contains($0) }
                while !candidates.isEmpty {
                    let v = candidates.max { a, b in
                        let ua = clique.filter { !covered[$0].contains(a) }.count,
                            ub = clique.filter { !covered[$0].contains(b) }.count
                        return (ua, -a) < (ub, -b)
                    }!
                    clique.append(v)
                    candidates = candidates.filter { $0 != v && adjacency[v].contains($0) }
                }
                clique.sort()
                for a in clique { for b in clique where a != b { covered[a].insert(b) } }
                cliques.append(clique)
            }
        }
        return cliques
    }

    /// Every maximal clique of at least `least` people among `vertices` (Bron–Kerbosch with pivoting, each
    /// sorted, in a fixed order), as far as `budget` recursion steps reach.
    static func large(_ adjacency: [Set<Int>], among vertices: [Int], atLeast least: Int, budget: Int = 200_000)
        -> [[Int]]
    {
        let scope = Set(vertices)
        var found: [[Int]] = []
        var steps = 0
        func expand(_ r: [Int], _ p: Set<Int>, _ x: Set<Int>) {
            steps += 1
            guard steps <= budget, r.count + p.count >= least else { return }
            if p.isEmpty {
                if x.isEmpty { found.append(r.sorted()) }
                return
            }
            let pivot = p.union(x).max {
                (adjacency[$0].intersection(p).count, -$0) < (adjacency[$1].intersection(p).count, -$1)
            }!
            var p = p, x = x
            for v in p.subtracting(adjacency[pivot]).sorted() {
                expand(r + [v], p.intersection(adjacency[v]), x.intersection(adjacency[v]))
                p.remove(v)
                x.insert(v)
            }
        }
        expand([], scope, [])
        return found.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }
}
