import Intake

extension Scheduler {
    /// Case bringers for a group's future meetings after its membership changed, counting history: whoever
    /// has brought the fewest cases (anywhere in the programme) goes first, so nobody who already brought is
    /// asked again before those who have not; nobody brings on a date they are unavailable or twice in one
    /// meeting. Ties keep the old plan's order (`previousTurn`), then the group's shuffle.
    /// - Parameters:
    ///   - slots: cases per future meeting, in meeting order.
    ///   - absent: members unavailable per future meeting.
    ///   - brought: cases each participant brought before the replan's cut-off date.
    ///   - previousTurn: position of each participant's first future turn in the old plan.
    package static func rebalance(
        group: String, members: [Int], slots: [Int], absent: [[Int]],
        brought: [Int: Int], previousTurn: [Int: Int]
    ) -> [[Int]] {
        var count = Dictionary(uniqueKeysWithValues: members.map { ($0, brought[$0] ?? 0) })
        return slots.enumerated().map { k, n in
            var chosen: [Int] = []
            for _ in 0..<min(n, members.count) {
                let candidates = members.filter { !absent[k].contains($0) && !chosen.contains($0) }
                guard
                    let next = candidates.min(by: { a, b in
                        (count[a]!, previousTurn[a] ?? Int.max, Shuffle.key(group, a)) < (
                            count[b]!, previousTurn[b] ?? Int.max, Shuffle.key(group, b)
                        )
                    })
                else { break }
                chosen.append(next)
                count[next]! += 1
            }
            return chosen
        }
    }

    /// Members of `members` unavailable on `day`.
    package static func unavailable(_ members: [Int], on day: Day, _ programme: Programme) -> [Int] {
        members.filter { i in programme.participants[i].unavailable.contains { $0.contains(day) } }
    }
}
