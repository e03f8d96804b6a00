import Grouping
import Intake
import Scheduling

/// A plan seen from the people in it, shared by the spreadsheets: who is where, their meetings and turns.
struct PlanView {
    let programme: Programme
    let result: GroupingResult
    let schedule: ScheduleResult
    let lang: ProgrammeConfig.Language
    let words: Words
    let dates: DateText
    let people: [Participant]
    let labels: [String]
    /// Participant index → group id, for everyone in a group now.
    let groupOf: [Int: String]
    /// Every participant index, ordered by name (then school, then email) as an index is read.
    let byName: [Int]
    /// The sizes groups must have: `min_size`…`max_size`, or from `min_size_after_dropout` once replanned.
    var sizes: ClosedRange<Int>
    /// Groups the organiser locked (`replan --lock`).
    var locked: Set<String> = []
    /// Attendance per participant over the recorded meetings (empty until some is recorded); the report's
    /// summary, navigation and section and the spreadsheets all read it.
    private(set) var attendance: [Attendance.Line] = []

    init(_ programme: Programme, _ result: GroupingResult, _ schedule: ScheduleResult) {
        self.programme = programme
        self.result = result
        self.schedule = schedule
        lang = programme.config.lang
        words = Words(language: lang)
        dates = DateText(language: lang)
        people = programme.participants
        labels = RotaFiles.personalLabels(programme)
        var groupOf: [Int: String] = [:]
        for g in result.groups { for i in g.members { groupOf[i] = g.id } }
        self.groupOf = groupOf
        sizes = programme.config.groups.minSize...programme.config.groups.maxSize
        let p = programme.participants
        let keys = p.map { (Text.key($0.name), Text.key($0.school), $0.emailKey) }
        byName = p.indices.sorted { keys[$0] < keys[$1] }
        attendance = Attendance.lines(self)
    }

    func label(_ i: Int) -> String { labels[i] }
    func names(_ list: [Int]) -> String { list.map { labels[$0] }.joined(separator: ", ") }
    func facilitator(of group: String) -> Facilitator? {
        schedule.facilitatorOf[group].map { programme.facilitators![$0] }
    }
    /// The group's meetings that take place, in order.
    func meetings(of group: String) -> [Meeting] { schedule.meetings(of: group).filter { !$0.cancelled } }
    /// Meetings where `i` brings a case.
    func turns(of i: Int) -> [Meeting] {
        schedule.meetings.filter { !$0.cancelled && $0.caseBringers.contains(i) }.sorted { $0.date < $1.date }
    }
    /// The venue and online link in one cell.
    func venueText(_ m: Meeting) -> String {
        let venue = RotaFiles.venue(programme, m)
        return [venue.place, venue.online].compactMap { $0 }.joined(separator: " · ")
    }
}
