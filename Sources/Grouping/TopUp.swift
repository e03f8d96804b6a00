/// Bringing groups under a minimum size up to it by taking people from groups that can spare them — the one
/// routine for the local repair of large programmes and for the replan's first incumbent.
package enum TopUp {
    /// Fills `group` up to `minimum` members, one person at a time: among the members of other groups above
    /// `minimum` who `canJoin` it, the one ranked lowest moves. False (groups partly changed) when nobody can be
    /// taken before the group is full enough.
    /// - Parameter ranking: given the group's members now, a key for (person, the group they would leave, its
    ///   size); keys compare lexicographically and should end with the person, so no iteration order decides.
    package static func fill(
        _ group: Int, in groups: inout [[Int]], minimum: Int, canJoin: (_ person: Int, _ members: [Int]) -> Bool,
        ranking: (_ members: [Int]) -> (_ person: Int, _ from: Int, _ fromSize: Int) -> [Int]
    ) -> Bool {
        while groups[group].count < minimum {
            let rank = ranking(groups[group])
            var best: (key: [Int], person: Int, from: Int)?
            for h in groups.indices where h != group && groups[h].count > minimum {
                for i in groups[h] where canJoin(i, groups[group]) {
                    let key = rank(i, h, groups[h].count)
                    if best == nil || key.lexicographicallyPrecedes(best!.key) { best = (key, i, h) }
                }
            }
            guard let (_, i, h) = best else { return false }
            groups[h].removeAll { $0 == i }
            groups[group].append(i)
        }
        return true
    }
}
