import Foundation
import TOMLKit

/// Reads the programme TOML into `ProgrammeConfig`, reporting unknown keys, wrong types and
/// out-of-range values all at once, each with its line.
enum ConfigReader {
    static let knownKeys: [String: [String]] = [
        "programme": ["name", "timezone", "language", "organiser", "min_attendance"],
        "groups": ["min_size", "max_size", "target_size", "count", "min_size_after_dropout"],
        "rules": ["separate", "priorities", "met_before"],
        "levels": [],
        "schedule": [
            "first_date", "last_date", "meetings", "min_weeks_between", "max_weeks_between", "weekdays",
            "start_time", "duration_minutes", "cases_per_meeting", "fixed_dates", "blackout_dates",
            "holidays", "methods", "location", "online",
        ],
        "regions": [],
        "locations": [],
    ]

    /// What to do about text that is not TOML, in Dutch.
    static let tomlFixDutch =
        "zie https://toml.io — tekst staat tussen aanhalingstekens, een datum schrijft u als 2027-01-14"

    static func read(_ source: String, file: String, sink: inout DiagnosticSink) -> ProgrammeConfig {
        var config = ProgrammeConfig()
        let root: TOMLTable
        // TOMLKit's parser aborts the process on some malformed text: it only sees text that is valid TOML.
        if let problem = TOMLSyntax.check(source) {
            sink.error(
                line: problem.line, column: problem.column, "not valid TOML: \(problem.message)",
                fix: "see https://toml.io — strings need quotes, dates are written 2027-01-14",
                nl: .init(
                    "geen geldige TOML: \(problem.message)",
                    fix: tomlFixDutch))
            return config
        }
        do {
            root = try TOMLTable(string: source)
        } catch let e as TOMLParseError {
            sink.error(
                line: e.source.begin.line, column: e.source.begin.column, "not valid TOML: \(e.description)",
                fix: "see https://toml.io — strings need quotes, dates are written 2027-01-14",
                nl: .init(
                    "geen geldige TOML: \(e.description)",
                    fix: tomlFixDutch))
            return config
        } catch {
            sink.error("not valid TOML: \(error)", nl: .init("geen geldige TOML: \(error)"))
            return config
        }
        var f = Fields(locator: TOMLLocator(source), sink: sink)
        defer { sink = f.sink }
        for (table, value) in root {
            guard let keys = knownKeys[table] else {
                f.unknown(table, candidates: knownKeys.keys.sorted(), what: ("table", "tabel"))
                continue
            }
            guard let t = value.table else {
                f.wrongType(table, value, ("a table [\(table)]", "een tabel [\(table)]"))
                continue
            }
            for (key, _) in t where !keys.isEmpty && !keys.contains(key) {
                f.unknown("\(table).\(key)", candidates: keys, what: ("key", "sleutel"))
            }
        }
        readProgramme(root["programme"]?.table, &config, &f)
        readGroups(root["groups"]?.table, &config, &f)
        readRules(root["rules"]?.table, &config, &f)
        if let levels = root["levels"]?.table {
            for (function, v) in levels {
                if let l = f.int("levels.\(function)", v, Levels.range) { config.levels[function] = l }
            }
        }
        ScheduleConfigReader.read(root["schedule"]?.table, &config, &f)
        if let locations = root["locations"]?.table {
            var venues = config.venues ?? ProgrammeConfig.Venues()
            for (region, v) in locations {
                if let s = f.venue("locations.\(region)", v) { venues.byRegion[region] = s }
            }
            config.venues = venues
        }
        if let regions = root["regions"]?.table {
            for (region, v) in regions {
                if let h = f.oneOf("regions.\(region)", v, HolidayRegion.self) { config.regions[region] = h }
            }
        }
        return config
    }

