import Foundation

// Runs the LeNet lesson's training (Benchmarks/Lessons/lenet-training.md) through
// the release `litbook` binary, once per configuration, and prints the
// examples/sec that the lesson's own timer reports, side by side with ratios.
//
//     swift run -c release --package-path Benchmarks LessonBenchmark [--epochs N] [--litbook PATH]
//         [--portable PATH] [--pytorch PYTHON]
//
// Configurations: the kernels on 1 thread and on 2 threads (LITBOOK_THREADS);
// with --portable PATH also a litbook built with LITBOOK_PORTABLE=1; with
// --pytorch PYTHON the same training in real PyTorch on 1 and 2 threads
// (Lessons/lenet_training_pytorch.py, same network, data and timing rule).

struct Configuration {
    var name: String
    var executable: String
    var arguments: [String]
    var environment: [String: String] = [:]
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

/// Runs one configuration and reads the `N examples/sec on cpu` line train_ch6 prints.
func measure(_ configuration: Configuration) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: configuration.executable)
    process.arguments = configuration.arguments
    process.environment = ProcessInfo.processInfo.environment.merging(configuration.environment) { $1 }
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

let lesson = try lessonFile()
func litbookRun(_ name: String, _ executable: String, threads: Int) -> Configuration {
    Configuration(
        name: name, executable: executable, arguments: ["run", lesson.path],
        environment: ["LITBOOK_THREADS": String(threads), "CI": "true"])
}
var configurations = [
    litbookRun("litbook native, 1 thread", litbook, threads: 1),
    litbookRun("litbook native, 2 threads", litbook, threads: 2),
]
if let portable = argument("--portable") {
    configurations.append(litbookRun("litbook portable, 2 threads", portable, threads: 2))
}
if let python = argument("--pytorch") {
    let script = benchmarks.appendingPathComponent("Lessons/lenet_training_pytorch.py").path
    for threads in [1, 2] {
        configurations.append(
            Configuration(
                name: "PyTorch, \(threads) thread\(threads == 1 ? "" : "s")", executable: python,
                arguments: [script, String(epochs), String(threads)]))
    }
}

print("LeNet lesson training, \(epochs) epoch\(epochs == 1 ? "" : "s") of Fashion-MNIST (60,000 images, batch 256, lr 0.9)\n")
var results: [Measurement] = []
for configuration in configurations {
    let result = try measure(configuration)
    results.append(result)
    print("\(configuration.name): \(result.summary)")
}
print()
let base = results[0].examplesPerSecond
let nameWidth = results.map(\.configuration.name.count).max() ?? 0
print("configuration".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  examples/sec  vs first row  wall s")
for result in results {
    let name = result.configuration.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
    let rate = String(format: "%12.1f", result.examplesPerSecond)
    let ratio = String(format: "%11.2f×", result.examplesPerSecond / base)
    let wall = String(format: "%7.1f", result.wallSeconds)
    print("\(name)  \(rate)  \(ratio)  \(wall)")
}
