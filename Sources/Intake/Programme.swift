import Foundation

/// Everything intake produces: validated inputs, the conflict model and the warnings to show.
public struct Programme: Sendable {
    /// The config, defaults filled in.
    public var config: ProgrammeConfig
    /// Everyone who signed up, in file order (joiners appended).
    public var participants: [Participant]
    /// nil when no facilitators file was given: every group then gets an unnamed facilitator slot.
    public var facilitators: [Facilitator]?
    /// Who is tied to whom under the `separate` rules.
    public var conflicts: ConflictModel
    /// Warnings found while reading (nothing that stops planning).
    public var warnings: [Diagnostic]
    /// Participants who left during the programme (replan); they keep their index for history.
    public var dropped: Set<Int> = []
    /// The organiser's wishes (`--wishes`, the `not_with` column): hard rules, kept through every replan.
    public var wishes: [Wish] = []
    /// Pairs who shared a group in an earlier cohort (`--previous`), whatever `met_before` says.
    public var metBefore: [MetPair] = []
    /// The pairs kept apart by rule `met_before` in this plan (all, some, or none of `metBefore`).
    public var metBeforeApart: [MetPair] = []
    /// The proven lower bound on repeated pairs (`fresh`): earlier groups spread as evenly as the groups allow.
    public var freshBound = 0

    /// Two participants (indices) who were in one group before.
    public struct MetPair: Sendable, Equatable, Hashable {
        /// The lower index.
        public var a: Int
        /// The higher index.
        public var b: Int
        /// The pair, in order.
        public init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    /// Whether repeated pairs are an objective to minimise (`fresh` at `config.freshPlace`) rather than kept apart
    /// by rule: `met_before = "avoid"` with no pairs kept apart — `fresh` ranked below another objective, or no plan
    /// keeping the dealt-round pairs apart.
    public var countsRepeats: Bool { config.metBeforeMode == .avoid && metBeforeApart.isEmpty && !metBefore.isEmpty }

    /// `fresh`: pairs who met before and share a group again in `groups`.
    public func repeatedPairs(_ groups: [[Int]]) -> Int {
        guard !metBefore.isEmpty else { return 0 }
        let met = Set(metBefore)
        var n = 0
        for g in groups {
            for (x, i) in g.enumerated() { for j in g[(x + 1)...] where met.contains(MetPair(i, j)) { n += 1 } }
        }
        return n
    }
}

extension Programme {
    /// A programme from values already validated, e.g. restored from a plan file. `dropped` participants stay
    /// in the list (history names them) but belong to no group any more.
    public init(
        config: ProgrammeConfig, participants: [Participant], facilitators: [Facilitator]?, dropped: Set<Int> = [],
        warnings: [Diagnostic] = [], wishes: [Wish] = [], metBefore: [MetPair] = [], metBeforeApart: [MetPair] = [],
        freshBound: Int = 0
    ) {
        self.init(
            config: config, participants: participants, facilitators: facilitators,
            conflicts: Self.ties(participants, rules: config.separate, wishes, facilitators, metBeforeApart),
            warnings: warnings)
        self.dropped = dropped
        self.wishes = wishes
        self.metBefore = metBefore
        self.metBeforeApart = metBeforeApart
        self.freshBound = freshBound
    }

    /// The same programme with `pairs` (a subset of `metBefore`) as rule `met_before`.
    public func keeping(apart pairs: [MetPair]) -> Programme {
        Programme(
            config: config, participants: participants, facilitators: facilitators, dropped: dropped,
            warnings: warnings, wishes: wishes, metBefore: metBefore, metBeforeApart: pairs, freshBound: freshBound)
    }

