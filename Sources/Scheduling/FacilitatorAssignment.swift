import GLPK
import Grouping
import Intake
import RunControl

/// One facilitator per group: never over `max_groups`, never a group holding someone from a school the
/// facilitator is tied to; first fewest facilitators outside their own
/// region, then the load spread over as many facilitators as possible with the lowest maximum load.
package enum FacilitatorAssignment {
    struct Outcome {
        var facilitatorOf: [String: Int]
        var outsideRegion: Int
    }

    /// Whether facilitator `f` may lead group `g`; the reason when not: a school they are tied to, or a wish
    /// (someone in the group asked for another facilitator, or not for this one).
    package static func tie(_ f: Facilitator, _ g: Group, _ p: [Participant], _ wishes: [Wish] = []) -> String? {
        if let school = g.members.first(where: { f.isTied(toSchool: p[$0].school) }).map({ p[$0].school }) {
            return school
        }
        let members = Set(g.members)
        for w in wishes where members.contains(w.person) && w.rulesOut(facilitator: f.index) {
            return w.kind == .notFacilitator
                ? "the wish of \(p[w.person].name) (\(w.place))"
                : "the wish of \(p[w.person].name) for another facilitator (\(w.place))"
        }
        return nil
    }

    static func outside(_ f: Facilitator, _ g: Group) -> Bool {
        guard let r = f.region, !r.isEmpty else { return false }
        return Text.key(r) != Text.key(g.homeRegion)
    }

    static func assign(
        _ groups: [Group], _ facilitators: [Facilitator], _ p: [Participant], wishes: [Wish] = [],
        budget: RunBudget
    ) throws(SchedulingFailure) -> Outcome {
        try explainIfImpossible(groups, facilitators, p, wishes)
        var model = Model(name: "facilitators")
        var x: [[Variable?]] = []
        for f in facilitators {
            x.append(
                groups.map { g in
                    tie(f, g, p, wishes) == nil ? model.addVariable("x\(f.index)_\(g.id)", kind: .binary) : nil
                })
        }
        for (j, g) in groups.enumerated() {
            model.add(.sum(facilitators.indices.compactMap { x[$0][j] }), .equal, 1, name: "lead_\(g.id)")
        }
        let load = facilitators.indices.map { LinearExpression.sum(x[$0].compactMap { $0 }) }
        for (i, f) in facilitators.enumerated() {
            model.add(load[i], .lessOrEqual, Double(f.maxGroups), name: "max_\(i)")
        }
        let away = LinearExpression(
            facilitators.indices.flatMap { i in
                groups.indices.compactMap { j in
                    x[i][j].flatMap { outside(facilitators[i], groups[j]) ? ($0, 1.0) : nil }
                }
            })
        // The region objective first and held, then balance: lowest maximum load, most facilitators used.
        let awayValue = try solve(away, &model, holding: "away", budget).value!
        let peak = model.addVariable("peak", kind: .integer, lowerBound: 0, upperBound: Double(groups.count))
        var used: [Variable] = []
        for i in facilitators.indices {
            model.add(load[i] - peak, .lessOrEqual, 0, name: "peak_\(i)")
            let u = model.addVariable("used\(i)", kind: .binary)
            model.add(u - load[i], .lessOrEqual, 0, name: "used_\(i)")
            used.append(u)
        }
        let balance = Double(facilitators.count + 1) * peak - LinearExpression.sum(used)
        let second = try solve(balance, &model, holding: "balance", budget).solution
        var result: [String: Int] = [:]
        for i in facilitators.indices {
            for (j, g) in groups.enumerated() where x[i][j].map({ second[$0] > 0.5 }) == true { result[g.id] = i }
        }
        return Outcome(facilitatorOf: result, outsideRegion: awayValue)
    }

    private static func solve(
        _ objective: LinearExpression, _ model: inout Model, holding name: String, _ budget: RunBudget
    ) throws(SchedulingFailure) -> Lexicographic.Step {
        // A small model (a few units of work): never starved by earlier stages that spent the run's work.
        var options = SolverOptions(within: budget, units: max(budget.workShare(of: 0.25), 3))
        options.cuts = .all
        let step: Lexicographic.Step
        do { step = try Lexicographic.minimize(objective, in: &model, holding: name, options: options) } catch {
            throw .internalError("facilitator assignment: \(error)")
        }
        guard step.value != nil else {
            throw .internalError("facilitator assignment: \(step.solution.status.rawValue)")
        }
        return step
    }

    /// Capacity, a group nobody may lead, and Hall's condition over groups sharing their candidates.
    static func explainIfImpossible(
        _ groups: [Group], _ facilitators: [Facilitator], _ p: [Participant], _ wishes: [Wish] = []
    ) throws(SchedulingFailure) {
        let capacity = facilitators.reduce(0) { $0 + $1.maxGroups }
        if capacity < groups.count {
            throw .impossible(
                Explanation(
                    .calendar,
                    "\(facilitators.count) facilitators can lead at most \(capacity) groups together "
                        + "(max_groups), but there are \(groups.count) groups",
                    changes: [
                        "add facilitators or raise max_groups by \(groups.count - capacity) in total",
                        "form fewer groups ([groups] count or a larger target_size)",
                    ]
                ).inDutch(
                    "\(facilitators.count) begeleiders kunnen samen hoogstens \(capacity) groepen leiden "
                        + "(max_groups), maar er zijn \(groups.count) groepen",
                    suggestions: [
                        "voeg begeleiders toe of verhoog max_groups met in totaal \(groups.count - capacity)",
                        "maak minder groepen ([groups] count of een grotere target_size)",
                    ]))
        }
        var candidates: [[Int]] = []
        for g in groups {
            let ok = facilitators.indices.filter { tie(facilitators[$0], g, p, wishes) == nil }
            if ok.isEmpty {
                let ties = facilitators.map { "\($0.name) (tied to \(tie($0, g, p, wishes)!))" }.joined(separator: ", ")
                throw .impossible(
                    Explanation(
                        .calendar, "no facilitator may lead \(g.id): every one is tied to a school in it — \(ties)",
                        changes: [
                            "add a facilitator without ties to \(g.id)'s schools",
                            "remove a tie from the facilitators file if it is not a real conflict of interest",
                        ]
                    ).inDutch(
                        "geen begeleider mag \(g.id) leiden: ieder is verbonden aan een school erin — "
                            + facilitators.map { "\($0.name) (verbonden aan \(tie($0, g, p, wishes)!))" }
                            .joined(separator: ", "),
                        suggestions: [
                            "voeg een begeleider toe zonder banden met de scholen van \(g.id)",
                            "haal een band uit het begeleidersbestand als het geen echt belangenconflict is",
                        ]))
            }
            candidates.append(ok)
        }
        // Hall's condition on the sets of groups that share exactly the same candidate facilitators and their unions.
        for set in Set(candidates).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let union = Set(groups.indices.filter { Set(candidates[$0]).isSubset(of: Set(set)) })
            let cap = set.reduce(0) { $0 + facilitators[$1].maxGroups }
            if union.count > cap {
                let names = set.map { facilitators[$0].name }.joined(separator: ", ")
                let ids = union.sorted().map { groups[$0].id }.joined(separator: ", ")
                throw .impossible(
                    Explanation(
                        .calendar,
                        "groups \(ids) can only be led by \(names) (the others are tied to their schools), who "
                            + "can lead \(cap) groups together",
                        changes: [
                            "raise max_groups of \(names) by \(union.count - cap) in total",
                            "add a facilitator without ties to these groups' schools",
                        ]
                    ).inDutch(
                        "groepen \(ids) kunnen alleen geleid worden door \(names) (de anderen zijn verbonden aan hun "
                            + "scholen), die samen \(cap) groepen kunnen leiden",
                        suggestions: [
                            "verhoog max_groups van \(names) met in totaal \(union.count - cap)",
                            "voeg een begeleider toe zonder banden met de scholen van deze groepen",
                        ]))
            }
        }
    }
}
