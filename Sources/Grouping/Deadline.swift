import Foundation
import GLPK

/// The wall-clock budget of one planning run, shared out between the solves.
struct Deadline: Sendable {
    let start: Date
    let total: Double

    init(seconds: Double, start: Date = Date()) { self.start = start; total = seconds }

    var elapsed: Double { Date().timeIntervalSince(start) }
    var remaining: Double { max(0, total - elapsed) }
    /// A fraction of what is left, never under a tenth of a second so a solve can at least start.
    func share(of fraction: Double) -> Double { max(0.1, remaining * fraction) }
}

/// Where long solves report how they are doing; the CLI prints these on stderr.
public struct ProgressReport: Sendable, Equatable {
    public var stage: String
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
    public var elapsed: Double
}

public struct ProgressSink: Sendable {
    public let report: @Sendable (ProgressReport) -> Void
    public init(_ report: @escaping @Sendable (ProgressReport) -> Void) { self.report = report }

    func reporter(_ stage: String) -> @Sendable (GLPK.Progress) -> Void {
        let report = self.report
        // GLPK reports −DBL_MAX as the bound before the root LP is solved.
        return { p in report(ProgressReport(stage: stage, incumbent: p.incumbent, bound: p.bound.flatMap { abs($0) < 1e300 ? $0 : nil },
                                            gap: p.gap, elapsed: p.elapsed)) }
    }
}
