// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Benchmarks for TensorEngine's kernels, kept out of the main package so that
/// building or testing litbook never builds them. Run with
/// `swift run -c release --package-path Benchmarks` (see README.md).
///
/// The naive reference kernels here get the same CPU flags as TensorEngine, so
/// the ratios compare algorithms, not compiler settings.
let portable = ProcessInfo.processInfo.environment["LITBOOK_PORTABLE"] == "1"
let nativeCPU: [SwiftSetting] = portable ? [] : [.unsafeFlags(["-target-cpu", "native"])]

let package = Package(
    name: "litbook-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its directory name,
        // which differs between clones and worktrees.
        .package(name: "litbook", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [.product(name: "TensorEngine", package: "litbook")],
            swiftSettings: nativeCPU
        ),
        // The LeNet lesson's training through the release `litbook` binary:
        // examples/sec on 1 and 2 threads (see README.md).
        .executableTarget(name: "LessonBenchmark")
    ],
    swiftLanguageModes: [.v5]
)
