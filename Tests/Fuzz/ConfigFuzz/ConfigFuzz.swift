// libFuzzer target: any bytes as the programme config (TOML). The syntax check must keep every malformed text
// away from TOMLKit's C++ parser, which aborts on some of it. Built by `make fuzz`.
import Foundation
import FuzzSupport
import Intake

/// One input: returns 0, as libFuzzer expects; a crash is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let signups = Data("name,email,function,school,region\nA,a@x.nl,teamleider,S,Utrecht\n".utf8)
    _ = try? ProgrammeReader.load(
        signups: InputFile(name: "s.csv", data: signups),
        config: InputFile(name: "fuzz.toml", data: Data(bytes: bytes, count: count)))
    return 0
}

@_cdecl("config_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, fuzzConfig)
}
