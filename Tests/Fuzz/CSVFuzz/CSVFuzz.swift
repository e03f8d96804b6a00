// libFuzzer target: any bytes as a sign-up file and as a facilitators file. Intake must answer with a
// programme or diagnostics, never crash. Built by `make fuzz` (INTERVISION_FUZZ=1, -sanitize=fuzzer).
import Foundation
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

/// SwiftPM links an executable's entry point as `<module>_main`; it hands control to libFuzzer's driver with the
/// target above as the callback.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("csv_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return runDriver(&argc, &argv, fuzzSignups)
}
