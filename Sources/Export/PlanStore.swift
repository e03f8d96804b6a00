import Foundation
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

    /// Replaces the folder's contents by a new version in one atomic step; `beforeSwap` runs when the new
    /// version is staged (tests use it to simulate a crash).
    package func replace(
        with document: PlanDocument, files rendered: [String: Data], beforeSwap: () -> Void = {}
    ) throws(OutputFolder.Failure) {
        try OutputFolder.replace(folder, with: Self.contents(document, rendered), beforeSwap: beforeSwap)
    }
}
