import Foundation

extension ProgrammeConfig {
    /// Every value outside its documented range and every contradiction between values, as (key, problem).
    /// `ConfigReader` reports these against the TOML file as it reads it; this re-checks a config that comes from
    /// elsewhere (a plan file that may have been edited by hand), with the same ranges.
    package func problems() -> [(key: String, message: String)] {
        var out: [(String, String)] = []
        func range(_ key: String, _ value: Int, _ r: ClosedRange<Int>) {
            if !r.contains(value) { out.append((key, "\(value) is outside \(r.lowerBound)…\(r.upperBound)")) }
        }
        let g = groups, s = schedule
        range("groups.min_size", g.minSize, 2...50)
        range("groups.max_size", g.maxSize, 2...50)
        range("groups.target_size", g.targetSize, 2...50)
        range("groups.min_size_after_dropout", g.minSizeAfterDropout, 1...50)
        if let count = g.count { range("groups.count", count, 1...10_000) }
        if g.minSize > g.maxSize {
            out.append(("groups.min_size", "\(g.minSize) is larger than max_size \(g.maxSize)"))
        }
        if g.minSizeAfterDropout > g.maxSize {
            out.append(("groups.min_size_after_dropout", "\(g.minSizeAfterDropout) is larger than max_size"))
        }
        range("schedule.meetings", s.meetings, 1...52)
        range("schedule.min_weeks_between", s.minWeeksBetween, 1...52)
        range("schedule.max_weeks_between", s.maxWeeksBetween, 1...52)
        range("schedule.duration_minutes", s.durationMinutes, 15...720)
        range("schedule.start_time", s.startMinutes, 0...(24 * 60 - 1))
        if s.minWeeksBetween > s.maxWeeksBetween {
            out.append(("schedule.min_weeks_between", "\(s.minWeeksBetween) is larger than max_weeks_between"))
        }
        if s.startMinutes + s.durationMinutes > 24 * 60 {
            out.append(("schedule.duration_minutes", "meetings would end after midnight"))
        }
        if case .fixed(let n) = s.casesPerMeeting { range("schedule.cases_per_meeting", n, 1...4) }
        if let first = s.firstDate, let last = s.lastDate, last < first {
            out.append(("schedule.last_date", "\(last) is before first_date \(first)"))
        }
        if let first = s.firstDate, let last = s.lastDate, last - first > Schedule.longestPeriod {
            out.append(("schedule.last_date", "the programme runs longer than three years"))
        }
        for n in s.fixedDates.keys.sorted() where !(1...s.meetings).contains(n) {
            out.append(("schedule.fixed_dates", "meeting \(n) does not exist"))
        }
        if s.weekdays.isEmpty { out.append(("schedule.weekdays", "no weekdays allowed")) }
        if priorities.isEmpty { out.append(("rules.priorities", "no priority is listed")) }
        if Set(priorities).count != priorities.count { out.append(("rules.priorities", "a priority is listed twice")) }
        if let r = freshRank, !(0...priorities.count).contains(r) {
            out.append(("rules.priorities", "\"fresh\" is ranked at \(r), outside the list"))
        }
        if freshRank != nil, metBeforeMode != .avoid {
            out.append(("rules.priorities", "\"fresh\" is ranked, but met_before is not \"avoid\""))
        }
        if Set(separate).count != separate.count { out.append(("rules.separate", "a rule is listed twice")) }
        for (function, level) in levels.sorted(by: { $0.key < $1.key }) {
            range("levels.\(function)", level, Levels.range)
        }
        if TimeZone(identifier: timezone) == nil {
            out.append(("programme.timezone", "unknown time zone \"\(timezone)\""))
        }
        return out
    }
}
