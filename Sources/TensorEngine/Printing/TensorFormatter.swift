/// Writes tensors exactly as PyTorch's `repr(t)` (= `str(t)`) does.
///
///     let snapshot = TensorSnapshot(shape: [2, 2], dtype: .float32, values: .floating([19, 25, 37, 43]))
///     TensorFormatter.repr(snapshot, requiresGrad: false, gradFunction: nil, isParameter: false)
///     // tensor([[19., 25.],
///     //         [37., 43.]])
///
/// The text is `tensor(` + the nested contents + suffixes + `)`. Suffixes
/// (`size=`, `dtype=`, then `grad_fn=<…>` or `requires_grad=True`) follow a
/// comma, or start a new line when they would pass the line width.
public enum TensorFormatter {
    // MARK: - repr

    /// PyTorch's `repr` of a tensor with these contents and autograd flags.
    ///
    /// - Parameters:
    ///   - gradFunction: the autograd node's name, e.g. `"AddBackward0"`;
    ///     it wins over `requiresGrad`, as in PyTorch.
    ///   - isParameter: prefixes the `Parameter containing:` line.
    public static func repr(
        _ snapshot: TensorSnapshot, requiresGrad: Bool, gradFunction: String?, isParameter: Bool,
        options: PrintOptions = .default
    ) -> String {
        guard snapshot.isConsistent else {
            return "tensor(<\(snapshot.values.count) values for shape \(snapshot.shape)>)"
        }
        let prefix = "tensor("
        let indent = prefix.count
        var suffixes: [String] = []
        let body: String
        if snapshot.values.count == 0 {
            // Empty tensors say their shape unless it is (0,), and always say
            // a non-default dtype, since no element shows it.
            if snapshot.shape.count != 1 { suffixes.append("size=" + tupleDescription(snapshot.shape)) }
            if snapshot.dtype != options.defaultFloatingType { suffixes.append("dtype=\(snapshot.dtype)") }
            body = "[]"
        } else {
            if options.edges == 0 { suffixes.append("size=" + tupleDescription(snapshot.shape)) }
            if !hasDefaultType(snapshot.dtype, options: options) { suffixes.append("dtype=\(snapshot.dtype)") }
            body = contents(snapshot, indent: indent, options: options)
        }
        if let gradFunction {
            suffixes.append("grad_fn=<\(gradFunction)>")
        } else if requiresGrad {
            suffixes.append("requires_grad=True")
        }
        let text = appendingSuffixes(suffixes, to: prefix + body, indent: indent, lineWidth: options.columns)
        return isParameter ? "Parameter containing:\n" + text : text
    }

    /// `torch.Size([2, 3])`, as `print(t.shape)` shows a shape.
    public static func sizeDescription(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// A Python tuple: `(0, 3)`, `(5,)`, `()`.
    public static func tupleDescription(_ values: [Int]) -> String {
        values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    // MARK: - Contents

    /// The bracketed elements alone (PyTorch's `_tensor_str`), laid out as if
    /// they started after `indent` characters.
    public static func contents(_ snapshot: TensorSnapshot, indent: Int, options: PrintOptions = .default) -> String {
        let count = snapshot.values.count
        guard snapshot.isConsistent, count > 0 else { return "[]" }
        let indent = PrintOptions.bounded(indent)
        let layout = SummaryLayout(shape: snapshot.shape, elementCount: count, options: options)
        let formatter = ElementFormatter(values: snapshot.values, printed: layout.printedOffsets, options: options)
        let rank = snapshot.shape.count
        if rank == 0 { return formatter.texts.first ?? "" }
        if layout.elided { return "[...]" }
        let vectorIndent = indent + rank - 1
        // The rows are visited in the order of `printedOffsets`, so each one
        // takes the next texts of the formatter.
        var nextText = 0
        if rank == 1 {
            return vector(layout: layout, formatter: formatter, next: &nextText, indent: vectorIndent, options: options)
        }

        // Walk the leading dimensions with an explicit stack (no recursion).
        var text = "["
        var stack: [(dimension: Int, next: Int, offset: Int)] = [(0, 0, 0)]
        while let frame = stack.last {
            let entries = layout.entries[frame.dimension]
            guard frame.next < entries.count else {
                text += "]"
                stack.removeLast()
                continue
            }
            if frame.next > 0 {
                text += "," + String(repeating: "\n", count: rank - frame.dimension - 1)
                text += spaces(indent + frame.dimension + 1)
            }
            stack[stack.count - 1].next += 1
            switch entries[frame.next] {
            case .ellipsis:
                text += "..."
            case .index(let index):
                let offset = frame.offset + index * layout.strides[frame.dimension]
                if frame.dimension + 1 == rank - 1 {
                    text += vector(layout: layout, formatter: formatter, next: &nextText, indent: vectorIndent, options: options)
                } else {
                    text += "["
                    stack.append((frame.dimension + 1, 0, offset))
                }
            }
        }
        return text
    }

    // MARK: - Helpers

    /// One row (the last dimension), wrapped to the line width (PyTorch's
    /// `_vector_str`); its elements are the formatter's texts from `next` on.
    private static func vector(
        layout: SummaryLayout, formatter: ElementFormatter, next: inout Int, indent: Int, options: PrintOptions
    ) -> String {
        var items: [String] = []
        for entry in layout.entries[layout.entries.count - 1] {
            if entry == .ellipsis {
                items.append(" ...")
            } else if next < formatter.texts.count {
                items.append(formatter.texts[next])
                next += 1
            }
        }
        let itemWidth = formatter.width + 2  // with ", "
        let room = options.columns - indent
        let perLine = room > 0 ? max(1, room / itemWidth) : 1
        let lines = stride(from: 0, to: items.count, by: perLine).map { start in
            items[start..<min(start + perLine, items.count)].joined(separator: ", ")
        }
        return "[" + lines.joined(separator: ",\n" + spaces(indent + 1)) + "]"
    }

    /// `count` spaces; none for a negative count, as Python's `" " * n`.
    private static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: max(count, 0))
    }

    private static func hasDefaultType(_ dtype: DType, options: PrintOptions) -> Bool {
        dtype == options.defaultFloatingType || dtype == .int64 || dtype == .bool
    }

    /// PyTorch's `_add_suffixes`, including its measure of the last line
    /// (two more than the characters after the last newline).
    private static func appendingSuffixes(_ suffixes: [String], to text: String, indent: Int, lineWidth: Int) -> String {
        var result = text
        let scalars = text.unicodeScalars
        let afterNewline = scalars.lastIndex(of: "\n").map { scalars.distance(from: $0, to: scalars.endIndex) - 1 }
        var lastLineLength = (afterNewline ?? scalars.count) + 2
        for suffix in suffixes {
            let length = suffix.unicodeScalars.count
            if lastLineLength + length + 2 > lineWidth {
                result += ",\n" + spaces(indent) + suffix
                lastLineLength = indent + length
            } else {
                result += ", " + suffix
                lastLineLength += length + 2
            }
        }
        return result + ")"
    }
}
