import GLPK
import Grouping
import Intake
import RunControl
import Scheduling

/// New facilitators for the groups whose facilitator left (`replan --drop-facilitator`) or cannot come on some of
/// their later dates (`--facilitator-unavailable`), in one integer program over the affected groups:
/// x[g,f] = facilitator f leads group g from `from` on, for every f who may (has not left, is not tied to a
/// member's school, keeps the members' facilitator wishes). Each facilitator within `max_groups`, and two affected
/// groups that meet on one day never share a new facilitator. Minimised in order, each proven:
/// 1. groups that get a new facilitator (keeping one's own facilitator, on moved dates, counts 0);
/// 2. meetings that must move because the facilitator is unavailable or busy that day;
/// 3. groups led from outside their region.
/// The dates that must move go to the nearest valid days (`Scheduler.redate`, solved once here); when they cannot,
/// the choice is made again among facilitators who need no moved date at all.
struct FacilitatorChanges {
    struct Outcome {
        /// Group id → facilitator from `from` on.
        var facilitatorOf: [String: Int]
        /// Groups whose facilitator changes, with who led them before.
        var handovers: [ScheduleResult.Handover]
        /// Proven minimum number of groups that get a new facilitator.
        var handoversBound: Int
        /// New days (all meetings, in number order) of the groups whose dates had to move for their facilitator,
        /// as the calendar model chose them.
        var dates: [String: [Day]]
    }

    let programme: Programme
    let groups: [Group]
    let schedule: ScheduleResult
    let from: Day
    /// Later meetings of each group, not cancelled.
    let future: [String: [Meeting]]

    init(_ programme: Programme, _ groups: [Group], _ schedule: ScheduleResult, from: Day) {
        self.programme = programme
        self.groups = groups
        self.schedule = schedule
        self.from = from
        var future: [String: [Meeting]] = [:]
        for g in groups { future[g.id] = schedule.meetings(of: g.id).filter { !$0.cancelled && $0.date >= from } }
        self.future = future
    }

    /// Whether `f` may lead `g` at all: has not left, no tie to a member's school, no member's wish against it.
    func mayLead(_ f: Facilitator, _ g: Group) -> Bool {
        f.leftOn == nil && FacilitatorAssignment.tie(f, g, programme.participants, programme.wishes) == nil
    }

    /// The meetings of `g` from `from` on that `f` cannot lead on their day: unavailable, or busy with a group
    /// outside `affected` (whose facilitator stays).
    func clashes(_ f: Facilitator, _ g: Group, affected: Set<String>) -> Int {
        let fixed = programme.config.schedule.fixedDates
        return future[g.id]!.filter { m in
            if f.unavailable.contains(where: { $0.contains(m.date) }) { return true }
            return groups.contains { h in
                h.id != g.id && !affected.contains(h.id) && schedule.facilitatorOf[h.id] == f.index
                    && future[h.id]!.contains { o in
                        o.date == m.date && (fixed[m.number] != m.date || (o.start < m.end && m.start < o.end))
                    }
            }
        }.count
    }

    /// Nil when every group's facilitator can still lead all its later meetings.
    func solve(budget: RunBudget) throws(ReplanFailure) -> Outcome? {
        guard let facilitators = programme.facilitators, !facilitators.isEmpty else { return nil }
        let affected = groups.filter { g in
            // A group without a facilitator (opened in this replan) needs one.
            guard let f = schedule.facilitatorOf[g.id].map({ facilitators[$0] }) else { return true }
            return f.leftOn != nil || clashes(f, g, affected: []) > 0
        }
        guard !affected.isEmpty else { return nil }
        let ids = Set(affected.map(\.id))
        do {
            return try assign(affected, ids, facilitators, allowMoves: true, budget: budget)
        } catch {
            guard case .impossible = error else { throw error }
            // The dates could not move as the first choice needs: choose among facilitators free on every date.
            // When that fails too, the first reason is the one to tell (it allowed more).
            do { return try assign(affected, ids, facilitators, allowMoves: false, budget: budget) } catch {
                guard case .impossible = error else { throw error }
            }
            throw error
        }
    }

