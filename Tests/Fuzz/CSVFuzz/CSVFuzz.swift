// libFuzzer target: any bytes as a sign-up file, as a facilitators file and as a wishes file. Intake must answer
// with a programme or diagnostics, never crash. Built by `make fuzz` (INTERVISION_FUZZ=1, -sanitize=fuzzer).
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
    // As wishes about real people (seed-wishes.csv names them), so the checks after parsing run too.
    _ = try? ProgrammeReader.load(
        signups: InputFile(name: "s.csv", data: wishSignups), facilitators: InputFile(name: "f.csv", data: wishLeaders),
        wishes: InputFile(name: "fuzz.csv", data: data))
    return 0
}

/// Eight people of four schools (two pairs of colleagues, one manager and her teacher, competing schools, a
/// `not_with`) and two facilitators, one of whom is tied to a school: every wish check has something to find.
private let wishSignups = Data(
    """
    name,email,function,level,school,region,reports_to,competitors,not_with
    Anne Smit,anne@a.nl,directeur,1,School A,Utrecht,,School B,
    Bram de Vries,bram@a.nl,teamleider,2,School A,Utrecht,anne@a.nl,,
    Carla Jansen,carla@b.nl,rector,1,School B,Utrecht,,,dirk@c.nl
    Dirk Bakker,dirk@c.nl,teamleider,2,School C,Utrecht,,,
    Eva Visser,eva@c.nl,directeur,1,School C,Gelderland,,,
    Femke Mulder,femke@d.nl,teamleider,2,School D,Gelderland,,,
    Gijs de Boer,gijs@d.nl,afdelingsleider,3,School D,Gelderland,,,
    Hanna Peters,hanna@e.nl,directeur,1,School E,Gelderland,,,

    """.utf8)
private let wishLeaders = Data(
    """
    name,email,region,max_groups,schools
    Ilse Kok,ilse@begeleiding.nl,Utrecht,2,School A
    Jan Hendriks,jan@begeleiding.nl,Gelderland,2,

    """.utf8)

@_cdecl("csv_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, fuzzSignups)
}
