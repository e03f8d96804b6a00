import Intake

/// What calendar events and personal calendars say, in the programme's language (`[programme] language`).
struct CalendarWords {
    let language: ProgrammeConfig.Language

    /// "Group G03, meeting 2 of 5".
    func meeting(_ group: String, _ number: Int, of total: Int) -> String {
        language == .nl
            ? "Groep \(group), bijeenkomst \(number) van \(total)" : "Group \(group), meeting \(number) of \(total)"
    }
    /// The SUMMARY line.
    func summary(_ group: String, _ number: Int, _ total: Int, bringers: String, cancelled: Bool, mine: Bool) -> String
    {
        let what: String
        if cancelled {
            what = language == .nl ? "vervallen" : "cancelled"
        } else if mine {
            what = language == .nl ? "jij brengt een casus in" : "you bring a case"
        } else {
            what = (language == .nl ? "casus: " : "case: ") + (bringers.isEmpty ? undecided : bringers)
        }
        return "Intervisie \(group) · " + (language == .nl ? "bijeenkomst" : "meeting")
            + " \(number)/\(total) · \(what)"
    }
    var undecided: String { language == .nl ? "nog te bepalen" : "to be decided" }
    func facilitator(_ name: String) -> String { (language == .nl ? "Begeleider: " : "Facilitator: ") + name }
    func bringers(_ names: String, count: Int) -> String {
        language == .nl
            ? "Casusinbrenger\(count == 1 ? "" : "s"): " + (names.isEmpty ? undecided : names)
            : "Case bringer\(count == 1 ? "" : "s"): " + (names.isEmpty ? undecided : names)
    }
    func lookBack(_ names: String) -> String {
        language == .nl ? "Terugblik door: \(names)" : "Look-back (terugblik): \(names)"
    }
    func method(_ code: String) -> String {
        let m = MethodNames.describe(code, language)
        return (language == .nl ? "Methode: " : "Method: ") + m
    }
    func members(_ names: String) -> String { (language == .nl ? "Deelnemers: " : "Members: ") + names }
    func unavailable(_ names: String) -> String {
        language == .nl ? "Gaven aan niet te kunnen: \(names)" : "Said they are unavailable: \(names)"
    }
    func venue(_ place: String) -> String { (language == .nl ? "Locatie: " : "Venue: ") + place }
    func online(_ link: String) -> String { "Online: " + link }
    var dissolved: String {
        language == .nl
            ? "VERVALLEN: deze groep is opgeheven; de deelnemers zijn naar andere groepen verplaatst"
            : "CANCELLED: this group was dissolved; its members were moved to other groups"
    }
    /// A single meeting that does not take place while the group goes on.
    var meetingDropped: String {
        language == .nl
            ? "VERVALLEN: deze bijeenkomst gaat niet door; de volgende bijeenkomsten blijven staan"
            : "CANCELLED: this meeting does not take place; the later meetings stay as planned"
    }
    /// For a facilitator whose group is now led by `successor`.
    func handedOver(to successor: String) -> String {
        language == .nl
            ? "VERVALLEN voor jou: deze groep wordt vanaf nu begeleid door \(successor)"
            : "CANCELLED for you: this group is now led by \(successor)"
    }
    var movedAway: String {
        language == .nl
            ? "VERVALLEN voor jou: je bent naar een andere groep verplaatst of je doet niet meer mee"
            : "CANCELLED for you: you moved to another group or no longer take part"
    }
    var yourTurn: String {
        language == .nl
            ? "Jij brengt bij deze bijeenkomst een casus in."
            : "You bring a case to this meeting."
    }
    var prepare: String {
        language == .nl
            ? "Over twee dagen intervisie: bereid je casus voor (wat speelt er, wat is je vraag?)."
            : "Intervision in two days: prepare your case (what happened, what is your question?)."
    }
    /// The calendar's name for a personal file.
    func personal(_ programme: String, _ name: String) -> String { "\(programme) — \(name)" }
}

/// The methods' full names and their length, from the methods' descriptions (DOMAIN.md, seed 004).
enum MethodNames {
    static let known: [String: (nl: String, en: String, minutes: Int?)] = [
        "tienstappen": ("tienstappenmethode", "ten-step method", 65),
        "incident": ("incidentmethode", "incident method", 60),
        "roddel": ("roddelmethode", "gossip method", 55),
        "tgi": ("thema-gecentreerde interactie (TGI)", "theme-centred interaction (TCI)", nil),
        "socratisch": ("socratisch gesprek", "Socratic dialogue", nil),
        "e5": ("E5-model", "E5 model", nil),
    ]

    /// "roddelmethode (~55 min)" for a known code; the code itself otherwise.
    static func describe(_ code: String, _ language: ProgrammeConfig.Language) -> String {
        guard let m = known[Text.functionKey(code)] else { return code }
        let name = language == .nl ? m.nl : m.en
        return name + (m.minutes.map { " (~\($0) min)" } ?? "")
    }
}
