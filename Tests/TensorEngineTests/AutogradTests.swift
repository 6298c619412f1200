import Testing

@testable import TensorEngine

/// Autograd semantics, with the values PyTorch 2.15 printed for the same
/// programs (restated as facts; no file from ../shared is read).
@Suite("Autograd")
struct AutogradTests {
    @Test func gradientsAccumulateUntilZeroed() throws {
        let x = try Tensor.arange(4.0).requiresGrad_()
        #expect(x.grad == nil && x.requiresGrad && x.isLeaf)
        let y = try x.dot(x).multiplied(by: .int(2))
        #expect(y.gradFunctionName == "MulBackward0")
        expectValues(y, shape: [], [28])
        try y.backward()
        expectValues(try #require(x.grad), shape: [4], [0, 4, 8, 12])
        let aliasOfGrad = try #require(x.grad)
        try x.sum().backward()
        expectValues(aliasOfGrad, shape: [4], [1, 5, 9, 13])
        try aliasOfGrad.zero_()
        try x.sum().backward()
        expectValues(try #require(x.grad), shape: [4], [1, 1, 1, 1])
    }

    @Test func leavesAndNonLeaves() throws {
        let x = try Tensor.arange(4.0).requiresGrad_()
        let z = try x.multiplied(by: .int(2))
        #expect(x.isLeaf && !z.isLeaf)
        #expect(x.requiresGrad && z.requiresGrad)
        #expect(x.gradFunctionName == nil && z.gradFunctionName == "MulBackward0")
        #expect(z.gradFunction?.nextNodes.count == 2)
    }

    @Test func implicitGradientNeedsAScalar() throws {
        let x = try Tensor.arange(4.0).requiresGrad_()
        let y = try x.multiplied(by: x)
        expectError("RuntimeError: grad can be implicitly created only for scalar outputs") { try y.backward() }
        try y.backward(gradient: Tensor.ones([4]))
        expectValues(try #require(x.grad), shape: [4], [0, 2, 4, 6])
        expectError("RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn") {
            try Tensor.ones([1]).backward()
        }
    }

    @Test func detachCutsTheGraph() throws {
        let x = try Tensor.arange(4.0).requiresGrad_()
        let y = try x.multiplied(by: x)
        let u = y.detach()
        try u.multiplied(by: x).sum().backward()
        #expect(try #require(x.grad).doubles() == u.doubles())
        #expect(!u.requiresGrad)
        x.grad = nil
        try y.sum().backward()
        expectValues(try #require(x.grad), shape: [4], [0, 2, 4, 6])
    }

    @Test func graphIsFreedUnlessRetained() throws {
        let a = try t([1.0, 2.0]).requiresGrad_()
        let b = try a.multiplied(by: a).sum()
        try b.backward(retainGraph: true)
        try b.backward()
        expectValues(try #require(a.grad), shape: [2], [4, 8])
        expectError(
            "RuntimeError: Trying to backward through the graph a second time (or directly access saved tensors "
                + "after they have already been freed). Saved intermediate values of the graph are freed when you "
                + "call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through "
                + "the graph a second time or if you need to access saved tensors after calling backward."
        ) { try b.backward() }
        // A graph whose nodes saved no tensors may run again, as in PyTorch.
        let s = try a.sum()
        try s.backward()
        try s.backward()
        expectValues(try #require(a.grad), shape: [2], [6, 10])
    }

    @Test func noGradRecordsNothing() throws {
        let a = try t([1.0, 2.0]).requiresGrad_()
        let c = try withoutGradients { try a.multiplied(by: .int(2)) }
        #expect(!c.requiresGrad && c.gradFunctionName == nil)
        #expect(GradientMode.isEnabled)
        withoutGradients { #expect(!GradientMode.isEnabled) }
    }

    @Test func gradientsOfCommonFunctions() throws {
        let p = try Tensor.ones([3, 1]).requiresGrad_()
        let q = try t([[1.0, 2.0, 3.0, 4.0]]).requiresGrad_()
        try p.multiplied(by: q).sum().backward()
        expectValues(try #require(p.grad), shape: [3, 1], [10, 10, 10])
        expectValues(try #require(q.grad), shape: [1, 4], [3, 3, 3, 3])

        let w = try t([[1.0, 2.0], [3.0, 4.0]]).requiresGrad_()
        try w.mean().backward()
        expectValues(try #require(w.grad), shape: [2, 2], [0.25, 0.25, 0.25, 0.25])
        w.grad = nil
        try w.raised(toPower: .int(3)).sum().backward()
        expectValues(try #require(w.grad), shape: [2, 2], [3, 12, 27, 48])

        let s = try t([-1.0, 0.0, 2.0]).requiresGrad_()
        try s.sigmoid().sum().backward()
        expectValues(try #require(s.grad), shape: [3], [0.1966, 0.25, 0.1050], tolerance: 5e-5)
        s.grad = nil
        try s.tanh().sum().backward()
        expectValues(try #require(s.grad), shape: [3], [0.4200, 1, 0.0707], tolerance: 5e-5)
        s.grad = nil
        try s.relu().sum().backward()
        expectValues(try #require(s.grad), shape: [3], [0, 0, 1])
    }

    @Test func pythonControlFlowInTheFunction() throws {
        // d2l's f(a): doubles until the norm passes 1000; the gradient is d / a.
        let a = try t(0.7).requiresGrad_()
        var b = try a.multiplied(by: .int(2))
        while try b.norm().item().doubleValue < 1000 { b = try b.multiplied(by: .int(2)) }
        let d = try b.sum().item().doubleValue > 0 ? b : b.multiplied(by: .int(100))
        try d.backward()
        expectValues(try #require(a.grad), shape: [], [2048])
    }

    @Test func inPlaceRules() throws {
        expectError("RuntimeError: Only Tensors of floating point and complex dtype can require gradients") {
            _ = try t([1, 2]).requiresGrad_()
        }
        let leaf = try Tensor.ones([2]).requiresGrad_()
        expectError("RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.") {
            try leaf.add_(.int(1))
        }
        expectError("RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.") {
            try leaf.setIndex([.integer(0)], value: 5)
        }
        try leaf.data.add_(.int(1))
        expectValues(leaf, shape: [2], [2, 2])
        try withoutGradients { try leaf.subtract_(Tensor.ones([2]).multiplied(by: .float(0.5))) }
        expectValues(leaf, shape: [2], [1.5, 1.5])
        #expect(leaf.isLeaf && leaf.requiresGrad)
        expectError(
            "RuntimeError: you can only change requires_grad flags of leaf variables. If you want to use a computed "
                + "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."
        ) { try leaf.multiplied(by: .int(2)).requiresGrad_(false) }
    }

    @Test func inPlaceOnNonLeafRebasesHistory() throws {
        let x = try t([1.0, 2.0]).requiresGrad_()
        let y = try x.multiplied(by: .int(3))
        try y.multiply_(x)
        #expect(y.gradFunctionName == "MulBackward0")
        try y.sum().backward()
        // d(3x·x)/dx = 6x
        expectValues(try #require(x.grad), shape: [2], [6, 12])
    }

    @Test func assignmentIntoAPlainTensorBuildsCopySlices() throws {
        // d2l's corr2d writes each output element with Y[i, j] = (...).sum().
        let k = try t([[0.5, 0.5]]).requiresGrad_()
        let x = try t([[1.0, 1.0, 0.0, 0.0]])
        let y = try Tensor.zeros([1, 3])
        for j in 0..<3 {
            let window = try x.index([.all, .slice(start: j, stop: j + 2, step: nil)])
            try y.setIndex([.integer(0), .integer(j)], value: window.multiplied(by: k).sum())
        }
        #expect(y.gradFunctionName == "CopySlices")
        #expect(y.requiresGrad && !y.isLeaf)
        let loss = try y.subtracting(t([[0.0, 1.0, 0.0]])).raised(toPower: .int(2)).sum()
        expectValues(loss, shape: [], [1.25])
        try loss.backward()
        expectValues(try #require(k.grad), shape: [1, 2], [1, 2])
    }

    @Test func viewsMadeBeforeAnInPlaceWriteSeeTheNewHistory() throws {
        let w = try t([2.0]).requiresGrad_()
        let base = try Tensor.zeros([2, 2])
        let row = try base.index([.integer(1)])
        #expect(!row.requiresGrad)
        try base.setIndex([.integer(1), .integer(0)], value: w.multiplied(by: .int(3)))
        #expect(row.requiresGrad)
        try row.sum().backward()
        expectValues(try #require(w.grad), shape: [1], [3])
    }

    @Test func retainGradKeepsANonLeafGradient() throws {
        let x = try t([1.0, 2.0]).requiresGrad_()
        let y = try x.multiplied(by: .int(2))
        y.retainGrad()
        try y.multiplied(by: y).sum().backward()
        expectValues(try #require(y.grad), shape: [2], [4, 8])
    }

    @Test func gradFunctionNames() throws {
        let x = try t([1.0, 2.0]).requiresGrad_()
        let w = try Tensor.ones([1, 1, 2, 2]).requiresGrad_()
        let image = try Tensor.arange(9.0).reshaped([1, 1, 3, 3])
        let cases: [(Tensor, String)] = [
            (try x.adding(.int(1)), "AddBackward0"), (try x.subtracting(.int(1)), "SubBackward0"),
            (try x.multiplied(by: .int(2)), "MulBackward0"), (try x.divided(by: .int(2)), "DivBackward0"),
            (try x.negated(), "NegBackward0"), (try x.raised(toPower: .int(2)), "PowBackward0"),
            (try x.raising(.int(2)), "PowBackward2"), (try x.raised(toPower: x), "PowBackward1"),
            (try x.divided(into: .int(1)), "MulBackward0"), (try x.exp(), "ExpBackward0"),
            (try x.log(), "LogBackward0"), (try x.sqrt(), "SqrtBackward0"), (try x.absolute(), "AbsBackward0"),
            (try x.sigmoid(), "SigmoidBackward0"), (try x.relu(), "ReluBackward0"), (try x.tanh(), "TanhBackward0"),
            (try x.multiplied(by: x).sum(), "SumBackward0"), (try x.sum(dimension: 0), "SumBackward1"),
            (try x.mean(), "MeanBackward0"), (try x.mean(dimension: 0), "MeanBackward1"),
            (try x.max(), "MaxBackward1"), (try x.dot(x), "DotBackward0"), (try x.view([2, 1]), "ViewBackward0"),
            (try x.reshaped([1, 2]), "ViewBackward0"), (try x.reshaped([1, 2]).transposed(), "TBackward0"),
            (try x.unsqueezed(at: 0), "UnsqueezeBackward0"), (try x.reshaped([1, 2]).squeezed(), "SqueezeBackward0"),
            (try x.index([.integer(0)]), "SelectBackward0"),
            (try x.index([.slice(start: 1, stop: nil, step: nil)]), "SliceBackward0"),
            (try Tensor.concatenate([x, x]), "CatBackward0"), (try Tensor.stack([x, x]), "StackBackward0"),
            (try w.reshaped([2, 2]).matmul(w.reshaped([2, 2])), "MmBackward0"),
            (try image.conv2d(weight: w), "ConvolutionBackward0"),
            (try image.conv2d(weight: w).maxPool2d(kernelSize: 2, stride: 1), "MaxPool2DWithIndicesBackward0"),
            (try image.conv2d(weight: w).avgPool2d(kernelSize: 2, stride: 1), "AvgPool2DBackward0"),
            (try x.mseLoss(target: Tensor.zeros([2])), "MseLossBackward0"),
            (try x.reshaped([1, 2]).crossEntropy(target: t([1])), "NllLossBackward0"),
            (try x.reshaped([1, 2]).linear(weight: Tensor.ones([1, 2]), bias: Tensor.ones([1])), "AddmmBackward0"),
            (try x.clamped(min: 0), "ClampBackward1"), (try x.softmax(dimension: 0), "SoftmaxBackward0"),
            (try x.logSoftmax(dimension: 0), "LogSoftmaxBackward0"), (try x.clone(), "CloneBackward0"),
            (try x.expanded(to: [3, 2]), "ExpandBackward0"), (try x.index([.tensor(t([0]))]), "IndexBackward0"),
        ]
        for (tensor, name) in cases { #expect(tensor.gradFunctionName == name) }
        expectValues(try x.mseLoss(target: Tensor.zeros([2])), shape: [], [2.5])
        expectValues(try x.reshaped([1, 2]).crossEntropy(target: t([1])), shape: [], [0.3133], tolerance: 5e-5)
    }
}

@Suite("Autograd graph lifetime")
struct GraphLifetimeTests {
    @Test func aVeryLongChainIsFreedWithoutRecursion() throws {
        let x = try t([1.0]).requiresGrad_()
        var total = try x.multiplied(by: .int(1))
        for _ in 0..<200_000 { total = try total.adding(x) }
        #expect(total.gradFunctionName == "AddBackward0")
        try total.backward()
        expectValues(try #require(x.grad), shape: [1], [200_001])
        total = Tensor(.int(0))  // releases the 200 001-node graph
        #expect(!total.requiresGrad)
    }

    @Test func graphsAndTensorsAreFreedWhenDropped() throws {
        weak var weakBase: Tensor?
        weak var weakNode: GradientNode?
        weak var weakOutput: Tensor?
        try {
            let w = try t([2.0]).requiresGrad_()
            let base = try Tensor.zeros([2, 2])
            try base.setIndex([.integer(1), .integer(0)], value: w.multiplied(by: .int(3)))
            let output = try base.sigmoid().sum()
            try output.backward(retainGraph: true)
            weakBase = base
            weakNode = base.gradFunction
            weakOutput = output
            #expect(weakNode?.name == "CopySlices")
        }()
        #expect(weakBase == nil)
        #expect(weakNode == nil)
        #expect(weakOutput == nil)
    }
}
