import Testing

@testable import TensorEngine

/// One GEMM problem: sizes, transposes, extra leading-dimension padding, alpha, beta.
struct GEMMCase: CustomStringConvertible, Sendable {
    var m: Int, n: Int, k: Int
    var transA = false, transB = false
    var padding = 0
    var alpha = 1.0, beta = 0.0

    var description: String {
        "\(m)x\(n)x\(k) tA=\(transA) tB=\(transB) pad=\(padding) alpha=\(alpha) beta=\(beta)"
    }

    var lda: Int { (transA ? m : k) + padding }
    var ldb: Int { (transB ? k : n) + padding }
    var ldc: Int { n + padding }
    var aCount: Int { max((transA ? k : m) * lda, 1) }
    var bCount: Int { max((transB ? n : k) * ldb, 1) }
    var cCount: Int { max(m * ldc, 1) }

    /// `op(A)[i, p]` and `op(B)[p, j]` as stored.
    func aIndex(_ i: Int, _ p: Int) -> Int { transA ? p * lda + i : i * lda + p }
    func bIndex(_ p: Int, _ j: Int) -> Int { transB ? j * ldb + p : p * ldb + j }
}

/// The float64 reference: the exact-ish product and, per element, the sum of
/// the magnitudes of its terms (the scale its rounding error is measured against).
func referenceGEMM<T: KernelScalar>(
    _ problem: GEMMCase, a: [T], b: [T], c: [T]
) -> (values: [Double], bounds: [Double]) {
    var values = c.map(Double.init)
    var bounds = [Double](repeating: 0, count: c.count)
    for i in 0..<problem.m {
        for j in 0..<problem.n {
            var sum = 0.0
            var magnitude = 0.0
            for p in 0..<problem.k {
                let term = Double(a[problem.aIndex(i, p)]) * Double(b[problem.bIndex(p, j)])
                sum += term
                magnitude += abs(term)
            }
            let index = i * problem.ldc + j
            let old = problem.beta == 0 ? 0 : problem.beta * Double(c[index])
            values[index] = problem.alpha * sum + old
            bounds[index] = abs(problem.alpha) * magnitude + abs(old)
        }
    }
    return (values, bounds)
}

/// Runs the library GEMM on copies of the inputs and returns C.
func runGEMM<T: KernelScalar>(_ problem: GEMMCase, a: [T], b: [T], c: [T]) -> [T] {
    var result = c
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { c in
                MatrixMultiply.gemm(
                    transA: problem.transA, transB: problem.transB, m: problem.m, n: problem.n, k: problem.k,
                    alpha: T(problem.alpha), a: a.baseAddress!, lda: problem.lda,
                    b: b.baseAddress!, ldb: problem.ldb, beta: T(problem.beta),
                    c: c.baseAddress!, ldc: problem.ldc)
            }
        }
    }
    return result
}

let gemmCases: [GEMMCase] = {
    var cases: [GEMMCase] = []
    let shapes = [
        (1, 1, 1), (2, 3, 4), (5, 7, 3), (6, 16, 8), (7, 17, 9), (6, 8, 256), (13, 33, 257),
        (1, 100, 30), (100, 1, 30), (31, 29, 600), (150, 20, 40), (40, 530, 9), (16, 100, 150),
    ]
    for (index, (m, n, k)) in shapes.enumerated() {
        for transA in [false, true] {
            for transB in [false, true] {
                let scalars = [(1.0, 0.0), (0.5, 1.0), (-2.0, 0.25)][(index + (transA ? 1 : 0)) % 3]
                cases.append(
                    GEMMCase(
                        m: m, n: n, k: k, transA: transA, transB: transB, padding: (index % 3) * 2,
                        alpha: scalars.0, beta: scalars.1))
            }
        }
    }
    return cases
}()

@Suite("MatrixMultiply.gemm")
struct MatrixMultiplyTests {
    @Test("Float GEMM matches a float64 reference", arguments: gemmCases)
    func floatMatchesReference(_ problem: GEMMCase) {
        let a: [Float] = randomValues(problem.aCount, seed: 1)
        let b: [Float] = randomValues(problem.bCount, seed: 2)
        let c: [Float] = randomValues(problem.cCount, seed: 3)
        let result = runGEMM(problem, a: a, b: b, c: c)
        let reference = referenceGEMM(problem, a: a, b: b, c: c)
        expectClose(
            result, reference.values, bounds: reference.bounds,
            tolerance: sumTolerance(terms: problem.k, as: Float.self), "\(problem)")
    }

    @Test("Double GEMM matches a float64 reference", arguments: gemmCases.filter { $0.m * $0.n * $0.k < 200_000 })
    func doubleMatchesReference(_ problem: GEMMCase) {
        let a: [Double] = randomValues(problem.aCount, seed: 4)
        let b: [Double] = randomValues(problem.bCount, seed: 5)
        let c: [Double] = randomValues(problem.cCount, seed: 6)
        let result = runGEMM(problem, a: a, b: b, c: c)
        let reference = referenceGEMM(problem, a: a, b: b, c: c)
        expectClose(
            result, reference.values, bounds: reference.bounds,
            tolerance: sumTolerance(terms: problem.k, as: Double.self), "\(problem)")
    }

