// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The numeric kernels (matmul, conv2d) are written with Swift's SIMD types, which
/// are only fast when the compiler may use the machine's vector units: a 6×32
/// `SIMD16<Float>` micro-kernel ran at ~217 GFLOP/s with `-target-cpu native`
/// and ~1 GFLOP/s with no flag (every lane became a software fma). The build
/// machine is the machine that runs the course, so we target it. Set
/// `LITBOOK_PORTABLE=1` to build for baseline x86-64/arm64 instead: the same code,
/// same results up to fused-multiply-add rounding, only slower.
let portable = ProcessInfo.processInfo.environment["LITBOOK_PORTABLE"] == "1"
/// `LITBOOK_NATIVE_CPU` tells the kernels that fused multiply-add is a hardware
/// instruction here; without it they multiply and add separately, because a
/// software `fma` per lane is ~50× slower than the two SSE instructions.
let nativeCPU: [SwiftSetting] =
    portable ? [] : [.unsafeFlags(["-target-cpu", "native"]), .define("LITBOOK_NATIVE_CPU")]

let package = Package(
    name: "litbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "litbook", targets: ["litbook"]),
        // For the separate benchmark package in Benchmarks/, which depends on this one by path.
        .library(name: "TensorEngine", targets: ["TensorEngine"]),
    ],
    dependencies: [
        // The CLI: subcommands, options, help text and exit codes.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // YAML front matter of notebooks.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Theme templates (pages, index) that a course can override with --theme.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: - C libraries at the edge
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: - Libraries
        .target(name: "Diagnostics"),
        .target(
            name: "NotebookFormat",
            dependencies: ["CCmark", "Diagnostics", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TensorEngine", swiftSettings: nativeCPU),
        .target(name: "Datasets", dependencies: ["CZlib"]),
        .target(name: "CellLanguage", dependencies: ["Diagnostics"]),
        .target(
            name: "TorchBindings",
            dependencies: ["CellLanguage", "TensorEngine", "Datasets"]
        ),
        .target(name: "Diagrams", exclude: ["README.md"]),
        .target(
            name: "NotebookRunner",
            dependencies: ["Diagnostics", "NotebookFormat", "CellLanguage", "TorchBindings", "Diagrams"]
        ),
        .target(name: "OutputChecker", dependencies: ["Diagnostics", "NotebookFormat", "NotebookRunner"]),
        .target(
            name: "SiteBuilder",
            dependencies: [
                "Diagnostics", "NotebookFormat", "NotebookRunner", "Diagrams", "CellLanguage",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Math/README.md"],
            resources: [.copy("Theme")]
        ),

        // MARK: - The command-line tool
        .executableTarget(
            name: "litbook",
            dependencies: [
                "Diagnostics", "NotebookFormat", "NotebookRunner", "OutputChecker", "SiteBuilder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests (one target per module, plus end-to-end)
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TensorEngineTests", dependencies: ["TensorEngine"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"]),
        .testTarget(name: "CellLanguageTests", dependencies: ["CellLanguage"], resources: [.copy("Programs")]),
        .testTarget(name: "TorchBindingsTests", dependencies: ["TorchBindings", "CellLanguage", "TensorEngine"]),
        // Golden-file comparison shared by the test targets that keep golden files.
        .target(name: "GoldenFiles", dependencies: ["OutputChecker"], path: "Tests/GoldenFiles"),
        .testTarget(name: "DiagramsTests", dependencies: ["Diagrams", "GoldenFiles"], resources: [.copy("Golden")]),
        .testTarget(name: "NotebookRunnerTests", dependencies: ["NotebookRunner", "NotebookFormat"]),
        .testTarget(name: "OutputCheckerTests", dependencies: ["OutputChecker", "NotebookRunner", "NotebookFormat"]),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "NotebookRunner", "NotebookFormat", "GoldenFiles"],
            resources: [.copy("Golden")]),
        .testTarget(name: "EndToEndTests", dependencies: ["litbook"]),
    ],
    // Swift 5 mode: the interpreter and the engine are single-threaded object graphs
    // (values, tensors, autograd nodes) that never cross an isolation boundary; the
    // only parallel code is the kernels' fork-join over disjoint output ranges.
    swiftLanguageModes: [.v5]
)

// MARK: - CellLanguage settings
// Dynamic exclusivity checks were ~45% of the interpreter's time in simple loops
// (every access to a frame slot or global). Release builds skip them; debug
// builds (the tests and fuzzers) keep them to catch any overlapping access.
for target in package.targets where target.name == "CellLanguage" {
    target.exclude = ["README.md"]
    target.swiftSettings = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
}
