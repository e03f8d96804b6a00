// Replan benchmark: plan a programme (not timed), then replan with dropouts and late joiners (timed).
//   swift run -c release replan-bench SIGNUPS CONFIG FACILITATORS DROPS.txt JOINERS.csv FROM
// Prints the stages (moves, dissolved, priorities) and one Markdown table row.
import Foundation
import Grouping
import Intake
import Replanning
import RunControl
import Scheduling

let args = Array(CommandLine.arguments.dropFirst())
guard args.count == 6, let from = Day(parsing: args[5]) else {
    FileHandle.standardError.write(
        Data("usage: replan-bench SIGNUPS CONFIG FACILITATORS DROPS.txt JOINERS.csv FROM\n".utf8))
    exit(2)
}
let programme = try ProgrammeReader.load(
    signups: InputFile.read(args[0]), config: InputFile.read(args[1]), facilitators: InputFile.read(args[2]))
let grouping = try GroupPlanner.plan(programme)
let schedule = try Scheduler.plan(programme, grouping.groups)
let byEmail = Dictionary(uniqueKeysWithValues: programme.participants.map { ($0.emailKey, $0.index) })
let drops = try String(contentsOfFile: args[3], encoding: .utf8).split(separator: "\n")
    .filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { byEmail[$0.lowercased()]! }
let (all, _) = try ProgrammeReader.joiners(
    InputFile.read(args[4]), existing: programme.participants, config: programme.config)
let withJoiners = Programme(config: programme.config, participants: all, facilitators: programme.facilitators)
let current = CurrentPlan(programme: withJoiners, groups: grouping.groups, schedule: schedule, version: 1)
let request = ReplanRequest(drop: Set(drops), joiners: Array(programme.participants.count..<all.count), from: from)
let t0 = Date()
let r = try Replanner.replan(current, request, now: Date(timeIntervalSince1970: 0), budget: RunBudget(timeLimit: 30))
let wall = Date().timeIntervalSince(t0)
for s in r.grouping.stats.stages {
    print(
        String(
            format: "  %-10@ %6d vars %6d rows  %-9@ %.2f s", s.name as NSString, s.variables, s.constraints,
            s.status as NSString, s.seconds))
}
var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
let objectives = r.grouping.objectives.map { "\($0.objective.metric) \($0.value) (\($0.bound))" }.joined(
    separator: ", ")
print(
    "| instance | dropouts | joiners | moves (proven min) | dissolved (min) | priorities (bound) | meetings "
        + "changed | wall s | RSS MiB |"
)
print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
print(
    String(
        format: "| %@ | %d | %d | %d (%d) | %d (%d) | %@ | %d | %.2f | %d |", (args[0] as NSString).lastPathComponent,
        drops.count,
        all.count - programme.participants.count, r.moves.count, r.movesBound, r.dissolved.count, r.dissolvedBound,
        objectives,
        r.changedMeetings.count, wall, usage.ru_maxrss / 1024))
