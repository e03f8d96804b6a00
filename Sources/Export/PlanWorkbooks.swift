import Foundation
import Grouping
import Intake
import Scheduling
import Spreadsheet

/// The spreadsheets people open rather than scripts: `plan.xlsx` (groups, meetings, participants, facilitators —
/// header frozen, filters on, columns sized, dates as dates) and the mail merge, one row per participant, as
/// `mailmerge.xlsx` and `mailmerge.csv` (`;`-separated in Dutch, as Dutch Excel and Word expect), all in the
/// programme's language.
package enum PlanWorkbooks {
    package static func render(_ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult)
        -> [String: Data]
    {
        let view = PlanView(programme, result, schedule)
        let mail = MailMerge.table(view)
        let lang = programme.config.lang
        var files = [
            "plan.xlsx": Workbook(
                sheets: [
                    groupsSheet(view), meetingsSheet(view), participantsSheet(view), facilitatorsSheet(view),
                    Attendance.sheet(view),
                ].compactMap { $0 }
            ).data(),
            "mailmerge.xlsx": Workbook(sheets: [
                .init(
                    name: lang == .nl ? "Samenvoegen" : "Mail merge", header: mail.header,
                    rows: mail.rows.map { $0.map { .text($0) } })
            ]).data(),
            "mailmerge.csv": Data(
                CSVWriter.render(header: mail.header, rows: mail.rows, delimiter: lang == .nl ? ";" : ",").utf8),
        ]
        files["attendance.csv"] = Attendance.csv(view)
        return files
    }

    static func groupsSheet(_ v: PlanView) -> Workbook.Sheet {
        let w = v.words
        let header = [
            w.t("groep", "group"), w.t("begeleider", "facilitator"), w.t("e-mail begeleider", "facilitator email"),
            w.t("deelnemers", "members"), w.t("regio", "region"), w.t("niveaus", "levels"),
            w.t("functies", "functions"), w.t("locatie", "venue"), w.t("eerste bijeenkomst", "first meeting"),
            w.t("namen", "names"),
        ]
        let rows: [[Workbook.Cell]] = v.result.groups.map { g in
            let p = v.people
            let first = v.meetings(of: g.id).first
            return [
                .text(g.id), .text(v.facilitator(of: g.id)?.name ?? ""), .text(v.facilitator(of: g.id)?.email ?? ""),
                .number(g.members.count), .text(g.homeRegion),
                .text(Set(g.members.map { p[$0].level }).sorted().map(String.init).joined(separator: ", ")),
                .text(Self.tally(g.members.map { p[$0].function })), .text(first.map(v.venueText) ?? ""),
                first.map { .date(year: $0.date.year, month: $0.date.month, day: $0.date.day) } ?? .empty,
                .text(g.members.map { v.label($0) }.joined(separator: "; ")),
            ]
        }
        return .init(name: w.t("Groepen", "Groups"), header: header, rows: rows)
    }

    static func meetingsSheet(_ v: PlanView) -> Workbook.Sheet? {
        guard !v.schedule.meetings.isEmpty else { return nil }
        let w = v.words
        let header = [
            w.t("groep", "group"), w.t("bijeenkomst", "meeting"), w.t("datum", "date"), w.t("dag", "day"),
            w.t("begin", "start"), w.t("einde", "end"), w.t("begeleider", "facilitator"),
            w.t("casusinbrengers", "case bringers"), w.t("terugblik", "look-back"), w.t("methode", "method"),
            w.t("locatie", "venue"), w.t("afwezig gemeld", "said unavailable"), w.t("status", "status"),
        ]
        let rows: [[Workbook.Cell]] = v.schedule.meetings.map { m in
            [
                .text(m.group), .number(m.number), .date(year: m.date.year, month: m.date.month, day: m.date.day),
                .text(v.dates.weekday(m.date)), .text(Clock.text(m.start)), .text(Clock.text(m.end)),
                .text(v.facilitator(of: m.group)?.name ?? ""), .text(v.names(m.caseBringers)),
                .text(v.names(m.lookBack)), .text(MethodNames.describe(m.method, v.lang)), .text(v.venueText(m)),
                .text(v.names(m.absent)),
                .text(m.cancelled ? w.t("vervallen", "cancelled") : w.t("gepland", "planned")),
            ]
        }
        return .init(name: w.t("Bijeenkomsten", "Meetings"), header: header, rows: rows)
    }

    static func participantsSheet(_ v: PlanView) -> Workbook.Sheet {
        let w = v.words
        let header = [
            w.t("naam", "name"), w.t("e-mail", "email"), w.t("functie", "function"), w.t("niveau", "level"),
            w.t("school", "school"), w.t("regio", "region"), w.t("groep", "group"), w.t("begeleider", "facilitator"),
            w.t("eigen casusbeurten", "own case turns"), w.t("buiten eigen regio", "outside own region"),
        ]
        let rows: [[Workbook.Cell]] = v.byName.map { i in
            let p = v.people[i]
            let group = v.groupOf[i]
            return [
                .text(v.label(i)), .text(p.email), .text(p.function), .number(p.level), .text(p.school),
                .text(p.region), .text(group ?? w.t("(gestopt)", "(left)")),
                .text(group.flatMap { v.facilitator(of: $0)?.name } ?? ""),
                .text(v.dates.list(v.turns(of: i).map { v.dates.short($0.date) })),
                .text(v.result.awayReasons[i] ?? ""),
            ]
        }
        return .init(name: w.t("Deelnemers", "Participants"), header: header, rows: rows)
    }

    static func facilitatorsSheet(_ v: PlanView) -> Workbook.Sheet? {
        guard let facilitators = v.programme.facilitators else { return nil }
        let w = v.words
        let header = [
            w.t("naam", "name"), w.t("e-mail", "email"), w.t("regio", "region"), w.t("groepen", "groups"),
            w.t("maximum", "maximum"), w.t("bijeenkomsten", "meetings"), w.t("eerste", "first"),
            w.t("laatste", "last"),
        ]
        let rows: [[Workbook.Cell]] = facilitators.map { f in
            let groups = v.result.groups.map(\.id).filter { v.schedule.facilitatorOf[$0] == f.index }
            let meetings = v.schedule.meetings.filter { groups.contains($0.group) && !$0.cancelled }
            let dates = meetings.map(\.date).sorted()
            func cell(_ d: Day?) -> Workbook.Cell {
                d.map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty
            }
            return [
                .text(f.name), .text(f.email), .text(f.region ?? ""), .text(groups.joined(separator: ", ")),
                .number(f.maxGroups), .number(meetings.count), cell(dates.first), cell(dates.last),
            ]
        }
        return .init(name: w.t("Begeleiders", "Facilitators"), header: header, rows: rows)
    }

    /// "teamleider ×3, conrector ×2", most frequent first, then alphabetically.
    static func tally(_ items: [String]) -> String {
        var count: [String: Int] = [:]
        for i in items { count[i, default: 0] += 1 }
        return count.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { $0.value > 1 ? "\($0.key) ×\($0.value)" : $0.key }.joined(separator: ", ")
    }
}

