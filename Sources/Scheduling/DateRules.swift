import Grouping
import Intake

/// The days each meeting of one group may fall on, from the hard calendar rules, and what each day
/// costs in member absences. Rules can be switched off one at a time to explain an impossible calendar.
struct DateRules {
    enum Rule: String, CaseIterable, Sendable {
        case weekdays = "allowed weekdays"
        case schoolHolidays = "school holidays"
        case publicHolidays = "public holidays"
        case blackout = "blackout dates"
        case facilitator = "facilitator unavailability"
        case fixedDates = "fixed dates"
        case spacing = "spacing between meetings"
    }

    let schedule: ProgrammeConfig.Schedule
    let calendar: HolidayCalendar
    let first: Day, last: Day
    var off: Set<Rule> = []

    /// Days in the programme period (ordinal offsets from `first`).
    var span: Int { last - first }

    /// Why `day` is closed for a group with these holiday regions and facilitator; nil when open.
    func closed(_ day: Day, regions: Set<HolidayRegion>, facilitator: Facilitator?) -> String? {
        if !off.contains(.weekdays), !schedule.weekdays.contains(day.weekday) { return "not an allowed weekday" }
        if let e = calendar.closure(on: day, for: regions) {
            let rule: Rule = e.kind == .school ? .schoolHolidays : .publicHolidays
            if !off.contains(rule) { return e.region.map { "\(e.name) (\($0.rawValue))" } ?? e.name }
        }
        if !off.contains(.blackout), schedule.blackoutDates.contains(where: { $0.contains(day) }) {
            return "blackout date"
        }
        if !off.contains(.facilitator), let f = facilitator, f.unavailable.contains(where: { $0.contains(day) }) {
            return "\(f.name) unavailable"
        }
        return nil
    }

    /// Candidate day offsets per meeting (0-based), respecting the room later and earlier meetings need.
    func candidates(regions: Set<HolidayRegion>, facilitator: Facilitator?) -> [[Int]] {
        let m = schedule.meetings
        let gap = off.contains(.spacing) ? 1 : 7 * schedule.minWeeksBetween
        let open = (0...span).filter {
            closed(first.adding(days: $0), regions: regions, facilitator: facilitator) == nil
        }
        return (0..<m).map { k in
            if !off.contains(.fixedDates), let fixed = schedule.fixedDates[k + 1] {
                let d = fixed - first
                return open.contains(d) ? [d] : []
            }
            let lo = k * gap, hi = span - (m - 1 - k) * gap
            return open.filter { $0 >= lo && $0 <= hi }
        }
    }

    /// Offsets a meeting may have after one on offset `d`.
    func next(after d: Int) -> ClosedRange<Int> {
        off.contains(.spacing)
            ? (d + 1)...(d + span) : (d + 7 * schedule.minWeeksBetween)...(d + 7 * schedule.maxWeeksBetween)
    }

    /// Whether one group alone has any valid sequence of dates (a reachability pass, no solver needed).
    func feasible(_ cands: [[Int]]) -> Bool {
        var reach = Set(cands.first ?? [])
        for k in cands.indices.dropFirst() {
            reach = Set(cands[k].filter { d in reach.contains { next(after: $0).contains(d) } })
        }
        return !reach.isEmpty
    }

    static func regions(_ g: Group, _ programme: Programme) -> Set<HolidayRegion> {
        Set(
            g.members.compactMap {
                HolidayRegions.of(programme.participants[$0].region, overrides: programme.config.regions)
            })
    }
}
