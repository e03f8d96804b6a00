import Foundation

extension ProgrammeReader {
    /// Reads late joiners (the sign-up columns) against the participants already in a plan and returns the
    /// combined list: joiners appended with the next indices, `reports_to` resolved across both, so a joiner
    /// whose manager is already in the programme is kept apart from them.
    public static func joiners(_ file: InputFile, existing: [Participant], config: ProgrammeConfig)
        throws(IntakeFailure) -> (participants: [Participant], warnings: [Diagnostic])
    {
        var sink = DiagnosticSink(file: file.name)
        var joiners = SignupReader.read(
            file, levels: Levels.table(overrides: config.levels), sink: &sink)
        let known = Dictionary(existing.map { ($0.emailKey, $0) }, uniquingKeysWith: { a, _ in a })
        for j in joiners {
            if let p = known[j.emailKey] {
                sink.error(
                    line: j.line, field: "email", "\(j.email) is already in the plan (\(p.name))",
                    fix: "remove this row: only people who are not in the programme yet can be added",
                    nl: .init(
                        "\(j.email) staat al in het plan (\(p.name))",
                        fix: "haal deze rij weg: alleen wie nog niet meedoet kan worden toegevoegd"))
            }
        }
        var all = existing
        let offset = existing.count
        var resolvedLines = Set<Int>()
        for k in joiners.indices {
            joiners[k].index += offset
            joiners[k].managerIndex = joiners[k].managerIndex.map { $0 + offset }
            if joiners[k].managerIndex == nil, let boss = joiners[k].reportsTo?.lowercased(), let m = known[boss] {
                joiners[k].managerIndex = m.index
                resolvedLines.insert(joiners[k].line)
            }
        }
        // Someone already in the plan whose manager was not taking part may now have them as a joiner.
        let joinerByEmail = Dictionary(joiners.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        for i in all.indices where all[i].managerIndex == nil {
            if let boss = all[i].reportsTo?.lowercased(), let j = joinerByEmail[boss] { all[i].managerIndex = j }
        }
        all += joiners
        // Joiners write "utrecht" where the plan says "Utrecht": the plan's spelling wins.
        Spellings.unify(&all)
        var diagnostics = sink.items.filter {
            !($0.severity == .warning && $0.field == "reports_to" && resolvedLines.contains($0.line ?? -1))
        }
        diagnostics += holidayRegionChecks(joiners, config, signups: file.name)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            throw IntakeFailure(diagnostics: diagnostics)
        }
        return (all, diagnostics)
    }
}