    private func assign(
        _ affected: [Group], _ ids: Set<String>, _ facilitators: [Facilitator], allowMoves: Bool, budget: RunBudget
    ) throws(ReplanFailure) -> Outcome {
        var load = [Int](repeating: 0, count: facilitators.count)
        for g in groups where !ids.contains(g.id) { if let f = schedule.facilitatorOf[g.id] { load[f] += 1 } }
        var model = Model(name: "replan-facilitators")
        var x: [[(f: Int, v: Variable, clashes: Int)]] = []
        for g in affected {
            var row: [(f: Int, v: Variable, clashes: Int)] = []
            for f in facilitators where mayLead(f, g) && load[f.index] < f.maxGroups {
                let c = clashes(f, g, affected: ids)
                guard c == 0 || allowMoves else { continue }
                row.append((f.index, model.addVariable("x\(g.id)_\(f.index)", kind: .binary), c))
            }
            guard !row.isEmpty else { throw .impossible(noFacilitator(g, facilitators, load: load)) }
            model.add(.sum(row.map(\.v)), .equal, 1, name: "one_\(g.id)")
            x.append(row)
        }
        for f in facilitators {
            let vars = x.flatMap { $0.filter { $0.f == f.index }.map(\.v) }
            if vars.count > max(0, f.maxGroups - load[f.index]) {
                model.add(.sum(vars), .lessOrEqual, Double(f.maxGroups - load[f.index]), name: "cap_\(f.index)")
            }
        }
        // Two affected groups meeting on one day cannot share a new facilitator.
        for a in affected.indices {
            for b in affected.indices where b > a {
                let days = Set(future[affected[a].id]!.map(\.date))
                guard future[affected[b].id]!.contains(where: { days.contains($0.date) }) else { continue }
                for ca in x[a] { for cb in x[b] where cb.f == ca.f { model.add(.sum([ca.v, cb.v]), .lessOrEqual, 1) } }
            }
        }
        func expression(_ cost: (Int, Int, Int) -> Double) -> LinearExpression {
            LinearExpression(x.enumerated().flatMap { g, row in row.map { ($0.v, cost(g, $0.f, $0.clashes)) } })
        }
        let stages: [(String, LinearExpression)] = [
            ("new facilitators", expression { g, f, _ in schedule.facilitatorOf[affected[g].id] == f ? 0 : 1 }),
            ("meetings to move", expression { _, _, c in Double(c) }),
            (
                "outside region",
                expression { g, f, _ in
                    facilitators[f].region.map { Text.key($0) == Text.key(affected[g].homeRegion) } ?? false ? 0 : 1
                }
            ),
        ]
        var bound = 0, values: [Double] = []
        for (n, (name, objective)) in stages.enumerated() {
            let step: Lexicographic.Step
            do {
                step = try Lexicographic.minimize(
                    objective, in: &model, holding: name, options: SolverOptions(within: budget, share: 0.2))
            } catch {
                throw .internalError("replan \(name): \(error)")
            }
            guard step.value != nil else {
                if step.solution.status == .infeasible {
                    throw .impossible(noArrangement(affected, facilitators, load: load))
                }
                throw .outOfTime("replan \(name)")
            }
            if n == 0 { bound = step.bound }
            values = step.solution.values
        }
        var facilitatorOf = schedule.facilitatorOf, handovers: [ScheduleResult.Handover] = [], redate = Set<String>()
        for (g, row) in x.enumerated() {
            let chosen = row.first { values[$0.v.index] > 0.5 }!
            let id = affected[g].id
            if let old = schedule.facilitatorOf[id], old != chosen.f {
                handovers.append(.init(group: id, facilitator: old, from: from))
            }
            facilitatorOf[id] = chosen.f
            if chosen.clashes > 0 { redate.insert(id) }
        }
        var dates: [String: [Day]] = [:]
        if !redate.isEmpty {
            do {
                dates = try Scheduler.redate(
                    programme, groups, meetings: schedule.meetings, facilitatorOf: facilitatorOf, from: from,
                    budget: budget, force: redate
                ).filter { redate.contains($0.key) }
            } catch {
                throw .impossible(noArrangement(affected, facilitators, load: load))
            }
        }
        return Outcome(facilitatorOf: facilitatorOf, handovers: handovers, handoversBound: bound, dates: dates)
    }

