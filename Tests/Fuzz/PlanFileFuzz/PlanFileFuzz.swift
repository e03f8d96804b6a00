// libFuzzer target: any bytes as plan.json. Reading and restoring a plan must refuse damage with a message,
// never crash (indices, versions and references are all validated first). Built by `make fuzz`.
import Export
import Foundation
import FuzzSupport

private let folder: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-fuzz-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// One input: returns 0, as libFuzzer expects; a crash is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanFile(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    try? Data(bytes: bytes, count: count).write(to: URL(fileURLWithPath: folder + "/plan.json"))
    _ = try? PlanStore(folder: folder).read()
    return 0
}

@_cdecl("plan_file_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, fuzzPlanFile)
}
