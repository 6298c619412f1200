import Foundation

/// The methods of `str` (a catalogue: one small closure per Python method).
enum StrMethods {
    static func string(_ v: Value) -> String {
        if case .str(let s) = v { return s }
        return ""
    }

    static func argString(_ args: Arguments, _ i: Int, _ method: String) throws -> String? {
        guard i < args.positional.count else { return nil }
        let v = args.positional[i]
        if v.isNone { return nil }
        guard case .str(let s) = v else { throw PythonError.typeError("\(method) arg must be None or str") }
        return s
    }

    static func install(_ c: PyClass) {
        c.constructor = { interpreter, _, args in
            guard let v = args.positional.first else { return .str("") }
            return .str(try interpreter.str(v))
        }
        let b = NativeClassBuilder(c)
        b.method("upper") { _, s, _ in .str(string(s).uppercased()) }
        b.method("lower") { _, s, _ in .str(string(s).lowercased()) }
        b.method("casefold") { _, s, _ in .str(string(s).lowercased()) }
        b.method("capitalize") { _, s, _ in
            let t = string(s)
            return .str(t.prefix(1).uppercased() + t.dropFirst().lowercased())
        }
        b.method("title") { _, s, _ in .str(string(s).capitalized) }
        b.method("swapcase") { _, s, _ in
            .str(String(string(s).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        }
        for (name, sides) in [("strip", 3), ("lstrip", 1), ("rstrip", 2)] {
            b.method(name) { _, s, args in
                let chars = try argString(args, 0, name)
                var scalars = Substring.UnicodeScalarView(string(s).unicodeScalars)
                let strip: (Unicode.Scalar) -> Bool = { scalar in
                    chars.map { $0.unicodeScalars.contains(scalar) } ?? scalar.properties.isWhitespace
                }
                if sides & 1 != 0 { while let f = scalars.first, strip(f) { scalars.removeFirst() } }
                if sides & 2 != 0 { while let l = scalars.last, strip(l) { scalars.removeLast() } }
                return .str(String(scalars))
            }
        }
        b.method("split", "split(sep=None, maxsplit=-1)") { _, s, a in .list(PyList(try split(string(s), a, fromRight: false))) }
        b.method("rsplit", "rsplit(sep=None, maxsplit=-1)") { _, s, a in .list(PyList(try split(string(s), a, fromRight: true))) }
        b.method("splitlines") { _, s, _ in .list(PyList(splitLines(string(s)).map(Value.str))) }
        b.method("join") { interpreter, s, args in
            guard let iterable = args.positional.first else { throw PythonError.typeError("str.join() takes exactly one argument (0 given)") }
            let items = try interpreter.collect(iterable)
            var parts: [String] = []
            for (i, item) in items.enumerated() {
                guard case .str(let t) = item else {
                    throw PythonError.typeError("sequence item \(i): expected str instance, \(item.typeName) found")
                }
                parts.append(t)
            }
            return .str(parts.joined(separator: string(s)))
        }
        b.method("replace", "replace(old, new, count=-1)") { _, s, a in
            let old = try a.string("old"), new = try a.string("new")
            let count = try a.int("count")
            return .str(replace(string(s), old, new, count))
        }
        for name in ["startswith", "endswith"] {
            b.method(name) { _, s, args in
                guard let prefix = args.positional.first else { throw PythonError.typeError("\(name)() takes at least 1 argument (0 given)") }
                let candidates: [Value]
                if case .tuple(let t) = prefix { candidates = t } else { candidates = [prefix] }
                for candidate in candidates {
                    guard case .str(let p) = candidate else {
                        throw PythonError.typeError("\(name) first arg must be str or a tuple of str, not \(candidate.typeName)")
                    }
                    if name == "startswith" ? string(s).unicodeScalars.starts(with: p.unicodeScalars)
                        : string(s).unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed()) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        for name in ["find", "index", "rfind", "rindex"] {
            b.method(name) { _, s, args in
                guard let sub = try argString(args, 0, name) else { throw PythonError.typeError("must be str, not NoneType") }
                let hay = Array(string(s).unicodeScalars), needle = Array(sub.unicodeScalars)
                let position = name.hasPrefix("r") ? lastIndex(hay, needle) : firstIndex(hay, needle)
                if let p = position { return .int(p) }
                if name.hasSuffix("index") { throw PythonError.valueError("substring not found") }
                return .int(-1)
            }
        }
        b.method("count") { _, s, args in
            guard let sub = try argString(args, 0, "count") else { throw PythonError.typeError("must be str") }
            if sub.isEmpty { return .int(string(s).unicodeScalars.count + 1) }
            return .int(string(s).components(separatedBy: sub).count - 1)
        }
        b.method("format") { interpreter, s, args in .str(try interpreter.strFormat(string(s), args)) }
        let predicates: [(String, (Character) -> Bool)] = [
            ("isdigit", { $0.isNumber }), ("isnumeric", { $0.isNumber }), ("isdecimal", { $0.isNumber }),
            ("isalpha", { $0.isLetter }), ("isalnum", { $0.isLetter || $0.isNumber }), ("isspace", { $0.isWhitespace }),
        ]
        for (name, test) in predicates {
            b.method(name) { _, s, _ in
                let t = string(s)
                return .bool(!t.isEmpty && t.allSatisfy(test))
            }
        }
        b.method("isupper") { _, s, _ in
            let t = string(s)
            return .bool(t.contains { $0.isCased } && t.allSatisfy { !$0.isCased || $0.isUppercase })
        }
        b.method("islower") { _, s, _ in
            let t = string(s)
            return .bool(t.contains { $0.isCased } && t.allSatisfy { !$0.isCased || $0.isLowercase })
        }
        b.method("zfill") { interpreter, s, args in
            let width = try interpreter.indexValue(args.positional.first ?? .int(0)) ?? 0
            var t = string(s)
            var sign = ""
            if t.hasPrefix("-") || t.hasPrefix("+") {
                sign = String(t.removeFirst())
            }
            let pad = width <= 0 ? 0 : max(0, width - t.unicodeScalars.count - sign.count)
            if pad > 1 << 30 { throw PythonError(BuiltinTypes.memoryError, args: []) }
            return .str(sign + String(repeating: "0", count: pad) + t)
        }
        for (name, align) in [("center", "^"), ("ljust", "<"), ("rjust", ">")] {
            b.method(name) { interpreter, s, args in
                let width = try interpreter.indexValue(args.positional.first ?? .int(0)) ?? 0
                let fill = try argString(args, 1, name) ?? " "
                guard fill.count == 1 else { throw PythonError.typeError("The fill character must be exactly one character long") }
                let text = string(s)
                let margin = max(0, min(width, 1 << 20)) - text.unicodeScalars.count
                if align == "^" && margin > 0 {
                    // CPython's str.center puts the odd fill character on the left when the width is odd.
                    let left = margin / 2 + (margin & width & 1)
                    return .str(String(repeating: fill, count: left) + text + String(repeating: fill, count: margin - left))
                }
                return .str(try FormatSpec("\(fill)\(align)\(max(0, min(width, 1 << 20)))").format(string: text))
            }
        }
        for name in ["partition", "rpartition"] {
            b.method(name) { _, s, args in
                guard let sep = try argString(args, 0, name), !sep.isEmpty else { throw PythonError.valueError("empty separator") }
                let t = string(s)
                let range = name == "partition" ? t.range(of: sep) : t.range(of: sep, options: .backwards)
                guard let r = range else { return name == "partition" ? .tuple([.str(t), "", ""]) : .tuple(["", "", .str(t)]) }
                return .tuple([.str(String(t[..<r.lowerBound])), .str(sep), .str(String(t[r.upperBound...]))])
            }
        }
        b.method("encode") { _, s, _ in .str(string(s)) }
    }

    static func firstIndex(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Int? {
        if needle.isEmpty { return 0 }
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    static func lastIndex(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Int? {
        if needle.isEmpty { return hay.count }
        guard hay.count >= needle.count else { return nil }
        for i in stride(from: hay.count - needle.count, through: 0, by: -1) where Array(hay[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    static func replace(_ s: String, _ old: String, _ new: String, _ count: Int) -> String {
        if count < 0 {
            if old.isEmpty { return s.isEmpty ? new : new + s.unicodeScalars.map { String($0) }.joined(separator: new) + new }
            return s.replacingOccurrences(of: old, with: new)
        }
        var result = ""
        var rest = Substring(s)
        var n = 0
        while n < count, !old.isEmpty, let r = rest.range(of: old) {
            result += rest[..<r.lowerBound] + new
            rest = rest[r.upperBound...]
            n += 1
        }
        return result + rest
    }

    static func split(_ s: String, _ a: BoundArguments, fromRight: Bool) throws -> [Value] {
        let maxsplit = try a.int("maxsplit")
        if let sepValue = a.optional("sep") {
            guard case .str(let sep) = sepValue else { throw PythonError.typeError("must be str or None, not \(sepValue.typeName)") }
            if sep.isEmpty { throw PythonError.valueError("empty separator") }
            var parts = s.components(separatedBy: sep)
            if maxsplit >= 0 && parts.count > maxsplit + 1 {
                if fromRight {
                    let head = parts[..<(parts.count - maxsplit)].joined(separator: sep)
                    parts = [head] + parts[(parts.count - maxsplit)...]
                } else {
                    let tail = parts[maxsplit...].joined(separator: sep)
                    parts = Array(parts[..<maxsplit]) + [tail]
                }
            }
            return parts.map { .str($0) }
        }
        // Whitespace split: runs of whitespace separate, leading/trailing ignored.
        var words: [String] = []
        var scalars = Array(s.unicodeScalars)
        if fromRight { scalars.reverse() }
        var i = 0
        while i < scalars.count {
            while i < scalars.count && scalars[i].properties.isWhitespace { i += 1 }
            if i >= scalars.count { break }
            if maxsplit >= 0 && words.count == maxsplit {
                var rest = Array(scalars[i...])
                if fromRight { rest.reverse() }
                var t = String.UnicodeScalarView()
                t.append(contentsOf: rest)
                words.append(String(t))
                break
            }
            var word = String.UnicodeScalarView()
            while i < scalars.count && !scalars[i].properties.isWhitespace {
                word.append(scalars[i])
                i += 1
            }
            words.append(fromRight ? String(String.UnicodeScalarView(word.reversed())) : String(word))
        }
        if fromRight { words.reverse() }
        return words.map { .str($0) }
    }
}

extension StrMethods {
    /// `str.splitlines()`: Python's line boundaries, no empty last line.
    static func splitLines(_ s: String) -> [String] {
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            if previousWasCR && scalar == "\n" {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if breaks.contains(scalar.value) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
