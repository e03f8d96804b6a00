import Foundation
import Intake

/// Temporary folders for tests: a fresh path under the system's temporary directory (not created).
public enum Scratch {
    /// A new, unused path tagged with `tag` for recognisable leftovers.
    public static func folder(_ tag: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("intervision-\(tag)-\(UUID().uuidString)").path
    }

    /// The paths (relative, sorted) that two folders do not hold alike: present in one only, or a file whose bytes
    /// differ. Empty when the folders are the same byte for byte.
    public static func differences(_ a: String, _ b: String) throws -> [String] {
        let fm = FileManager.default
        let left = Set(try fm.subpathsOfDirectory(atPath: a)), right = Set(try fm.subpathsOfDirectory(atPath: b))
        var out = left.symmetricDifference(right)
        for path in left.intersection(right) {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: a + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if fm.contents(atPath: a + "/" + path) != fm.contents(atPath: b + "/" + path) { out.insert(path) }
        }
        return out.sorted()
    }
}

/// Another program run by the tests (Python as an independent checker, `mount` for a small disk).
public enum Tool {
    /// Runs `executable` (a path, or a name looked up through `env`) and returns its exit code and standard
    /// output; -1 when it could not be started.
    public static func run(_ executable: String, _ arguments: [String]) -> (code: Int32, out: Data) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        p.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        guard (try? p.run()) != nil else { return (-1, Data()) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, data)
    }
}

/// `YYYY-MM-DD` to a `Day`, for tests that know their dates are valid.
public func day(_ text: String) -> Day { Day(parsing: text)! }

/// The `intervision` executable, run as a user would.
public enum Binary {
    /// The repository root (the working directory of every run).
    public static let root = Fixture.root.deletingLastPathComponent()

    /// The built executable: beside the test bundle, else in `.build/debug`.
    public static var executable: URL {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("intervision")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/intervision")
    }

    /// Runs the executable; `environment` is added to this process's own (tests run in parallel, so they never
    /// setenv).
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
        code: Int32, out: String, err: String
    ) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        p.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

/// Text pinned in a file under `Tests/Snapshots`: what users see must not change by accident. Run the tests with
/// `INTERVISION_RECORD_SNAPSHOTS=1` to record (or re-record) them, then review the diff.
public enum Snapshot {
    /// The folder holding the pinned files.
    public static let folder = Fixture.root.deletingLastPathComponent().appendingPathComponent("Tests/Snapshots")

    /// nil when `text` matches the file `name`, else a description of the first difference. Records instead
    /// when asked to, or when the file does not exist yet (and then reports that, so a missing file fails once).
    public static func mismatch(_ text: String, _ name: String) -> String? {
        let url = folder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["INTERVISION_RECORD_SNAPSHOTS"] == "1"
        guard !record, let pinned = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return record ? nil : "no snapshot \(name) yet: recorded it; review and commit it"
        }
        guard pinned != text else { return nil }
        let a = pinned.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let was = line < a.count ? a[line] : "(end)", now = line < b.count ? b[line] : "(end)"
        return "\(name) differs at line \(line + 1):\n  pinned: \(was)\n  now:    \(now)\n"
            + "(re-record with INTERVISION_RECORD_SNAPSHOTS=1 if the change is intended)"
    }
}