/// The mail-merge table: what a letter or an email to one participant needs, one row each, by name.
enum MailMerge {
    static func table(_ v: PlanView) -> (header: [String], rows: [[String]]) {
        let w = v.words
        let count = v.programme.config.schedule.meetings
        var header = [
            w.t("naam", "name"), w.t("email", "email"), w.t("school", "school"), w.t("groep", "group"),
            w.t("begeleider", "facilitator"), w.t("begeleider_email", "facilitator_email"),
        ]
        // Field names without spaces: Word turns spaces in merge fields into underscores anyway.
        for k in 1...max(count, 1) where !v.schedule.meetings.isEmpty {
            header += [w.t("datum_\(k)", "date_\(k)"), w.t("tijd_\(k)", "time_\(k)")]
        }
        header += [
            w.t("eigen_casusbeurten", "own_case_turns"), w.t("locatie", "venue"), w.t("online", "online"),
            w.t("groepsleden", "group_members"),
        ]
        let rows: [[String]] = v.byName.compactMap { i in
            guard let group = v.groupOf[i] else { return nil }
            let p = v.people[i], f = v.facilitator(of: group)
            var row = [v.label(i), p.email, p.school, group, f?.name ?? "", f?.email ?? ""]
            if !v.schedule.meetings.isEmpty {
                let mine = v.meetings(of: group).filter { $0.members.contains(i) }
                for k in 1...count {
                    let m = mine.first { $0.number == k }
                    row += [m.map { v.dates.long($0.date) } ?? "", m.map { v.dates.times($0.start, $0.end) } ?? ""]
                }
            }
            let first = v.meetings(of: group).first
            let venue = first.map { RotaFiles.venue(v.programme, $0) }
            let others = v.result.groups.first { $0.id == group }!.members.filter { $0 != i }.map { v.label($0) }
            row += [
                v.dates.list(v.turns(of: i).map { v.dates.long($0.date) }), venue?.place ?? "", venue?.online ?? "",
                others.joined(separator: ", "),
            ]
            return row
        }
        return (header, rows)
    }
}
