import CSwap
import Foundation
import Glibc
import RunControl

/// Writes a set of files into an output folder all-or-nothing: everything goes to a hidden staging
/// folder beside it first and is renamed into place only when every file has been written.
package enum OutputFolder {
    /// Test hook: with `INTERVISION_TEST_CRASH_AT=N` the process ends (exit 9, as abruptly as `kill -9`) at the
    /// N-th file operation of the run, so tests can look at the folder after a crash at every step.
    static let crashAt = ProcessInfo.processInfo.environment["INTERVISION_TEST_CRASH_AT"].flatMap(Int.init)
    private static let operations = Counter()

    /// Counts one file operation, and ends the process here when the test hook asks for it.
    static func step() {
        guard let crashAt else { return }
        if operations.next() == crashAt { _exit(9) }
    }

    /// A write that failed; `description` names the path and the reason.
    package struct Failure: Error, CustomStringConvertible { package var description: String }

    /// Writes a new folder: the files go to a staging folder beside it, which then takes the folder's name in one
    /// rename. The rename succeeds only when the folder is missing or empty, so nothing is ever merged into
    /// existing files, and a crash at any moment leaves either no folder or the complete one.
    package static func write(_ files: [String: Data], to dir: String) throws(Failure) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        removeStale(beside: target)
        let staging = sibling(of: target, "partial")
        try staged(staging, dir) {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            try put(files, into: staging)
            step()
            guard rename(staging.path, target.path) == 0 else {
                let reason =
                    errno == ENOTEMPTY || errno == EEXIST
                    ? "it already holds other files" : String(cString: strerror(errno))
                throw Failure(description: "cannot make \(dir) the plan folder: \(reason)")
            }
        }
    }

    /// Staging folders beside `target` left by a process that no longer runs (killed mid-write): removed, so
    /// they never pile up.
    static func removeStale(beside target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names.sorted() where name.hasPrefix(prefix) {
            let tail = name.dropFirst(prefix.count)
            guard let dash = tail.lastIndex(of: "-"), ["partial", "next", "previous"].contains(tail[..<dash]),
                let pid = Int32(tail[tail.index(after: dash)...])
            else { continue }
            // Alive (or not ours to judge): leave it.
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Replaces an existing plan folder by a new version in one atomic step: the folder is copied beside
    /// itself, the new files are written into the copy, and the two are exchanged (renameat2). An
    /// interruption at any point leaves either the old folder or the new one, never a mix.
    /// `beforeSwap` runs when the copy is complete (tests use it to simulate a crash).
    package static func replace(_ dir: String, with files: [String: Data], beforeSwap: () -> Void = {}) throws(Failure)
    {
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        removeStale(beside: target)
        let staging = sibling(of: target, "next")
        try staged(staging, dir) {
            step()
            try copyKept(from: target, to: staging, replaced: Set(files.keys))
            try put(files, into: staging)
            beforeSwap()
            step()
            try exchange(staging, target)
        }
    }

    /// Replaces an existing folder by one holding exactly `files` (nothing of the old contents is kept), in one
    /// atomic exchange, as `replace` does.
    package static func rewrite(_ dir: String, with files: [String: Data]) throws(Failure) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        removeStale(beside: target)
        let staging = sibling(of: target, "next")
        try staged(staging, dir) {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            try put(files, into: staging)
            step()
            try exchange(staging, target)
        }
    }

    /// Copies what the new version keeps (history, files it does not write) into the fresh `staging` folder; the
    /// files about to be rewritten are not copied only to be overwritten.
    private static func copyKept(from target: URL, to staging: URL, replaced: Set<String>) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        for path in try fm.subpathsOfDirectory(atPath: target.path).sorted() where !replaced.contains(path) {
            let from = target.appendingPathComponent(path), to = staging.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: from.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                try fm.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try fm.copyItem(at: from, to: to)
            }
        }
    }

    /// Puts the finished `staging` folder in `target`'s place in one atomic exchange (renameat2); where the system
    /// has none (old kernel or file system), with two renames that keep the old folder until the end.
    private static func exchange(_ staging: URL, _ target: URL) throws {
        // The staged files reach the disk before the exchange makes them the plan (one flush, not one per file).
        guard intervision_sync_folder(staging.path) == 0 else {
            throw Failure(description: "cannot flush \(staging.path) to disk: \(String(cString: strerror(errno)))")
        }
        guard intervision_exchange(staging.path, target.path) != 0 else { return step() }
        let fm = FileManager.default
        let old = sibling(of: target, "previous")
        try fm.moveItem(at: target, to: old)
        do { try fm.moveItem(at: staging, to: target) } catch {
            try? fm.moveItem(at: old, to: target)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// `.NAME.TAG-PID` beside the folder: hidden, and unique per process.
    private static func sibling(of target: URL, _ tag: String) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(tag)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Writes the files under `folder`, refusing any path that would leave it.
    private static func put(_ files: [String: Data], into folder: URL) throws {
        let fm = FileManager.default
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw Failure(description: "refusing to write outside the output folder: \(path)")
            }
            step()
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Not `.atomic`: the whole staging folder is exchanged atomically, and it is flushed before.
            try writePlain(data, to: url.path)
        }
    }

    /// `data` into a new file without flushing it: Foundation's `Data.write` calls fsync for every file, which
    /// made a one-move replan (500 files) take 2.0–2.4 s instead of 1.
    private static func writePlain(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        // POSIX errors, so the caller's message reads like any other write failure ("cannot write to …: …").
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw POSIXError(n < 0 ? POSIXErrorCode(rawValue: errno) ?? .EIO : .EIO) }
                offset += n
            }
        }
    }

    /// Runs `body` with a fresh staging folder that is removed afterwards, whatever happens.
    private static func staged(_ staging: URL, _ dir: String, _ body: () throws -> Void) throws(Failure) {
        let fm = FileManager.default
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        do {
            try body()
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(description: "cannot write to \(dir): \(reason(error))")
        }
    }

    /// The system's own words for a failed write ("No space left on device"), which Foundation on Linux hides
    /// behind "The operation could not be completed".
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
