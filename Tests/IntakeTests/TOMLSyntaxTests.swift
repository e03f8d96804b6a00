import Testing

@testable import Intake

/// Only well-formed TOML reaches TOMLKit, whose C++ parser aborts the process on some malformed text.
@Suite struct TOMLSyntaxTests {
    @Test(arguments: [
        "a = [}\n", "a = [1,}\n", "a = {b = 1,}\n", "a = \"\\u00\"\n", "[a\n", "a = 1 2\n", "a = \"x\n", "= 1\n",
        "a = tru\n", "a = 2027-13\n", "a = [[[[[[",
    ])
    func malformedTextIsRefusedWithItsPlace(_ text: String) {
        let problem = TOMLSyntax.check(text)
        #expect(problem != nil, "\(text.debugDescription) passed")
        #expect(problem?.line == 1)
    }

    @Test func everyTOMLFeatureTheConfigMayUseIsAccepted() {
        let text = """
            # comment
            [programme]
            name = "Lead & Learn \\u00e9 2027"  # trailing comment
            'quoted key' = 'literal \\ string'
            a.b = 1_000
            [schedule]
            first_date = 2027-01-11
            fixed_dates = { 1 = 2027-01-14, 2 = 2027-02-16 }
            weekdays = [
              "tuesday",  # one
              "thursday",
            ]
            start = 1979-05-27T07:32:00Z
            hex = 0xDEAD_BEEF
            pi = 3.14e-2
            yes = true
            notes = \"\"\"
            two \\
              lines\"\"\"
            [[item]]
            n = -1
            """
        #expect(TOMLSyntax.check(text) == nil)
        #expect(TOMLSyntax.check(text.replacingOccurrences(of: "\n", with: "\r\n")) == nil)
    }
}
