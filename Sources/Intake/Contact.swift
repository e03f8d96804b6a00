import Foundation

/// Reading "Name <email>".
enum Contact {
    /// The name and address of "Name <email>"; nil when it is not of that form or the address has no `@`.
    static func parse(_ s: String) -> ProgrammeConfig.Contact? {
        guard let open = s.lastIndex(of: "<"), s.hasSuffix(">") else { return nil }
        let name = s[..<open].trimmingCharacters(in: .whitespaces)
        let email = s[s.index(after: open)..<s.index(before: s.endIndex)].trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard !name.isEmpty, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return nil }
        return ProgrammeConfig.Contact(name: name, email: email)
    }
}
