// Grouping benchmark: the planner against the plain assignment model in the same GLPK.
//   swift run -c release grouping-bench [--plain-limit S] [--time-limit S] FILE.csv CONFIG.toml [FILE CONFIG]...
// Prints one Markdown table row per instance and model.
import Foundation
import GLPK
import Grouping
import Intake

func plainAssignment(_ p: Programme, groups k: Int, timeLimit: Double) throws -> (
    away: Int?, bound: Double?, seconds: Double, status: String
) {
    // x[i,g] binary, one group each, sizes in range, one row per tied pair and group; `away` through a
    // majority-region indicator per group. This is the formulation the issue measured as unprovable.
    let n = p.participants.count, g = p.config.groups
    var m = Model(name: "plain")
    let x = (0..<n).map { i in (0..<k).map { m.addVariable("x\(i)_\($0)", kind: .binary) } }
    for i in 0..<n { m.add(.sum(x[i]), .equal, 1) }
    for j in 0..<k {
        let size = LinearExpression.sum((0..<n).map { x[$0][j] })
        m.add(size, .greaterOrEqual, Double(g.minSize))
        m.add(size, .lessOrEqual, Double(g.maxSize))
        for i in 0..<n { for t in p.conflicts.neighbours[i] where t > i { m.add(x[i][j] + x[t][j], .lessOrEqual, 1) } }
    }
    let regions = Array(Set(p.participants.map(\.region))).sorted()
    var away = LinearExpression(constant: Double(n))
    for j in 0..<k {
        let h = regions.map { _ in m.addVariable(kind: .binary) }
        m.add(.sum(h), .equal, 1)
        let home = m.addVariable(lowerBound: 0, upperBound: Double(g.maxSize))
        for (r, region) in regions.enumerated() {
            let members = LinearExpression.sum((0..<n).filter { p.participants[$0].region == region }.map { x[$0][j] })
            m.add(home - members + Double(g.maxSize) * h[r], .lessOrEqual, Double(g.maxSize))
        }
        away = away - home
    }
    m.minimize(away)
    let s = try Solver.solve(m, options: SolverOptions(timeLimit: timeLimit))
    return (s.objective.map { Int($0.rounded()) }, s.bestBound, s.elapsed, s.status.rawValue)
}

var args = Array(CommandLine.arguments.dropFirst())
// `--instance FILE.csv CONFIG.toml`: the instance as the peer solver (Benchmarks/cpsat_peer.py) reads it — people
// with region, level and function key, every tied pair, the group count and sizes, the priorities — as JSON.
if args.first == "--instance", args.count == 3 {
    let p = try ProgrammeReader.load(signups: InputFile.read(args[1]), config: InputFile.read(args[2]))
    guard case .groups(let k, _, _) = GroupCount.resolve(participants: p.participants.count, p.config.groups) else {
        fatalError("no group count for \(args[1])")
    }
    let ties = p.conflicts.neighbours.enumerated().flatMap { i, n in n.filter { $0 > i }.map { [i, $0] } }
    let instance: [String: Any] = [
        "people": p.participants.map {
            ["region": $0.region, "level": $0.level, "function": Text.functionKey($0.function)] as [String: Any]
        },
        "ties": ties, "groups": k, "minSize": p.config.groups.minSize, "maxSize": p.config.groups.maxSize,
        "priorities": p.config.priorities.map(\.metric),
    ]
    let data = try JSONSerialization.data(withJSONObject: instance, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
    exit(0)
}
var plainLimit = 60.0, timeLimit = 60.0
while let flag = args.first, flag.hasPrefix("--") {
    args.removeFirst()
    let value = Double(args.removeFirst())!
    if flag == "--plain-limit" { plainLimit = value } else { timeLimit = value }
}
print("| instance | N | groups | model | away (bound) | spread (bound) | variety (bound) | wall s | peak RSS MiB |")
print("|---|---:|---:|---|---|---|---|---:|---:|")
func rss() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss / 1024
}
for pair in stride(from: 0, to: args.count, by: 2) {
    let name = (args[pair] as NSString).lastPathComponent.replacingOccurrences(of: ".csv", with: "")
    let p = try ProgrammeReader.load(signups: InputFile.read(args[pair]), config: InputFile.read(args[pair + 1]))
    let start = Date()
    do {
        let r = try GroupPlanner.plan(p, options: GroupingOptions(timeLimit: timeLimit))
        for st in r.stats.stages {
            FileHandle.standardError.write(
                Data(String(format: "  %@: %@, %.2f s, %d vars\n", st.name, st.status, st.seconds, st.variables).utf8))
        }
        let cells = r.objectives.map {
            "\($0.value) (\($0.bound))\($0.optimal ? " optimal" : String(format: " gap %.1f %%", $0.gap * 100))"
        }
        print(
            "| \(name) | \(p.participants.count) | \(r.groups.count) | planner | "
                + "\(cells.joined(separator: " | ")) | \(String(format: "%.2f", Date().timeIntervalSince(start))) "
                + "| \(rss()) |"
        )
        if p.participants.count <= 120 && plainLimit > 0 {
            let plain = try plainAssignment(p, groups: r.groups.count, timeLimit: plainLimit)
            let bound = plain.bound.map { String(format: "%.1f", $0) } ?? "–"
            print(
                "| \(name) | \(p.participants.count) | \(r.groups.count) | plain assignment | "
                    + "\(plain.away.map(String.init) ?? "none") (\(bound)) \(plain.status) | – | – | "
                    + "\(String(format: "%.2f", plain.seconds)) | \(rss()) |"
            )
        }
    } catch {
        print(
            "| \(name) | \(p.participants.count) | – | planner | failed: \(error) | | | "
                + "\(String(format: "%.2f", Date().timeIntervalSince(start))) | \(rss()) |"
        )
    }
}
