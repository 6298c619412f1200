import Testing

@testable import TensorEngine

private func slice(_ start: Int? = nil, _ stop: Int? = nil, step: Int? = nil) -> TensorIndex {
    .slice(start: start, stop: stop, step: step)
}

@Suite("Indexing")
struct IndexingTests {
    let x: Tensor

    init() throws { x = try Tensor.arange(12).reshaped([3, 4]) }

    // MARK: - Reading

    @Test func integersSelectRows() throws {
        #expect(try x.index([.integer(0)]).integers() == [0, 1, 2, 3])
        #expect(try x.index([.integer(-1)]).integers() == [8, 9, 10, 11])
        let element = try x.index([.integer(1), .integer(2)])
        #expect(element.shape == [] && element.integers() == [6])
        #expect(try x.index([.integer(1)]).index([.integer(2)]).item() == .int(6))
    }

    @Test("slices with Python's clamping", arguments: [
        ([slice(1, 3)], [2, 4], Array(4...11)),
        ([slice(nil, 2)], [2, 4], Array(0...7)),
        ([slice(-2)], [2, 4], Array(4...11)),
        ([TensorIndex.all, .integer(1)], [3], [1, 5, 9]),
        ([TensorIndex.all, slice(1, 3)], [3, 2], [1, 2, 5, 6, 9, 10]),
        ([slice(step: 2)], [2, 4], [0, 1, 2, 3, 8, 9, 10, 11]),
        ([TensorIndex.all, slice(step: 2)], [3, 2], [0, 2, 4, 6, 8, 10]),
        ([slice(1), slice(1, step: 2)], [2, 2], [5, 7, 9, 11]),
        ([slice(5)], [0, 4], []),
        ([slice(-100, 100)], [3, 4], Array(0...11)),
        ([slice(2, 1)], [0, 4], []),
    ] as [([TensorIndex], [Int], [Int64])])
    func slices(indices: [TensorIndex], shape: [Int], values: [Int64]) throws {
        let result = try x.index(indices)
        #expect(result.shape == shape)
        #expect(result.integers() == values)
        #expect(result.sharesStorage(with: x))
    }

    @Test func ellipsisAndNewAxis() throws {
        // PyTorch tolerates a repeated ellipsis (each spans the unnamed dimensions).
        #expect(try Tensor.arange(3).index([.ellipsis, .ellipsis]).integers() == [0, 1, 2])
        #expect(try x.index([.ellipsis, .integer(0)]).integers() == [0, 4, 8])
        #expect(try Tensor.arange(8).reshaped([2, 2, 2]).index([.ellipsis, .integer(1)]).integers() == [1, 3, 5, 7])
        #expect(try x.index([.newAxis]).shape == [1, 3, 4])
        #expect(try x.index([.all, .newAxis]).shape == [3, 1, 4])
        #expect(try x.index([.ellipsis, .newAxis]).shape == [3, 4, 1])
    }

    @Test func masksAndPositionListsCopy() throws {
        let mask = try x.remainder(dividingBy: .int(3)).equal(.int(0))
        #expect(mask.booleans() == [true, false, false, true, false, false, true, false, false, true, false, false])
        #expect(try x.index([.tensor(mask)]).integers() == [0, 3, 6, 9])
        #expect(try x.index([.tensor(x.greater(.int(8)))]).integers() == [9, 10, 11])
        let rows = try x.index([.tensor(t([0, 2]))])
        #expect(rows.shape == [2, 4])
        try rows.setIndex([.integer(0), .integer(0)], value: 99)
        #expect(try x.index([.integer(0), .integer(0)]).item() == .int(0))
        #expect(try x.index([.all, .tensor(t([3, -4]))]).integers() == [3, 0, 7, 4, 11, 8])
        // Non-adjacent index tensors put the broadcast dimension first.
        let cube = try Tensor.arange(24).reshaped([2, 3, 4])
        let picked = try cube.index([.tensor(t([0, 1])), .all, .tensor(t([1, 2]))])
        #expect(picked.shape == [2, 3])
        #expect(picked.integers() == [1, 5, 9, 14, 18, 22])
        let rowMask = try x.index([.tensor(t([true, false, true]))])
        #expect(rowMask.shape == [2, 4])
    }

    // MARK: - Writing

    @Test func assigningScalarsAndTensors() throws {
        let y = try Tensor.zeros([3, 4])
        try y.setIndex([slice(0, 2), .all], value: 12)
        try y.setIndex([.all, .integer(1)], value: t([1.0, 2.0, 3.0]))
        expectValues(y, shape: [3, 4], [12, 1, 12, 12, 12, 2, 12, 12, 0, 3, 0, 0])
        try y.setIndex([slice(1)], value: t([5.0, 6.0, 7.0, 8.0]))
        expectValues(y, shape: [3, 4], [12, 1, 12, 12, 5, 6, 7, 8, 5, 6, 7, 8])
        let image = try Tensor.ones([6, 8])
        try image.setIndex([.all, slice(2, 6)], value: 0)
        #expect(try image.sum().item() == .float(24))
        // A value with extra leading size-1 dimensions is accepted.
        try y.setIndex([.integer(0)], value: Tensor.zeros([1, 1, 4]))
        expectValues(try y.index([.integer(0)]), shape: [4], [0, 0, 0, 0])
    }

