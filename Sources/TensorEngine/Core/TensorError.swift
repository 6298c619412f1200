import Foundation

/// The Python exception a tensor error surfaces as in a notebook.
public enum PythonExceptionKind: String, Sendable {
    case runtimeError = "RuntimeError"
    case indexError = "IndexError"
    case valueError = "ValueError"
    case typeError = "TypeError"
    case notImplementedError = "NotImplementedError"
}

/// Every error the engine can raise, with PyTorch's exception kind and its
/// exact message rendered in one place (this file is the catalogue).
///
/// Shapes are carried as `[Int]` and rendered the way PyTorch does (`[3, 4]`).
public enum TensorError: Error, Equatable, CustomStringConvertible {
    // MARK: - Memory and creation
    case allocationFailed(bytes: Int)
    case negativeDimension(size: Int, shape: [Int])
    case raggedSequence(expectedLength: Int, dimension: Int, actualLength: Int)
    case notASequence
    case unexpectedSequence(dimension: Int)
    case arangeZeroStep
    case arangeBoundsInconsistent
    case arangeNonFinite
    case negativeStepCount
    case invalidRandomRange(low: Int64, high: Int64)
    case invalidProbability(Double)
    case negativeStandardDeviation(Double)

    // MARK: - Shapes and views
    case broadcastMismatch(sizeA: Int, sizeB: Int, dimension: Int)
    case expandMismatch(expandedSize: Int, existingSize: Int, dimension: Int, target: [Int], actual: [Int])
    case expandTooFewSizes(dtype: DType, shape: [Int], target: [Int])
    case inPlaceShapeMismatch(output: [Int], broadcast: [Int])
    case invalidReshape(requested: [Int], size: Int)
    case invalidShapeDimension(size: Int, index: Int, shape: [Int])
    case multipleInferredDimensions
    case viewIncompatibleStrides
    case dimensionOutOfRange(dimension: Int, rank: Int)
    case permutationLengthMismatch(rank: Int, count: Int)
    case permutationRepeatedDimension
    case repeatedReductionDimension(Int)
    case narrowOutOfRange(start: Int, length: Int, size: Int)
    case narrowStartOutOfRange(start: Int, size: Int)
    case flattenDimensionOrder
    case transposeRank(Int)
    case expandLeadingNegative(size: Int, dimension: Int)
    case selectOutOfRange(index: Int, dimension: Int, shape: [Int])

    // MARK: - Indexing
    case indexOutOfBounds(index: Int, dimension: Int, size: Int)
    case advancedIndexOutOfBounds(index: Int64, size: Int)
    case tooManyIndices(rank: Int)
    case indexOfZeroDimensionalTensor
    case sliceStepNotPositive
    case invalidIndexTensorDType
    case maskShapeMismatch(mask: [Int], tensor: [Int], index: Int)
    case indexShapesNotBroadcastable([[Int]])
    case indexPutShapeMismatch(value: [Int], result: [Int])

    // MARK: - Elementwise and reductions
    case castNotAllowed(result: DType, output: DType)
    case integerDivisionByZero
    case negativeIntegerPower
    case boolSubtraction(bothTensors: Bool)
    case boolNegation
    case notImplemented(kernel: String, dtype: DType)
    case meanNonFloating(DType)
    case normNonFloating(DType)
    case emptyReductionWithoutDimension(operation: String)
    case emptyIndexReduction(operation: String)
    case bitwiseNotOfFloat
    case unexpectedList(floating: Bool)
    case multiTargetNotSupported
    case spatialTargetMismatch(input: [Int], target: [Int])
    case convolutionStrideLength(spatialDimensions: Int, stride: [Int])
    case emptyReductionDimension(operation: String, dimension: Int)
    case fillValueNotZeroDimensional(rank: Int)
    case itemOfManyElements(count: Int)
    case scalarConversionOfManyElements
    case ambiguousBoolean

    // MARK: - Linear algebra and joining
    case matrixShapesCannotBeMultiplied(operation: String, rowsA: Int, columnsA: Int, rowsB: Int, columnsB: Int)
    case notAMatrix(operation: String, operand: String, rank: Int)
    case dotSizeMismatch(countA: Int, countB: Int)
    case dotNotVectors(rankA: Int, rankB: Int)
    case matmulDTypeMismatch(a: DType, b: DType)
    case addmmDTypeMismatch(a: DType, b: DType)
    case dotDTypeMismatch(a: DType, b: DType)
    case matrixVectorRank(matrix: Int, vector: Int)
    case matrixVectorSizeMismatch(rows: Int, columns: Int, vector: Int)
    case batchMatrixRank(operand: String, rank: Int)
    case batchMatrixSizeMismatch(expected: [Int], actual: [Int])
    case matmulZeroDimensional(rankA: Int, rankB: Int)
    case emptyTensorList(operation: String)
    case catZeroDimensional(position: Int)
    case catRankMismatch(rankA: Int, rankB: Int)
    case catSizeMismatch(dimension: Int, expected: Int, actual: Int, tensorNumber: Int)
    case stackShapeMismatch(first: [Int], other: [Int], entry: Int)
    case joinDTypeMismatch