    /// Participants still taking part, in index order.
    public var active: [Int] { participants.indices.filter { !dropped.contains($0) } }
}

/// An input file's name (for messages) and contents.
public struct InputFile: Sendable {
    /// The name shown in messages (the file's last path component).
    public var name: String
    /// The bytes as read.
    public var data: Data
    /// For an Excel workbook: the sheet to read (nil: the first).
    public var sheet: String?
    /// A file from memory (an upload, a test); `sheet` picks a workbook's sheet.
    public init(name: String, data: Data, sheet: String? = nil) {
        self.name = name
        self.data = data
        self.sheet = sheet
    }

    /// Reads a file from disk; a missing or unreadable file becomes a diagnostic, not a crash.
    public static func read(_ path: String) throws(IntakeFailure) -> InputFile {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let message =
                !exists
                ? "no such file: \(path)"
                : isDirectory.boolValue ? "\(path) is a folder, not a file" : "cannot read \(path)"
            throw IntakeFailure(diagnostics: [
                Diagnostic(.error, file: name, message, fix: "check the path and permissions")
            ])
        }
        return InputFile(name: name, data: data)
    }
}

/// Stage 1 of the pipeline: reads and validates the sign-ups, facilitators and config in one pass.
public enum ProgrammeReader {
    /// Reads and validates all inputs in one pass. Throws `IntakeFailure` with every error (and the
    /// warnings) when anything is wrong; returns the programme with its warnings otherwise.
    public static func load(
        signups: InputFile, config: InputFile? = nil, facilitators: InputFile? = nil, wishes: InputFile? = nil
    ) throws(IntakeFailure) -> Programme {
        var diagnostics: [Diagnostic] = []
        var cfg = ProgrammeConfig()
        if let config {
            var sink = DiagnosticSink(file: config.name)
            if let text = String(data: config.data, encoding: .utf8) {
                cfg = ConfigReader.read(text, file: config.name, sink: &sink)
            } else {
                var line: Int?
                if case .notUTF8(let at, _) = CSVTable.invalidUTF8(in: [UInt8](config.data)) { line = at }
                sink.error(
                    line: line, "the config is not UTF-8 text", fix: "save the file as UTF-8",
                    nl: .init("de instellingen zijn geen UTF-8-tekst", fix: "sla het bestand op als UTF-8"))
            }
            diagnostics += sink.items
        }
        var signupSink = DiagnosticSink(file: signups.name)
        var notWith = SignupReader.NotWithCells()
        let participants = SignupReader.read(
            signups, levels: Levels.table(overrides: cfg.levels), sink: &signupSink, notWith: &notWith)
        diagnostics += signupSink.items
        var people: [Facilitator]?
        var facilitatorSheet: String?
        if let facilitators {
            var sink = DiagnosticSink(file: facilitators.name)
            people = FacilitatorReader.read(facilitators, sink: &sink)
            diagnostics += sink.items
            facilitatorSheet = sink.sheet
        }
        if !diagnostics.contains(where: { $0.severity == .error }) {
            var later = crossChecks(participants, people, signups: signups.name, facilitatorsFile: facilitators?.name)
            later += holidayRegionChecks(participants, cfg, signups: signups.name)
            // The checks across files know rows, not sheets; a workbook's rows are named with their sheet.
            for i in later.indices {
                if later[i].file == signups.name { later[i].sheet = signupSink.sheet }
                if later[i].file == facilitators?.name { later[i].sheet = facilitatorSheet }
            }
            diagnostics += later
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            throw IntakeFailure(diagnostics: diagnostics)
        }
        var programme = Programme(
            config: cfg, participants: participants, facilitators: people,
            conflicts: ConflictModel(participants: participants, rules: cfg.separate), warnings: diagnostics)
        let found = try readWishes(wishes, notWith: notWith, signups: signups.name, programme)
        if !found.isEmpty {
            programme = Programme(
                config: cfg, participants: participants, facilitators: people, warnings: diagnostics, wishes: found)
        }
        return programme
    }