    private static func readProgramme(_ t: TOMLTable?, _ c: inout ProgrammeConfig, _ f: inout Fields) {
        guard let t else { return }
        if let v = t["name"], let s = f.string("programme.name", v) { c.name = s }
        if let v = t["language"], let l = f.oneOf("programme.language", v, ProgrammeConfig.Language.self) {
            c.language = l
        }
        if let v = t["organiser"], let s = f.string("programme.organiser", v) {
            if let contact = Contact.parse(s) {
                c.organiser = contact
            } else {
                f.error(
                    "programme.organiser", "\"\(s)\" is not a name with an email address",
                    fix: "write it as \"Name <name@example.nl>\"",
                    nl: .init(
                        "\"\(s)\" is geen naam met e-mailadres", fix: "schrijf het als \"Naam <naam@voorbeeld.nl>\""))
            }
        }
        if let v = t["min_attendance"] {
            // A share such as 0.8; 0 and 1 may be written as whole numbers.
            if let x = v.double ?? v.int.map(Double.init), (0...1).contains(x) {
                c.minAttendance = x
            } else {
                f.error(
                    "programme.min_attendance", "\(v.debugDescription) is not a share from 0 to 1",
                    fix: "write the share of meetings someone must attend, e.g. 0.8 for 80 %",
                    nl: .init(
                        "\(v.debugDescription) is geen deel van 0 tot en met 1",
                        fix: "schrijf welk deel van de bijeenkomsten iemand moet bijwonen, bijv. 0.8 voor 80 %"))
            }
        }
        if let v = t["timezone"], let s = f.string("programme.timezone", v) {
            if TimeZone(identifier: s) == nil {
                f.error(
                    "programme.timezone", "unknown time zone \"\(s)\"",
                    fix: "use an IANA name such as \"Europe/Amsterdam\"",
                    nl: .init("onbekende tijdzone \"\(s)\"", fix: "gebruik een IANA-naam zoals \"Europe/Amsterdam\""))
            } else {
                c.timezone = s
            }
        }
    }

    private static func readGroups(_ t: TOMLTable?, _ c: inout ProgrammeConfig, _ f: inout Fields) {
        guard let t else { return }
        var g = c.groups
        if let v = t["min_size"], let n = f.int("groups.min_size", v, 2...50) { g.minSize = n }
        if let v = t["max_size"], let n = f.int("groups.max_size", v, 2...50) { g.maxSize = n }
        if let v = t["target_size"], let n = f.int("groups.target_size", v, 2...50) { g.targetSize = n }
        if let v = t["count"], let n = f.int("groups.count", v, 1...10_000) { g.count = n }
        if let v = t["min_size_after_dropout"], let n = f.int("groups.min_size_after_dropout", v, 1...50) {
            g.minSizeAfterDropout = n
        }
        if g.minSize > g.maxSize {
            f.error(
                "groups.min_size", "min_size \(g.minSize) is larger than max_size \(g.maxSize)",
                fix: "make min_size at most max_size, e.g. min_size = 6 and max_size = 8",
                nl: .init(
                    "de kleinste groep (min_size \(g.minSize)) is groter dan de grootste (max_size \(g.maxSize))",
                    fix: "maak min_size hoogstens max_size, bijv. min_size = 6 en max_size = 8"))
        } else if t["target_size"] != nil, !(g.minSize...g.maxSize).contains(g.targetSize) {
            f.error(
                "groups.target_size",
                "target_size \(g.targetSize) is outside min_size…max_size (\(g.minSize)–\(g.maxSize))",
                fix: "choose a target size between \(g.minSize) and \(g.maxSize)",
                nl: .init(
                    "de streefgrootte (target_size \(g.targetSize)) ligt buiten \(g.minSize)–\(g.maxSize)",
                    fix: "kies een streefgrootte van \(g.minSize) tot en met \(g.maxSize)"))
        } else if t["target_size"] == nil, !(g.minSize...g.maxSize).contains(g.targetSize) {
            g.targetSize = (g.minSize + g.maxSize + 1) / 2
        }
        if g.minSizeAfterDropout > g.minSize {
            f.error(
                "groups.min_size_after_dropout",
                "min_size_after_dropout \(g.minSizeAfterDropout) is larger than min_size \(g.minSize)",
                fix: "a group may shrink after dropouts, not grow: use a value of at most \(g.minSize)",
                nl: .init(
                    "min_size_after_dropout \(g.minSizeAfterDropout) is groter dan min_size \(g.minSize)",
                    fix: "een groep mag na uitval krimpen, niet groeien: gebruik hoogstens \(g.minSize)"))
        }
        c.groups = g
    }

