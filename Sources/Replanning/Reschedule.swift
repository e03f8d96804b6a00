import Foundation
import Grouping
import Intake
import RunControl
import Scheduling

extension Replanner {
    /// The meetings of version N+1 and the future ones that changed. Meetings before `from` and meetings
    /// already cancelled are copied unchanged (history); a dissolved group's later meetings are cancelled;
    /// the others keep their dates unless a rule forces a move, and their rotation is rebalanced when the
    /// group's membership changed. An event whose visible content changed gets the next SEQUENCE.
    static func reschedule(
        _ programme: Programme, _ current: CurrentPlan, _ groups: [Group], dissolved: Set<String>,
        _ request: ReplanRequest, now: Date, budget: RunBudget, newLeader: Set<String> = [], previous: [Meeting]? = nil,
        rotate: Set<String> = [], blocked: [String: Set<Day>] = [:],
        extraTurns: [String: Int] = [:]
    ) throws(ReplanFailure) -> ([Meeting], [MeetingChange]) {
        let old = current.schedule.meetings
        let stamp = now.timeIntervalSince1970
        let isHistory: (Meeting) -> Bool = { $0.date < request.from || $0.cancelled }
        let newDates: [String: [Day]]
        do {
            newDates = try Scheduler.redate(
                programme, groups, meetings: old, facilitatorOf: current.schedule.facilitatorOf,
                from: request.from, budget: budget, blocked: blocked)
        } catch {
            switch error {
            case .impossible(let why): throw .impossible(why)
            case .invalidInput(let m, let fix, let dutch): throw .invalidInput(m, fix: fix, dutch: dutch)
            case .internalError(let m): throw .internalError(m)
            }
        }
        // Cases brought so far, anywhere in the programme: the rotation counts history, not just this group.
        var brought: [Int: Int] = [:]
        // A turn counts when the bringer was there (attendance recorded) or nothing is known.
        for m in old where m.date < request.from && !m.cancelled {
            for i in m.caseBringers where m.present?.contains(i) ?? true { brought[i, default: 0] += 1 }
        }
        let byGroup = Dictionary(grouping: groups, by: \.id).mapValues { $0[0] }
        var result: [Meeting] = [], changes: [MeetingChange] = []
        for id in Array(Set(old.map(\.group))).sorted() {
            let mine = old.filter { $0.group == id }.sorted { $0.number < $1.number }
            guard let g = byGroup[id] else {
                // Dissolved now (or earlier): what has not happened yet is cancelled.
                for m in mine {
                    var n = m
                    if !isHistory(m) { n.cancelled = true }
                    result.append(n)
                }
                continue
            }
            var future = mine.filter { !isHistory($0) }
            let membershipChanged = Set(g.members) != Set(future.first?.members ?? g.members)
            for k in future.indices {
                if let dates = newDates[id] { future[k].date = dates[future[k].number - 1] }
                future[k].members = g.members
                future[k].absent = Scheduler.unavailable(g.members, on: future[k].date, programme)
            }
            if membershipChanged || newDates[id] != nil || rotate.contains(id) {
                // A meeting dropped in this replan: its case bringers keep their place in the order, and its
                // case slots go to the later meetings, one extra each, so nobody loses their turn (the same for
                // turns missed by absence).
                let wasPlanned = Set((previous ?? old).filter { $0.group == id && !$0.cancelled }.map(\.number))
                let dropped = mine.filter {
                    $0.cancelledAlone && $0.date >= request.from && wasPlanned.contains($0.number)
                }
                var turn: [Int: Int] = [:]
                let order = (dropped + future).sorted { $0.number < $1.number }.flatMap(\.caseBringers)
                for (n, i) in order.enumerated() where turn[i] == nil { turn[i] = n }
                var slots = future.map(\.caseBringers.count)
                let later = future.indices.filter { k in dropped.contains { future[k].number > $0.number } }
                let targets = later.isEmpty ? Array(future.indices) : later
                // Turns missed by absence (attendance) get a slot too.
                let extra = dropped.reduce(0) { $0 + $1.caseBringers.count } + (extraTurns[id] ?? 0)
                for n in 0..<(targets.isEmpty ? 0 : extra) {
                    slots[targets[n % targets.count]] += 1
                }
                let bringers = Scheduler.rebalance(
                    group: id, members: g.members, slots: slots,
                    absent: future.map(\.absent), brought: brought, previousTurn: turn)
                for k in future.indices { future[k].caseBringers = bringers[k] }
            }
            // Look-back: the previous meeting's bringers who are still in the group.
            var previous = mine.last { $0.date < request.from && !$0.cancelled }
            for k in future.indices {
                future[k].lookBack = previous.map { $0.caseBringers.filter(g.members.contains) } ?? []
                previous = future[k]
            }
            let kept = mine.filter(isHistory)
            result += kept + future
        }
        result.sort { ($0.group, $0.number) < ($1.group, $1.number) }
        // Venues follow the config as it is now (a changed venues file moves later meetings, not past ones).
        for k in result.indices where !isHistory(result[k]) {
            result[k].place(programme.config, region: byGroup[result[k].group]?.homeRegion)
        }
        // Compared with the plan as it was, before the organiser's own meeting moves.
        let before = Dictionary(uniqueKeysWithValues: (previous ?? old).map { ("\($0.group)#\($0.number)", $0) })
        for k in result.indices {
            // A new group's meetings are new events (sequence 0), listed with the group rather than as changes.
            guard let was = before["\(result[k].group)#\(result[k].number)"] else { continue }
            let handed = newLeader.contains(result[k].group) && !isHistory(result[k])
            if !result[k].sameContent(as: was) || handed {
                result[k].sequence = was.sequence + 1
                result[k].stamp = stamp
                changes.append(
                    MeetingChange(group: result[k].group, number: result[k].number, before: was, after: result[k]))
            }
        }
        return (result, changes)
    }
}
