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
    func closed(_ day: Day, regions: Set<HolidayRegion>, facilitator: Facilitator?, dutch: Bool = false) -> String? {
        if !off.contains(.weekdays), !schedule.weekdays.contains(day.weekday) {
            return dutch ? "geen toegestane weekdag" : "not an allowed weekday"
        }
        if let e = calendar.closure(on: day, for: regions) {
            let rule: Rule = e.kind == .school ? .schoolHolidays : .publicHolidays
            if !off.contains(rule) { return e.region.map { "\(e.name) (\($0.rawValue))" } ?? e.name }
        }
        if !off.contains(.blackout), schedule.blackoutDates.contains(where: { $0.contains(day) }) {
            return dutch ? "uitgesloten datum (blackout_dates)" : "blackout date"
        }
        if !off.contains(.facilitator), let f = facilitator, f.unavailable.contains(where: { $0.contains(day) }) {
            return dutch ? "\(f.name) niet beschikbaar" : "\(f.name) unavailable"
        }
        return nil
    }

    /// The date fixed for all groups for meeting `k` (0-based), when the fixed-dates rule is on.
    func fixedDate(_ k: Int) -> Day? { off.contains(.fixedDates) ? nil : schedule.fixedDates[k + 1] }

    /// Candidate day offsets per meeting (0-based), respecting the room later and earlier meetings need.
    func candidates(regions: Set<HolidayRegion>, facilitator: Facilitator?) -> [[Int]] {
        let m = schedule.meetings
        let gap = off.contains(.spacing) ? 1 : 7 * schedule.minWeeksBetween
        let open = (0...span).filter {
            closed(first.adding(days: $0), regions: regions, facilitator: facilitator) == nil
        }
        return (0..<m).map { k in
            if let fixed = fixedDate(k) {
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

    /// Offsets the previous meeting may have when this one is on offset `d` (the inverse of `next(after:)`).
    func previous(before d: Int) -> ClosedRange<Int> {
        off.contains(.spacing)
            ? (d - span)...(d - 1) : (d - 7 * schedule.maxWeeksBetween)...(d - 7 * schedule.minWeeksBetween)
    }

    /// The part of ascending `days` that lies in `range`, by binary search (the candidate lists of a long
    /// programme hold hundreds of days; comparing every pair was quadratic).
    static func slice(_ days: [Int], in range: ClosedRange<Int>) -> ArraySlice<Int> {
        func firstIndex(notBelow x: Int) -> Int {
            var lo = 0, hi = days.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if days[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let from = firstIndex(notBelow: range.lowerBound), to = firstIndex(notBelow: range.upperBound + 1)
        return days[from..<max(from, to)]
    }

    /// Whether one group alone has any valid sequence of dates (a reachability pass, no solver needed).
    func feasible(_ cands: [[Int]]) -> Bool {
        var reach = (cands.first ?? []).sorted()
        for k in cands.indices.dropFirst() {
            reach = cands[k].filter { d in !Self.slice(reach, in: previous(before: d)).isEmpty }.sorted()
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
