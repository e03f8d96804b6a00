import Foundation
import IntervisionKit

/// What `intervision replan` prints.
enum ReplanText {
    static func summary(_ replanned: ReplannedProgramme) -> String {
        let r = replanned.result, before = replanned.before
        let p = r.programme.participants
        var lines = [
            "\(r.programme.config.name): plan version \(r.version) (was \(before.version)); "
                + "history before \(replanned.from) unchanged", "",
        ]
        let left = r.programme.dropped.subtracting(before.programme.dropped).count
        let joined = p.count - before.programme.participants.count
        lines.append(
            "left \(left), joined \(joined); \(r.programme.active.count) participants in "
                + "\(r.grouping.groups.count) groups"
        )
        lines.append(
            "moves \(r.moves.count) (proven minimum \(r.movesBound)), groups dissolved \(r.dissolved.count) "
                + "(proven minimum \(r.dissolvedBound))")
        for m in r.moves { lines.append("  \(p[m.participant].name): \(m.from) → \(m.to)") }
        for id in r.dissolved { lines.append("  \(id) dissolved; its remaining meetings are cancelled") }
        if !r.manualDeltas.isEmpty {
            lines.append("your moves and swaps: " + r.manualDeltas.map(\.description).joined(separator: ", "))
        }
        if !r.newWishes.isEmpty {
            let kinds = Dictionary(grouping: r.newWishes, by: \.kind.rawValue).mapValues(\.count)
            lines.append(
                "wishes added: \(r.newWishes.count) ("
                    + kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                    + "), all honoured")
        }
        for id in r.newGroups {
            let g = r.grouping.groups.first { $0.id == id }
            let f = r.schedule.facilitatorOf[id].flatMap { r.programme.facilitators?[$0].name }
            let held = r.schedule.meetings(of: id).filter { !$0.cancelled }
            lines.append(
                "new group \(id) for late joiners: \(g?.members.count ?? 0) members"
                    + (f.map { ", facilitator \($0)" } ?? "")
                    + (held.isEmpty ? "" : ", \(held.count) meetings from \(held[0].date)"))
        }
        if !r.handovers.isEmpty {
            let f = r.programme.facilitators ?? []
            lines.append(
                "new facilitators: \(r.handovers.count) group\(r.handovers.count == 1 ? "" : "s") (proven minimum "
                    + "\(r.handoversBound))")
            for h in r.handovers {
                let next = r.schedule.facilitatorOf[h.group].map { f[$0].name } ?? "–"
                lines.append("  \(h.group): \(f[h.facilitator].name) → \(next)")
            }
        }
        let recorded = r.schedule.meetings.filter { m in
            m.present != nil
                && !(replanned.before.schedule.meetings.contains {
                    $0.group == m.group && $0.number == m.number && $0.present == m.present
                })
        }
        if !recorded.isEmpty {
            let absent = recorded.reduce(0) { $0 + $1.members.count - ($1.present?.count ?? 0) }
            lines.append(
                "attendance recorded for \(recorded.count) meeting(s): \(absent) absence(s); see attendance.csv")
        }
        if !r.lockedNow.isEmpty { lines.append("locked now: " + r.lockedNow.joined(separator: ", ")) }
        if !r.unlockedNow.isEmpty { lines.append("unlocked: " + r.unlockedNow.joined(separator: ", ")) }
        if !r.locked.isEmpty {
            lines.append("locked groups (nobody moves in or out): " + r.locked.joined(separator: ", "))
        }
        var objectives = r.grouping.objectives.map {
            "\($0.objective.metric) \($0.value) (bound \($0.bound)\($0.optimal ? ", optimal" : ""))"
        }
        if !r.programme.metBefore.isEmpty {
            // In its place in the organiser's order, with the plan's bound (earlier groups dealt evenly).
            let n = r.programme.repeatedPairs(r.grouping.groups.map(\.members))
            objectives.insert(
                "fresh \(n) pairs who met before (bound \(r.programme.freshBound)"
                    + (n == r.programme.freshBound ? ", optimal)" : ")"),
                at: min(r.programme.config.freshPlace, objectives.count))
        }
        lines += objectives
        let dates = r.changedMeetings.filter { $0.before.date != $0.after.date }.count
        let cancelled = r.changedMeetings.filter { $0.after.cancelled && !$0.before.cancelled }.count
        lines.append(
            "meetings changed: \(r.changedMeetings.count) (\(dates) new date\(dates == 1 ? "" : "s"), "
                + "\(cancelled) cancelled)")
        let who = replanned.recipients
        let changes = (replanned.folder as NSString).appendingPathComponent("changes.md")
        lines.append(
            "send new files to \(who.facilitators.count) facilitator(s) and "
                + "\(Set(who.groups.flatMap(\.members)).count) participant(s) — see \(changes)")
        return lines.joined(separator: "\n") + "\n"
    }
}
