import Foundation
import TensorEngine

/// Prints every kernel benchmark as a table. Sections can be picked by name:
/// `KernelBenchmarks gemm conv pool tiny lenet sweep` (default: all);
/// `profile N` runs the LeNet step N times and nothing else (for `perf record`);
/// `--budget-scale X` lengthens every timing loop X times. `--cpu-time` times
/// with the thread's CPU clock (for tuning single-threaded code on a busy machine).
let sections: [(String, () -> Void)] = [
    ("gemm", GEMMBenchmarks.run),
    ("conv", ConvolutionBenchmarks.run),
    ("pool", PoolingBenchmarks.run),
    ("tiny", TinyBenchmarks.run),
    ("lenet", LeNetStepBenchmark.run),
    ("sweep", ThresholdSweep.run),
]
var arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.firstIndex(of: "--budget-scale"), flag + 1 < arguments.count {
    Stopwatch.budgetScale = Double(arguments[flag + 1]) ?? 1
    arguments.removeSubrange(flag...flag + 1)
}
var requested = Set(arguments)
Stopwatch.usesThreadCPUTime = requested.remove("--cpu-time") != nil
print("# litbook kernel benchmarks")
print("threads available: \(ProcessInfo.processInfo.activeProcessorCount), default kernel threads: \(KernelThreads.defaultCount)")
if Stopwatch.usesThreadCPUTime { print("clock: thread CPU time (2-thread columns are not meaningful)") }
print("build: \(ProcessInfo.processInfo.environment["LITBOOK_PORTABLE"] == "1" ? "portable (LITBOOK_PORTABLE=1)" : "native (-target-cpu native)")\n")
if requested.contains("profile") {
    let count = CommandLine.arguments.last.flatMap { Int($0) } ?? 100
    LeNetStepBenchmark.repeatStep(count)
    exit(0)
}
for (name, run) in sections where requested.isEmpty || requested.contains(name) {
    run()
}
