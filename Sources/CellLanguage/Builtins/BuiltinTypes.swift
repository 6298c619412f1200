import Foundation

/// The classes of Python's built-in values and exceptions, shared by all
/// interpreters. Their methods are native functions installed once.
public enum BuiltinTypes {
    public static let object: PyClass = {
        let c = PyClass(name: "object", base: nil)
        // object.__init__ takes no arguments, unless the class constructs itself natively
        // (Python: extra arguments are fine when __new__ is overridden).
        c.attributes["__init__"] = .object(NativeFunction("__init__") { _, args in
            if args.positional.count > 1 || !args.keywords.isEmpty, let this = args.positional.first,
                this.pythonClass.nearestConstructor == nil
            {
                throw PythonError.typeError("\(this.typeName)() takes no arguments")
            }
            return .none
        })
        return c
    }()
    public static let type: PyClass = {
        let c = PyClass(name: "type", base: object)
        c.constructor = { _, _, args in
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PythonError.typeError("type() takes 1 argument (creating classes with type() is not supported)")
            }
            return .object(args.positional[0].pythonClass)
        }
        return c
    }()
    public static let noneType = simple("NoneType")
    public static let int: PyClass = { let c = simple("int"); Conversions.installInt(c); return c }()
    public static let bool: PyClass = { let c = PyClass(name: "bool", base: int); Conversions.installBool(c); return c }()
    public static let float: PyClass = { let c = simple("float"); Conversions.installFloat(c); return c }()
    public static let str: PyClass = { let c = simple("str"); StrMethods.install(c); return c }()
    public static let tuple: PyClass = { let c = simple("tuple"); SequenceMethods.installTuple(c); return c }()
    public static let list: PyClass = { let c = simple("list"); SequenceMethods.installList(c); return c }()
    public static let dict: PyClass = { let c = simple("dict"); MappingMethods.installDict(c); return c }()
    public static let set: PyClass = { let c = simple("set"); MappingMethods.installSet(c); return c }()
    public static let range: PyClass = { let c = simple("range"); SequenceMethods.installRange(c); return c }()
    public static let slice: PyClass = { let c = simple("slice"); SequenceMethods.installSlice(c); return c }()
    public static let function = simple("function")
    public static let builtinFunction = simple("builtin_function_or_method")
    public static let method = simple("method")
    public static let property: PyClass = {
        let c = simple("property")
        c.constructor = { _, _, args in
            guard let getter = args.positional.first else { throw PythonError.typeError("property() needs a getter") }
            let d = PyDescriptor(.property, getter, setter: args.positional.count > 1 ? args.positional[1] : nil)
            return .object(d)
        }
        c.attributes["setter"] = .object(NativeFunction("setter") { _, args in
            guard args.positional.count == 2, case .object(let d as PyDescriptor) = args.positional[0] else {
                throw PythonError.typeError("setter() takes 1 argument")
            }
            return .object(PyDescriptor(.property, d.function, setter: args.positional[1]))
        })
        return c
    }()
    public static let staticMethod: PyClass = descriptorClass("staticmethod", .staticMethod)
    public static let classMethod: PyClass = descriptorClass("classmethod", .classMethod)
    public static let superType: PyClass = {
        let c = simple("super")
        c.constructor = { _, _, args in
            guard args.positional.count == 2, case .object(let cls as PyClass) = args.positional[0] else {
                throw PythonError.runtimeError("super(): no arguments")
            }
            return .object(PySuper(startClass: cls, receiver: args.positional[1]))
        }
        return c
    }()
    public static let module = simple("module")
    static let notImplementedType = simple("NotImplementedType")
    static let ellipsisType = simple("ellipsis")
    static let notImplemented = Singleton(notImplementedType, "NotImplemented")
    static let ellipsis = Singleton(ellipsisType, "Ellipsis")

    private static func simple(_ name: String) -> PyClass { PyClass(name: name, base: object) }

    private static func descriptorClass(_ name: String, _ kind: PyDescriptor.Kind) -> PyClass {
        let c = simple(name)
        c.constructor = { _, _, args in
            guard args.positional.count == 1 else { throw PythonError.typeError("\(name) expected 1 argument") }
            return .object(PyDescriptor(kind, args.positional[0]))
        }
        return c
    }

    // MARK: - Iterator classes

    nonisolated(unsafe) private static var iteratorClasses: [String: PyClass] = [:]
    /// Interpreters may run on several threads at once (`litbook build --jobs`).
    private static let iteratorClassesLock = NSLock()

    /// One class per iterator kind (`list_iterator`, `zip`, `generator`), each with `__iter__`/`__next__`.
    static func iteratorClass(named name: String) -> PyClass {
        iteratorClassesLock.lock()
        defer { iteratorClassesLock.unlock() }
        if let c = iteratorClasses[name] { return c }
        let c = simple(name)
        c.attributes["__iter__"] = .object(NativeFunction("__iter__") { _, args in
            guard let this = args.positional.first else {
                throw PythonError.typeError("descriptor '__iter__' of '\(name)' object needs an argument")
            }
            return this
        })
        c.attributes["__next__"] = .object(NativeFunction("__next__") { interpreter, args in
            guard case .object(let it as NativeIterator)? = args.positional.first else {
                throw PythonError.typeError("descriptor '__next__' of '\(name)' object needs an argument")
            }
            if let v = try it.next(interpreter) { return v }
            throw PythonError(BuiltinTypes.stopIteration, args: [])
        })
        if name.hasPrefix("dict_") && name != "dict_iterator" && name != "dict_keyiterator" { DictView.install(c) }
        iteratorClasses[name] = c
        return c
    }

    // MARK: - Exceptions

    public static let baseException: PyClass = ExceptionClasses.makeBase()
    public static let exception = ExceptionClasses.make("Exception", baseException)
    public static let keyboardInterrupt = ExceptionClasses.make("KeyboardInterrupt", baseException)
    public static let generatorExit = ExceptionClasses.make("GeneratorExit", baseException)
    public static let arithmeticError = ExceptionClasses.make("ArithmeticError", exception)
    public static let zeroDivisionError = ExceptionClasses.make("ZeroDivisionError", arithmeticError)
    public static let overflowError = ExceptionClasses.make("OverflowError", arithmeticError)
    public static let lookupError = ExceptionClasses.make("LookupError", exception)
    public static let indexError = ExceptionClasses.make("IndexError", lookupError)
    public static let keyError = ExceptionClasses.make("KeyError", lookupError)
    public static let valueError = ExceptionClasses.make("ValueError", exception)
    public static let typeError = ExceptionClasses.make("TypeError", exception)
    public static let nameError = ExceptionClasses.make("NameError", exception)
    public static let unboundLocalError = ExceptionClasses.make("UnboundLocalError", nameError)
    public static let attributeError = ExceptionClasses.make("AttributeError", exception)
    public static let runtimeError = ExceptionClasses.make("RuntimeError", exception)
    public static let notImplementedError = ExceptionClasses.make("NotImplementedError", runtimeError)
    public static let recursionError = ExceptionClasses.make("RecursionError", runtimeError)
    public static let assertionError = ExceptionClasses.make("AssertionError", exception)
    public static let stopIteration = ExceptionClasses.make("StopIteration", exception)
    public static let importError = ExceptionClasses.make("ImportError", exception)
    public static let moduleNotFoundError = ExceptionClasses.make("ModuleNotFoundError", importError)
    public static let osError = ExceptionClasses.make("OSError", exception)
    public static let timeoutError = ExceptionClasses.make("TimeoutError", osError)
    public static let memoryError = ExceptionClasses.make("MemoryError", exception)
    public static let syntaxError = ExceptionClasses.make("SyntaxError", exception)
    public static let indentationError = ExceptionClasses.make("IndentationError", syntaxError)

    static var allExceptions: [PyClass] {
        [baseException, exception, keyboardInterrupt, generatorExit, arithmeticError, zeroDivisionError, overflowError, lookupError,
         indexError, keyError, valueError, typeError, nameError, unboundLocalError, attributeError, runtimeError,
         notImplementedError, recursionError, assertionError, stopIteration, importError, moduleNotFoundError,
         osError, timeoutError, memoryError, syntaxError, indentationError]
    }

    /// Every builtin class bound under its Python name.
    static var allClasses: [PyClass] {
        [object, type, int, bool, float, str, tuple, list, dict, set, range, slice, property, staticMethod, classMethod,
         superType] + allExceptions
    }
}

