import Foundation
import Grouping
import Intake
import Replanning
import Scheduling

/// Reading a plan folder back for `replan`.
package struct PlanReadFailure: Error, Sendable {
    /// What is wrong with the folder or file as a whole.
    package var message: String
    /// What to do about it.
    package var fix: String
    /// Each damaged place in the document: (JSON path, problem).
    package var details: [(field: String, message: String)] = []
}

extension PlanDocument {
    package static func read(folder: String) throws(PlanReadFailure) -> PlanDocument {
        let path = (folder as NSString).appendingPathComponent("plan.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanReadFailure(
                message: "\(folder) holds no plan.json", fix: "give the plan folder that planning wrote")
        }
        struct Header: Decodable { var schema: String? }
        let schema = (try? JSONDecoder().decode(Header.self, from: data))?.schema
        guard let schema else {
            throw PlanReadFailure(
                message: "\(path) is not a plan file (no schema)", fix: "give the plan folder that planning wrote")
        }
        guard schema == PlanDocument.schema else {
            throw PlanReadFailure(
                message:
                    "\(path) has schema \"\(schema)\"; this version of intervision reads \"\(PlanDocument.schema)\"",
                fix: "use the intervision version that wrote the plan")
        }
        let restore = "copy the newest history/plan-vN.json over plan.json (it is the last version written)"
        let document: PlanDocument
        do {
            document = try JSONDecoder().decode(PlanDocument.self, from: data)
        } catch {
            throw PlanReadFailure(message: "\(path) is damaged", fix: restore, details: [Self.describe(error)])
        }
        let problems = document.problems()
        guard problems.isEmpty else {
            throw PlanReadFailure(message: "\(path) is damaged", fix: restore, details: problems)
        }
        return document
    }

    /// A decoding error as (JSON path, what was wrong), without Swift's internal dump.
    static func describe(_ error: Error) -> (field: String, message: String) {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(
                in: CharacterSet(charactersIn: "."))
        }
        switch error as? DecodingError {
        case .typeMismatch(let type, let c)?: return (path(c.codingPath), "expected \(type)")
        case .valueNotFound(let type, let c)?: return (path(c.codingPath), "missing \(type)")
        case .keyNotFound(let key, let c)?: return (path(c.codingPath + [key]), "missing")
        case .dataCorrupted(let c)?: return (path(c.codingPath), c.debugDescription)
        default: return ("", "not valid JSON")
        }
    }

    var createdDate: Date { ISO8601DateFormatter().date(from: created) ?? Date(timeIntervalSince1970: 0) }

    /// The plan as plain values again, with every event's DTSTAMP made explicit so unchanged events stay
    /// byte-identical.
    package func restore() throws(PlanReadFailure) -> CurrentPlan {
        let damaged = { (what: String) in
            PlanReadFailure(
                message: "plan.json is inconsistent: \(what)", fix: "restore it from history/, the last version written"
            )
        }
        guard participants.enumerated().allSatisfy({ $0.offset == $0.element.index }) else {
            throw damaged("participant indices out of order")
        }
        let byEmail = Dictionary(participants.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        let facilitatorByEmail = Dictionary(
            (facilitators ?? []).map { ($0.email.lowercased(), $0.index) }, uniquingKeysWith: { a, _ in a })
        func index(_ email: String) throws(PlanReadFailure) -> Int {
            guard let i = byEmail[email.lowercased()] else { throw damaged("\(email) is not among the participants") }
            return i
        }
        func indices(_ emails: [String]) throws(PlanReadFailure) -> [Int] {
            var out: [Int] = []
            for e in emails { out.append(try index(e)) }
            return out
        }
        var groupValues: [Group] = [], facilitatorOf: [String: Int] = [:]
        for g in groups {
            groupValues.append(Group(id: g.id, members: try indices(g.members), homeRegion: g.homeRegion))
            if let f = g.facilitator { facilitatorOf[g.id] = facilitatorByEmail[f.lowercased()] }
        }
        let stamp = createdDate.timeIntervalSince1970
        var meetingValues: [Meeting] = []
        for m in meetings {
            guard let start = Clock.minutes(m.start), let end = Clock.minutes(m.end) else {
                throw damaged("meeting time \(m.start)–\(m.end)")
            }
            let members = try indices(m.members ?? groups.first { $0.id == m.group }?.members ?? [])
            var meeting = Meeting(
                group: m.group, number: m.number, date: m.date, start: start, end: end,
                caseBringers: try indices(m.caseBringers), lookBack: try indices(m.lookBack), method: m.method,
                absent: try indices(m.absent), members: members, sequence: m.sequence,
                cancelled: m.status == "cancelled", stamp: m.stamp ?? stamp)
            if m.location == nil && m.online == nil {
                // Plans from before venues were stored per meeting: the config's venue, as the files showed it.
                let region =
                    groups.first { $0.id == m.group }?.homeRegion
                    ?? (members.isEmpty ? nil : Metrics.homeRegion(members, participants))
                meeting.place(config, region: region)
            } else {
                (meeting.location, meeting.online) = (m.location, m.online)
            }
            meeting.cancelledAlone = m.cancelledAlone ?? false
            if let present = m.present { meeting.present = try indices(present) }
            if let f = m.facilitator {
                guard let index = facilitatorByEmail[f.lowercased()] else {
                    throw damaged("meeting led by \(f), who is not among the facilitators")
                }
                meeting.facilitator = index
            }
            meetingValues.append(meeting)
        }
        // A dissolved group's facilitator still receives its cancellations.
        for (id, f) in cancelledGroupFacilitators ?? [:] { facilitatorOf[id] = facilitatorByEmail[f.lowercased()] }
        var wishValues: [Wish] = []
        for w in wishes ?? [] {
            let other: Int
            if w.kind.aboutFacilitator {
                guard let f = facilitatorByEmail[w.other.lowercased()] else {
                    throw damaged("wish for \(w.other), who is not among the facilitators")
                }
                other = f
            } else {
                other = try index(w.other)
            }
            wishValues.append(
                Wish(kind: w.kind, person: try index(w.person), other: other, source: w.source, line: w.line))
        }
        func pairs(_ list: [[String]]?) throws(PlanReadFailure) -> [Programme.MetPair] {
            var out: [Programme.MetPair] = []
            for pair in list ?? [] {
                guard pair.count == 2 else { throw damaged("a metBefore pair of \(pair.count) people") }
                out.append(.init(try index(pair[0]), try index(pair[1])))
            }
            return out
        }
        let programme = Programme(
            config: config, participants: participants, facilitators: facilitators,
            dropped: Set(try indices(dropped ?? [])), wishes: wishValues, metBefore: try pairs(metBefore),
            metBeforeApart: try pairs(metBeforeApart), freshBound: freshBound ?? 0)
        var schedule = ScheduleResult(
            facilitatorOf: facilitatorOf, meetings: meetingValues,
            facilitatorsOutsideRegion: self.schedule.facilitatorsOutsideRegion,
            absences: self.schedule.absences, absencesBound: self.schedule.absencesBound, notes: self.schedule.notes)
        schedule.absencesOptimised = self.schedule.absencesOptimised ?? true
        for h in handovers ?? [] {
            guard let f = facilitatorByEmail[h.facilitator.lowercased()] else {
                throw damaged("handover by \(h.facilitator), who is not among the facilitators")
            }
            schedule.handovers.append(.init(group: h.group, facilitator: f, from: h.from))
        }
        return CurrentPlan(
            programme: programme, groups: groupValues, schedule: schedule, version: version, locked: locked ?? [])
    }
}
