// libFuzzer target: any bytes as a sign-up file and as a facilitators file. Intake must answer with a
// programme or diagnostics, never crash. Built by `make fuzz` (INTERVISION_FUZZ=1, -sanitize=fuzzer).
import Foundation
import FuzzSupport
import Intake

/// One input: returns 0, as libFuzzer expects; a crash is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignups(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? ProgrammeReader.load(signups: InputFile(name: "fuzz.csv", data: data))
    let valid = Data("name,email,function,school,region\nA,a@x.nl,teamleider,S,Utrecht\n".utf8)
    _ = try? ProgrammeReader.load(
        signups: InputFile(name: "s.csv", data: valid), facilitators: InputFile(name: "fuzz.csv", data: data))
    return 0
}

@_cdecl("csv_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, fuzzSignups)
}