    /// Nobody may lead `g`: who is ruled out, and why.
    func noFacilitator(_ g: Group, _ facilitators: [Facilitator], load: [Int]) -> Explanation {
        var details: [String] = [], dutch: [String] = [], full: [Facilitator] = []
        for f in facilitators where f.leftOn == nil {
            if load[f.index] >= f.maxGroups {
                full.append(f)
                continue
            }
            if let i = g.members.first(where: { f.isTied(toSchool: programme.participants[$0].school) }) {
                details.append("\(f.name): tied to \(programme.participants[i].school)")
                dutch.append("\(f.name): verbonden aan \(programme.participants[i].school)")
            } else if !mayLead(f, g) {
                details.append("\(f.name): ruled out by a member's facilitator wish")
                dutch.append("\(f.name): uitgesloten door de begeleiderswens van een lid")
            } else {
                details.append("\(f.name): unavailable or busy on some of \(g.id)'s dates")
                dutch.append("\(f.name): niet beschikbaar of bezet op een of meer data van \(g.id)")
            }
        }
        // Those of the group's own region first: raising their maximum keeps the group close to home.
        let home = Text.key(g.homeRegion)
        full.sort {
            ($0.region.map(Text.key) == home ? 0 : 1, $0.index) < ($1.region.map(Text.key) == home ? 0 : 1, $1.index)
        }
        if !full.isEmpty {
            let names = full.prefix(4).map(\.name).joined(separator: ", ") + (full.count > 4 ? ", …" : "")
            details.insert(
                full.count == 1
                    ? "\(names) leads as many groups as max_groups allows"
                    : "\(full.count) facilitators lead as many groups as max_groups allows (\(names))", at: 0)
            dutch.insert(
                full.count == 1
                    ? "\(names) leidt al zoveel groepen als max_groups toestaat"
                    : "\(full.count) begeleiders leiden al zoveel groepen als max_groups toestaat (\(names))", at: 0)
        }
        return Explanation(
            .calendar, "no facilitator can take over \(g.id) from \(from) on", people: g.members, details: details,
            suggestions: [.init("add a facilitator: --add-facilitators FILE")]
                + full.prefix(3).map { .init("raise max_groups of \($0.name) to \($0.maxGroups + 1)") }
        ).inDutch(
            "geen begeleider kan \(g.id) vanaf \(from) overnemen", details: dutch,
            suggestions: ["voeg een begeleider toe"]
                + full.prefix(3).map { "verhoog max_groups van \($0.name) naar \($0.maxGroups + 1)" })
    }

    /// The affected groups together need more than the facilitators can give.
    func noArrangement(_ affected: [Group], _ facilitators: [Facilitator], load: [Int]) -> Explanation {
        let spare = facilitators.filter { $0.leftOn == nil }.reduce(0) { $0 + max(0, $1.maxGroups - load[$1.index]) }
        return Explanation(
            .calendar,
            "\(affected.count) group\(affected.count == 1 ? "" : "s") need\(affected.count == 1 ? "s" : "") "
                + "another facilitator from \(from) on (\(affected.map(\.id).joined(separator: ", "))), and no "
                + "choice keeps every facilitator within max_groups, free on the dates and never double-booked",
            details: ["room left with the other facilitators: \(spare) group\(spare == 1 ? "" : "s")"],
            suggestions: [
                .init("add a facilitator: --add-facilitators FILE"),
                .init("raise max_groups in the facilitators file"),
            ]
        ).inDutch(
            "\(affected.count) \(affected.count == 1 ? "groep heeft" : "groepen hebben") vanaf \(from) een andere "
                + "begeleider nodig (\(affected.map(\.id).joined(separator: ", "))), en geen keuze houdt elke "
                + "begeleider binnen max_groups, vrij op de data en nooit dubbel geboekt",
            details: ["ruimte bij de andere begeleiders: \(spare) \(spare == 1 ? "groep" : "groepen")"],
            suggestions: ["voeg een begeleider toe", "verhoog max_groups in het begeleidersbestand"])
    }
}
