import Foundation

/// A count shared by threads: 1, 2, 3, … in the order `next()` is called.
package final class Counter: @unchecked Sendable {
    // `@unchecked`: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = 0

    /// A count that has not started.
    package init() {}

    /// The next number, from 1.
    package func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
