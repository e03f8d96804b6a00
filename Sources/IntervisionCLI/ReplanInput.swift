import Export
import Foundation
import Intake
import Replanning

/// Turns `replan`'s options into a request, listing every problem at once.
enum ReplanInput {
    static func parse(_ current: CurrentPlan, _ document: PlanDocument, drops: [String], dropFile: String?, add: String?, from: String?,
                      now: Date, problems: inout [String]) -> (Programme, ReplanRequest, String)? {
        let p = current.programme.participants
        var emails = drops.map { ($0, "--drop") }
        if let dropFile {
            if let text = FileManager.default.contents(atPath: dropFile).flatMap({ String(data: $0, encoding: .utf8) }) {
                for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
                    guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                    let cells = line.split(whereSeparator: { ",;\t".contains($0) }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
                    if let email = cells.first(where: { $0.contains("@") }) { emails.append((email, "\(dropFile):\(n + 1)")) }
                    else if n > 0 || !cells.contains(where: { $0.lowercased().contains("mail") }) {
                        problems.append("error: \(dropFile):\(n + 1): no email address on this line\n  fix: write one email per line (lines starting with # are comments)")
                    }
                }
            } else {
                problems.append("error: cannot read --drop-file \(dropFile)\n  fix: check the path; the file must be UTF-8 text")
            }
        }
        let byEmail = Dictionary(p.map { ($0.emailKey, $0.index) }, uniquingKeysWith: { a, _ in a })
        var drop = Set<Int>()
        for (email, source) in emails {
            guard let i = byEmail[email.lowercased()] else {
                problems.append("error: \(source): \(email) is not a participant in this plan\n  fix: check the spelling; participants are listed in groups.csv")
                continue
            }
            if current.programme.dropped.contains(i) {
                problems.append("error: \(source): \(email) (\(p[i].name)) already left in an earlier version\n  fix: remove this email from the list")
            } else {
                drop.insert(i)
            }
        }
        var programme = current.programme
        var joiners: [Int] = []
        var warnings = ""
        if let add {
            do {
                let file = try InputFile.read(add)
                let (all, diagnostics) = try Intake.joiners(file, existing: p, config: current.programme.config)
                joiners = Array(p.count..<all.count)
                programme = Programme(config: current.programme.config, participants: all, facilitators: current.programme.facilitators,
                                      dropped: current.programme.dropped)
                warnings = DiagnosticText.render(diagnostics)
            } catch {
                problems.append(DiagnosticText.render(error.diagnostics).trimmingCharacters(in: .newlines))
            }
        }
        let cutOff: Day
        if let from {
            if let d = Day(parsing: from) { cutOff = d } else {
                problems.append("error: --from \"\(from)\" is not a date\n  fix: write it as YYYY-MM-DD, e.g. 2027-03-01")
                cutOff = Day(ordinal: 0)
            }
        } else {
            cutOff = today(now, timeZone: current.programme.config.timezone)
        }
        if let previous = document.replan?.from, cutOff < previous {
            problems.append("error: --from \(cutOff) is before \(previous), where version \(current.version) already started history\n  fix: use \(previous) or later")
        }
        if drop.isEmpty && joiners.isEmpty && problems.isEmpty {
            problems.append("error: nothing to change\n  fix: give --drop EMAIL, --drop-file FILE or --add FILE")
        }
        guard problems.isEmpty else { return nil }
        return (programme, ReplanRequest(drop: drop, joiners: joiners, from: cutOff), warnings)
    }

    /// The calendar day of `now` in the programme's time zone.
    static func today(_ now: Date, timeZone: String) -> Day {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let x = c.dateComponents([.year, .month, .day], from: now)
        return Day(year: x.year!, month: x.month!, day: x.day!)!
    }
}
