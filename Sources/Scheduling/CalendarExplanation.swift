import Grouping
import Intake

/// Why a calendar is impossible, found by switching the hard calendar rules off one at a time.
enum CalendarExplanation {
    static func group(_ g: Group, regions: Set<HolidayRegion>, facilitator: Facilitator?, rules: DateRules)
        -> SchedulingFailure
    {
        let s = rules.schedule
        let cands = rules.candidates(regions: regions, facilitator: facilitator)
        let holidayRegions = regions.map(\.rawValue).sorted().joined(separator: " and ")
        let who = "\(g.id) (holiday regions \(holidayRegions)\(facilitator.map { ", facilitator \($0.name)" } ?? ""))"
        let wie =
            "\(g.id) (vakantieregio's \(regions.map(\.rawValue).sorted().joined(separator: " en "))"
            + "\(facilitator.map { ", begeleider \($0.name)" } ?? ""))"
        if let k = cands.firstIndex(where: \.isEmpty), let fixed = s.fixedDates[k + 1] {
            let why =
                rules.closed(fixed, regions: regions, facilitator: facilitator)
                ?? "outside the room the other meetings need"
            return .impossible(
                Explanation(
                    .calendar,
                    "meeting \(k + 1) is fixed on \(fixed) for all groups, but \(who) cannot meet that day: \(why)",
                    changes: [
                        "move fixed_dates.\(k + 1) to a day that is open for every group",
                        "remove the fixed date for meeting \(k + 1)",
                    ]
                ).inDutch(
                    "bijeenkomst \(k + 1) staat voor alle groepen vast op \(fixed), maar \(wie) kan die dag niet: "
                        + (rules.closed(fixed, regions: regions, facilitator: facilitator, dutch: true)
                            ?? "buiten de ruimte die de andere bijeenkomsten nodig hebben"),
                    suggestions: [
                        "verplaats fixed_dates.\(k + 1) naar een dag die voor elke groep open is",
                        "haal de vaste datum van bijeenkomst \(k + 1) weg",
                    ]))
        }
        var helps: [String] = [], hulp: [String] = []
        for rule in DateRules.Rule.allCases {
            var relaxed = rules
            relaxed.off.insert(rule)
            let c = relaxed.candidates(regions: regions, facilitator: facilitator)
            if relaxed.feasible(c) {
                helps.append(relaxation(rule, rules))
                hulp.append(relaxation(rule, rules, dutch: true))
            }
        }
        if helps.isEmpty {
            helps = ["lengthen the programme period (first_date … last_date) or lower meetings"]
            hulp = ["verleng de programmaperiode (first_date … last_date) of verlaag meetings"]
        }
        let open = Set(cands.flatMap { $0 }).count
        return .impossible(
            Explanation(
                .calendar,
                "\(who) has no \(s.meetings) dates \(s.minWeeksBetween)–\(s.maxWeeksBetween) weeks apart between "
                    + "\(rules.first) and \(rules.last) on \(s.weekdays.map(\.rawValue).joined(separator: "/")): "
                    + "only \(open) days are open after school holidays, public holidays, blackout dates and "
                    + "unavailability",
                changes: helps
            ).inDutch(
                "\(wie) heeft geen \(s.meetings) data die \(s.minWeeksBetween)–\(s.maxWeeksBetween) weken uit elkaar "
                    + "liggen tussen \(rules.first) en \(rules.last) op "
                    + "\(s.weekdays.map(\.dutchName).joined(separator: "/")): na schoolvakanties, feestdagen, "
                    + "uitgesloten data en afwezigheid zijn maar \(open) dagen open",
                suggestions: hulp))
    }

    static func shared(_ groups: [Group], facilitator: Facilitator, rules: DateRules) -> SchedulingFailure {
        .impossible(
            Explanation(
                .calendar,
                "\(facilitator.name) leads \(groups.map(\.id).joined(separator: ", ")); their meetings cannot all "
                    + "fall on different days within the calendar rules",
                changes: [
                    "lower max_groups for \(facilitator.name) so another facilitator takes a group",
                    "allow more weekdays or a longer programme period",
                ]
            ).inDutch(
                "\(facilitator.name) leidt \(groups.map(\.id).joined(separator: ", ")); hun bijeenkomsten kunnen niet "
                    + "allemaal binnen de kalenderregels op verschillende dagen vallen",
                suggestions: [
                    "verlaag max_groups van \(facilitator.name), zodat een andere begeleider een groep neemt",
                    "sta meer weekdagen of een langere programmaperiode toe",
                ]))
    }

    static func relaxation(_ rule: DateRules.Rule, _ rules: DateRules, dutch: Bool = false) -> String {
        if dutch { return dutchRelaxation(rule, rules) }
        return switch rule {
        case .weekdays: "allow more weekdays (now \(rules.schedule.weekdays.map(\.rawValue).joined(separator: ", ")))"
        case .schoolHolidays:
            "set holidays = \"none\" and list only the holidays that matter in blackout_dates, or map a region to "
                + "another holiday region in [regions]"
        case .publicHolidays: "allow meetings on public holidays (holidays = \"none\")"
        case .blackout: "remove some blackout_dates"
        case .facilitator: "ask another facilitator, or shorten the facilitator's unavailable periods"
        case .fixedDates: "remove or move fixed_dates"
        case .spacing:
            "lower min_weeks_between (now \(rules.schedule.minWeeksBetween)) or raise max_weeks_between (now "
                + "\(rules.schedule.maxWeeksBetween))"
        }
    }

    static func dutchRelaxation(_ rule: DateRules.Rule, _ rules: DateRules) -> String {
        switch rule {
        case .weekdays:
            "sta meer weekdagen toe (nu \(rules.schedule.weekdays.map(\.dutchName).joined(separator: ", ")))"
        case .schoolHolidays:
            "zet holidays = \"none\" en noem alleen de vakanties die ertoe doen in blackout_dates, of koppel een "
                + "regio aan een andere vakantieregio in [regions]"
        case .publicHolidays: "sta bijeenkomsten op feestdagen toe (holidays = \"none\")"
        case .blackout: "haal een paar blackout_dates weg"
        case .facilitator: "vraag een andere begeleider, of verkort de periodes waarin de begeleider niet kan"
        case .fixedDates: "haal fixed_dates weg of verplaats ze"
        case .spacing:
            "verlaag min_weeks_between (nu \(rules.schedule.minWeeksBetween)) of verhoog max_weeks_between (nu "
                + "\(rules.schedule.maxWeeksBetween))"
        }
    }
}
