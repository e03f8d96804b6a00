import Foundation
import IntervisionKit
import TestFixtures

/// Fixture inputs for the in-process tests.
enum Inputs {
    /// The bundled 52-person programme.
    static func lerendLeiderschap(facilitators: Bool = true) throws -> ProgrammeInputs {
        try ProgrammeInputs(
            signups: Fixture.path("lerend-leiderschap-52.csv"),
            config: Fixture.path("lerend-leiderschap.toml"),
            facilitators: facilitators ? Fixture.path("facilitators-lerend-leiderschap.csv") : nil)
    }

    /// groups.csv read back as rows of cells (header first), without the BOM.
    static func csv(_ path: String) throws -> [[String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

/// Collects events from any thread.
final class EventLog: @unchecked Sendable {
    // `@unchecked`: `events` is only touched while holding `lock`.
    private let lock = NSLock()
    private var events: [RunEvent] = []

    var sink: EventSink {
        EventSink { [self] e in
            lock.lock()
            events.append(e)
            lock.unlock()
        }
    }
    var all: [RunEvent] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }
}