    // MARK: - Neural-network functions
    case convolutionChannelMismatch(groups: Int, weight: [Int], input: [Int], expected: Int, actual: Int)
    case convolutionKernelTooLarge(paddedHeight: Int, paddedWidth: Int, kernelHeight: Int, kernelWidth: Int)
    case convolutionInputRank(input: [Int])
    case convolutionWeightTooFewDimensions
    case dilationNotPositive
    case convolutionBiasDTypeMismatch(input: DType, bias: DType)
    case poolStrideZero
    case poolKernelNotPositive(height: Int, width: Int)
    case poolNegativePadding(Int)
    case convolutionGroupsDivisibility(groups: Int, weight: [Int])
    case convolutionBiasShape(weight: [Int], bias: [Int])
    case nonPositiveParameter(String)
    case negativePadding
    case poolInputRank
    case poolOutputTooSmall(channels: Int, height: Int, width: Int, outHeight: Int, outWidth: Int)
    case maxPoolPaddingTooLarge(padding: Int, kernel: Int)
    case targetOutOfBounds(Int64)
    case batchSizeMismatch(input: Int, target: Int)
    case crossEntropyInputRank(Int)
    case expectedDType(expected: DType, actual: DType)
    case nllTargetDType(DType)
    case linearInputFeatures(input: [Int], weight: [Int])

    // MARK: - Autograd
    case requiresGradNonFloating
    case nonLeafRequiresGradChange
    case implicitGradientNonScalar
    case noGradientFunction
    case backwardTwice
    case leafInPlace
    case viewOfLeafInPlace
    case gradientShapeMismatch(gradient: [Int], output: [Int])

    public static func == (a: TensorError, b: TensorError) -> Bool {
        a.kind == b.kind && a.message == b.message
    }
}

// MARK: - Rendering

extension TensorError {
    /// `Python kind: message`, as the last line of a traceback.
    public var description: String { "\(kind.rawValue): \(message)" }

    public var kind: PythonExceptionKind {
        switch self {
        case .indexOutOfBounds, .advancedIndexOutOfBounds, .tooManyIndices, .indexOfZeroDimensionalTensor,
            .invalidIndexTensorDType, .maskShapeMismatch, .indexShapesNotBroadcastable,
            .dimensionOutOfRange, .emptyReductionDimension, .targetOutOfBounds, .selectOutOfRange, .emptyIndexReduction:
            .indexError
        case .raggedSequence, .unexpectedSequence, .sliceStepNotPositive, .emptyTensorList(operation: "cat"), .batchSizeMismatch, .scalarConversionOfManyElements,
            .invalidProbability:
            .valueError
        case .notASequence:
            .typeError
        case .meanNonFloating, .notImplemented, .boolNegation, .boolSubtraction:
            .notImplementedError
        case .bitwiseNotOfFloat, .unexpectedList:
            .typeError
        default:
            .runtimeError
        }
    }