/// A unique object such as `NotImplemented` or `Ellipsis`.
final class Singleton: PythonObject {
    let pythonClass: PyClass
    let name: String
    init(_ cls: PyClass, _ name: String) {
        pythonClass = cls
        self.name = name
        cls.attributes["__repr__"] = .object(NativeFunction("__repr__") { _, _ in .str(name) })
    }
}

/// The native side of `BaseException`: args storage, `str` and `repr`.
enum ExceptionClasses {
    static func makeBase() -> PyClass {
        let c = PyClass(name: "BaseException", base: BuiltinTypes.object)
        c.constructor = { _, cls, args in .object(ExceptionState.make(cls, args: args.positional)) }
        c.attributes["__init__"] = .object(NativeFunction("__init__") { _, args in
            if case .object(let e as PyInstance)? = args.positional.first {
                if let state = e.payload as? ExceptionState {
                    state.args = Array(args.positional.dropFirst())
                } else {
                    e.payload = ExceptionState(args: Array(args.positional.dropFirst()))
                }
            }
            return .none
        })
        c.attributes["__str__"] = .object(NativeFunction("__str__") { interpreter, args in
            guard case .object(let e as PyInstance)? = args.positional.first else { return .str("") }
            let a = ExceptionState.args(of: e)
            if a.isEmpty { return .str("") }
            if a.count == 1 {
                return .str(e.pythonClass.isSubclass(of: BuiltinTypes.keyError) ? try interpreter.repr(a[0]) : try interpreter.str(a[0]))
            }
            return .str(try interpreter.repr(.tuple(a)))
        })
        c.attributes["__repr__"] = .object(NativeFunction("__repr__") { interpreter, args in
            guard case .object(let e as PyInstance)? = args.positional.first else { return .str("") }
            let a = ExceptionState.args(of: e)
            return .str("\(e.pythonClass.name)(" + (try a.map { try interpreter.repr($0) }).joined(separator: ", ") + ")")
        })
        return c
    }

    static func make(_ name: String, _ base: PyClass) -> PyClass {
        PyClass(name: name, base: base)
    }
}
