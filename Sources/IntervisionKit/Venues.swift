import Foundation

/// The venues file (`--venues`) read into the config, its group ids checked against the plan's groups.
enum VenueFile {
    /// The rows of `file`, read before any solving so a malformed file costs nothing.
    struct Table {
        var file: String
        var byGroup: [String: ProgrammeConfig.Place]
        var byMeeting: [String: ProgrammeConfig.Place]
        var lines: [String: Int]
    }

    static func read(_ file: InputFile, _ config: ProgrammeConfig) throws(PlanningFailure) -> Table {
        do {
            let t = try VenueReader.read(file, meetings: config.schedule.meetings)
            return Table(file: file.name, byGroup: t.byGroup, byMeeting: t.byMeeting, lines: t.lines)
        } catch {
            throw .invalidInput(error.diagnostics)
        }
    }

    /// `config` with the table's venues (replacing any earlier file's), once every group it names exists.
    static func apply(_ table: Table, to config: inout ProgrammeConfig, groups: [String]) throws(PlanningFailure) {
        let known = Set(groups)
        let unknown = table.lines.filter { !known.contains(String($0.key.split(separator: ":")[0])) }
        guard unknown.isEmpty else {
            let range = groups.isEmpty ? "none" : "\(groups.min()!)–\(groups.max()!)"
            throw .invalidInput(
                unknown.sorted { $0.value < $1.value }.map { key, line in
                    Diagnostic(
                        .error, file: table.file, line: line, field: "group",
                        "\(key.split(separator: ":")[0]) is not a group of this plan (its groups are \(range))",
                        fix: "use the group ids of groups.csv, or delete the row"
                    ).inDutch(
                        "\(key.split(separator: ":")[0]) is geen groep van dit plan (de groepen zijn \(range))",
                        fix: "gebruik de groepsnamen uit groups.csv, of verwijder de regel")
                })
        }
        var venues = config.venues ?? ProgrammeConfig.Venues()
        venues.byGroup = table.byGroup.isEmpty ? nil : table.byGroup
        venues.byMeeting = table.byMeeting.isEmpty ? nil : table.byMeeting
        config.venues = venues
    }
}
