import Foundation
import Intake
import Replanning
import Scheduling

/// `changes.md`: what a replan changed and exactly who must receive which new files.
public enum ChangesFile {
    /// Who must receive new files after a replan.
    public struct Recipients: Sendable {
        /// Facilitator index → rota files to resend.
        public var facilitators: [(index: Int, files: [String])]
        /// Group id → members who must receive that group's new files.
        public var groups: [(id: String, members: [Int])]
    }

    /// Groups whose calendar or membership changed, and the facilitators leading them.
    public static func recipients(_ r: ReplanResult, before: CurrentPlan) -> Recipients {
        var touched = Set(r.changedMeetings.map(\.group))
        let old = Dictionary(uniqueKeysWithValues: before.groups.map { ($0.id, Set($0.members)) })
        for g in r.grouping.groups where old[g.id] != Set(g.members) { touched.insert(g.id) }
        touched.formUnion(r.dissolved)
        touched.formUnion(r.newGroups)
        var byFacilitator: [Int: Set<String>] = [:]
        for id in touched { if let f = r.schedule.facilitatorOf[id] { byFacilitator[f, default: []].insert(id) } }
        // A facilitator who handed a group over receives its cancellations.
        for h in r.handovers { byFacilitator[h.facilitator, default: []].insert(h.group) }
        let names = RotaFiles.facilitatorFiles(r.programme, r.schedule)
        let facilitators = byFacilitator.keys.sorted().map { f -> (index: Int, files: [String]) in
            (f, names[f].map { ["rota/\($0).ics", "rota/\($0).csv"] } ?? [])
        }
        let groups = touched.sorted().map { id -> (id: String, members: [Int]) in
            let now = r.grouping.groups.first { $0.id == id }?.members ?? []
            // Members who left the group (moved or dissolved) get its cancellations too; dropouts do not.
            let left = (old[id] ?? []).filter { !now.contains($0) && !r.programme.dropped.contains($0) }
            return (id, (now + left).sorted())
        }
        return Recipients(facilitators: facilitators, groups: groups)
    }

    /// Locks, wishes and facilitator handovers of this replan, one line each.
    static func steering(_ r: ReplanResult, _ w: Words) -> [String] {
        let p = r.programme.participants, f = r.programme.facilitators ?? []
        var md: [String] = []
        let dates = DateText(language: r.programme.config.lang)
        for id in r.newGroups {
            let held = r.schedule.meetings(of: id).filter { !$0.cancelled }
            let leader = r.schedule.facilitatorOf[id].map { f[$0].name } ?? "–"
            md.append(
                "- " + w.t("Nieuwe groep", "New group") + ": \(id) — "
                    + w.count(
                        r.grouping.groups.first { $0.id == id }?.members.count ?? 0, "deelnemer", "deelnemers",
                        "member",
                        "members") + ", " + w.t("begeleider", "facilitator") + " \(leader), "
                    + w.t("bijeenkomsten", "meetings") + " " + held.map { dates.short($0.date) }.joined(separator: ", ")
            )
        }
        for h in r.handovers {
            let next = r.schedule.facilitatorOf[h.group].map { f[$0].name } ?? "–"
            md.append(
                "- " + w.t("Nieuwe begeleider", "New facilitator") + ": \(h.group) "
                    + w.t("van \(f[h.facilitator].name) naar \(next)", "from \(f[h.facilitator].name) to \(next)"))
        }
        if !r.handovers.isEmpty {
            md.append(
                "- " + w.t("Groepen met een nieuwe begeleider", "Groups with a new facilitator")
                    + ": **\(r.handovers.count)** (" + w.t("bewezen minimum", "proven minimum")
                    + " \(r.handoversBound))")
        }
        for x in f where x.leftOn != nil && r.handovers.contains(where: { $0.facilitator == x.index }) {
            md.append("- " + w.t("Begeleider gestopt", "Facilitator left") + ": \(x.name)")
        }
        for id in r.lockedNow {
            md.append(
                "- " + w.t("Vastgezet", "Locked") + ": \(id) — "
                    + w.t(
                        "niemand gaat erin of eruit tot het wordt vrijgegeven", "nobody moves in or out until unlocked")
            )
        }
        for id in r.unlockedNow { md.append("- " + w.t("Vrijgegeven", "Unlocked") + ": \(id)") }
        for wish in r.newWishes {
            let other = wish.kind.aboutFacilitator ? f[wish.other].name : p[wish.other].name
            md.append(
                "- " + w.t("Nieuwe wens", "New wish") + " (\(w.t(wish.kind.dutch, wish.kind.rawValue)), "
                    + "\(wish.place)): \(p[wish.person].name) – \(other)")
        }
        return md
    }

