// Scheduling benchmark: facilitators, dates, rotation and all rota files for a grouped programme.
//   swift run -c release schedule-bench [--runs N] SIGNUPS CONFIG FACILITATORS
// Groups are formed once (not timed); then Scheduler.plan and the file rendering are timed per run.
// Prints one Markdown table row.
import Export
import Foundation
import Grouping
import Intake
import Scheduling

var args = Array(CommandLine.arguments.dropFirst())
var runs = 5
if let i = args.firstIndex(of: "--runs"), i + 1 < args.count, let n = Int(args[i + 1]) {
    runs = n
    args.removeSubrange(i...(i + 1))
}
guard args.count == 3 else {
    FileHandle.standardError.write(Data("usage: schedule-bench [--runs N] SIGNUPS CONFIG FACILITATORS\n".utf8))
    exit(2)
}
let programme = try ProgrammeReader.load(
    signups: InputFile.read(args[0]), config: InputFile.read(args[1]), facilitators: InputFile.read(args[2]))
let grouping = try GroupPlanner.plan(programme)
var planTimes: [Double] = [], fileTimes: [Double] = []
var last: ScheduleResult?
var fileCount = 0
for _ in 0..<runs {
    let t0 = Date()
    let s = try Scheduler.plan(programme, grouping.groups)
    let t1 = Date()
    let files = PlanFiles.render(programme, grouping, s, created: Date(timeIntervalSince1970: 0))
    let t2 = Date()
    planTimes.append(t1.timeIntervalSince(t0))
    fileTimes.append(t2.timeIntervalSince(t1))
    last = s
    fileCount = files.count
}
let s = last!
let median: ([Double]) -> Double = { $0.sorted()[$0.count / 2] }
var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print(
    "| instance | groups | facilitators | meetings | outside region | absences (bound) | schedule s (median of "
        + "\(runs)) | files s | files | RSS MiB |"
)
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(
    String(
        format: "| %@ | %d | %d | %d | %d | %d (%d) | %.2f | %.2f | %d | %d |",
        (args[0] as NSString).lastPathComponent, grouping.groups.count, Set(s.facilitatorOf.values).count,
        s.meetings.count,
        s.facilitatorsOutsideRegion, s.absences, s.absencesBound, median(planTimes), median(fileTimes), fileCount,
        usage.ru_maxrss / 1024))
