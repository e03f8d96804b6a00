import Foundation

/// A stored plan as a front end shows it: the plan itself, what plan.json records beside it, and its history.
public struct PlanSnapshot: Sendable {
    /// One objective's value and proven bound.
    public struct ObjectiveLine: Sendable, Equatable {
        /// The metric: `away`, `spread`, `variety`, `fresh`.
        public var metric: String
        /// Its value in the plan.
        public var value: Int
        /// The best proven bound.
        public var bound: Int
        /// Whether value and bound meet.
        public var optimal: Bool
    }

    /// One earlier or current version: what its replan did.
    public struct Version: Sendable {
        /// The version number (1 is the first plan).
        public var number: Int
        /// When it was made (ISO 8601).
        public var created: String
        /// The first day that was not history, for a replan.
        public var from: Day?
        /// Emails of those who left and who joined in this version.
        public var dropped: [String], added: [String]
        /// People whose group changed: email, from group, to group.
        public var moved: [(email: String, from: String, to: String)]
        /// Groups locked and unlocked in this version.
        public var locked: [String], unlocked: [String]
        /// Its `changes.md` (a replan's; kept in `history/changes-vN.md` since version 0.19).
        public var changes: String?
    }

    /// The plan: programme, groups, calendar, version and locks.
    public var plan: CurrentPlan
    /// When this version was made (ISO 8601).
    public var created: String
    /// When it was marked as sent out, if it was.
    public var published: String?
    /// The objectives in priority order, as the last solve left them.
    public var objectives: [ObjectiveLine]
    /// Why someone sits outside their region, by participant index.
    public var awayReasons: [Int: String]
    /// Every version in the folder's history, oldest first.
    public var history: [Version]
    /// The contents of `changes.md`, after a replan.
    public var changes: String?
    /// `plan.json` as stored.
    public var json: Data
    /// Every file of the plan folder by path inside it, sorted (what a zip of it holds).
    public var files: [String]
    /// Emails of the people who left the programme (they stay in the participants because history names them).
    public var dropped: Set<String>
    let document: PlanDocument

    /// The report's summary and charts in `language`, as an HTML fragment for a page of the front end's own.
    public func glanceHTML(language: ProgrammeConfig.Language) -> String {
        PlanGlance.html(document, plan, language: language)
    }

    /// The report's calendar in `language`: months with every meeting, each facilitator's meetings, absences.
    public func calendarHTML(language: ProgrammeConfig.Language) -> String {
        PlanGlance.calendar(document, plan, language: language)
    }

    /// The report's stylesheet (its classes are used by `glanceHTML`).
    public static var reportCSS: String { PlanGlance.css }
}

extension Intervision {
    /// Reads the plan in `folder` for showing it; nothing is written.
    public static func open(_ folder: String) throws(PlanningFailure) -> PlanSnapshot {
        let document: PlanDocument, plan: CurrentPlan
        do {
            (document, plan) = try PlanStore(folder: folder).read()
        } catch {
            throw .invalid((folder as NSString).appendingPathComponent("plan.json"), error.message, fix: error.fix)
        }
        let json = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("plan.json"))
        let changes = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("changes.md"))
        var history: [PlanSnapshot.Version] = []
        for number in 1...max(1, document.version) {
            let path = (folder as NSString).appendingPathComponent("history/plan-v\(number).json")
            guard let data = FileManager.default.contents(atPath: path),
                let old = try? JSONDecoder().decode(PlanDocument.self, from: data)
            else { continue }
            let r = old.replan
            history.append(
                PlanSnapshot.Version(
                    number: old.version, created: old.created, from: r?.from, dropped: r?.dropped ?? [],
                    added: r?.added ?? [], moved: (r?.moved ?? []).map { ($0.email, $0.from, $0.to) },
                    locked: r?.locked ?? [], unlocked: r?.unlocked ?? [],
                    changes: FileManager.default.contents(
                        atPath: (folder as NSString).appendingPathComponent("history/changes-v\(number).md")
                    ).map { String(decoding: $0, as: UTF8.self) }))
        }
        return PlanSnapshot(
            plan: plan, created: document.created, published: document.published,
            objectives: document.objectives.map {
                .init(metric: $0.metric, value: $0.value, bound: $0.bound, optimal: $0.optimal)
            },
            awayReasons: AwayReasons.explain(plan.groups, plan.programme), history: history,
            changes: changes.map { String(decoding: $0, as: UTF8.self) }, json: json ?? Data(),
            files: PlanFolderFiles.list(folder), dropped: Set((document.dropped ?? []).map { $0.lowercased() }),
            document: document)
    }
}

/// The files of a plan folder, for listings and zips: regular files only, never the lock, sorted by path.
enum PlanFolderFiles {
    static func list(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            let full = (folder as NSString).appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            files.append(path)
        }
        return files.sorted()
    }
}
