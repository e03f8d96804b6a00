import Intake

/// Sets of mutually tied participants that together cover every tie. One row Σ x[i,g] ≤ 1 per clique
/// and group replaces all the pair rows inside it — far fewer rows and a much stronger LP relaxation.
public enum Cliques {
    /// Greedy edge clique cover: each uncovered tie grows into a maximal clique through the common
    /// neighbours, lowest index first, so the cover is deterministic.
    public static func cover(_ conflicts: ConflictModel) -> [[Int]] {
        let n = conflicts.count
        let adjacency = conflicts.neighbours.map(Set.init)
        var covered = [Set<Int>](repeating: [], count: n)
        var cliques: [[Int]] = []
        for i in 0..<n {
            for j in conflicts.neighbours[i] where j > i && !covered[i].contains(j) {
                var clique = [i, j]
                // Prefer candidates that cover the most still-uncovered ties with the clique so far.
                var candidates = conflicts.neighbours[i].filter { $0 != j && adjacency[j].contains($0) }
                while !candidates.isEmpty {
                    let v = candidates.max { a, b in
                        let ua = clique.filter { !covered[$0].contains(a) }.count, ub = clique.filter { !covered[$0].contains(b) }.count
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
}