    private static func readRules(_ t: TOMLTable?, _ c: inout ProgrammeConfig, _ f: inout Fields) {
        guard let t else { return }
        if let v = t["separate"], let names = f.strings("rules.separate", v) {
            var rules: [Rule] = []
            for n in names {
                if let r = Rule(rawValue: n.lowercased()), Rule.configurable.contains(r) {
                    if !rules.contains(r) { rules.append(r) }
                } else {
                    let names = Rule.configurable.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    let hint = Text.didYouMean(n, in: Rule.configurable.map(\.rawValue))
                    let wishes = n.lowercased() == "wishes"
                    f.error(
                        "rules.separate", "unknown rule \"\(n)\"",
                        fix: "use any of \(names)" + (hint.map { " — " + $0.en } ?? "")
                            + (wishes ? "; wishes come from --wishes and hold always" : ""),
                        nl: .init(
                            "onbekende regel \"\(n)\"",
                            fix: "gebruik een of meer van \(names)"
                                + (hint.map { " — " + $0.nl } ?? "")
                                + (wishes ? "; wensen komen uit het wensenbestand en gelden altijd" : "")))
                }
            }
            c.separate = rules
        }
        if let v = t["priorities"], let names = f.strings("rules.priorities", v) {
            var list: [Objective] = []
            for n in names {
                if n.lowercased() == ProgrammeConfig.fresh {
                    if c.freshRank != nil {
                        f.error(
                            "rules.priorities", "\"\(n)\" is listed twice", fix: "list each priority once",
                            nl: .init("\"\(n)\" staat er twee keer", fix: "noem elk doel één keer"))
                    }
                    c.freshRank = list.count
                    continue
                }
                let o = Objective(rawValue: n.lowercased()) ?? Objective.allCases.first { $0.metric == n.lowercased() }
                guard let o else {
                    f.error(
                        "rules.priorities", "unknown priority \"\(n)\"",
                        fix: "use \"region\", \"level\" and \"variety\" in the order that matters most to you "
                            + "(and \"fresh\" with an earlier cohort)",
                        nl: .init(
                            "onbekend doel \"\(n)\"",
                            fix: "gebruik \"region\", \"level\" en \"variety\", het belangrijkste eerst "
                                + "(en \"fresh\" bij een eerdere lichting)"))
                    continue
                }
                if list.contains(o) {
                    f.error(
                        "rules.priorities", "\"\(n)\" is listed twice", fix: "list each priority once",
                        nl: .init("\"\(n)\" staat er twee keer", fix: "noem elk doel één keer"))
                } else {
                    list.append(o)
                }
            }
            if list.isEmpty && !names.isEmpty && c.freshRank != nil {
                f.error(
                    "rules.priorities", "\"fresh\" cannot be the only priority",
                    fix: "list \"region\", \"level\" and \"variety\" too, in the order that matters most to you",
                    nl: .init(
                        "\"fresh\" kan niet het enige doel zijn",
                        fix: "noem ook \"region\", \"level\" en \"variety\", het belangrijkste eerst"))
            }
            if names.isEmpty {
                f.error(
                    "rules.priorities", "no priority is listed",
                    fix: "list at least one of \"region\", \"level\" and \"variety\" (all three by default)",
                    nl: .init(
                        "er staat geen doel in de lijst",
                        fix: "noem minstens een van \"region\", \"level\" en \"variety\" (standaard alle drie)"))
            }
            c.priorities = list
        }
        if let v = t["met_before"], let text = f.string("rules.met_before", v) {
            if let mode = ProgrammeConfig.MetBefore(rawValue: text.lowercased()) {
                c.metBefore = mode
                if mode != .avoid, c.freshRank != nil {
                    f.error(
                        "rules.priorities",
                        "\"fresh\" is ranked, but met_before = \"\(mode.rawValue)\" "
                            + (mode == .apart ? "never lets pairs who met before meet again" : "leaves them out"),
                        fix: "remove \"fresh\" from priorities, or write met_before = \"avoid\"",
                        nl: .init(
                            "\"fresh\" staat in de volgorde, maar met_before = \"\(mode.rawValue)\" "
                                + (mode == .apart
                                    ? "laat mensen die elkaar al kenden nooit meer samen"
                                    : "laat hen buiten beschouwing"),
                            fix: "haal \"fresh\" uit priorities, of schrijf met_before = \"avoid\""))
                }
            } else {
                f.error(
                    "rules.met_before", "\"\(text)\" is not a way to treat earlier cohorts",
                    fix: "write \"apart\" (never together again), \"avoid\" (as little as possible) or \"ignore\"",
                    nl: .init(
                        "\"\(text)\" is geen manier om met eerdere lichtingen om te gaan",
                        fix: "schrijf \"apart\" (nooit meer samen), \"avoid\" (zo min mogelijk) of \"ignore\""))
            }
        }
    }
}

/// Typed access to TOML values with diagnostics located through `TOMLLocator`.
struct Fields {
    let locator: TOMLLocator
    var sink: DiagnosticSink

