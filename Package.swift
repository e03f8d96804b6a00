// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Intervision",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "intervision", targets: ["intervision"]),
        .library(name: "Intake", targets: ["Intake"]),
        .library(name: "GLPK", targets: ["GLPK"]),
        .library(name: "Grouping", targets: ["Grouping"]),
        .library(name: "Scheduling", targets: ["Scheduling"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The C library. Only the GLPK module may import it.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        // Stage 1: read and validate sign-ups, facilitators and config; build the conflict model.
        .target(name: "Intake", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        // Stage 2: groups by integer programming (aggregate bounds, then named people per region).
        .target(name: "Grouping", dependencies: ["Intake", "GLPK"]),
        // Stage 3: facilitators, meeting dates (holidays, spacing, no double-booking) and the case-bringer rotation.
        .target(name: "Scheduling", dependencies: ["Intake", "Grouping", "GLPK"], resources: [.copy("Resources/holidays-nl.tsv")]),
        // Stage 5: dropouts and late joiners with the fewest moves; history frozen, future dates and rotation updated.
        .target(name: "Replanning", dependencies: ["Intake", "Grouping", "Scheduling", "GLPK"]),
        // Stage 4: files for people — CSV, plan.json, report — written all-or-nothing.
        // Atomic exchange of two folders (renameat2), so a replan replaces the plan folder in one step.
        .target(name: "CSwap"),
        .target(name: "Export", dependencies: ["Intake", "Grouping", "Scheduling", "Replanning", "CSwap"]),
        // The command line: argument parsing and printing over the library modules.
        .target(name: "IntervisionCLI", dependencies: [
            "Intake", "Grouping", "Scheduling", "Replanning", "Export",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "intervision", dependencies: ["IntervisionCLI"]),
        // Figures for Benchmarks/README.md: the planner and the plain assignment model on the same instances.
        .executableTarget(name: "grouping-bench", dependencies: ["Grouping", "Intake", "GLPK"], path: "Benchmarks/GroupingBench"),
        // Figures for the scheduling stage: facilitators, dates, rotation and rota files on a grouped programme.
        .executableTarget(name: "schedule-bench", dependencies: ["Scheduling", "Export", "Grouping", "Intake"], path: "Benchmarks/ScheduleBench"),
        // Figures for replanning: dropouts and late joiners on a planned programme.
        .executableTarget(name: "replan-bench", dependencies: ["Replanning", "Scheduling", "Grouping", "Intake"], path: "Benchmarks/ReplanBench"),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .target(name: "TestFixtures", dependencies: ["Intake"], path: "Tests/TestFixtures"),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "TestFixtures"]),
        .testTarget(name: "GroupingTests", dependencies: ["Grouping", "Intake", "TestFixtures"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "Grouping", "Intake", "TestFixtures"]),
        .testTarget(name: "ExportTests", dependencies: ["Export"]),
        .testTarget(name: "CLITests", dependencies: ["IntervisionCLI", "intervision"]),
    ]
)