    @Test func floatIntoIntegerTruncates() throws {
        let z = try Tensor.zeros([2], dtype: .int64)
        try z.setIndex([.integer(0)], value: 2.7)
        try z.setIndex([.integer(1)], value: -2.7)
        #expect(z.integers() == [2, -2])
    }

    @Test func viewsAliasTheirBase() throws {
        let a = try Tensor.arange(6.0).reshaped([2, 3])
        let row = try a.index([.integer(0)])
        try row.setIndex([.integer(1)], value: 100)
        expectValues(a, shape: [2, 3], [0, 100, 2, 3, 4, 5])
        let b = try a.reshaped([3, 2])
        try b.setIndex([.integer(2), .integer(1)], value: -1)
        expectValues(a, shape: [2, 3], [0, 100, 2, 3, 4, -1])
        try a.transposed().setIndex([.integer(0), .integer(1)], value: 7)
        expectValues(a, shape: [2, 3], [0, 100, 2, 7, 4, -1])
        try a.setIndex([.all, .integer(2)], value: 0.5)
        expectValues(row, shape: [3], [0, 100, 0.5])
    }

    @Test func dataAliasUpdatesParameterInPlace() throws {
        let w = try t([1.0, -1.0, 0.5]).requiresGrad_()
        let g = try t([2.0, 4.0, -1.0])
        try w.data.index([.all]).subtract_(g.multiplied(by: 0.1))
        expectValues(w, shape: [3], [0.8, -1.4, 0.6])
        #expect(w.requiresGrad && w.isLeaf)
    }

    @Test func augmentedAssignmentOnRowsAndColumns() throws {
        let m = try Tensor.ones([3, 3])
        try m.index([.integer(0)]).add_(.int(1))
        try m.index([.all, .integer(2)]).multiply_(.int(5))
        expectValues(m, shape: [3, 3], [2, 2, 10, 1, 1, 5, 1, 1, 5])
    }

    @Test func assigningThroughMasksAndPositions() throws {
        let f = try t([[-1.0, 2.0], [3.0, -4.0]])
        try f.setIndex([.tensor(f.less(.int(0)))], value: 0)
        expectValues(f, shape: [2, 2], [0, 2, 3, 0])
        let v = try Tensor.zeros([4])
        try v.setIndex([.tensor(t([0, 3]))], value: t([5.0, 6.0]))
        expectValues(v, shape: [4], [5, 0, 0, 6])
        expectError("RuntimeError: shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2]")
        {
            try v.setIndex([.tensor(t([0, 3]))], value: t([1.0, 2.0, 3.0]))
        }
    }

    // MARK: - Errors

    @Test func indexErrors() {
        expectError("IndexError: index 3 is out of bounds for dimension 0 with size 3") { _ = try x.index([.integer(3)]) }
        expectError("IndexError: index -4 is out of bounds for dimension 0 with size 3") { _ = try x.index([.integer(-4)]) }
        expectError("IndexError: index 4 is out of bounds for dimension 1 with size 4") {
            _ = try x.index([.integer(0), .integer(4)])
        }
        expectError("IndexError: too many indices for tensor of dimension 2") {
            _ = try x.index([.integer(1), .integer(2), .integer(3)])
        }
        expectError(
            "IndexError: invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ "
                + "to convert a 0-dim tensor to a number"
        ) { _ = try Tensor(.float(5)).index([.integer(0)]) }
        expectError("IndexError: index 1 is out of bounds for dimension 0 with size 0") {
            _ = try Tensor(.float(5)).index([.integer(1)])
        }
        expectError("ValueError: step must be greater than zero") { _ = try x.index([slice(step: -1)]) }
        expectError("IndexError: index 5 is out of bounds for dimension 0 with size 3") {
            _ = try x.index([.tensor(t([0, 5]))])
        }
        expectError("IndexError: tensors used as indices must be long, int, byte or bool tensors") {
            _ = try x.index([.tensor(t([0.0]))])
        }
        expectError(
            "IndexError: The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0"
        ) { _ = try x.index([.tensor(t([true, false]))]) }
    }

    @Test func assignmentErrors() throws {
        expectError(
            "RuntimeError: The expanded size of the tensor (3) must match the existing size (2) at non-singleton "
                + "dimension 0.  Target sizes: [3].  Tensor sizes: [2]"
        ) { try x.setIndex([.all, .integer(0)], value: t([1, 2])) }
        let y = try Tensor.zeros([2, 2])
        expectError("IndexError: index 2 is out of bounds for dimension 0 with size 2") {
            try y.setIndex([.integer(2), .integer(0)], value: 1.0)
        }
    }
}
