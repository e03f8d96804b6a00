import Foundation

/// A flag that a front end raises to stop a run; every stage polls it between steps and GLPK polls it in
/// its branch-and-bound callback, so a cancelled run ends within a second.
public final class Cancellation: @unchecked Sendable {
    // `@unchecked`: the only state is `flag`, and every access holds `lock`.
    private let lock = NSLock()
    private var flag = false

    /// A flag that is not raised.
    public init() {}

    /// Raises the flag; there is no way to lower it again.
    public func cancel() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}
