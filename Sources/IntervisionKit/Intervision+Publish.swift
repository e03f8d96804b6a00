import Foundation

/// A plan marked as sent out.
public struct PublishedPlan: Sendable {
    /// The plan folder.
    public var folder: String
    /// The version that is published.
    public var version: Int
    /// When it was marked (ISO 8601), now or earlier.
    public var publishedAt: String
    /// It had been published before (marked, or replanned); nothing was written.
    public var already: Bool
}

extension Intervision {
    /// Marks the plan in `folder` as sent out, so `plan --replace` no longer overwrites it: from then on it
    /// changes by replan, which keeps history and says who must receive what. A replanned plan counts as
    /// published already.
    public static func publish(_ folder: String, now: Date = ReproducibleClock.now()) throws(PlanningFailure)
        -> PublishedPlan
    {
        let store = PlanStore(folder: folder)
        let lock: PlanStore.Lock
        do { lock = try store.lock() } catch {
            throw .invalid(folder, error.message, fix: error.fix, dutch: error.dutch)
        }
        defer { lock.release() }
        let document: PlanDocument
        do {
            document = try store.read().document
        } catch {
            throw .invalid(
                (folder as NSString).appendingPathComponent("plan.json"), error.message, fix: error.fix)
        }
        if let published = document.published {
            return PublishedPlan(folder: folder, version: document.version, publishedAt: published, already: true)
        }
        if document.version > 1 {
            return PublishedPlan(
                folder: folder, version: document.version, publishedAt: document.created, already: true)
        }
        if let refusal = store.writeProblem(creating: false) {
            throw .invalid(folder, refusal.message, fix: refusal.fix)
        }
        do {
            try store.publish(document, at: now)
        } catch {
            throw .cannotWrite(folder: folder, reason: error.description)
        }
        return PublishedPlan(
            folder: folder, version: document.version, publishedAt: ISO8601DateFormatter().string(from: now),
            already: false)
    }
}
