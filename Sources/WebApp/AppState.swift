import Foundation
import IntervisionKit

/// What the server keeps between requests: the workspace, the jobs, and what it read from disk last, so a page
/// or an API read of an unchanged programme costs no parsing.
final class AppState: Sendable {
    let workspace: Workspace
    let jobs = JobBoard()
    let checks = Memo<Result<CheckReport, PlanningFailure>>()
    let snapshots = Memo<Result<PlanSnapshot, PlanningFailure>>()

    init(workspace: Workspace) { self.workspace = workspace }

    /// The check of programme `id`'s inputs, read again only when a file changed.
    func check(_ id: String) -> Result<CheckReport, PlanningFailure>? {
        guard let folder = workspace.folder(id) else { return nil }
        let inputs = (folder as NSString).appendingPathComponent("inputs")
        return checks.value(id, signature: Memo<Int>.signature(of: inputs, files: nil)) {
            Result { () throws(PlanningFailure) in try Intervision.check(workspace.inputs(id)) }
        }
    }

    /// The plan of programme `id`, or nil when it has none yet.
    func snapshot(_ id: String) -> Result<PlanSnapshot, PlanningFailure>? {
        guard let plan = workspace.planFolder(id) else { return nil }
        let json = (plan as NSString).appendingPathComponent("plan.json")
        guard FileManager.default.fileExists(atPath: json) else { return nil }
        return snapshots.value(id, signature: Memo<Int>.signature(of: plan, files: ["plan.json", "changes.md"])) {
            Result { () throws(PlanningFailure) in try Intervision.open(plan) }
        }
    }

    /// The list of programmes with their state.
    func summaries() async -> [APIModels.ProgrammeSummary] {
        var out: [APIModels.ProgrammeSummary] = []
        for id in workspace.ids() {
            out.append(await summary(id))
        }
        return out
    }

    func summary(_ id: String) async -> APIModels.ProgrammeSummary {
        let job = await jobs.active(programme: id)
        // Each looked up once: every lookup stats the programme's files to see whether they changed.
        let checked = check(id), planned = snapshot(id)
        // The name is the plan's, else the config's, else the id.
        var s = APIModels.ProgrammeSummary(id: id, name: id, participants: 0, status: "new", job: job)
        if case .success(let c) = checked {
            s.name = c.programme.config.name
            s.participants = c.programme.participants.count
        }
        if case .success(let plan) = planned {
            s.name = plan.plan.programme.config.name
            s.version = plan.plan.version
            s.published = plan.published
            s.participants = plan.plan.programme.participants.count - plan.dropped.count
            s.status = plan.published != nil || plan.plan.version > 1 ? "published" : "planned"
        } else if case .failure = checked {
            s.status = "invalid"
        }
        if job != nil { s.status = "planning" }
        return s
    }
}

/// Values computed from files, kept until the files change (by size and modification time).
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (signature: String, value: Value)] = [:]

    /// The value for `key`, computed by `make` when missing or when `signature` changed.
    func value(_ key: String, signature: String, make: () -> Value) -> Value {
        if let hit = lock.withLock({ entries[key] }), hit.signature == signature { return hit.value }
        let value = make()
        lock.withLock { entries[key] = (signature, value) }
        return value
    }

    /// Names, sizes and modification times of `files` in `folder` (all of them when nil).
    static func signature(of folder: String, files: [String]?) -> String {
        let names = files ?? ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let a = try? FileManager.default.attributesOfItem(atPath: path) else { return name + ":-" }
            let size = (a[.size] as? NSNumber)?.intValue ?? 0
            let time = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let inode = (a[.systemFileNumber] as? NSNumber)?.intValue ?? 0
            return "\(name):\(size):\(time):\(inode)"
        }.joined(separator: "|")
    }
}
