@_exported import TestFixtures

@testable import Intake

extension Fixture {
    /// The diagnostics of an input that must fail.
    static func failure(_ signups: String, config: String? = nil) -> [Diagnostic] {
        do {
            _ = try load(signups, config: config)
            return []
        } catch let e as IntakeFailure {
            return e.diagnostics
        } catch {
            return []
        }
    }
}
