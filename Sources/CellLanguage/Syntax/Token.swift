import Diagnostics

/// One lexical token of the cell language, with its place in the source.
public struct Token: Equatable, CustomStringConvertible {
    public enum Kind: Equatable {
        case name
        case keyword
        case int
        case float
        /// A string literal; `text` is the whole literal including prefix and quotes.
        case string
        case op
        case newline
        case indent
        case dedent
        case endOfFile
    }

    public var kind: Kind
    public var text: String
    /// 1-based line and column (in Unicode scalars) inside the lexed text.
    public var line: Int
    public var column: Int

    public var description: String {
        switch kind {
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endOfFile: return "EOF"
        case .name: return "NAME(\(text))"
        case .keyword: return "KW(\(text))"
        case .int, .float: return "NUM(\(text))"
        case .string: return "STR(\(text))"
        case .op: return "OP(\(text))"
        }
    }

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }
}

/// Python's reserved words (soft keywords such as `match` are plain names here).
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

/// A problem found while lexing or parsing: the Python exception class it
/// becomes (`SyntaxError` or `IndentationError`), the message, and the place.
public struct SyntaxIssue: Equatable, CustomStringConvertible {
    public var kind: String
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(line):\(column): \(kind): \(message)" }
}
