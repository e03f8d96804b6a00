import Intake

/// The suggested method per meeting. A group's first meeting uses the most structured method — the
/// ten-step method when it is in the list (beginners' groups start strongly structured, seed 004) — and
/// after that the other methods follow from a per-group starting point, so that groups differ and no
/// group uses the same method twice in a row (unless only one method is configured).
package enum Methods {
    static let mostStructured = ["tienstappen", "tienstappenmethode", "tenstep", "tenstepmethod"]

    package static func sequence(_ methods: [String], meetings: Int, groupIndex: Int) -> [String] {
        guard let fallback = methods.first else { return Array(repeating: "", count: meetings) }
        let opening = methods.first { mostStructured.contains(Text.functionKey($0)) } ?? fallback
        // The cycle after the opening: the other methods from a per-group starting point, the opening one last,
        // so consecutive meetings never repeat and groups differ.
        let rest = methods.filter { $0 != opening }
        guard !rest.isEmpty else { return Array(repeating: opening, count: meetings) }
        let offset = groupIndex % rest.count
        let cycle = Array(rest[offset...] + rest[..<offset]) + [opening]
        let result = [opening] + (0..<max(0, meetings - 1)).map { cycle[$0 % cycle.count] }
        return result
    }
}
