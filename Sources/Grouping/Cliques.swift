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
        cover(neighbours: conflicts.neighbours, regions: regions, minSize: minSize)
    }

    /// The cover for people wished together (`sets`): each set stands as its first member, tied to everyone any
    /// member is tied to. Such a set shares one group, so "at most one per group" still holds for these cliques,
    /// and they see what the members' ties imply together (two people tied to the two halves of a set are each
    /// other's only company in a class of two groups).
    package static func cover(
        _ conflicts: ConflictModel, together sets: [[Int]], regions: [String]? = nil, minSize: Int = 6
    ) -> [[Int]] {
        guard !sets.isEmpty else { return cover(conflicts, regions: regions, minSize: minSize) }
        let neighbours = contracted(conflicts, sets)
        return cover(neighbours: neighbours.map { $0.sorted() }, regions: regions, minSize: minSize)
    }

    /// The tie graph with each set standing as its first member, tied to everyone any member is tied to (the
    /// other members keep no ties); with `regions`, only ties between people of one region.
    static func contracted(_ conflicts: ConflictModel, _ sets: [[Int]], regions: [String]? = nil) -> [Set<Int>] {
        var stand = Array(0..<conflicts.count)
        for set in sets { for i in set { stand[i] = set[0] } }
        var neighbours = [Set<Int>](repeating: [], count: conflicts.count)
        for (i, ns) in conflicts.neighbours.enumerated() {
            for j in ns where stand[i] != stand[j] && regions.map({ $0[stand[i]] == $0[stand[j]] }) ?? true {
                neighbours[stand[i]].insert(stand[j])
                neighbours[stand[j]].insert(stand[i])
            }
        }
        return neighbours
    }

    /// Odd cycles of 5 or 7 people through the sets wished together (each set standing as its first member, as in
    /// `cover(_:together:)`), without chords, found by a depth-limited search in a fixed order within `budget`
    /// steps per set. No two groups can hold such a cycle: a class of at most two groups cannot take all of it. The
    /// cover's cliques cannot say that, and a set wished together closes such cycles where its members' ties meet.
    /// Only cycles within one region count (`regions`, one per person): classes of two groups are a region's; at
    /// most `limit` are kept, shortest first (with many ties, as from an earlier cohort, there are thousands and
    /// their rows slow the models more than they help).
    package static func oddCycles(
        _ conflicts: ConflictModel, together sets: [[Int]], regions: [String]? = nil, limit: Int = 100,
        budget: Int = 100_000
    ) -> [[Int]] {
        guard !sets.isEmpty else { return [] }
        let adjacency = contracted(conflicts, sets, regions: regions)
        var found = Set<[Int]>()
        for r in sets.map({ $0[0] }) {
            // Distances from r up to 3: a path may only go where it can still close within 7.
            var distance = [Int: Int]()
            distance[r] = 0
            var layer = [r]
            for d in 1...3 {
                layer = layer.flatMap { adjacency[$0].sorted() }.filter { distance[$0] == nil }
                for v in layer where distance[v] == nil { distance[v] = d }
            }
            var path = [r]
            var steps = 0
            func extend() {
                steps += 1
                guard steps <= budget, let last = path.last else { return }
                for next in adjacency[last].sorted() {
                    if next == r && (path.count == 5 || path.count == 7) {
                        // Chords would split it into a triangle (a clique the cover has) and a shorter cycle.
                        let chordless = path.indices.allSatisfy { a in
                            path.indices.allSatisfy { b in
                                abs(a - b) <= 1 || abs(a - b) == path.count - 1 || !adjacency[path[a]].contains(path[b])
                            }
                        }
                        if chordless { found.insert(path.sorted()) }
                    }
                    guard path.count < 7, next != r, !path.contains(next),
                        let d = distance[next], d <= 7 - (path.count + 1)
                    else { continue }
                    path.append(next)
                    extend()
                    path.removeLast()
                }
            }
            extend()
        }
        return Array(
            found.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }.prefix(limit)
        )
    }

    /// The cover of the tie graph given as sorted neighbour lists.
    static func cover(neighbours: [[Int]], regions: [String]?, minSize: Int) -> [[Int]] {
        let n = neighbours.count
        let adjacency = neighbours.map(Set.init)
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
            for j in neighbours[i] where j > i && !covered[i].contains(j) {
                var clique = [i, j]
                // Prefer candidates that cover the most still-uncovered ties with the clique so far.
                var candidates = neighbours[i].filter { $0 != j && adjacency[j].contains($0) }
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
