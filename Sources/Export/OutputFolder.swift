import CSwap
import Foundation

/// Writes a set of files into an output folder all-or-nothing: everything goes to a hidden staging
/// folder beside it first and is renamed into place only when every file has been written.
public enum OutputFolder {
    public struct Failure: Error, CustomStringConvertible { public var description: String }

    public static func write(_ files: [String: Data], to dir: String) throws(Failure) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { throw Failure(description: "refusing to write outside the output folder: \(path)") }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
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
            try? fm.removeItem(at: staging)
        } catch let f as Failure {
            try? fm.removeItem(at: staging)
            throw f
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot write to \(dir): \(error.localizedDescription)")
        }
    }
}

extension OutputFolder {
    /// Replaces an existing plan folder by a new version in one atomic step: the folder is copied beside
    /// itself, the new files are written into the copy, and the two are exchanged (renameat2). An
    /// interruption at any point leaves either the old folder or the new one, never a mix.
    /// `beforeSwap` runs when the copy is complete (tests use it to simulate a crash).
    public static func replace(_ dir: String, with files: [String: Data], beforeSwap: () -> Void = {}) throws(Failure) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: dir).standardizedFileURL
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).next-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? fm.removeItem(at: staging)
            try fm.copyItem(at: target, to: staging)
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { throw Failure(description: "refusing to write outside the output folder: \(path)") }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            }
            beforeSwap()
            if intervision_exchange(staging.path, target.path) != 0 {
                // No atomic exchange here (old kernel or file system): two renames, the old folder kept until the end.
                let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
                try fm.moveItem(at: target, to: old)
                do { try fm.moveItem(at: staging, to: target) } catch { try? fm.moveItem(at: old, to: target); throw error }
                try? fm.removeItem(at: old)
                return
            }
            try? fm.removeItem(at: staging)
        } catch let f as Failure {
            try? fm.removeItem(at: staging)
            throw f
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot write to \(dir): \(error.localizedDescription)")
        }
    }
}
