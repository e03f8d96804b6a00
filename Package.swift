// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The pipeline, one module per stage: Intake → Grouping → Scheduling → Export, with Replanning reusing grouping
/// and scheduling, GLPK the only module that touches the C library, RunControl the budget and progress every
/// stage shares, and IntervisionKit the one facade that front ends (the CLI, later the web app) call.
let package = Package(
    name: "Intervision",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "intervision", targets: ["intervision"]),
        .library(name: "IntervisionKit", targets: ["IntervisionKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
    ],
    targets: [
        // The C library. Only the GLPK module may import it.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // A run's time limit, cancellation and progress events, shared by every stage.
        .target(name: "RunControl"),
        .target(name: "GLPK", dependencies: ["CGLPK", "RunControl"]),
        // Stage 1: read and validate sign-ups, facilitators and config; build the conflict model.
        .target(
            name: "Intake", dependencies: ["Spreadsheet", .product(name: "TOMLKit", package: "TOMLKit")]),
        // Excel workbooks (.xlsx) read as sign-up tables and written as plan and mail-merge files.
        .systemLibrary(name: "CInflate", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "Spreadsheet",
            dependencies: [
                "CInflate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]),
        // Stage 2: groups by integer programming (aggregate bounds, then named people per region).
        .target(name: "Grouping", dependencies: ["Intake", "GLPK", "RunControl"], exclude: ["README.md"]),
        // Stage 3: facilitators, meeting dates (holidays, spacing, no double-booking) and the case-bringer rotation.
        .target(
            name: "Scheduling", dependencies: ["Intake", "Grouping", "GLPK", "RunControl"],
            resources: [.copy("Resources/holidays-nl.tsv")]),
        // Stage 5: dropouts and late joiners with the fewest moves; history frozen, future dates and rotation updated.
        .target(name: "Replanning", dependencies: ["Intake", "Grouping", "Scheduling", "GLPK", "RunControl"]),
        // Atomic exchange of two folders (renameat2), so a replan replaces the plan folder in one step.
        .target(name: "CSwap"),
        // Stage 4: files for people — CSV, ICS, report — and the plan store (plan.json, history, atomic writes).
        .target(
            name: "Export",
            dependencies: ["Intake", "Grouping", "Scheduling", "Replanning", "Spreadsheet", "CSwap", "RunControl"]),
        // The facade: check, plan and replan as typed use cases with one budget, progress events and one failure type.
        .target(
            name: "IntervisionKit",
            dependencies: ["Intake", "Grouping", "Scheduling", "Replanning", "Export", "RunControl"]),
        // The command line: argument parsing, text rendering of the facade's results, exit codes.
        .target(
            name: "IntervisionCLI",
            dependencies: [
                "IntervisionKit", "WebApp", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The local web app (`intervision serve`): a workspace of programmes, a JSON API, Dutch pages, jobs.
        .target(
            name: "WebApp",
            dependencies: [
                "IntervisionKit", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/assets"), .copy("Resources/openapi.yaml")]),
        .executableTarget(name: "intervision", dependencies: ["IntervisionCLI"]),
        .target(name: "TestFixtures", dependencies: ["Intake"], path: "Tests/TestFixtures"),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK", "RunControl"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Spreadsheet", "TestFixtures"]),
        .testTarget(
            name: "GroupingTests",
            dependencies: [
                "Grouping", "Intake", "RunControl", "TestFixtures",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "SchedulingTests", dependencies: ["Scheduling", "Grouping", "Intake", "RunControl", "TestFixtures"]),
        .testTarget(
            name: "ReplanningTests",
            dependencies: [
                "IntervisionKit", "TestFixtures", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "ExportTests", dependencies: ["Export"]),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: ["Spreadsheet", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Regressions"]),
        .testTarget(name: "IntervisionKitTests", dependencies: ["IntervisionKit", "TestFixtures"]),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "IntervisionKit", "TestFixtures",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "CLITests", dependencies: ["IntervisionCLI", "intervision", "TestFixtures"]),
    ]
)

// Benchmarks are built only when asked (`make bench` sets INTERVISION_BENCHMARKS=1), so `swift test` does not
// compile them.
if ProcessInfo.processInfo.environment["INTERVISION_BENCHMARKS"] == "1" {
    package.targets += [
        // Figures for Benchmarks/README.md: the planner and the plain assignment model on the same instances.
        .executableTarget(
            name: "grouping-bench", dependencies: ["Grouping", "Intake", "GLPK"], path: "Benchmarks/GroupingBench"),
        // Figures for the scheduling stage: facilitators, dates, rotation and rota files on a grouped programme.
        .executableTarget(
            name: "schedule-bench", dependencies: ["Scheduling", "Export", "Grouping", "Intake"],
            path: "Benchmarks/ScheduleBench"),
        // Figures for replanning: dropouts and late joiners on a planned programme.
        .executableTarget(
            name: "replan-bench", dependencies: ["Replanning", "Scheduling", "Grouping", "Intake", "RunControl"],
            path: "Benchmarks/ReplanBench"),
    ]
}

// Fuzz targets for libFuzzer, built only by `make fuzz` (INTERVISION_FUZZ=1 with -sanitize=fuzzer).
if ProcessInfo.processInfo.environment["INTERVISION_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport"),
        .executableTarget(
            name: "csv-fuzz", dependencies: ["Intake", "FuzzSupport"], path: "Tests/Fuzz/CSVFuzz",
            exclude: ["seed-wishes.csv"]),
        .executableTarget(
            name: "config-fuzz", dependencies: ["Intake", "FuzzSupport"], path: "Tests/Fuzz/ConfigFuzz"),
        .executableTarget(
            name: "workbook-fuzz",
            dependencies: [
                "Intake", "Spreadsheet", "FuzzSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/Fuzz/WorkbookFuzz", exclude: ["seed-parts.xml"]),
        .executableTarget(
            name: "plan-file-fuzz", dependencies: ["Export", "FuzzSupport"], path: "Tests/Fuzz/PlanFileFuzz"),
    ]
}
