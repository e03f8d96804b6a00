/// One row of the sign-up file, validated. Plain value; `index` is its position in `Programme.participants`.
public struct Participant: Sendable, Hashable, Codable {
    public var index: Int
    public var name: String
    /// As written in the file; identity is `emailKey`.
    public var email: String
    public var function: String
    public var level: Int
    public var school: String
    public var board: String?
    public var region: String
    public var town: String?
    /// Manager's email as written; resolved to `managerIndex` when the manager is a participant.
    public var reportsTo: String?
    public var managerIndex: Int?
    public var competitors: [String]
    public var experienceYears: Int?
    public var unavailable: [DayRange]
    /// Line in the sign-up file, for messages.
    public var line: Int

    public var emailKey: String { email.lowercased() }
}

public struct Facilitator: Sendable, Hashable, Codable {
    public var index: Int
    public var name: String
    public var email: String
    public var region: String?
    public var maxGroups: Int
    /// Schools this facilitator is tied to: never facilitates a group with someone from them.
    public var schools: [String]
    public var unavailable: [DayRange]
    public var line: Int

    /// Whether this facilitator is tied to `school` and so may not lead a group holding someone from it.
    public func isTied(toSchool school: String) -> Bool {
        schools.contains { Text.key($0) == Text.key(school) }
    }
}
