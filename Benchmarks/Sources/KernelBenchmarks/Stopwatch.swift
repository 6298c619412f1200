import Foundation

/// Times a closure: one warm-up call, then repeated calls until a time budget
/// is spent, keeping the fastest. The minimum is the figure least disturbed by
/// other processes on a shared machine.
enum Stopwatch {
    /// With `--cpu-time`, the clock is the calling thread's CPU time instead of
    /// wall time: on a machine shared with other jobs it ignores the time the
    /// thread spent descheduled. Only meaningful for single-threaded runs.
    nonisolated(unsafe) static var usesThreadCPUTime = false
    /// Multiplies every time budget (`--budget-scale 4` for steadier minima on a busy machine).
    nonisolated(unsafe) static var budgetScale = 1.0

    /// Seconds per call, best of the repetitions.
    static func best(budget: Double = 0.3, minimumRuns: Int = 3, _ body: () -> Void) -> Double {
        let budget = budget * budgetScale
        body()
        var best = Double.infinity
        var spent = 0.0
        var runs = 0
        while runs < minimumRuns || spent < budget {
            let start = now()
            body()
            let seconds = now() - start
            best = min(best, seconds)
            spent += seconds
            runs += 1
        }
        return best
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(usesThreadCPUTime ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A buffer of random values in [-1, 1), freed by the caller.
func randomBuffer(_ count: Int, seed: UInt64) -> UnsafeMutablePointer<Float> {
    var state = seed
    let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    for index in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        buffer[index] = Float(Int32(truncatingIfNeeded: state >> 32)) / Float(Int32.max)
    }
    return buffer
}

/// The largest relative difference between two buffers, to show that a
/// benchmarked kernel and its naive reference compute the same thing.
func maximumRelativeDifference(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
    var scale: Float = 1e-30
    var worst: Float = 0
    for index in 0..<count {
        scale = max(scale, abs(b[index]))
        worst = max(worst, abs(a[index] - b[index]))
    }
    return worst / scale
}
