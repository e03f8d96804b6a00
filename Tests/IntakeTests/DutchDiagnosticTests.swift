import Foundation
import Intake
import TestFixtures
import Testing

/// Organisers read the intake's problems in Dutch in the web app and the report: every mistake in a sign-up
/// file (the bundled bad sign-up files) has its Dutch message and fix beside the English one.
@Suite struct DutchDiagnosticTests {
    static let signupFiles = try! FileManager.default.contentsOfDirectory(atPath: Fixture.path("bad")).filter {
        $0.hasSuffix(".csv") && !$0.contains("facilitators") && $0 != "valid-signups.csv"
    }.sorted()

    @Test(arguments: signupFiles) func everySignupProblemHasDutch(_ name: String) throws {
        do {
            _ = try ProgrammeReader.load(signups: Fixture.file("bad/" + name))
            Issue.record("\(name) was accepted")
        } catch let error as IntakeFailure {
            for d in error.diagnostics where d.severity == .error {
                #expect(d.dutch != nil, "\(name): \(d.message)")
                if let dutch = d.dutch { #expect(!dutch.message.isEmpty && dutch.message != d.message) }
            }
        }
    }

    static let configFiles = try! FileManager.default.contentsOfDirectory(atPath: Fixture.path("bad")).filter {
        $0.hasSuffix(".toml")
    }.sorted()

    /// A settings file uploaded in the web app is read in Dutch too: every bundled bad config's problems.
    @Test(arguments: configFiles) func everyConfigProblemHasDutch(_ name: String) throws {
        do {
            _ = try ProgrammeReader.load(
                signups: Fixture.file("lerend-leiderschap-52.csv"), config: Fixture.file("bad/" + name))
            Issue.record("\(name) was accepted")
        } catch let error as IntakeFailure {
            let errors = error.diagnostics.filter { $0.severity == .error }
            #expect(!errors.isEmpty)
            for d in errors {
                #expect(d.dutch != nil, "\(name): \(d.message)")
                if let dutch = d.dutch { #expect(!dutch.message.isEmpty && dutch.message != d.message) }
                if d.fix != nil { #expect(d.dutch?.fix != nil, "\(name): \(d.message)") }
            }
        }
    }

    /// The warnings of the bundled programmes (unknown competitor schools, shared names) are read in Dutch too.
    @Test(arguments: [
        ("lerend-leiderschap-52.csv", "lerend-leiderschap.toml"), ("lead-and-learn-345.csv", "lead-and-learn.toml"),
    ])
    func everyWarningHasDutch(_ files: (String, String)) throws {
        let p = try ProgrammeReader.load(signups: Fixture.file(files.0), config: Fixture.file(files.1))
        #expect(!p.warnings.isEmpty)
        for w in p.warnings {
            #expect(w.dutch != nil && w.dutch?.message != w.message && w.dutch?.fix != nil, "\(w.message)")
        }
    }
}