    mutating func error(_ path: String, _ message: String, fix: String? = nil, nl: Diagnostic.Dutch? = nil) {
        let (line, column) = locator.locate(path)
        sink.error(line: line, column: column, field: path, message, fix: fix, nl: nl)
    }

    /// An unknown table or key; `what` names it in English and Dutch ("key", "sleutel").
    mutating func unknown(_ path: String, candidates: [String], what: (en: String, nl: String)) {
        let name = String(path.split(separator: ".").last ?? Substring(path))
        let hint = Text.didYouMean(name, in: candidates), known = candidates.sorted().joined(separator: ", ")
        error(
            path, "unknown \(what.en) \"\(name)\"",
            fix: hint?.en ?? "known \(what.en)s here: \(known)",
            nl: .init(
                "onbekende \(what.nl) \"\(name)\"",
                fix: hint?.nl ?? "bekend zijn hier: \(known)"))
    }

    /// A value of the wrong kind; `expected` says what was wanted in English and Dutch.
    mutating func wrongType(_ path: String, _ v: TOMLValueConvertible, _ expected: (en: String, nl: String)) {
        error(
            path, "expected \(expected.en), found \(v.type) \(v.debugDescription)", fix: "write it as \(expected.en)",
            nl: .init(
                "verwacht: \(expected.nl); gevonden: \(v.debugDescription)", fix: "schrijf het als \(expected.nl)"))
    }

    mutating func int(_ path: String, _ v: TOMLValueConvertible, _ range: ClosedRange<Int>) -> Int? {
        guard v.type == .int, let n = v.int else {
            wrongType(path, v, ("a whole number", "een geheel getal"))
            return nil
        }
        guard range.contains(n) else {
            error(
                path, "\(n) is out of range", fix: "use a value from \(range.lowerBound) to \(range.upperBound)",
                nl: .init(
                    "\(n) valt buiten het bereik",
                    fix: "gebruik een waarde van \(range.lowerBound) tot en met \(range.upperBound)"))
            return nil
        }
        return n
    }

    mutating func string(_ path: String, _ v: TOMLValueConvertible) -> String? {
        guard let s = v.string else {
            wrongType(path, v, ("a quoted string", "tekst tussen aanhalingstekens"))
            return nil
        }
        return s
    }

    mutating func strings(_ path: String, _ v: TOMLValueConvertible) -> [String]? {
        guard let a = v.array else {
            wrongType(path, v, ("a list like [\"a\", \"b\"]", "een lijst zoals [\"a\", \"b\"]"))
            return nil
        }
        var result: [String] = []
        for item in a {
            guard let s = item.string else {
                wrongType(path, item, ("a quoted string in the list", "tekst tussen aanhalingstekens in de lijst"))
                return nil
            }
            result.append(s)
        }
        return result
    }

    /// A venue or link: one line of at most 300 characters.
    mutating func venue(_ path: String, _ v: TOMLValueConvertible) -> String? {
        guard let s = string(path, v)?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard !s.isEmpty, s.count <= 300, !s.contains(where: \.isNewline) else {
            error(
                path, "a venue is one line of 1 to 300 characters", fix: "e.g. \"Hotel Zuiderduin, Egmond aan Zee\"",
                nl: .init(
                    "een locatie is één regel van 1 tot en met 300 tekens",
                    fix: "bijv. \"Hotel Zuiderduin, Egmond aan Zee\""))
            return nil
        }
        return s
    }

    mutating func day(_ path: String, _ v: TOMLValueConvertible) -> Day? {
        if let d = v.date, let day = Day(year: d.year, month: d.month, day: d.day) { return day }
        if let s = v.string, let day = Day(parsing: s) { return day }
        wrongType(path, v, ("a date such as 2027-01-14", "een datum zoals 2027-01-14"))
        return nil
    }

    mutating func oneOf<E: RawRepresentable & CaseIterable>(_ path: String, _ v: TOMLValueConvertible, _: E.Type) -> E?
    where E.RawValue == String {
        guard let s = string(path, v) else { return nil }
        if let e = E(rawValue: s.lowercased()) { return e }
        let values = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        let hint = Text.didYouMean(s, in: E.allCases.map(\.rawValue))
        error(
            path, "\"\(s)\" is not one of \(values)",
            fix: hint?.en ?? "use one of the values listed",
            nl: .init(
                "\"\(s)\" is geen van \(values)",
                fix: hint?.nl ?? "gebruik een van de genoemde waarden"))
        return nil
    }
}
