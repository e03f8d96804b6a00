/// Wishes that cannot all hold, found before any solving and named with their rows: a pair both apart and
/// together, together with someone a rule keeps apart, more people bound together than a group holds, and
/// facilitator wishes that exclude each other or a facilitator's own ties.
enum WishCheck {
    static func problems(_ wishes: [Wish], _ programme: Programme) -> [Diagnostic] {
        let p = programme.participants, f = programme.facilitators ?? []
        var out: [Diagnostic] = []
        func error(_ w: Wish, _ message: String, fix: String, nl: Diagnostic.Dutch) {
            // About the whole row, so no column: a field named by the kind would be English in a Dutch file.
            var d = Diagnostic(.error, file: w.source, line: w.line, message, fix: fix)
            d.dutch = nl
            out.append(d)
        }
        let together = wishes.filter { $0.kind == .together }
        let apart = wishes.filter { $0.kind == .apart }
        for t in together {
            if let a = apart.first(where: { Set([$0.person, $0.other]) == Set([t.person, t.other]) }) {
                error(
                    t, "\(p[t.person].name) and \(p[t.other].name) are wished both together and apart (\(a.place))",
                    fix: "keep one of the two wishes",
                    nl: .init(
                        "\(p[t.person].name) en \(p[t.other].name) moeten volgens de wensen zowel samen als niet samen "
                            + "(\(a.dutchPlace))", fix: "houd een van de twee wensen"))
            }
            for rule in programme.conflicts.rules(between: t.person, t.other) where rule != .wishes {
                error(
                    t,
                    "\(p[t.person].name) and \(p[t.other].name) are wished together, but rule `\(rule.rawValue)` "
                        + "keeps them apart: \(rule.explanation)",
                    fix: "delete the wish, or leave `\(rule.rawValue)` out of [rules] separate",
                    nl: .init(
                        "\(p[t.person].name) en \(p[t.other].name) moeten samen, maar regel `\(rule.rawValue)` houdt "
                            + "hen uit elkaar: \(rule.dutchExplanation)",
                        fix: "verwijder de wens, of haal `\(rule.rawValue)` uit [rules] separate"))
            }
        }
        let maxSize = programme.config.groups.maxSize
        let sets = wishes.togetherSets
        for set in sets {
            let members = Set(set)
            let rows = together.filter { members.contains($0.person) }
            let lines = rows.compactMap(\.line).map(String.init).joined(separator: ", ")
            if set.count > maxSize {
                error(
                    rows[0],
                    "the \(rows.count) wishes `together` on lines \(lines) "
                        + "put \(set.count) people in one group; groups hold at most \(maxSize)",
                    fix: "split them over fewer wishes, or raise max_size",
                    nl: .init(
                        "de \(rows.count) wensen `samen` op regels \(lines) zetten \(set.count) mensen in één groep; "
                            + "een groep heeft hoogstens \(maxSize) deelnemers",
                        fix: "verdeel ze over minder wensen, of verhoog max_size"))
            }
            for a in apart where members.contains(a.person) && members.contains(a.other) {
                if !together.contains(where: { Set([$0.person, $0.other]) == Set([a.person, a.other]) }) {
                    error(
                        a,
                        "\(p[a.person].name) and \(p[a.other].name) are wished apart, but `together` wishes "
                            + "(lines \(lines)) put them in one group",
                        fix: "drop this wish or one of the together wishes",
                        nl: .init(
                            "\(p[a.person].name) en \(p[a.other].name) moeten uit elkaar, maar wensen `samen` "
                                + "(regels \(lines)) zetten hen in één groep",
                            fix: "laat deze wens of een van de wensen `samen` vallen"))
                }
            }
            let led = wishes.filter { $0.kind == .facilitator && members.contains($0.person) }
            if Set(led.map(\.other)).count > 1 {
                error(
                    led[1],
                    "\(p[led[1].person].name)'s group is wished to be led by \(f[led[1].other].name), but "
                        + "\(led[0].place) wishes \(f[led[0].other].name) for the same group",
                    fix: "keep one facilitator wish per group",
                    nl: .init(
                        "voor de groep van \(p[led[1].person].name) is \(f[led[1].other].name) gewenst als begeleider, "
                            + "maar de wens in \(led[0].dutchPlace) vraagt \(f[led[0].other].name) voor dezelfde groep",
                        fix: "houd één begeleiderswens per groep"))
            }
            for not in wishes where not.kind == .notFacilitator && members.contains(not.person) {
                if let yes = led.first(where: { $0.other == not.other }) {
                    error(
                        not,
                        "\(f[not.other].name) is wished both to lead and not to lead \(p[not.person].name)'s group "
                            + "(\(yes.place))", fix: "keep one of the two wishes",
                        nl: .init(
                            "\(f[not.other].name) moet de groep van \(p[not.person].name) volgens de wensen zowel "
                                + "wel als niet begeleiden (\(yes.dutchPlace))", fix: "houd een van de twee wensen"))
                }
            }
        }
        for w in wishes where w.kind == .facilitator {
            if let school = f[w.other].schools.first(where: { Text.key($0) == Text.key(p[w.person].school) }) {
                error(
                    w,
                    "\(f[w.other].name) is tied to \(school) (facilitators file) and may not lead the group of "
                        + "\(p[w.person].name), who works there",
                    fix: "delete the wish, or the tie in the facilitators file",
                    nl: .init(
                        "\(f[w.other].name) is verbonden aan \(school) (bestand met begeleiders) en mag de groep van "
                            + "\(p[w.person].name), die daar werkt, niet begeleiden",
                        fix: "verwijder de wens, of de band in het bestand met begeleiders"))
            }
        }
        for w in wishes where w.kind == .facilitator {
            let single = !sets.contains { $0.contains(w.person) }
            if single,
                let other = wishes.first(where: {
                    $0.kind == .facilitator && $0.person == w.person && $0.other != w.other
                        && ($0.line ?? 0) < (w.line ?? 0)
                })
            {
                error(
                    w,
                    "\(p[w.person].name) is wished with two facilitators: \(f[other.other].name) (\(other.place)) and "
                        + "\(f[w.other].name)", fix: "keep one facilitator wish per person",
                    nl: .init(
                        "voor \(p[w.person].name) zijn twee begeleiders gewenst: \(f[other.other].name) "
                            + "(\(other.dutchPlace)) en \(f[w.other].name)",
                        fix: "houd één begeleiderswens per deelnemer"))
            }
            if single,
                let not = wishes.first(where: {
                    $0.kind == .notFacilitator && $0.person == w.person && $0.other == w.other
                })
            {
                error(
                    not,
                    "\(f[w.other].name) is wished both to lead and not to lead \(p[w.person].name)'s group "
                        + "(\(w.place))", fix: "keep one of the two wishes",
                    nl: .init(
                        "\(f[w.other].name) moet de groep van \(p[w.person].name) volgens de wensen zowel wel als niet "
                            + "begeleiden (\(w.dutchPlace))", fix: "houd een van de twee wensen"))
            }
        }
        return out
    }
}
