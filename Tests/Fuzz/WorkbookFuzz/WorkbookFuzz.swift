// libFuzzer target: any bytes as an Excel workbook, and any bytes as the XML parts inside a well-formed one
// (a mutated ZIP rarely gets past its checksums, so the XML readers are fed directly too). Intake must answer
// with a programme or diagnostics, never crash. Built by `make fuzz` (INTERVISION_FUZZ=1, -sanitize=fuzzer).
import Foundation
import FuzzSupport
import Intake
import Spreadsheet
import ZIPFoundation

/// One input: returns 0, as libFuzzer expects; a crash is the finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? ProgrammeReader.load(signups: InputFile(name: "fuzz.xlsx", data: data))
    // The same bytes cut in three: the sheet, the shared strings and the styles of a valid archive.
    let third = count / 3
    let parts = [
        data.prefix(third), data.dropFirst(third).prefix(third), data.dropFirst(2 * third),
    ].map { Data($0) }
    if let book = archive(sheet: parts[0], strings: parts[1], styles: parts[2]) {
        _ = try? WorkbookReader.read(book)
        _ = try? ProgrammeReader.load(signups: InputFile(name: "fuzz.xlsx", data: book))
    }
    return 0
}

private func archive(sheet: Data, strings: Data, styles: Data) -> Data? {
    let workbook = Data(
        ("<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>").utf8)
    let rels = Data(
        ("<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>").utf8)
    guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
    for (path, bytes) in [
        ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles),
    ] {
        try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data
}

@_cdecl("workbook_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, fuzzWorkbook)
}
