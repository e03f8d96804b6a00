import Foundation
import Testing

@testable import Intake

/// Every file in Fixtures/bad is one mistake an organiser makes; each must be rejected with its own
/// message at its own location. The expectations live beside the files in expected.tsv.
@Suite struct BadInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String, role: String, location: String, message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = {
        let text = (try? String(contentsOfFile: Fixture.path("bad/expected.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            let f = $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(file: f[0], role: f[1], location: f[2], message: f[3])
        }
    }()

    @Test func corpusIsLargeAndComplete() throws {
        #expect(Self.cases.count >= 25)
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("bad"))
            .filter { $0.first!.isNumber }
        #expect(Set(files) == Set(Self.cases.map(\.file)), "every bad file has an expectation and vice versa")
        #expect(
            Set(Self.cases.map { $0.role + $0.message }).count == Self.cases.count, "each file is a different mistake")
    }

    @Test(arguments: cases)
    func isRejectedWithItsMessage(_ c: Case) throws {
        let bad = try Fixture.file("bad/\(c.file)")
        let valid = try Fixture.file("bad/valid-signups.csv")
        do {
            switch c.role {
            case "signups": _ = try ProgrammeReader.load(signups: bad)
            case "config": _ = try ProgrammeReader.load(signups: valid, config: bad)
            default: _ = try ProgrammeReader.load(signups: valid, facilitators: bad)
            }
            Issue.record("\(c.file) was accepted")
        } catch {
            let hit = error.errors.first { $0.location == c.location && $0.description.contains(c.message) }
            #expect(hit != nil, "expected \(c.location): …\(c.message)… but got:\n\(error.description)")
            #expect(error.errors.allSatisfy { $0.fix != nil }, "every error says what to do")
        }
    }

    @Test func allProblemsAreCollectedInOnePass() {
        let h = Fixture.header
        let d = Fixture.failure(
            h + "Anne,anne@x.nl,teamleider,,A,,Utrecht,,,,,\n"
                + ",bad-email,decaan,,,,,,,,zes,2027-13-01\n")
        let messages = d.filter { $0.severity == .error }.map(\.description)
        // name, email, function level, school, region, experience, date
        #expect(messages.count == 7, "\(messages.joined(separator: "\n"))")
        #expect(d.allSatisfy { $0.line == 3 })
    }
}
