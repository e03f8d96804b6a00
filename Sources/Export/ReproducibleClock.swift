import Foundation

/// The time written into files: `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), so
/// reruns produce identical files; the clock otherwise.
public enum ReproducibleClock {
    /// Now, or `SOURCE_DATE_EPOCH` from `environment` when it is set.
    public static func now(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? Date()
    }

    /// Whether files must not depend on the clock at all (`SOURCE_DATE_EPOCH` is set): then wall-clock
    /// durations are left out of every file, so two runs are byte-identical. Counted work is always kept.
    public static func isFixed(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) != nil
    }
}
