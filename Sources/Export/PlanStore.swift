import Foundation
import Intake
import Replanning

/// A plan folder on disk: `plan.json`, `history/plan-vN.json` and the rendered files beside them. Writes are
/// all-or-nothing (`OutputFolder`): a new folder appears complete, and a new version replaces the old one in
/// one atomic exchange.
package struct PlanStore: Sendable {
    /// The folder, as the user named it.
    package let folder: String

    /// The store in `folder` (which need not exist yet).
    package init(folder: String) { self.folder = folder }

    /// Whether the folder already holds a plan (`plan.json`).
    package var holdsPlan: Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("plan.json"))
    }

    /// Why the folder cannot take a plan, with what to do; nil when it can. Checked before any solving, so a
    /// wrong path costs the user nothing: the folder must be a folder (or not exist yet, under a folder), and the
    /// folder and its parent (where the new version is staged) must be writable.
    /// For a new plan (`creating`), the folder must also be missing or empty: a plan is never mixed with other
    /// files.
    package func writeProblem(creating: Bool) -> Refusal? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return Refusal(
                    message: "\(folder) is a file, not a folder",
                    fix: "give a folder for the plan (it is created when missing)")
            }
            guard fm.isWritableFile(atPath: url.path) else {
                return Refusal(
                    message: "the folder \(folder) cannot be written to", fix: "choose a folder you may write to")
            }
            if creating, let entries = try? fm.contentsOfDirectory(atPath: url.path), !entries.isEmpty {
                return Refusal(
                    message:
                        "\(folder) already holds other files (\(entries.sorted().prefix(3).joined(separator: ", "))"
                        + (entries.count > 3 ? ", …" : "") + ")",
                    fix: "give a new or empty folder for the plan")
            }
        }
        // The nearest existing folder above takes the staging folder (and, for a new plan, the plan itself).
        var parent = url.deletingLastPathComponent()
        while !fm.fileExists(atPath: parent.path, isDirectory: &isDirectory), parent.path != "/" {
            parent = parent.deletingLastPathComponent()
        }
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Refusal(
                message: "\(parent.path) is a file, so \(folder) cannot be made", fix: "give a path under a folder")
        }
        guard fm.isWritableFile(atPath: parent.path) else {
            return Refusal(
                message: "the folder \(parent.path) cannot be written to", fix: "choose a place you may write to")
        }
        return nil
    }

    /// Why the store refuses: what and what to do.
    package struct Refusal: Error {
        /// What is wrong.
        package var message: String
        /// What to do about it.
        package var fix: String
        /// Both in Dutch, where an organiser's page can meet the refusal.
        package var dutch: Diagnostic.Dutch? = nil
    }

    /// An exclusive hold on the plan folder while one replan reads it and writes the next version (an advisory
    /// `flock` on the folder itself, released by `release()` or when the process ends, however it ends).
    package final class Lock {
        private var descriptor: Int32
        fileprivate init(_ descriptor: Int32) { self.descriptor = descriptor }
        /// Lets the next change in.
        package func release() {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }
    }

    /// Takes the folder's lock, or says why not: a second replan of the same folder at the same time is refused
    /// rather than left to overwrite the first one's version.
    package func lock() throws(Refusal) -> Lock {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw Refusal(message: "cannot open \(folder): \(String(cString: strerror(errno)))", fix: "check the path")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Refusal(
                message: "another change to \(folder) is running right now",
                fix: "wait until it has finished, then run this one again: it will start from the new version",
                dutch: .init(
                    "er loopt op dit moment al een andere wijziging van dit plan",
                    fix: "wacht tot die klaar is en probeer het dan opnieuw: het begint dan bij de nieuwe versie"))
        }
        return Lock(fd)
    }

    /// The current version: the document as stored and the plan restored from it.
    package func read() throws(PlanReadFailure) -> (document: PlanDocument, plan: CurrentPlan) {
        let document = try PlanDocument.read(folder: folder)
        return (document, try document.restore())
    }

    /// The document and the rendered files together, by path.
    static func contents(_ document: PlanDocument, _ rendered: [String: Data]) -> [String: Data] {
        let json = document.encoded()
        return rendered.merging(["plan.json": json, "history/plan-v\(document.version).json": json]) { _, stored in
            stored
        }
    }

    /// Writes version 1 into the folder, creating it; nothing is written when anything fails.
    package func create(_ document: PlanDocument, files rendered: [String: Data]) throws(OutputFolder.Failure) {
        try OutputFolder.write(Self.contents(document, rendered), to: folder)
    }

    /// Replaces an unpublished plan by a new version 1 holding exactly the new files (`plan --replace`).
    package func rewrite(_ document: PlanDocument, files rendered: [String: Data]) throws(OutputFolder.Failure) {
        try OutputFolder.rewrite(folder, with: Self.contents(document, rendered))
    }

    /// Names at the top of the folder that no plan writes (a user's own notes, say): `plan --replace` would
    /// lose them, so it refuses while they are there.
    package var foreignEntries: [String] {
        let ours: Set<String> = [
            "plan.json", "history", "groups.csv", "schedule.csv", "report.html", "plan.xlsx", "mailmerge.xlsx",
            "mailmerge.csv", "rota", "changes.md",
        ]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !ours.contains($0) }.sorted()
    }

    /// Marks the current version as sent out: plan.json and its history copy record the moment; nothing else
    /// changes.
    package func publish(_ document: PlanDocument, at moment: Date) throws(OutputFolder.Failure) {
        var marked = document
        marked.published = ISO8601DateFormatter().string(from: moment)
        let json = marked.encoded()
        try OutputFolder.replace(folder, with: ["plan.json": json, "history/plan-v\(document.version).json": json])
    }

    /// Replaces the folder's contents by a new version in one atomic step; `beforeSwap` runs when the new
    /// version is staged (tests use it to simulate a crash).
    package func replace(
        with document: PlanDocument, files rendered: [String: Data], beforeSwap: () -> Void = {}
    ) throws(OutputFolder.Failure) {
        try OutputFolder.replace(folder, with: Self.contents(document, rendered), beforeSwap: beforeSwap)
    }
}
