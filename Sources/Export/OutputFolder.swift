import CSwap
import Foundation

/// Writes a set of files into an output folder all-or-nothing: everything goes to a hidden staging
/// folder beside it first and is renamed into place only when every file has been written.
package enum OutputFolder {
    /// A write that failed; `description` names the path and the reason.
    package struct Failure: Error, CustomStringConvertible { package var description: String }

    package static func write(_ files: [String: Data], to dir: String) throws(Failure) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        let staging = sibling(of: target, "partial")
        try staged(staging, dir) {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try put(files, into: staging)
            if !fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: staging, to: target)
                return
            }
            for path in files.keys.sorted() {
                let dest = target.appendingPathComponent(path)
                try fm.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
                if rename(staging.appendingPathComponent(path).path, dest.path) != 0 {
                    throw Failure(description: "cannot move \(path) into \(dir): \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// Replaces an existing plan folder by a new version in one atomic step: the folder is copied beside
    /// itself, the new files are written into the copy, and the two are exchanged (renameat2). An
    /// interruption at any point leaves either the old folder or the new one, never a mix.
    /// `beforeSwap` runs when the copy is complete (tests use it to simulate a crash).
    package static func replace(_ dir: String, with files: [String: Data], beforeSwap: () -> Void = {}) throws(Failure)
    {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        let staging = sibling(of: target, "next")
        try staged(staging, dir) {
            try fm.copyItem(at: target, to: staging)
            try put(files, into: staging)
            beforeSwap()
            guard intervision_exchange(staging.path, target.path) != 0 else { return }
            // No atomic exchange here (old kernel or file system): two renames, the old folder kept until the end.
            let old = sibling(of: target, "previous")
            try fm.moveItem(at: target, to: old)
            do { try fm.moveItem(at: staging, to: target) } catch {
                try? fm.moveItem(at: old, to: target)
                throw error
            }
            try? fm.removeItem(at: old)
        }
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
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
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
            throw Failure(description: "cannot write to \(dir): \(error.localizedDescription)")
        }
    }
}
