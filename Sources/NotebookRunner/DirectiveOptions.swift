import Foundation
import Diagnostics
import Diagrams
import NotebookFormat

/// Reads a directive's `:key: value` options: checks that every key is one the
/// directive knows, and parses the small value grammars figures use.
///
///     :at: 0, 1                              → GridPosition(row: 0, column: 1)
///     :input: 3x3     (also 1x28x28, 6×8)    → GridSize(height: 3, width: 3)
///     :layers: conv 2x2, conv 3x3 stride 2 padding 1, pool 2x2
struct DirectiveOptions {
    let directive: Directive

    /// Fails at the first option whose key is not in `known`.
    init(_ directive: Directive, known: Set<String>) throws {
        self.directive = directive
        for option in directive.options where !known.contains(option.key) {
            let list = known.sorted().map { ":\($0):" }.joined(separator: ", ")
            throw DirectiveError(
                message: "the {\(directive.name)} directive has no option :\(option.key):; it takes \(list)",
                location: option.location)
        }
    }

    subscript(key: String) -> Directive.Option? { directive.option(key) }

    func required(_ key: String) throws -> Directive.Option {
        guard let option = directive.option(key), !option.value.isEmpty else {
            throw DirectiveError(
                message: "the {\(directive.name)} directive needs the option :\(key):",
                location: directive.range.start)
        }
        return option
    }

    func text(_ key: String) -> String? {
        guard let value = directive[key], !value.isEmpty else { return nil }
        return value
    }

    // MARK: - Value grammars

    /// `i, j` or `(i, j)`: a zero-based position (row, column).
    func position(_ key: String) throws -> GridPosition? {
        guard let option = directive.option(key) else { return nil }
        let numbers = try integers(in: option, separators: ",", expected: 2, what: "a position such as `0, 1`")
        return GridPosition(row: numbers[0], column: numbers[1])
    }

    /// `HxW` (or `CxHxW`, whose channel count a figure ignores): a grid size.
    func size(_ option: Directive.Option) throws -> GridSize {
        let parts = option.value.split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "X" })
        let numbers = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (2...3).contains(parts.count), numbers.count == parts.count, numbers.allSatisfy({ $0 > 0 }) else {
            throw DirectiveError(
                message: "`\(option.value)` is not a size; write it as height×width, e.g. `6x8` or `1x28x28`",
                location: option.valueLocation)
        }
        return GridSize(height: numbers[numbers.count - 2], width: numbers[numbers.count - 1])
    }

    /// `a, b`: a closed interval of finite numbers with a < b.
    func limits(_ key: String) throws -> ClosedRange<Double>? {
        guard let option = directive.option(key) else { return nil }
        let values = option.value.trimmingCharacters(in: CharacterSet(charactersIn: "()[] ")).split(separator: ",")
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 2, let low = values[0], let high = values[1], low.isFinite, high.isFinite, low < high else {
            throw DirectiveError(message: "`\(option.value)` is not a range; write it as `low, high`", location: option.valueLocation)
        }
        return low...high
    }

    /// `true`/`false` (also yes/no).
    func flag(_ key: String) throws -> Bool? {
        guard let option = directive.option(key) else { return nil }
        switch option.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            throw DirectiveError(message: "`\(option.value)` is not true or false", location: option.valueLocation)
        }
    }

    /// A comma-separated list of names (`train loss, test acc`).
    func names(_ key: String) -> [String]? {
        directive[key].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The layers of `:layers:`: `conv KxK` or `pool KxK`, each optionally followed by
    /// `stride S`, `padding P`, `dilation D` (or the short `s2 p1 d2`); sizes may be
    /// `K` or `HxW`.
    func layers(_ option: Directive.Option) throws -> [ReceptiveFieldLayer] {
        var layers: [ReceptiveFieldLayer] = []
        for item in option.value.split(separator: ",") {
            let words = item.split(separator: " ").map(String.init)
            let fail = DirectiveError(
                message: "`\(item.trimmingCharacters(in: .whitespaces))` is not a layer; write e.g. `conv 3x3`, `conv 5x5 padding 2`, `pool 2x2 stride 2`",
                location: option.valueLocation)
            guard words.count >= 2, words[0] == "conv" || words[0] == "pool", let kernel = Self.pair(words[1]) else { throw fail }
            let isPool = words[0] == "pool"
            var stride = isPool ? kernel : GridSize(height: 1, width: 1)
            var padding = GridSize(height: 0, width: 0)
            var dilation = GridSize(height: 1, width: 1)
            var index = 2
            while index < words.count {
                let word = words[index]
                let (name, value): (String, GridSize?)
                if ["stride", "padding", "dilation"].contains(word), index + 1 < words.count {
                    (name, value) = (word, Self.pair(words[index + 1], allowZero: word == "padding"))
                    index += 2
                } else if let first = word.first, "spd".contains(first) {
                    let full = ["s": "stride", "p": "padding", "d": "dilation"][String(first)]!
                    (name, value) = (full, Self.pair(String(word.dropFirst()), allowZero: first == "p"))
                    index += 1
                } else {
                    throw fail
                }
                guard let value else { throw fail }
                switch name {
                case "stride": stride = value
                case "padding": padding = value
                default: dilation = value
                }
            }
            let label = "\(words[0]) \(kernel.height)×\(kernel.width)"
            layers.append(ReceptiveFieldLayer(label, kernel: kernel, stride: stride, padding: padding, dilation: dilation))
        }
        return layers
    }

    private static func pair(_ text: String, allowZero: Bool = false) -> GridSize? {
        let parts = text.split(whereSeparator: { $0 == "x" || $0 == "×" }).map { Int($0) }
        guard (1...2).contains(parts.count), let h = parts[0], let w = parts.last ?? nil,
            allowZero ? (h >= 0 && w >= 0) : (h > 0 && w > 0), h <= 4096, w <= 4096
        else { return nil }
        return GridSize(height: h, width: w)
    }

    private func integers(in option: Directive.Option, separators: String, expected: Int, what: String) throws -> [Int] {
        let trimmed = option.value.trimmingCharacters(in: CharacterSet(charactersIn: "()[] "))
        let numbers = trimmed.split(whereSeparator: { separators.contains($0) })
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == expected, numbers.allSatisfy({ $0 != nil }) else {
            throw DirectiveError(message: "`\(option.value)` is not \(what)", location: option.valueLocation)
        }
        return numbers.map { $0! }
    }
}
