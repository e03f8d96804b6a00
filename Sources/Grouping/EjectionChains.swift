/// Places people into interchangeable groups without putting two tied people together, beyond what a
/// greedy pass manages: a person who fits nowhere goes into a group by displacing the one member in
/// their way, who in turn goes elsewhere, and so on — the shortest such chain, found breadth first like
/// an augmenting path in matching. Groups under the minimum pull a member in along the same kind of chain.
/// Every step keeps each group free of ties, so whatever it returns is valid.
struct EjectionChains {
    let maxSize: Int, minSize: Int
    /// Ties by position (0..<people).
    let tied: [[Int]]
    private(set) var bins: [[Int]]
    private(set) var binOf: [Int]
    /// How many of a person's tied people each group holds.
    private var blocking: [[Int]]
    /// Search effort per chain, in groups looked at: keeps a hopeless person from costing seconds.
    var effort = 20_000

    init(people: Int, tied: [[Int]], bins: [[Int]], minSize: Int, maxSize: Int) {
        self.tied = tied
        self.minSize = minSize
        self.maxSize = maxSize
        self.bins = Array(repeating: [], count: bins.count)
        binOf = Array(repeating: -1, count: people)
        blocking = Array(repeating: Array(repeating: 0, count: bins.count), count: people)
        for (b, members) in bins.enumerated() { for i in members { put(i, b) } }
    }

    var unplaced: [Int] { binOf.indices.filter { binOf[$0] < 0 } }

    private mutating func put(_ i: Int, _ b: Int) {
        bins[b].append(i)
        binOf[i] = b
        for j in tied[i] { blocking[j][b] += 1 }
    }

    private mutating func take(_ i: Int) {
        let b = binOf[i]
        bins[b].removeAll { $0 == i }
        binOf[i] = -1
        for j in tied[i] { blocking[j][b] -= 1 }
    }

    /// Places `i` (now unplaced) by the shortest chain of displacements ending in a group with fewer than
    /// `below` members (default: one with room), other than `avoiding`; false when none is found. Each
    /// person is displaced at most once per search, and a chain never passes through a group twice, so
    /// every step is checked against the group as it will be.
    mutating func insert(_ i: Int, below: Int? = nil, avoiding: Int = -1) -> Bool {
        let below = below ?? maxSize
        // Node: a person to place, the group they were displaced from (where the parent goes), the parent.
        var nodes: [(person: Int, into: Int, parent: Int)] = [(i, -1, -1)]
        var displaced = [Bool](repeating: false, count: binOf.count)
        displaced[i] = true
        var looked = 0, head = 0
        var onPath = [Bool](repeating: false, count: bins.count)
        while head < nodes.count && looked < effort {
            let person = nodes[head].person
            var n = head
            var path: [Int] = []
            while n >= 0 {
                if nodes[n].into >= 0 { path.append(nodes[n].into) }
                n = nodes[n].parent
            }
            for b in path { onPath[b] = true }
            defer { for b in path { onPath[b] = false } }
            for b in bins.indices where !onPath[b] {
                looked += 1
                let blockers = blocking[person][b]
                if blockers == 0 && bins[b].count < below && b != avoiding {
                    apply(nodes, head, finalBin: b)
                    return true
                }
                if blockers == 1 {
                    if let j = bins[b].first(where: { !displaced[$0] && tied[person].contains($0) }) {
                        displaced[j] = true
                        nodes.append((j, b, head))
                    }
                } else if blockers == 0 {
                    for j in bins[b] where !displaced[j] {
                        displaced[j] = true
                        nodes.append((j, b, head))
                    }
                }
            }
            head += 1
        }
        return false
    }

    /// Carries out the chain ending at `nodes[last]`: each displaced person leaves their group for the
    /// next one; the last goes to `finalBin`.
    private mutating func apply(_ nodes: [(person: Int, into: Int, parent: Int)], _ last: Int, finalBin: Int) {
        var steps: [(person: Int, to: Int)] = [(nodes[last].person, finalBin)]
        var n = last
        while nodes[n].parent >= 0 {
            steps.append((nodes[nodes[n].parent].person, nodes[n].into))
            n = nodes[n].parent
        }
        // From the far end back: the last displaced person moves first, freeing the place for the one before.
        for (person, to) in steps {
            if binOf[person] >= 0 { take(person) }
            put(person, to)
        }
    }

    /// Places everyone unplaced, most tied first; returns who is still left.
    @discardableResult
    mutating func placeAll() -> [Int] {
        var left: [Int] = []
        for i in unplaced.sorted(by: { (-tied[$0].count, $0) < (-tied[$1].count, $1) }) where !insert(i) {
            left.append(i)
        }
        return left
    }

    /// Brings groups under the minimum up to it: someone leaves a group that can spare them and is placed
    /// again by a chain that ends in a short group. False when a group stays short.
    mutating func fillShortGroups() -> Bool {
        for b in bins.indices {
            while bins[b].count < minSize {
                var done = false
                for c in bins.indices where bins[c].count > minSize {
                    for j in bins[c] {
                        take(j)
                        if insert(j, below: minSize, avoiding: c) {
                            done = true
                            break
                        }
                        put(j, c)
                    }
                    if done { break }
                }
                if !done { return false }
            }
        }
        return true
    }

