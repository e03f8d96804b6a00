import Foundation
import IntervisionKit

/// The folder the web app keeps its programmes in: one subfolder per programme with its input files under
/// `inputs/` and the plan folder `plan/` exactly as the CLI writes it, so `intervision replan WORKSPACE/<id>/plan`
/// and the web app work on the same thing.
public struct Workspace: Sendable {
    /// The workspace folder.
    public let root: String

    /// The input files a programme may have, by form field; the extension is the upload's (`.csv`/`.xlsx`/`.toml`).
    static let inputNames = ["signups", "facilitators", "config", "wishes"]

    /// A workspace at `root` (created when missing).
    public init(root: String) throws {
        self.root = (root as NSString).standardizingPath
        try FileManager.default.createDirectory(atPath: self.root, withIntermediateDirectories: true)
    }

    /// Whether `id` is a programme id this workspace could hold: lower-case letters, digits and dashes, 1–64,
    /// so that no id ever names a path outside the workspace.
    static func isValid(id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), id.first != "-" else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The folder of programme `id`, or nil when the id is not valid or there is no such programme.
    func folder(_ id: String) -> String? {
        guard Self.isValid(id: id) else { return nil }
        let path = (root as NSString).appendingPathComponent(id)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        return path
    }

    /// The plan folder of programme `id` (it may not hold a plan yet).
    func planFolder(_ id: String) -> String? {
        folder(id).map { ($0 as NSString).appendingPathComponent("plan") }
    }

    /// Every programme id, sorted.
    func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { Self.isValid(id: $0) && folder($0) != nil }.sorted()
    }

    /// The input file stored for `field` (`signups`, …) of programme `id`: its path, or nil.
    func input(_ id: String, _ field: String) -> String? {
        guard let folder = folder(id) else { return nil }
        let inputs = (folder as NSString).appendingPathComponent("inputs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inputs)) ?? []
        return names.sorted().first { ($0 as NSString).deletingPathExtension == field }.map {
            (inputs as NSString).appendingPathComponent($0)
        }
    }

    /// The inputs of programme `id` as the facade reads them.
    func inputs(_ id: String) throws(PlanningFailure) -> ProgrammeInputs {
        guard let signups = input(id, "signups") else {
            throw .invalidInput([
                Diagnostic(.error, file: "signups", "programme \(id) has no sign-ups", fix: "upload again")
                    .inDutch("programma \(id) heeft geen aanmeldingen", fix: "upload de aanmeldingen opnieuw")
            ])
        }
        return try ProgrammeInputs(
            signups: signups, config: input(id, "config"), facilitators: input(id, "facilitators"),
            wishes: input(id, "wishes"))
    }

    /// A new id for a programme called `name`: its letters and digits as a slug, numbered when taken.
    func newID(for name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-", scalar.properties.generalCategory != .nonspacingMark {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        slug = String(slug.prefix(48))
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "programma" }
        var id = slug, n = 2
        while FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(id)) {
            id = "\(slug)-\(n)"
            n += 1
        }
        return id
    }

    /// Stores a checked programme's files under a new id, all or nothing: written to a hidden folder first and
    /// renamed into place.
    func create(name: String, files: [String: InputFile]) throws -> String {
        let staging = (root as NSString).appendingPathComponent(".incoming-\(UUID().uuidString.lowercased())")
        let inputs = (staging as NSString).appendingPathComponent("inputs")
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        do {
            for (field, file) in files.sorted(by: { $0.key < $1.key }) {
                let ext = Self.extensionOf(file.name, field: field)
                let path = (inputs as NSString).appendingPathComponent("\(field).\(ext)")
                try file.data.write(to: URL(fileURLWithPath: path))
            }
            // Two uploads at once may pick the same id: the rename fails for the second, which tries the next.
            for _ in 0..<100 {
                let id = newID(for: name)
                let target = (root as NSString).appendingPathComponent(id)
                if rename(staging, target) == 0 { return id }
                guard errno == EEXIST || errno == ENOTEMPTY else { break }
            }
            throw CocoaError(.fileWriteUnknown)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// The stored extension of an upload: the file name's when it is one the readers know, else by field.
    static func extensionOf(_ name: String, field: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        if field == "config" { return "toml" }
        return ["csv", "xlsx", "tsv", "txt"].contains(ext) ? ext : "csv"
    }
}
