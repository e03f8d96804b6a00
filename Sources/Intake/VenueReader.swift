import Foundation

/// The venues file (`--venues`, CSV or .xlsx): per group, or per meeting of a group, a location and/or a
/// video-call link, overriding `[schedule] location`, `[locations]` and `[schedule] online`.
public enum VenueReader {
    /// The venues by group and by meeting (`G03:2`); every bad row is a diagnostic, nothing is half read.
    /// Group ids are checked against the plan's groups by the caller (they exist only once groups are formed).
    public static func read(_ file: InputFile, meetings: Int) throws(IntakeFailure) -> (
        byGroup: [String: ProgrammeConfig.Place], byMeeting: [String: ProgrammeConfig.Place], lines: [String: Int]
    ) {
        var sink = DiagnosticSink(file: file.name)
        var byGroup: [String: ProgrammeConfig.Place] = [:], byMeeting: [String: ProgrammeConfig.Place] = [:]
        var lines: [String: Int] = [:]
        if let (_, rows) = CSV.rows(
            file, specs: ColumnSpec.venues, sink: &sink,
            noRows: ("venues", "add one row per group (or per meeting of a group) with its location"))
        {
            for row in rows {
                row.checkWidth(&sink)
                guard
                    let group = row.require(
                        "group", &sink, what: ("a group id (e.g. G03)", "een groepscode (bijvoorbeeld G03)"))?
                        .uppercased()
                else {
                    continue
                }
                let number = row.integer(
                    "meeting", in: 1...max(meetings, 1), &sink,
                    meaning: (
                        "a meeting number from 1 to \(meetings), or empty for all meetings of the group",
                        "bijeenkomstnummer van 1 tot en met \(meetings), of leeg voor alle bijeenkomsten van de groep"
                    ))
                guard let number else { continue }
                let place = ProgrammeConfig.Place(location: row.text("location"), online: row.text("online"))
                if place.location == nil && place.online == nil {
                    sink.error(
                        line: row.record.line, field: "location", "the row gives neither a location nor a link",
                        fix: "fill in the location (or the online link), or delete the row",
                        nl: .init(
                            "de rij noemt geen locatie en geen link",
                            fix: "vul de locatie (of de link voor online deelname) in, of haal de rij weg"))
                    continue
                }
                let key = number.map { "\(group):\($0)" } ?? group
                if let first = lines[key] {
                    sink.error(
                        line: row.record.line, field: "group",
                        "\(key) already has a venue on line \(first)", fix: "keep one row per group or meeting",
                        nl: .init(
                            "\(key) heeft al een locatie op regel \(first)",
                            fix: "houd één rij per groep of bijeenkomst"))
                    continue
                }
                lines[key] = row.record.line
                if let number { byMeeting["\(group):\(number)"] = place } else { byGroup[group] = place }
            }
        }
        guard !sink.hasErrors else { throw IntakeFailure(diagnostics: sink.items) }
        return (byGroup, byMeeting, lines)
    }
}