    /// The `not_with` column and the wishes file as wishes, checked against each other and the rules.
    static func readWishes(
        _ file: InputFile?, notWith: SignupReader.NotWithCells, signups: String, _ programme: Programme
    ) throws(IntakeFailure) -> [Wish] {
        var columnSink = DiagnosticSink(file: signups)
        var found = WishReader.notWith(
            notWith.cells, participants: programme.participants, file: signups, sink: &columnSink,
            column: notWith.column)
        var fileSink = DiagnosticSink(file: file?.name ?? "wishes")
        if let file {
            found += WishReader.read(
                file, participants: programme.participants, facilitators: programme.facilitators, sink: &fileSink)
        }
        var problems = columnSink.items + fileSink.items
        if !problems.contains(where: { $0.severity == .error }) { problems += WishCheck.problems(found, programme) }
        guard !problems.contains(where: { $0.severity == .error }) else {
            throw IntakeFailure(diagnostics: programme.warnings + problems)
        }
        return found
    }

    /// With built-in Dutch holidays, every region must have a holiday region, or no date can be checked.
    static func holidayRegionChecks(_ p: [Participant], _ cfg: ProgrammeConfig, signups: String) -> [Diagnostic] {
        guard cfg.schedule.holidays == .nl, cfg.schedule.firstDate != nil else { return [] }
        var reported = Set<String>()
        return p.compactMap { person in
            guard HolidayRegions.of(person.region, overrides: cfg.regions) == nil,
                reported.insert(Text.key(person.region)).inserted
            else { return nil }
            return Diagnostic(
                .error, file: signups, line: person.line, field: "region",
                "region \"\(person.region)\" is not a Dutch province, so its school holidays are unknown",
                fix:
                    "add it to [regions] in the config, e.g. \"\(person.region)\" = \"midden\" (noord, midden or "
                    + "zuid), or set [schedule] holidays = \"none\""
            )
        }
    }

    /// Checks that need more than one row or file.
    static func crossChecks(_ p: [Participant], _ f: [Facilitator]?, signups: String, facilitatorsFile: String?)
        -> [Diagnostic]
    {
        var out: [Diagnostic] = []
        var keys = Text.KeyCache()
        let schools = Set(p.map { keys.key($0.school) })
        var reported = Set<String>()
        for person in p {
            for c in person.competitors where !schools.contains(keys.key(c)) && reported.insert(keys.key(c)).inserted {
                var warning = Diagnostic(
                    .warning, file: signups, line: person.line, field: "competitors",
                    "competitor school \"\(c)\" matches no participant's school; ignored",
                    fix:
                        "nothing to do if nobody from that school takes part; otherwise write the name as in "
                        + "the school column"
                ).inDutch(
                    "concurrerende school \"\(c)\" is de school van geen enkele deelnemer; genegeerd",
                    fix: "niets te doen als niemand van die school meedoet; anders de naam schrijven zoals in de kolom "
                        + "school")
                warning.kind = .unknownCompetitor
                out.append(warning)
            }
        }
        // Two people of one name: every list and calendar tells them apart by school, but the organiser should know.
        var byName: [String: [Participant]] = [:]
        for person in p { byName[person.name.lowercased(), default: []].append(person) }
        for person in p where byName[person.name.lowercased()]!.count > 1 {
            let others = byName[person.name.lowercased()]!.filter { $0.index != person.index }
            guard others.allSatisfy({ $0.index > person.index }) else { continue }
            var warning = Diagnostic(
                .warning, file: signups, line: person.line, field: "name",
                "\(others.count + 1) participants are called \"\(person.name)\" (lines "
                    + ([person.line] + others.map(\.line)).map(String.init).joined(separator: ", ") + ")",
                fix: "nothing to do if they are different people: lists and calendars add their school; "
                    + "if one signed up twice, remove the extra row"
            ).inDutch(
                "\(others.count + 1) deelnemers heten \"\(person.name)\" (regels "
                    + ([person.line] + others.map(\.line)).map(String.init).joined(separator: ", ") + ")",
                fix: "niets te doen als het verschillende mensen zijn: lijsten en agenda's noemen hun school erbij; "
                    + "als iemand zich twee keer aanmeldde, de extra regel verwijderen")
            warning.kind = .duplicateName
            out.append(warning)
        }
        if let f, let file = facilitatorsFile {
            let emails = Dictionary(p.map { ($0.emailKey, $0.line) }, uniquingKeysWith: { a, _ in a })
            for fac in f {
                if let line = emails[fac.email.lowercased()] {
                    out.append(
                        Diagnostic(
                            .error, file: file, line: fac.line, field: "email",
                            "\(fac.email) is also a participant (\(signups) line \(line))",
                            fix: "a facilitator leads groups and cannot be a member; remove one of the two rows"
                        ).inDutch(
                            "\(fac.email) is ook deelnemer (\(signups) regel \(line))",
                            fix: "een begeleider leidt groepen en kan geen lid zijn; verwijder een van de twee regels"))
                }
            }
        }
        return out
    }
}