    /// The text of `changes.md` in the programme's language: who left, joined or moved, which meetings changed,
    /// who gets which files.
    public static func markdown(_ r: ReplanResult, before: CurrentPlan, from: Day) -> String {
        let p = r.programme.participants
        let w = Words(language: r.programme.config.lang), dates = DateText(language: r.programme.config.lang)
        let name = { (i: Int) in "\(p[i].name) <\(p[i].email)>" }
        var md = [
            "# \(r.programme.config.name): " + w.t("wijzigingen in planversie", "changes in plan version")
                + " \(r.version)", "",
            w.t(
                "Vergeleken met versie \(before.version). Bijeenkomsten vóór \(dates.short(from)) zijn geschiedenis "
                    + "en blijven ongewijzigd.",
                "Compared with version \(before.version). Meetings before \(dates.short(from)) are history and "
                    + "unchanged."),
            "",
        ]
        let dropped = r.programme.dropped.subtracting(before.programme.dropped).sorted()
        let groupOf = Dictionary(uniqueKeysWithValues: before.groups.flatMap { g in g.members.map { ($0, g.id) } })
        let newGroupOf = Dictionary(
            uniqueKeysWithValues: r.grouping.groups.flatMap { g in g.members.map { ($0, g.id) } })
        md += ["## " + w.t("Mensen", "People"), ""]
        md.append(
            w.t(
                "- Verplaatst: **\(r.moves.count)** (bewezen minimum \(r.movesBound)); opgeheven groepen: "
                    + "**\(r.dissolved.count)** (bewezen minimum \(r.dissolvedBound)).",
                "- Moved: **\(r.moves.count)** (proven minimum \(r.movesBound)); groups dissolved: "
                    + "**\(r.dissolved.count)** (proven minimum \(r.dissolvedBound))."))
        for i in dropped.sorted(by: { (groupOf[$0] ?? "", p[$0].name) < (groupOf[$1] ?? "", p[$1].name) }) {
            md.append("- " + w.t("Gestopt", "Left") + ": \(p[i].name) (\(groupOf[i] ?? "–"))")
        }
        let joiners = p.indices.filter { $0 >= before.programme.participants.count }
        for i in joiners { md.append("- " + w.t("Nieuw", "Joined") + ": \(p[i].name) → \(newGroupOf[i] ?? "–")") }
        for m in r.moves {
            md.append(
                "- " + w.t("Verplaatst", "Moved") + ": \(p[m.participant].name) " + w.t("van", "from")
                    + " \(m.from) " + w.t("naar", "to") + " \(m.to)")
        }
        for id in r.dissolved {
            md.append(
                "- " + w.t("Opgeheven", "Dissolved") + ": \(id) — "
                    + w.t(
                        "de bijeenkomsten vanaf \(dates.short(from)) vervallen",
                        "its meetings from \(dates.short(from)) on are cancelled"))
        }
        md += steering(r, w)
        md += ["", "## " + w.t("Bijeenkomsten", "Meetings"), ""]
        if r.changedMeetings.isEmpty {
            md.append(w.t("Geen bijeenkomst gewijzigd.", "No meeting changed."))
        } else {
            md.append("| " + w.t("groep | bijeenkomst | wijziging", "group | meeting | change") + " |")
            md.append("|---|---:|---|")
            for c in r.changedMeetings {
                var what: [String] = []
                if c.after.cancelled && !c.before.cancelled {
                    what.append(w.t("vervallen", "cancelled"))
                } else {
                    if c.before.date != c.after.date {
                        what.append(
                            w.t("datum", "date") + " \(dates.short(c.before.date)) → \(dates.short(c.after.date))")
                    }
                    if let h = r.handovers.first(where: { $0.group == c.group }), c.after.date >= h.from,
                        let f = r.programme.facilitators, let next = r.schedule.facilitatorOf[c.group]
                    {
                        what.append(w.t("begeleider", "facilitator") + " \(f[h.facilitator].name) → \(f[next].name)")
                    }
                    if c.before.caseBringers != c.after.caseBringers {
                        what.append(
                            w.t("casusinbrenger", "case bringer") + " "
                                + "\(c.before.caseBringers.map { p[$0].name }.joined(separator: ", ")) → "
                                + "\(c.after.caseBringers.map { p[$0].name }.joined(separator: ", "))")
                    }
                    if c.before.members != c.after.members {
                        what.append(w.t("deelnemers gewijzigd", "members changed"))
                    }
                    if c.before.location != c.after.location {
                        let none = w.t("geen", "none")
                        what.append(
                            w.t("locatie", "venue") + " \(c.before.location ?? none) → \(c.after.location ?? none)")
                    }
                    if c.before.online != c.after.online {
                        what.append(w.t("online link gewijzigd", "online link changed"))
                    }
                    if c.before.lookBack != c.after.lookBack && what.isEmpty {
                        what.append(w.t("terugblik gewijzigd", "look-back changed"))
                    }
                }
                md.append("| \(c.group) | \(c.number) | \(what.joined(separator: "; ")) |")
            }
        }
        md.append("")
        md += recipientsSection(r, before: before, dropped: dropped, words: w, name: name)
        return md.joined(separator: "\n") + "\n"
    }

