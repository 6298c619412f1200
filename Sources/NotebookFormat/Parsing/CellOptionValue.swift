/// The value rules of the known cell options, in one table-like place.
enum CellOptionValue {
    struct Problem: Error {
        var message: String
    }

    /// Checks `value` for `key` and stores it in `options`; `key` must be known.
    static func parse(key: String, value: String, into options: inout CellOptions) -> Result<Void, Problem> {
        do {
            switch key {
            case "echo": options.echo = try bool(key, value)
            case "output": options.output = try bool(key, value)
            case "eval": options.eval = try bool(key, value)
            case "raises": options.raises = try exceptionName(key, value)
            case "check":
                guard let mode = CellOptions.CheckMode(rawValue: value) else {
                    throw Problem(message: "Cell option 'check' must be 'exact' or 'skip', not '\(value)'.")
                }
                options.check = mode
            case "tolerance": options.tolerance = try positiveNumber(key, value)
            case "timeout": options.timeout = try positiveNumber(key, value)
            case "label":
                let label = unquoted(value)
                guard !label.isEmpty, !label.contains(where: \.isWhitespace) else {
                    throw Problem(message: "Cell option 'label' must be a name without spaces, such as 'fig-loss'.")
                }
                options.label = label
            case "caption": options.caption = unquoted(value)
            default: throw Problem(message: "Unknown cell option '\(key)'.")
            }
            return .success(())
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(message: "\(error)"))
        }
    }

    // MARK: - Value kinds

    private static func bool(_ key: String, _ value: String) throws -> Bool {
        switch value {
        case "true", "True": return true
        case "false", "False": return false
        default: throw Problem(message: "Cell option '\(key)' must be true or false, not '\(value)'.")
        }
    }

    /// A positive, finite number such as `30`, `0.5` or `1e-4`.
    private static func positiveNumber(_ key: String, _ value: String) throws -> Double {
        guard let number = Double(value), number.isFinite, number > 0 else {
            throw Problem(message: "Cell option '\(key)' must be a positive number, not '\(value)'.")
        }
        return number
    }

    /// A Python exception class name, possibly qualified (`torch.cuda.OutOfMemoryError`).
    private static func exceptionName(_ key: String, _ value: String) throws -> String {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !value.isEmpty && parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
        }
        guard valid else {
            throw Problem(message: "Cell option '\(key)' must be an exception class name such as RuntimeError, not '\(value)'.")
        }
        return value
    }

    /// Text with one pair of surrounding quotes removed (`"A caption"`).
    private static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
