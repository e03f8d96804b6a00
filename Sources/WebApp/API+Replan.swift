import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore

extension API {
    /// `POST /api/programmes/{id}/replan` (and `/preview`) body: the CLI's replan options as JSON.
    struct ReplanBody: Decodable {
        struct Move: Decodable { var email: String, group: String }
        struct Swap: Decodable { var first: String, second: String }
        struct MeetingRef: Decodable { var group: String, meeting: Int }
        struct MeetingMove: Decodable { var group: String, meeting: Int, date: String }
        struct Unavailable: Decodable { var email: String, from: String, to: String? }
        struct Absence: Decodable { var group: String, meeting: Int, absent: [String] }

        /// The first day that is not history (`YYYY-MM-DD`); today when absent.
        var from: String?
        /// Emails of participants who leave.
        var drop: [String]?
        /// Late joiners: one object per person with the sign-up columns (`name`, `email`, `school`, …).
        var add: [[String: String]]?
        var moves: [Move]?
        var swaps: [Swap]?
        var lock: [String]?
        var unlock: [String]?
        var dropFacilitators: [String]?
        /// New facilitators: one object per person with the facilitators file's columns.
        var addFacilitators: [[String: String]]?
        var facilitatorUnavailable: [Unavailable]?
        var moveMeetings: [MeetingMove]?
        var cancelMeetings: [MeetingRef]?
        /// A cancelled meeting goes to the nearest valid day (default) or is dropped (false).
        var reschedule: Bool?
        var absences: [Absence]?
        /// Work out the new version and its changes without writing anything.
        var dryRun: Bool?
        var timeLimit: Double?
    }

    /// `POST /api/programmes/{id}/replan`: starts a replan (202 with the job). With `dryRun` the replan runs on
    /// a copy and the job's result says what would change; the plan stays as it is.
    func replan(_ request: Request, _ id: String) async -> Response {
        guard let folder = app.workspace.planFolder(id), app.snapshot(id) != nil else { return API.notFound() }
        let body: ReplanBody, files: [String: InputFile]
        switch await Self.replanBody(request) {
        case .success(let b): (body, files) = b
        case .failure(let box): return box.response
        }
        var changes: ReplanChanges
        switch Self.resolved(body) {
        case .success(let c): changes = c
        case .failure(let box): return box.response
        }
        if let f = files["joiners"] { changes.joiners = f }
        if let f = files["attendance"] { changes.attendance = f }
        if let f = files["addFacilitators"] { changes.addFacilitators = f }
        if let f = files["wishes"] { changes.wishes = f }
        let limit: Double
        switch API.timeLimit(body.timeLimit, default: 30) {
        case .success(let l): limit = l
        case .failure(let box): return box.response
        }
        let dryRun = body.dryRun ?? false, root = app.workspace.root, changesToMake = changes
        return await start(id, kind: dryRun ? "preview" : "replan") { sink async throws(PlanningFailure) in
            var target = folder, scratch: String?
            if dryRun {
                // The copy lives in the workspace (same disk) and goes away whatever happens.
                let copy = (root as NSString).appendingPathComponent(".dryrun-\(UUID().uuidString.lowercased())")
                do {
                    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
                    target = (copy as NSString).appendingPathComponent("plan")
                    try FileManager.default.copyItem(atPath: folder, toPath: target)
                } catch {
                    try? FileManager.default.removeItem(atPath: copy)
                    throw .cannotWrite(folder: copy, reason: "\(error)")
                }
                scratch = copy
            }
            defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
            let done = try await Intervision.replan(
                target, changesToMake, budget: RunBudget(timeLimit: limit), events: sink)
            let p = done.result.programme
            var recipients: [String] = []
            for (index, _) in done.recipients.facilitators {
                if let f = p.facilitators?[index] { recipients.append("\(f.name) <\(f.email)>") }
            }
            for (_, members) in done.recipients.groups {
                recipients += members.map { "\(p.participants[$0].name) <\(p.participants[$0].email)>" }
            }
            return JobBoard.Outcome(
                version: done.result.version, groups: done.result.grouping.groups.count, seconds: nil,
                objectives: done.result.grouping.objectives.map {
                    .init(metric: $0.objective.metric, value: $0.value, bound: $0.bound, optimal: $0.optimal)
                },
                moves: done.result.moves.map {
                    .init(
                        email: p.participants[$0.participant].email, name: p.participants[$0.participant].name,
                        from: $0.from, to: $0.to)
                }, changes: done.changes, recipients: Array(Set(recipients)).sorted(), dryRun: dryRun)
        }
    }

