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
