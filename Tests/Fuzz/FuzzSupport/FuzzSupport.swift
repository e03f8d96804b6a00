// libFuzzer's driver for the fuzz targets: SwiftPM links each executable's entry point as `<module>_main`, which
// hands control to `LLVMFuzzerRunDriver` with the target's test function.

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the command line and `target` as the test function; returns its exit code.
public func fuzz(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ target: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt {
    var argc = argc, argv = argv
    return runDriver(&argc, &argv, target)
}