    /// Fills `bins` empty groups from scratch: whoever has fewest groups left open goes first (DSatur) into
    /// the smallest open group; the stuck are then placed by chains and short groups topped up. Returns the
    /// groups (members by position) and whoever is still unplaced.
    /// With `levels`, each group gets a band of consecutive levels (people sorted by level, cut into as many
    /// equal runs as there are groups) and people go to a group of their band when one is open, so most
    /// groups span one level. When that leaves anyone out or a group short, the plain packing is tried too.
    /// With `functions` (ids), a person goes, among equally good groups, to one holding fewest of their function.
    static func pack(
        people: Int, tied: [[Int]], bins: Int, minSize: Int, maxSize: Int, levels: [Int]? = nil,
        functions: [Int]? = nil
    ) -> (bins: [[Int]], stuck: [Int], filled: Bool) {
        guard let levels, bins > 0, Set(levels).count > 1 else {
            return pack(
                people: people, tied: tied, bins: bins, minSize: minSize, maxSize: maxSize, level: nil, quota: nil,
                functions: functions)
        }
        let distinct = Array(Set(levels)).sorted()
        let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        let level = levels.map { index[$0]! }
        // Cut the people, sorted by level, into equal runs: quota[b][l] of level l go to group b.
        let order = (0..<people).sorted { (level[$0], $0) < (level[$1], $1) }
        var quota = [[Int]](repeating: [Int](repeating: 0, count: distinct.count), count: bins), start = 0
        for b in 0..<bins {
            let size = people / bins + (b < people % bins ? 1 : 0)
            for i in order[start..<(start + size)] { quota[b][level[i]] += 1 }
            start += size
        }
        let banded = pack(
            people: people, tied: tied, bins: bins, minSize: minSize, maxSize: maxSize, level: level, quota: quota,
            functions: functions)
        if banded.stuck.isEmpty && banded.filled { return banded }
        let plain = pack(
            people: people, tied: tied, bins: bins, minSize: minSize, maxSize: maxSize, level: nil, quota: nil,
            functions: functions)
        return (plain.filled ? 0 : 1, plain.stuck.count) < (banded.filled ? 0 : 1, banded.stuck.count) ? plain : banded
    }

    /// With `quota`, a person goes to a group still short of its quota for their level if one is open, else to
    /// a group whose band holds their level, else anywhere; then fewest of their function; then the smallest.
    private static func pack(
        people: Int, tied: [[Int]], bins: Int, minSize: Int, maxSize: Int,
        level: [Int]?, quota: [[Int]]?, functions: [Int]?
    ) -> (bins: [[Int]], stuck: [Int], filled: Bool) {
        var heldLevel = quota.map { $0.map { $0.map { _ in 0 } } } ?? []
        let band = quota?.map { q in (q.firstIndex { $0 > 0 } ?? 0, q.lastIndex { $0 > 0 } ?? -1) } ?? []
        func outside(_ i: Int, _ b: Int) -> Int {
            guard let level, let quota else { return 0 }
            let l = level[i]
            return heldLevel[b][l] < quota[b][l] ? 0 : (band[b].0 <= l && l <= band[b].1 ? 1 : 2)
        }
        // Members per group and function, for the variety tie-break.
        var held = [[Int]](repeating: [Int](repeating: 0, count: (functions?.max() ?? 0) + 1), count: bins)
        var c = EjectionChains(
            people: people, tied: tied, bins: Array(repeating: [], count: bins), minSize: minSize, maxSize: maxSize)
        // Open groups per person, kept up to date as people are placed: the whole pass is people² steps.
        var open = [Int](repeating: bins, count: people)
        var placed = [Bool](repeating: false, count: people)
        var stuck: [Int] = []
        for _ in 0..<people {
            var pick = -1
            for i in 0..<people where !placed[i] {
                if pick < 0 || (open[i], -tied[i].count, i) < (open[pick], -tied[pick].count, pick) { pick = i }
            }
            placed[pick] = true
            var best = -1
            var bestKey = (0, 0, 0)
            for b in 0..<bins where c.bins[b].count < maxSize && c.blocking[pick][b] == 0 {
                let key = (outside(pick, b), functions.map { held[b][$0[pick]] } ?? 0, c.bins[b].count)
                if best < 0 || key < bestKey {
                    best = b
                    bestKey = key
                }
            }
            guard best >= 0 else {
                stuck.append(pick)
                continue
            }
            for k in tied[pick] where !placed[k] && c.blocking[k][best] == 0 && c.bins[best].count < maxSize {
                open[k] -= 1
            }
            c.put(pick, best)
            if let functions { held[best][functions[pick]] += 1 }
            if let level { heldLevel[best][level[pick]] += 1 }
            if c.bins[best].count == maxSize {
                for k in 0..<people where !placed[k] && c.blocking[k][best] == 0 { open[k] -= 1 }
            }
        }
        let left = c.placeAll()
        let filled = c.fillShortGroups()
        return (c.bins, left, filled)
    }
}
