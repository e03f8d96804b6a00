import Intake
import Scheduling

extension PlanDocument {
    /// Everything wrong with a plan file that was edited by hand, truncated or written by a buggy tool, as
    /// (JSON path, problem): numbers outside their ranges and references to people, groups or facilitators that
    /// do not exist. A replan starts only from a document without any, so a damaged file is refused with where
    /// it is damaged instead of crashing or planning from nonsense.
    package func problems() -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        if !(1...1_000_000).contains(version) { out.append(("version", "\(version) is outside 1…1000000")) }
        out += config.problems().map { ("config.\($0.key)", $0.message) }
        var emails = Set<String>()
        for (n, p) in participants.enumerated() {
            let at = "participants[\(n)]"
            if p.index != n { out.append(("\(at).index", "\(p.index) should be \(n)")) }
            if !emails.insert(p.emailKey).inserted { out.append(("\(at).email", "\(p.email) appears twice")) }
            if !Levels.range.contains(p.level) { out.append(("\(at).level", "\(p.level) is outside 1…20")) }
            if let m = p.managerIndex, !participants.indices.contains(m) || m == n {
                out.append(("\(at).managerIndex", "\(m) is not another participant"))
            }
        }
        var facilitatorEmails = Set<String>()
        for (n, f) in (facilitators ?? []).enumerated() {
            let at = "facilitators[\(n)]"
            if f.index != n { out.append(("\(at).index", "\(f.index) should be \(n)")) }
            if !facilitatorEmails.insert(f.email.lowercased()).inserted {
                out.append(("\(at).email", "\(f.email) appears twice"))
            }
            if !(1...100).contains(f.maxGroups) { out.append(("\(at).maxGroups", "\(f.maxGroups) is outside 1…100")) }
        }
        let known = { (email: String) in emails.contains(email.lowercased()) }
        for (n, email) in (dropped ?? []).enumerated() where !known(email) {
            out.append(("dropped[\(n)]", "\(email) is not a participant"))
        }
        var ids = Set<String>(), placed = Set<String>()
        for (n, g) in groups.enumerated() {
            let at = "groups[\(n)]"
            if !ids.insert(g.id).inserted { out.append(("\(at).id", "\(g.id) appears twice")) }
            if g.members.isEmpty { out.append(("\(at).members", "\(g.id) has no members")) }
            for email in g.members {
                if !known(email) { out.append(("\(at).members", "\(email) is not a participant")) }
                if !placed.insert(email.lowercased()).inserted {
                    out.append(("\(at).members", "\(email) is in more than one group"))
                }
            }
            if let f = g.facilitator, !facilitatorEmails.contains(f.lowercased()) {
                out.append(("\(at).facilitator", "\(f) is not a facilitator"))
            }
        }
        for (id, f) in (cancelledGroupFacilitators ?? [:]).sorted(by: { $0.key < $1.key })
        where !facilitatorEmails.contains(f.lowercased()) {
            out.append(("cancelledGroupFacilitators.\(id)", "\(f) is not a facilitator"))
        }
        var seen = Set<String>()
        // A dissolved group is no longer among the groups, but its meetings before the replan happened: they stay
        // planned as history, and the rest are cancelled.
        let dissolved = Set(meetings.filter { $0.status == "cancelled" }.map(\.group))
        for (n, m) in meetings.enumerated() {
            let at = "meetings[\(n)]"
            if !(1...config.schedule.meetings).contains(m.number) {
                out.append(("\(at).number", "\(m.number) is outside 1…\(config.schedule.meetings)"))
            }
            if !seen.insert("\(m.group) \(m.number)").inserted {
                out.append(("\(at)", "meeting \(m.number) of \(m.group) appears twice"))
            }
            if !["planned", "cancelled"].contains(m.status) {
                out.append(("\(at).status", "\"\(m.status)\" is unknown"))
            }
            if m.status == "planned" && !ids.contains(m.group) && !dissolved.contains(m.group) {
                out.append(("\(at).group", "\(m.group) is not a group of this plan"))
            }
            if !(0...1_000_000).contains(m.sequence) { out.append(("\(at).sequence", "\(m.sequence) is out of range")) }
            if let start = Clock.minutes(m.start), let end = Clock.minutes(m.end) {
                if !(start < end && end <= 24 * 60) {
                    out.append(("\(at).end", "\(m.start)–\(m.end) is not a meeting time"))
                }
            } else {
                out.append(("\(at).start", "\(m.start)–\(m.end) is not a meeting time"))
            }
            let people = m.caseBringers + m.lookBack + m.absent + (m.members ?? [])
            for email in people where !known(email) { out.append(("\(at)", "\(email) is not a participant")) }
        }
        return out
    }
}
