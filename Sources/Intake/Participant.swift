/// One row of the sign-up file, validated. Plain value; `index` is its position in `Programme.participants`.
public struct Participant: Sendable, Hashable, Codable {
    /// Position in `Programme.participants`.
    public var index: Int
    /// Display name.
    public var name: String
    /// As written in the file; identity is `emailKey`.
    public var email: String
    /// The function as written, e.g. teamleider.
    public var function: String
    /// Level (1 or more), from the file or from `[levels]` by function.
    public var level: Int
    /// The school or organisation.
    public var school: String
    /// The school board, when given.
    public var board: String?
    /// The region (province) as written; also decides the holiday region.
    public var region: String
    /// The school's town, when given.
    public var town: String?
    /// Manager's email as written; resolved to `managerIndex` when the manager is a participant.
    public var reportsTo: String?
    /// The manager's participant index, when the manager takes part.
    public var managerIndex: Int?
    /// Schools this participant's school competes with, as written.
    public var competitors: [String]
    /// Years in the current function, when given.
    public var experienceYears: Int?
    /// Days the participant cannot come.
    public var unavailable: [DayRange]
    /// Line in the sign-up file, for messages.
    public var line: Int

    /// The email in lower case: the identity used for matching.
    public var emailKey: String { email.lowercased() }
}

/// One row of the facilitators file, validated; leads up to `maxGroups` groups.
public struct Facilitator: Sendable, Hashable, Codable {
    /// Position in `Programme.facilitators`.
    public var index: Int
    /// Display name.
    public var name: String
    /// Email; unique among facilitators and never a participant's.
    public var email: String
    /// The region they work in, when given; groups of their own region are preferred.
    public var region: String?
    /// How many groups they may lead (`max_groups`, default 2).
    public var maxGroups: Int
    /// Schools this facilitator is tied to: never facilitates a group with someone from them.
    public var schools: [String]
    /// Days they cannot lead a meeting.
    public var unavailable: [DayRange]
    /// Line in the facilitators file, for messages.
    public var line: Int
    /// From this day on they lead no group (`replan --drop-facilitator`); history still names them.
    public var leftOn: Day?

    /// Whether this facilitator is tied to `school` and so may not lead a group holding someone from it.
    public func isTied(toSchool school: String) -> Bool {
        schools.contains { Text.key($0) == Text.key(school) }
    }
}