    @Test("beta = 0 never reads C, so NaN in C does not leak")
    func betaZeroIgnoresC() {
        for problem in [GEMMCase(m: 3, n: 4, k: 5), GEMMCase(m: 20, n: 40, k: 30, transB: true)] {
            let a: [Float] = randomValues(problem.aCount, seed: 7)
            let b: [Float] = randomValues(problem.bCount, seed: 8)
            let garbage = [Float](repeating: .nan, count: problem.cCount)
            let result = runGEMM(problem, a: a, b: b, c: garbage)
            #expect(result.allSatisfy { !$0.isNaN }, "\(problem)")
        }
    }

    @Test("k = 0 scales C by beta; m = 0 or n = 0 touches nothing")
    func emptyDimensions() {
        let c: [Float] = [1, 2, 3, 4, 5, 6]
        let scaled = runGEMM(GEMMCase(m: 2, n: 3, k: 0, beta: 0.5), a: [9], b: [9], c: c)
        #expect(scaled == [0.5, 1, 1.5, 2, 2.5, 3])
        let zeroed = runGEMM(GEMMCase(m: 2, n: 3, k: 0, beta: 0), a: [9], b: [9], c: [Float](repeating: .nan, count: 6))
        #expect(zeroed == [0, 0, 0, 0, 0, 0])
        let untouched = runGEMM(GEMMCase(m: 0, n: 3, k: 4, beta: 0), a: [9], b: [Float](repeating: 1, count: 12), c: [7])
        #expect(untouched == [7])
    }

    @Test("alpha = 0 does not read A or B (BLAS semantics), only scales C")
    func alphaZeroIgnoresOperands() {
        let problem = GEMMCase(m: 20, n: 30, k: 40, alpha: 0, beta: 0.5)
        let poisoned = [Float](repeating: .nan, count: max(problem.aCount, problem.bCount))
        let c: [Float] = randomValues(problem.cCount, seed: 15)
        let result = runGEMM(problem, a: poisoned, b: poisoned, c: c)
        #expect(result == c.map { $0 * 0.5 })
    }

    @Test("The 2x2 example of the documentation")
    func documentedExample() {
        let result = runGEMM(GEMMCase(m: 2, n: 2, k: 2), a: [1, 2, 3, 4] as [Float], b: [5, 6, 7, 8], c: [0, 0, 0, 0])
        #expect(result == [19, 22, 43, 50])
    }

    @Test("Packed and direct paths give the same bits", arguments: [
        GEMMCase(m: 7, n: 19, k: 300, alpha: 0.5, beta: 0.25),
        GEMMCase(m: 13, n: 5, k: 40, transA: true, transB: true, padding: 1, beta: 1),
        GEMMCase(m: 1, n: 35, k: 2),
    ])
    func pathsAgree(_ problem: GEMMCase) {
        let a: [Float] = randomValues(problem.aCount, seed: 9)
        let b: [Float] = randomValues(problem.bCount, seed: 10)
        let c: [Float] = randomValues(problem.cCount, seed: 11)
        var packed = c
        var direct = c
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let opA = MatrixOperand(a.baseAddress!, leadingDimension: problem.lda, transposed: problem.transA)
                let opB = MatrixOperand(b.baseAddress!, leadingDimension: problem.ldb, transposed: problem.transB)
                packed.withUnsafeMutableBufferPointer { c in
                    PackedGEMM.run(
                        m: problem.m, n: problem.n, k: problem.k, alpha: Float(problem.alpha), a: opA, b: opB,
                        beta: Float(problem.beta), c: c.baseAddress!, ldc: problem.ldc, threads: 2, arena: nil)
                }
                direct.withUnsafeMutableBufferPointer { c in
                    DirectGEMM.run(
                        m: problem.m, n: problem.n, k: problem.k, alpha: Float(problem.alpha), a: opA, b: opB,
                        beta: Float(problem.beta), c: c.baseAddress!, ldc: problem.ldc)
                }
            }
        }
        #expect(bitPatterns(packed) == bitPatterns(direct))
    }

    @Test("Bitwise identical for 1, 2, 3 and 7 threads")
    func deterministicAcrossThreadCounts() {
        // Both above GEMMBlocking.parallelLimit, so the threads really split them.
        for problem in [GEMMCase(m: 150, n: 70, k: 300, beta: 0.5), GEMMCase(m: 40, n: 530, k: 40, transA: true)] {
            #expect(problem.m * problem.n * problem.k >= GEMMBlocking.parallelLimit)
            let a: [Float] = randomValues(problem.aCount, seed: 12)
            let b: [Float] = randomValues(problem.bCount, seed: 13)
            let c: [Float] = randomValues(problem.cCount, seed: 14)
            let results = resultsForThreadCounts { bitPatterns(runGEMM(problem, a: a, b: b, c: c)) }
            #expect(results.allSatisfy { $0 == results[0] }, "\(problem)")
        }
    }
}
