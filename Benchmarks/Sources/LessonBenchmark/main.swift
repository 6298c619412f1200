import Foundation

// Runs the LeNet lesson's training (Benchmarks/Lessons/lenet-training.md) through
// the release `litbook` binary, once per configuration, and prints the
// examples/sec that the lesson's own timer reports, side by side with ratios.
//
//     swift run -c release --package-path Benchmarks LessonBenchmark [--epochs N] [--litbook PATH]
//
// Configurations: the kernels on 1 thread and on 2 threads (LITBOOK_THREADS);
// with --portable PATH also a litbook built with LITBOOK_PORTABLE=1.

struct Configuration {
    var name: String
    var litbook: String
    var threads: Int
}

struct Measurement {
    var configuration: Configuration
    var examplesPerSecond: Double
    var wallSeconds: Double
    var summary: String
}

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let repository = benchmarks.deletingLastPathComponent()
let epochs = Int(argument("--epochs") ?? "1") ?? 1
let litbook = argument("--litbook") ?? repository.appendingPathComponent(".build/release/litbook").path
guard FileManager.default.isExecutableFile(atPath: litbook) else {
    print("LessonBenchmark: \(litbook) is not there; build it first with `swift build -c release --product litbook`")
    exit(64)
}

/// The lesson with its epoch count filled in, in a scratch folder.
func lessonFile() throws -> URL {
    let template = try String(contentsOf: benchmarks.appendingPathComponent("Lessons/lenet-training.md"), encoding: .utf8)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("litbook-lesson-benchmark-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("lenet-training.md")
    try Data(template.replacingOccurrences(of: "EPOCHS", with: String(epochs)).utf8).write(to: file)
    return file
}

/// Runs `litbook run` and reads the `N examples/sec on cpu` line train_ch6 prints.
func measure(_ configuration: Configuration, lesson: URL) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: configuration.litbook)
    process.arguments = ["run", lesson.path]
    var environment = ProcessInfo.processInfo.environment
    environment["LITBOOK_THREADS"] = String(configuration.threads)
    environment["CI"] = "true"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let start = Date()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let wall = Date().timeIntervalSince(start)
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0,
        let line = text.split(separator: "\n").first(where: { $0.hasSuffix("examples/sec on cpu") }),
        let rate = Double(line.split(separator: " ")[0])
    else {
        throw NSError(domain: "LessonBenchmark", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(configuration.name): no examples/sec line in\n\(text)"])
    }
    let summary = text.split(separator: "\n").first(where: { $0.hasPrefix("loss ") }).map(String.init) ?? ""
    return Measurement(configuration: configuration, examplesPerSecond: rate, wallSeconds: wall, summary: summary)
}

var configurations = [
    Configuration(name: "native, 1 thread", litbook: litbook, threads: 1),
    Configuration(name: "native, 2 threads", litbook: litbook, threads: 2),
]
if let portable = argument("--portable") {
    configurations.append(Configuration(name: "portable, 2 threads", litbook: portable, threads: 2))
}

print("LeNet lesson training, \(epochs) epoch\(epochs == 1 ? "" : "s") of Fashion-MNIST (60,000 images, batch 256, lr 0.9)\n")
let lesson = try lessonFile()
var results: [Measurement] = []
for configuration in configurations {
    let result = try measure(configuration, lesson: lesson)
    results.append(result)
    print("\(configuration.name): \(result.summary)")
}
print()
let base = results[0].examplesPerSecond
let nameWidth = results.map(\.configuration.name.count).max() ?? 0
print("configuration".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  examples/sec  vs 1 thread  wall s")
for result in results {
    let name = result.configuration.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
    let rate = String(format: "%12.1f", result.examplesPerSecond)
    let ratio = String(format: "%10.2f×", result.examplesPerSecond / base)
    let wall = String(format: "%7.1f", result.wallSeconds)
    print("\(name)  \(rate)  \(ratio)  \(wall)")
}
