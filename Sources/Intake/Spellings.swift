/// One spelling per region, school, board and town. They are compared case-, accent- and space-insensitively
/// (`Text.key`), so "Utrecht", "utrecht " and "UTRECHT" are one region; each takes the spelling of its first
/// row, so groups, metrics and every file see one region, not three.
enum Spellings {
    static func unify(_ people: inout [Participant]) {
        var keys = Text.KeyCache()
        var region: [String: String] = [:], school: [String: String] = [:]
        var board: [String: String] = [:], town: [String: String] = [:]
        func first(_ value: String, _ table: inout [String: String]) -> String {
            let key = keys.key(value)
            if let spelling = table[key] { return spelling }
            table[key] = value
            return value
        }
        for i in people.indices {
            people[i].region = first(people[i].region, &region)
            people[i].school = first(people[i].school, &school)
            people[i].board = people[i].board.map { first($0, &board) }
            people[i].town = people[i].town.map { first($0, &town) }
        }
    }
}
