import Foundation
import Grouping
import Intake
import Scheduling

/// `plan.json`: everything a later replan needs, in a versioned schema.
package struct PlanDocument: Codable, Sendable {
    package struct GroupEntry: Codable, Sendable {
        package var id: String
        package var homeRegion: String
        package var members: [String]
        /// The facilitator's email; nil without a facilitators file.
        package var facilitator: String?
    }
    package struct MeetingEntry: Codable, Sendable {
        package var group: String
        package var number: Int
        package var date: Day
        package var start: String
        package var end: String
        /// Emails, in presenting order.
        package var caseBringers: [String]
        package var lookBack: [String]
        package var method: String
        package var absent: [String]
        /// The group at the time of this meeting.
        package var members: [String]?
        package var status: String
        package var uid: String
        package var sequence: Int
        /// When the event last changed (seconds since 1970); absent: `created`.
        package var stamp: Double?
        /// Its venue and link; absent in plans made before venues were stored per meeting (then: the config's).
        package var location: String?
        package var online: String?
        /// Who led it, when not the group's facilitator now (history after a handover); email.
        package var facilitator: String?
        /// True when cancelled on its own while the group goes on (`--cancel-meeting --no-reschedule`).
        package var cancelledAlone: Bool?
        /// Emails of the members who were there, once attendance is recorded.
        package var present: [String]?
    }
    /// A group one facilitator led until `from` (`replan --drop-facilitator`).
    package struct HandoverEntry: Codable, Sendable {
        package var group: String
        package var facilitator: String
        package var from: Day
    }
    /// What a replan did, for the record and for `changes.md`.
    package struct ReplanEntry: Codable, Sendable {
        package struct Move: Codable, Sendable, Equatable {
            package var email: String, from: String, to: String
            package init(email: String, from: String, to: String) {
                self.email = email
                self.from = from
                self.to = to
            }
        }
        package var from: Day?
        package var dropped: [String]
        package var added: [String]
        package var moves: Int
        package var movesBound: Int
        package var dissolved: [String]
        package var dissolvedBound: Int
        package var moved: [Move]
        /// Groups locked and unlocked by this replan.
        package var locked: [String]?
        package var unlocked: [String]?
        package init(
            from: Day?, dropped: [String], added: [String], moves: Int, movesBound: Int, dissolved: [String],
            dissolvedBound: Int, moved: [Move], locked: [String] = [], unlocked: [String] = []
        ) {
            self.locked = locked.isEmpty ? nil : locked
            self.unlocked = unlocked.isEmpty ? nil : unlocked
            self.from = from
            self.dropped = dropped
            self.added = added
            self.moves = moves
            self.movesBound = movesBound
            self.dissolved = dissolved
            self.dissolvedBound = dissolvedBound
            self.moved = moved
        }
    }
    package struct ScheduleSummary: Codable, Sendable {
        package var absences: Int
        package var absencesBound: Int
        package var facilitatorsOutsideRegion: Int
        package var notes: [ScheduleNote]
        /// false after a replan: dates were kept, absences counted rather than minimised.
        package var absencesOptimised: Bool?
    }
    package struct ObjectiveEntry: Codable, Sendable {
        package var metric: String
        package var value: Int
        package var bound: Int
        package var optimal: Bool
    }
    package static let schema = "intervision-plan/1"
    package var schema = PlanDocument.schema
    package var version: Int
    package var created: String
    package var programme: String
    package var config: ProgrammeConfig
    package var participants: [Participant]
    package var facilitators: [Facilitator]?
    /// Emails of participants who left; they stay in `participants` because history names them.
    package var dropped: [String]?
    package var groups: [GroupEntry]
    package var objectives: [ObjectiveEntry]
    package var meetings: [MeetingEntry]
    package var schedule: ScheduleSummary
    package var replan: ReplanEntry?
    /// When `intervision publish` marked the plan as sent out (ISO 8601); a published plan changes only by replan.
    package var published: String?
    /// The organiser's wishes, by email; every later replan keeps them.
    package var wishes: [WishEntry]?
    /// Pairs (emails) who shared a group in an earlier cohort, and whether they are kept apart as a rule.
    package var metBefore: [[String]]?
    package var metBeforeApart: [[String]]?
    package var freshBound: Int?

    /// One wish: its kind, the participant, the other participant or the facilitator (emails), where it came from.
    package struct WishEntry: Codable, Sendable, Equatable {
        package var kind: Wish.Kind
        package var person: String
        package var other: String
        package var source: String
        package var line: Int?
    }
    /// Facilitators of dissolved groups (group id → email): they still receive the cancellations.
    package var cancelledGroupFacilitators: [String: String]?
    /// Groups locked by the organiser (`replan --lock`); every later replan keeps them as they are.
    package var locked: [String]?
    /// Groups handed from one facilitator to another.
    package var handovers: [HandoverEntry]?
    package var solver: SolveStats

    package init(
        version: Int, created: Date, programme: Programme, result: GroupingResult, schedule: ScheduleResult,
        replan: ReplanEntry? = nil, locked: [String] = []
    ) {
        self.version = version
        self.locked = locked.isEmpty ? nil : locked
        self.created = ISO8601DateFormatter().string(from: created)
        self.programme = programme.config.name
        config = programme.config
        participants = programme.participants
        facilitators = programme.facilitators
        dropped = programme.dropped.isEmpty ? nil : programme.dropped.sorted().map { programme.participants[$0].email }
        self.replan = replan
        let email: (Int) -> String = { programme.participants[$0].email }
        metBefore = programme.metBefore.isEmpty ? nil : programme.metBefore.map { [email($0.a), email($0.b)] }
        metBeforeApart =
            programme.metBefore.isEmpty ? nil : programme.metBeforeApart.map { [email($0.a), email($0.b)] }
        freshBound = programme.metBefore.isEmpty ? nil : programme.freshBound
        wishes =
            programme.wishes.isEmpty
            ? nil
            : programme.wishes.map { w in
                WishEntry(
                    kind: w.kind, person: email(w.person),
                    other: w.kind.aboutFacilitator ? programme.facilitators![w.other].email : email(w.other),
                    source: w.source, line: w.line)
            }
        groups = result.groups.map { g in
            GroupEntry(
                id: g.id, homeRegion: g.homeRegion, members: g.members.map(email),
                facilitator: schedule.facilitatorOf[g.id].map { programme.facilitators![$0].email })
        }
        meetings = schedule.meetings.map { m in
            MeetingEntry(
                group: m.group, number: m.number, date: m.date, start: Clock.text(m.start), end: Clock.text(m.end),
                caseBringers: m.caseBringers.map(email), lookBack: m.lookBack.map(email), method: m.method,
                absent: m.absent.map(email), members: m.members.map(email),
                status: m.cancelled ? "cancelled" : "planned",
                uid: RotaFiles.uid(programme.config.name, m), sequence: m.sequence, stamp: m.stamp,
                location: m.location, online: m.online,
                facilitator: m.facilitator.map { programme.facilitators![$0].email },
                cancelledAlone: m.cancelledAlone ? true : nil, present: m.present.map { $0.map(email) })
        }
        handovers =
            schedule.handovers.isEmpty
            ? nil
            : schedule.handovers.map {
                HandoverEntry(
                    group: $0.group, facilitator: programme.facilitators![$0.facilitator].email, from: $0.from)
            }
        self.schedule = ScheduleSummary(
            absences: schedule.absences, absencesBound: schedule.absencesBound,
            facilitatorsOutsideRegion: schedule.facilitatorsOutsideRegion, notes: schedule.notes,
            absencesOptimised: schedule.absencesOptimised ? nil : false)
        let active = Set(result.groups.map(\.id))
        let gone = schedule.facilitatorOf.filter { !active.contains($0.key) }
        cancelledGroupFacilitators = gone.isEmpty ? nil : gone.mapValues { programme.facilitators![$0].email }
        objectives = result.objectives.map {
            ObjectiveEntry(metric: $0.objective.metric, value: $0.value, bound: $0.bound, optimal: $0.optimal)
        }
        // Wall times are in it unless the run left them out (SOURCE_DATE_EPOCH): see `PlanRequest.withDurations`.
        solver = result.stats
    }

    package func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }
}
