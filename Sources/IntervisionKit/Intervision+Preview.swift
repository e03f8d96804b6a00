import Foundation

/// What the organiser's moves and swaps would do, before anything is written.
public struct ChangePreview: Sendable {
    /// Everyone whose group would change.
    public var moves: [Move]
    /// Each objective before and after, in priority order ("away 58 → 59").
    public var deltas: [ManualChanges.Delta]
}

extension Intervision {
    /// Checks `changes.moves` and `changes.swaps` against the plan in `folder` without writing anything: the
    /// moves and their metric changes, or `.impossible` with the rule broken, who is involved and the smallest extra
    /// change that would make it valid — fast enough for a front end to ask on every click.
    public static func preview(_ folder: String, _ changes: ReplanChanges) throws(PlanningFailure) -> ChangePreview {
        let store = PlanStore(folder: folder)
        let document: PlanDocument, current: CurrentPlan
        do {
            (document, current) = try store.read()
        } catch {
            throw .invalid((folder as NSString).appendingPathComponent("plan.json"), error.message, fix: error.fix)
        }
        let (_, request, _) = try changes.resolve(against: current, document)
        do {
            let locks = try Locks(current, request)
            let outcome = try ManualChanges.apply(
                current, moves: request.moves, swaps: request.swaps, locked: locks.locked)
            return ChangePreview(moves: outcome.moves, deltas: outcome.deltas)
        } catch {
            switch error {
            case .impossible(let why): throw .impossible(why)
            case .invalidInput(let message, let fix, let dutch):
                throw .invalid("--move", message, fix: fix, dutch: dutch)
            // Moves and swaps are checked, not searched for: no search here can run out of time.
            case .outOfTime(let step): throw .internalError("\(step) ran out of time in a preview")
            case .internalError(let message): throw .internalError(message)
            }
        }
    }
}