    static func recipientsSection(
        _ r: ReplanResult, before: CurrentPlan, dropped: [Int], words w: Words, name: (Int) -> String
    ) -> [String] {
        let p = r.programme.participants
        let who = recipients(r, before: before)
        var md = ["## " + w.t("Stuur nieuwe bestanden naar", "Send new files to"), ""]
        if who.facilitators.isEmpty && who.groups.isEmpty {
            md.append(w.t("Niemand: geen agenda is gewijzigd.", "Nobody: no calendar changed."))
        }
        if !who.facilitators.isEmpty {
            md.append("### " + w.t("Begeleiders", "Facilitators"))
            for f in who.facilitators {
                let fac = r.programme.facilitators![f.index]
                md.append("- \(fac.name) <\(fac.email)>: \(f.files.joined(separator: ", "))")
            }
            md.append("")
        }
        if !who.groups.isEmpty {
            md.append("### " + w.t("Deelnemers", "Participants"))
            for g in who.groups {
                md.append(
                    "- \(g.id) (rota/group-\(g.id).ics, rota/group-\(g.id).csv): "
                        + "\(g.members.map(name).joined(separator: "; "))")
            }
            // Each of them, and everyone who left, also has a calendar of their own (cancellations included).
            let files = RotaFiles.personalFiles(r.programme, r.schedule)
            let people = Set(who.groups.flatMap(\.members)).union(dropped).sorted {
                (p[$0].name, $0) < (p[$1].name, $1)
            }
            let lines = people.compactMap { i in files[i].map { "- \(name(i)): rota/people/\($0).ics" } }
            if !lines.isEmpty {
                md += ["", "### " + w.t("Persoonlijke agenda's", "Personal calendars")] + lines
            }
            md += [
                "",
                w.t(
                    "`plan.xlsx` en `mailmerge.xlsx`/`.csv` zijn bijgewerkt; voeg voor een nieuwe mailing de rijen van "
                        + "de mensen hierboven samen.",
                    "`plan.xlsx` and `mailmerge.xlsx`/`.csv` are updated; for a new mailing, merge the rows of the "
                        + "people above."),
            ]
        }
        return md
    }
}