extension ProgrammeReader {
    /// The programme with the wishes in `file` added to the ones it already keeps (`replan --wishes`): the file
    /// is read against everyone who ever took part, a wish it repeats is kept once, and the combined list is
    /// checked as a whole, so a new wish that contradicts an earlier one is refused with both rows.
    public static func adding(wishes file: InputFile, to programme: Programme) throws(IntakeFailure) -> Programme {
        var sink = DiagnosticSink(file: file.name)
        let read = WishReader.read(
            file, participants: programme.participants, facilitators: programme.facilitators, sink: &sink)
        guard !sink.items.contains(where: { $0.severity == .error }) else {
            throw IntakeFailure(diagnostics: sink.items)
        }
        var combined = programme.wishes
        for w in read where !combined.contains(where: { $0.sameWish(as: w) }) { combined.append(w) }
        // Wishes about people who left no longer bind anyone.
        let active = combined.filter { w in
            !programme.dropped.contains(w.person) && (w.kind.aboutFacilitator || !programme.dropped.contains(w.other))
        }
        let problems = WishCheck.problems(active, programme)
        guard !problems.contains(where: { $0.severity == .error }) else {
            throw IntakeFailure(diagnostics: sink.items + problems)
        }
        return Programme(
            config: programme.config, participants: programme.participants, facilitators: programme.facilitators,
            dropped: programme.dropped, warnings: programme.warnings, wishes: combined, metBefore: programme.metBefore,
            metBeforeApart: programme.metBeforeApart, freshBound: programme.freshBound)
    }
}

extension ProgrammeReader {
    /// The programme with the facilitators in `file` added after the ones it has (`replan --add-facilitators`):
    /// same columns and checks as the facilitators file of `plan`, and no email that is already a facilitator's or
    /// a participant's.
    public static func adding(facilitators file: InputFile, to programme: Programme) throws(IntakeFailure)
        -> Programme
    {
        var sink = DiagnosticSink(file: file.name)
        let read = FacilitatorReader.read(file, sink: &sink)
        let existing = programme.facilitators ?? []
        let taken = Set(existing.map { $0.email.lowercased() }), people = Set(programme.participants.map(\.emailKey))
        for f in read {
            if taken.contains(f.email.lowercased()) {
                sink.error(
                    line: f.line, field: "email", "\(f.email) is already a facilitator of this plan",
                    fix: "list only new facilitators; to change someone's availability use --facilitator-unavailable")
            } else if people.contains(f.email.lowercased()) {
                sink.error(
                    line: f.line, field: "email", "\(f.email) is a participant of this plan",
                    fix: "a facilitator cannot also take part; check the email")
            }
        }
        guard !sink.items.contains(where: { $0.severity == .error }) else {
            throw IntakeFailure(diagnostics: sink.items)
        }
        var out = programme
        out.facilitators =
            existing
            + read.map { f in
                var f = f
                f.index += existing.count
                return f
            }
        return out
    }
}
