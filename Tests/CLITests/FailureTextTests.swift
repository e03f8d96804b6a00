import Testing

@testable import IntervisionCLI

/// How a run that found no plan in its time reads: not an internal error, not a claim that no plan exists, and a
/// fix the organiser can act on.
@Suite struct FailureTextTests {
    @Test func aRunOutOfTimeSaysSoAndSuggestsALongerLimit() {
        let (text, code) = Output.failure(.outOfTime(step: "replan moves", timeLimit: 0.2), folder: "plan")
        #expect(code == ExitStatus.internalError)
        #expect(!text.contains("internal error"))
        #expect(text.contains("no valid plan was found within the time limit of 0.2 s (replan moves)"))
        #expect(text.contains("this does not prove that none exists"))
        #expect(text.contains("fix: run again with a longer time limit, e.g. --time-limit 60"))
        #expect(text.hasSuffix("nothing was written; plan is unchanged.\n"))
        let long = Output.failure(.outOfTime(step: "replan moves", timeLimit: 300)).text
        #expect(long.contains("within the time limit of 300 s") && long.contains("--time-limit 1200"))
        // Absurd limits still give a number, not a crash.
        #expect(Output.failure(.outOfTime(step: "x", timeLimit: 1e300)).text.contains("--time-limit 1000000000"))
    }
}
