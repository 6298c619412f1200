import Foundation

/// The `math` module: the standard library piece that lessons use for plain
/// numbers (`math.sqrt(2 / fan_in)`, `math.pi`, `math.isclose`). Registered in
/// every interpreter.
enum MathModule {
    static func make() -> PyModule {
        let math = PyModule(name: "math")
        math["pi"] = .float(Double.pi)
        math["e"] = .float(M_E)
        math["tau"] = .float(2 * Double.pi)
        math["inf"] = .float(.infinity)
        math["nan"] = .float(.nan)
        let unary: [(String, (Double) -> Double)] = [
            ("exp", Foundation.exp), ("tanh", Foundation.tanh), ("sin", Foundation.sin), ("cos", Foundation.cos),
            ("tan", Foundation.tan), ("atan", Foundation.atan), ("fabs", Swift.abs), ("expm1", Foundation.expm1),
            ("sinh", Foundation.sinh), ("cosh", Foundation.cosh), ("erf", Foundation.erf), ("degrees", { $0 * 180 / .pi }),
            ("radians", { $0 * .pi / 180 }),
        ]
        for (name, f) in unary {
            math.addFunction(name) { interpreter, args in .float(f(try number(args, name, interpreter))) }
        }
        math.addFunction("sqrt") { interpreter, args in
            let x = try number(args, "sqrt", interpreter)
            guard x >= 0 else { throw PythonError.valueError("math domain error") }
            return .float(x.squareRoot())
        }
        math.addFunction("log") { interpreter, args in
            guard (1...2).contains(args.positional.count), args.keywords.isEmpty else {
                throw PythonError.typeError("log expected 1 or 2 arguments, got \(args.positional.count)")
            }
            let x = try interpreter.builtinFloat(args.positional[0])
            guard x > 0 else { throw PythonError.valueError("math domain error") }
            if args.positional.count > 1 {
                let base = try interpreter.builtinFloat(args.positional[1])
                guard base > 0, base != 1 else { throw PythonError.valueError("math domain error") }
                return .float(Foundation.log(x) / Foundation.log(base))
            }
            return .float(Foundation.log(x))
        }
        for (name, f) in [("log2", Foundation.log2), ("log10", Foundation.log10), ("log1p", { Foundation.log1p($0) })] as [(String, (Double) -> Double)] {
            math.addFunction(name) { interpreter, args in
                let x = try number(args, name, interpreter)
                guard name == "log1p" ? x > -1 : x > 0 else { throw PythonError.valueError("math domain error") }
                return .float(f(x))
            }
        }
        for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            math.addFunction(name) { interpreter, args in
                if case .int(let i)? = args.positional.first { return .int(i) }
                return .int(try Conversions.truncate(try number(args, name, interpreter).rounded(rule)))
            }
        }
        math.addFunction("pow") { interpreter, args in
            guard args.positional.count == 2 else { throw PythonError.typeError("pow expected 2 arguments, got \(args.positional.count)") }
            return .float(Foundation.pow(try interpreter.builtinFloat(args.positional[0]), try interpreter.builtinFloat(args.positional[1])))
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            math.addFunction(name) { interpreter, args in .bool(test(try number(args, name, interpreter))) }
        }
        let isclose = Signature("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)")
        math.addFunction("isclose") { interpreter, args in
            let a = try isclose.bind(args)
            let x = try a.double("a"), y = try a.double("b")
            if x == y { return .bool(true) }
            let tolerance = max(try a.double("rel_tol") * max(Swift.abs(x), Swift.abs(y)), try a.double("abs_tol"))
            return .bool(Swift.abs(x - y) <= tolerance)
        }
        math.addFunction("prod") { interpreter, args in
            guard let iterable = args.positional.first else { throw PythonError.typeError("prod() takes 1 argument") }
            var total: Value = .int(1)
            try interpreter.forEach(iterable) { total = try interpreter.binary(.multiply, total, $0) }
            return total
        }
        return math
    }

    private static func number(_ args: Arguments, _ name: String, _ interpreter: Interpreter) throws -> Double {
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PythonError.typeError("math.\(name)() takes exactly one argument (\(args.positional.count) given)")
        }
        return try interpreter.builtinFloat(args.positional[0])
    }
}
