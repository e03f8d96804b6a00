import Foundation

/// Counted work: what a run may spend and has spent, in work units (`RunBudget.workPerSecond`).
///
/// A unit is counted, never timed — simplex iterations and branch-and-bound nodes weighted by the model's size,
/// local-search steps weighted by the group size — so the same input spends the same units on any machine,
/// under any load. A stage's share is taken of what is left, and what is left only changes when a stage
/// records what it spent, in the stage's own (sequential) order; concurrent solves are given their allowances
/// before they start and record their use after they all end.
package final class WorkLedger: @unchecked Sendable {
    // `@unchecked`: `spentUnits` is only touched while holding `lock`.
    private let lock = NSLock()
    private var spentUnits = 0.0
    /// Units this ledger may spend.
    package let allowance: Double
    /// The ledger of the budget this one is a portion of; spending here also spends there.
    private let parent: WorkLedger?

    package init(allowance: Double, parent: WorkLedger? = nil) {
        self.allowance = max(0, allowance)
        self.parent = parent
    }

    /// Units spent so far.
    package var spent: Double {
        lock.lock()
        defer { lock.unlock() }
        return spentUnits
    }

    /// Records `units` as spent here and in every ledger this one is a portion of.
    package func spend(_ units: Double) {
        guard units > 0 else { return }
        lock.lock()
        spentUnits += units
        lock.unlock()
        parent?.spend(units)
    }
}