    /// The files a replan may bring as uploads (multipart: the JSON in the field `changes`).
    static let replanFiles = ["joiners", "attendance", "addFacilitators", "wishes"]

    /// The replan body: JSON, or multipart/form-data with the JSON in `changes` and files beside it.
    static func replanBody(_ request: Request) async -> Result<(ReplanBody, [String: InputFile]), ResponseBox> {
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else {
            return await decode(ReplanBody.self, request).map { ($0, [:]) }
        }
        guard let data = await body(request, limit: uploadLimit) else {
            return .failure(ResponseBox(tooLarge(uploadLimit)))
        }
        let parts: [FormPart]
        do { parts = try Multipart.parts(data, boundary: boundary) } catch {
            return .failure(ResponseBox(API.badUpload(error.message)))
        }
        var files: [String: InputFile] = [:]
        var json = Data("{}".utf8)
        for part in parts {
            if part.name == "changes" {
                json = part.data
            } else if replanFiles.contains(part.name), let name = part.filename, !part.data.isEmpty {
                files[part.name] = InputFile(name: displayName(name, field: part.name), data: part.data)
            }
        }
        return decodeJSON(ReplanBody.self, json, file: "changes").map { ($0, files) }
    }

    /// The body as the facade's changes, or the 422 listing every problem in it.
    static func resolved(_ body: ReplanBody) -> Result<ReplanChanges, ResponseBox> {
        changes(body).mapError {
            ResponseBox(API.json($0, status: .unprocessableContent))
        }
    }

    /// The body as the facade's changes, or every problem in it.
    static func changes(_ body: ReplanBody) -> Result<ReplanChanges, APIModels.Problems> {
        var problems: [APIModels.Problem] = []
        func day(_ text: String, _ field: String) -> Day? {
            if let d = Day(parsing: text) { return d }
            problems.append(
                APIModels.Problem(
                    Diagnostic(
                        .error, file: "request", field: field, "\"\(text)\" is not a date", fix: "use YYYY-MM-DD"
                    ).inDutch("\"\(text)\" is geen datum", fix: "schrijf de datum als JJJJ-MM-DD")))
            return nil
        }
        var c = ReplanChanges()
        if let from = body.from { c.from = day(from, "from") }
        c.dropouts = (body.drop ?? []).enumerated().map { .init(email: $0.element, source: "drop[\($0.offset)]") }
        if let add = body.add, !add.isEmpty { c.joiners = table(add, name: "add") }
        c.moves = (body.moves ?? []).map { .init(email: $0.email, group: $0.group) }
        c.swaps = (body.swaps ?? []).map { .init($0.first, $0.second) }
        c.lock = body.lock ?? []
        c.unlock = body.unlock ?? []
        c.dropFacilitators = body.dropFacilitators ?? []
        if let add = body.addFacilitators, !add.isEmpty { c.addFacilitators = table(add, name: "addFacilitators") }
        for u in body.facilitatorUnavailable ?? [] {
            guard let first = day(u.from, "facilitatorUnavailable.from") else { continue }
            let last = u.to.flatMap { day($0, "facilitatorUnavailable.to") } ?? first
            c.facilitatorUnavailable.append(.init(email: u.email, days: DayRange(first, last)))
        }
        for m in body.moveMeetings ?? [] {
            guard let date = day(m.date, "moveMeetings.date") else { continue }
            c.meetingMoves.append(.init(.init(group: m.group, number: m.meeting), to: date))
        }
        c.meetingCancellations = (body.cancelMeetings ?? []).map { .init(group: $0.group, number: $0.meeting) }
        c.rescheduleCancelled = body.reschedule ?? true
        c.absences = (body.absences ?? []).map { (.init(group: $0.group, number: $0.meeting), $0.absent) }
        return problems.isEmpty ? .success(c) : .failure(APIModels.Problems(problems: problems))
    }

    /// Objects as a CSV the sign-up and facilitator readers take: `name` and `email` first, the rest by name.
    static func table(_ rows: [[String: String]], name: String) -> InputFile {
        let keys = Set(rows.flatMap(\.keys))
        let header = ["name", "email"].filter(keys.contains) + keys.subtracting(["name", "email"]).sorted()
        // By scalars: "\r\n" is one Character in Swift, equal to neither "\r" nor "\n".
        func cell(_ s: String) -> String {
            s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [header.map(cell).joined(separator: ",")]
        for row in rows { lines.append(header.map { cell(row[$0] ?? "") }.joined(separator: ",")) }
        return InputFile(name: "\(name).csv", data: Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension APIModels.Problems: Error {}