    public var message: String {
        switch self {
        case .allocationFailed(let bytes):
            "DefaultCPUAllocator: can't allocate memory: you tried to allocate \(bytes) bytes."
        case .negativeDimension(let size, let shape):
            "Trying to create tensor with negative dimension \(size): \(render(shape))"
        case .raggedSequence(let expected, let dimension, let actual):
            "expected sequence of length \(expected) at dim \(dimension) (got \(actual))"
        case .notASequence:
            "not a sequence"
        case .unexpectedSequence(let dimension):
            "expected a number but got a sequence at dim \(dimension)"
        case .arangeZeroStep:
            "step must be nonzero"
        case .arangeBoundsInconsistent:
            "upper bound and larger bound inconsistent with step sign"
        case .arangeNonFinite:
            "unsupported range: start -> end"
        case .negativeStepCount:
            "number of steps must be non-negative"
        case .invalidRandomRange(let low, let high):
            "random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)"
        case .invalidProbability(let p):
            "dropout probability has to be between 0 and 1, but got \(p)"
        case .negativeStandardDeviation(let std):
            "normal expects std >= 0.0, but found std \(String(format: "%g", std))"
        case .broadcastMismatch(let a, let b, let dimension):
            "The size of tensor a (\(a)) must match the size of tensor b (\(b)) at non-singleton dimension \(dimension)"
        case .expandMismatch(let expanded, let existing, let dimension, let target, let actual):
            "The expanded size of the tensor (\(expanded)) must match the existing size (\(existing)) at "
                + "non-singleton dimension \(dimension).  Target sizes: \(render(target)).  "
                + "Tensor sizes: \(render(actual))"
        case .expandTooFewSizes(let dtype, let shape, let target):
            "expand(\(dtype.legacyTypeName){\(render(shape))}, size=\(render(target))): the number of sizes "
                + "provided (\(target.count)) must be greater or equal to the number of dimensions in the "
                + "tensor (\(shape.count))"
        case .inPlaceShapeMismatch(let output, let broadcast):
            "output with shape \(render(output)) doesn't match the broadcast shape \(render(broadcast))"
        case .invalidReshape(let requested, let size):
            "shape '\(render(requested))' is invalid for input of size \(size)"
        case .invalidShapeDimension(let size, let index, let shape):
            "invalid shape dimension \(size) at index \(index) of shape \(render(shape))"
        case .multipleInferredDimensions:
            "only one dimension can be inferred"
        case .viewIncompatibleStrides:
            "view size is not compatible with input tensor's size and stride (at least one dimension spans "
                + "across two contiguous subspaces). Use .reshape(...) instead."
        case .dimensionOutOfRange(let dimension, let rank):
            "Dimension out of range (expected to be in range of [\(-max(rank, 1)), \(max(rank, 1) - 1)], "
                + "but got \(dimension))"
        case .permutationLengthMismatch(let rank, let count):
            "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
                + "desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to len(dims) = \(count)"
        case .permutationRepeatedDimension:
            "permute(): duplicate dims are not allowed."
        case .repeatedReductionDimension(let dimension):
            "dim \(dimension) appears multiple times in the list of dims"
        case .narrowOutOfRange(let start, let length, let size):
            "start (\(start)) + length (\(length)) exceeds dimension size (\(size))."
        case .narrowStartOutOfRange(let start, let size):
            "start out of range (expected to be in range of [\(-size), \(size)], but got \(start))"
        case .transposeRank(let rank):
            "t() expects a tensor with <= 2 dimensions, but self is \(rank)D"
        case .expandLeadingNegative(let size, let dimension):
            "The expanded size of the tensor (\(size)) isn't allowed in a leading, non-existing dimension \(dimension)"
        case .flattenDimensionOrder:
            "flatten() has invalid args: start_dim cannot come after end_dim"
        case .selectOutOfRange(let index, let dimension, let shape):
            "select(): index \(index) out of range for tensor of size \(render(shape)) at dimension \(dimension)"
        case .indexOutOfBounds(let index, let dimension, let size):
            "index \(index) is out of bounds for dimension \(dimension) with size \(size)"
        case .advancedIndexOutOfBounds(let index, let size):
            "index \(index) is out of bounds for dimension with size \(size)"
        case .tooManyIndices(let rank):
            "too many indices for tensor of dimension \(rank)"
        case .indexOfZeroDimensionalTensor:
            "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
                + "convert a 0-dim tensor to a number"
        case .sliceStepNotPositive:
            "step must be greater than zero"
        case .invalidIndexTensorDType:
            "tensors used as indices must be long, int, byte or bool tensors"
        case .maskShapeMismatch(let mask, let tensor, let index):
            "The shape of the mask \(render(mask)) at index \(index) does not match the shape of the indexed "
                + "tensor \(render(tensor)) at index \(index)"
        case .indexShapesNotBroadcastable(let shapes):
            "shape mismatch: indexing tensors could not be broadcast together with shapes "
                + shapes.map(render).joined(separator: ", ")
        case .indexPutShapeMismatch(let value, let result):
            "shape mismatch: value tensor of shape \(render(value)) cannot be broadcast to indexing result of "
                + "shape \(render(result))"
        case .castNotAllowed(let result, let output):
            "result type \(result.scalarTypeName) can't be cast to the desired output type \(output.scalarTypeName)"
        case .integerDivisionByZero:
            "ZeroDivisionError"
        case .negativeIntegerPower:
            "Integers to negative integer powers are not allowed."
        case .boolSubtraction(let bothTensors):
            bothTensors
                ? "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                    + "`logical_xor()` operator instead."
                : "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                    + "invert a mask, use the `~` or `logical_not()` operator instead."
        case .boolNegation:
            "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a "
                + "mask, use the `~` or `logical_not()` operator instead."
        case .notImplemented(let kernel, let dtype):
            "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'"
        case .meanNonFloating(let dtype):
            "mean(): could not infer output dtype. Input dtype must be either a floating point or complex "
                + "dtype. Got: \(dtype.scalarTypeName)"
        case .normNonFloating(let dtype):
            "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)"
        case .emptyReductionWithoutDimension(let operation):
            "\(operation)(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
                + "reduction dim with the 'dim' argument."
        case .emptyIndexReduction(let operation):
            "\(operation)(): Expected reduction dim to be specified for input.numel() == 0."
        case .bitwiseNotOfFloat:
            "~ (operator.invert) is only implemented on integer and Boolean-type tensors"
        case .unexpectedList(let floating):
            floating ? "must be real number, not list" : "'list' object cannot be interpreted as an integer"
        case .multiTargetNotSupported:
            "0D or 1D target tensor expected, multi-target not supported"
        case .spatialTargetMismatch(let input, let target):
            "size mismatch (got input: \(render(input)) , target: \(render(target))"
        case .convolutionStrideLength(let dimensions, let stride):
            "expected stride to be a single integer value or a list of \(dimensions) values to match the convolution "
                + "dimensions, but got stride=\(render(stride))"
        case .emptyReductionDimension(let operation, let dimension):
            "\(operation)(): Expected reduction dim \(dimension) to have non-zero size."
        case .fillValueNotZeroDimensional(let rank):
            "fill_ only supports 0-dimension value tensor but got tensor with \(rank) dimensions."
        case .itemOfManyElements(let count):
            "a Tensor with \(count) elements cannot be converted to Scalar"
        case .scalarConversionOfManyElements:
            "only one element tensors can be converted to Python scalars"
        case .ambiguousBoolean:
            "Boolean value of Tensor with more than one value is ambiguous"
        case .matrixShapesCannotBeMultiplied(let operation, let rowsA, let columnsA, let rowsB, let columnsB):
            "\(operation): mat1 and mat2 shapes cannot be multiplied (\(rowsA)x\(columnsA) and \(rowsB)x\(columnsB))"
        case .notAMatrix(let operation, let operand, let rank):
            "\(operation): \(operand) must be a matrix, got \(rank)-D tensor"
        case .dotSizeMismatch(let a, let b):
            "inconsistent tensor size, expected tensor [\(a)] and src [\(b)] to have the same number of "
                + "elements, but got \(a) and \(b) elements respectively"
        case .dotNotVectors(let a, let b):
            "1D tensors expected, but got \(a)D and \(b)D tensors"
        case .matmulDTypeMismatch(let a, let b):
            "expected m1 and m2 to have the same dtype, but got: \(a.cppTypeName) != \(b.cppTypeName)"
        case .addmmDTypeMismatch(let a, let b):
            "mat1 and mat2 must have the same dtype, but got \(a.scalarTypeName) and \(b.scalarTypeName)"
        case .dotDTypeMismatch(let a, let b):
            "dot : expected both vectors to have same dtype, but found \(a.scalarTypeName) and \(b.scalarTypeName)"
        case .matrixVectorRank(let matrix, let vector):
            "vector + matrix @ vector expected, got 1, \(matrix), \(vector)"
        case .matrixVectorSizeMismatch(let rows, let columns, let vector):
            "size mismatch, got input (\(rows)), mat (\(rows)x\(columns)), vec (\(vector))"
        case .batchMatrixRank(let operand, let rank):
            "\(operand) must be a 3D tensor"
        case .batchMatrixSizeMismatch(let expected, let actual):
            "Expected size for first two dimensions of batch2 tensor to be: \(render(expected)) but got: "
                + "\(render(actual))."
        case .matmulZeroDimensional(let a, let b):
            "both arguments to matmul need to be at least 1D, but they are \(a)D and \(b)D"
        case .emptyTensorList(let operation):
            operation == "stack" ? "stack expects a non-empty TensorList"
                : "torch.cat(): expected a non-empty list of Tensors"
        case .catZeroDimensional(let position):
            "zero-dimensional tensor (at position \(position)) cannot be concatenated"
        case .catRankMismatch(let a, let b):
            "Tensors must have same number of dimensions: got \(a) and \(b)"
        case .catSizeMismatch(let dimension, let expected, let actual, let number):
            "Sizes of tensors must match except in dimension \(dimension). Expected size \(expected) but got "
                + "size \(actual) for tensor number \(number) in the list."
        case .stackShapeMismatch(let first, let other, let entry):
            "stack expects each tensor to be equal size, but got \(render(first)) at entry 0 and "
                + "\(render(other)) at entry \(entry)"
        case .joinDTypeMismatch:
            "Expected object of the same scalar type in the list of tensors"
        case .convolutionChannelMismatch(let groups, let weight, let input, let expected, let actual):
            "Given groups=\(groups), weight of size \(render(weight)), expected input\(render(input)) to have "
                + "\(expected) channels, but got \(actual) channels instead"
        case .convolutionKernelTooLarge(let height, let width, let kernelHeight, let kernelWidth):
            "Calculated padded input size per channel: (\(height) x \(width)). Kernel size: (\(kernelHeight) x "
                + "\(kernelWidth)). Kernel size can't be greater than actual input size"
        case .convolutionInputRank(let input):
            "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: \(render(input))"
        case .convolutionWeightTooFewDimensions:
            "weight should have at least three dimensions"
        case .dilationNotPositive:
            "dilation should be greater than zero"
        case .convolutionBiasDTypeMismatch(let input, let bias):
            "Input type (\(input.cppTypeName)) and bias type (\(bias.cppTypeName)) should be the same"
        case .poolStrideZero:
            "stride should not be zero"
        case .poolKernelNotPositive(let height, let width):
            "kernel size should be greater than zero, but got kH: \(height) kW: \(width)"
        case .poolNegativePadding(let padding):
            "pad must be non-negative, but got pad: \(padding)"
        case .convolutionGroupsDivisibility(let groups, let weight):
            // ATen wraps the already bracketed sizes in brackets again.
            "Given groups=\(groups), expected weight to be divisible by \(groups) at dimension 0, but got "
                + "weight of size [\(render(weight))] instead"
        case .convolutionBiasShape(let weight, let bias):
            "Given weight of size \(render(weight)), expected bias to be 1-dimensional with \(weight.first ?? 0) "
                + "elements, but got bias of size \(render(bias)) instead"
        case .nonPositiveParameter(let name):
            "non-positive \(name) is not supported"
        case .negativePadding:
            "negative padding is not supported"
        case .poolInputRank:
            "non-empty 3D or 4D (batch mode) tensor expected for input"
        case .poolOutputTooSmall(let channels, let height, let width, let outHeight, let outWidth):
            "Given input size: (\(channels)x\(height)x\(width)). Calculated output size: "
                + "(\(channels)x\(outHeight)x\(outWidth)). Output size is too small"
        case .maxPoolPaddingTooLarge(let padding, let kernel):
            "pad should be at most half of effective kernel size, but got pad=\(padding), "
                + "kernel_size=\(kernel) and dilation=1"
        case .targetOutOfBounds(let target):
            "Target \(target) is out of bounds."
        case .batchSizeMismatch(let input, let target):
            "Expected input batch_size (\(input)) to match target batch_size (\(target))."
        case .crossEntropyInputRank(let rank):
            "cross_entropy: expected input of 1 to 4 dimensions with a class dimension, got \(rank)"
        case .nllTargetDType(let actual):
            "expected target dtype to be Long or Byte, but got \(actual.scalarTypeName)"
        case .expectedDType(let expected, let actual):
            "expected scalar type \(expected.scalarTypeName) but found \(actual.scalarTypeName)"
        case .linearInputFeatures(let input, let weight):
            "linear: input of shape \(render(input)) does not match weight of shape \(render(weight))"
        case .requiresGradNonFloating:
            "Only Tensors of floating point and complex dtype can require gradients"
        case .nonLeafRequiresGradChange:
            "you can only change requires_grad flags of leaf variables. If you want to use a computed "
                + "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."
        case .implicitGradientNonScalar:
            "grad can be implicitly created only for scalar outputs"
        case .noGradientFunction:
            "element 0 of tensors does not require grad and does not have a grad_fn"
        case .backwardTwice:
            "Trying to backward through the graph a second time (or directly access saved tensors after they "
                + "have already been freed). Saved intermediate values of the graph are freed when you call "
                + ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through "
                + "the graph a second time or if you need to access saved tensors after calling backward."
        case .leafInPlace:
            "a leaf Variable that requires grad is being used in an in-place operation."
        case .viewOfLeafInPlace:
            "a view of a leaf Variable that requires grad is being used in an in-place operation."
        case .gradientShapeMismatch(let gradient, let output):
            "Mismatch in shape: grad_output[0] has a shape of torch.Size(\(render(gradient))) and output[0] "
                + "has a shape of torch.Size(\(render(output)))."
        }
    }
}

/// `[3, 4]`, as PyTorch prints sizes inside messages.
func render(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
