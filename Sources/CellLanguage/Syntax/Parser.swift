import Diagnostics

/// A recursive-descent parser for the cell language, one method per grammar rule.
///
/// It recovers at statement boundaries: a bad statement is reported and skipped
/// to the end of its line (and its indented block, if any), and parsing goes on,
/// so a cell with three mistakes reports three located `Diagnostic`s.
///
///     let result = Parser.parse("x = (1,\ny = 2\n", file: "a.md", firstLine: 10)
///     result.diagnostics.first?.description  // "a.md:10:5: error: SyntaxError: '(' was never closed"
public struct Parser {
    public struct Result {
        public var statements: [Stmt]
        public var issues: [SyntaxIssue]
        public var diagnostics: [Diagnostic]
        /// The cell's last statement ends with `;`: Jupyter then shows no value.
        public var endsWithSemicolon = false
    }

    /// Unwinds a statement that cannot be parsed; the issue is already recorded.
    struct Failure: Error {}

    var tokens: [Token]
    var index = 0
    let file: String
    let lineBase: Int
    let columnBase: Int
    var issues: [SyntaxIssue] = []
    var depth = 0
    /// Qualified-name prefix of the enclosing definitions (`C.`, `f.<locals>.`).
    var qualifiedPrefix = ""
    static let maximumNesting = 200
    /// Deepest expression tree accepted (a 1 000-term `a + b + …` chain).
    static let maximumHeight = 1000

    init(tokens: [Token], file: String, lineBase: Int, columnBase: Int) {
        self.tokens = tokens
        self.file = file
        self.lineBase = lineBase
        self.columnBase = columnBase
    }

    /// Parses a whole cell. `firstLine` is the notebook line of the cell's first
    /// source line; `columnOffset` is added to columns on that line.
    public static func parse(_ source: String, file: String, firstLine: Int = 1, columnOffset: Int = 0) -> Result {
        LargeStack.run { parseOnCurrentThread(source, file: file, firstLine: firstLine, columnOffset: columnOffset) }
    }

    static func parseOnCurrentThread(_ source: String, file: String, firstLine: Int, columnOffset: Int) -> Result {
        var lexer = Lexer(source)
        let (tokens, lexIssues) = lexer.tokenize()
        var parser = Parser(tokens: tokens, file: file, lineBase: firstLine, columnBase: 1 + columnOffset)
        let statements = parser.parseModule()
        var seen = Set<Int>()
        var all: [SyntaxIssue] = []
        // Lexical issues first; a parse issue on a line that already has one is a consequence.
        // Lexer positions are cell-relative; move them into the notebook.
        let placed = lexIssues.map { issue -> SyntaxIssue in
            var moved = issue
            moved.line = issue.line + firstLine - 1
            if issue.line == 1 { moved.column = issue.column + columnOffset }
            if let r = issue.message.range(of: "(detected at line "), let n = Int(issue.message[r.upperBound...].prefix { $0.isNumber }) {
                moved.message = issue.message[..<r.upperBound] + "\(n + firstLine - 1))"
            }
            return moved
        }
        // After an unclosed bracket the rest of the cell is one logical line: the
        // parser's complaints there are consequences, not separate mistakes.
        let unclosedLine = placed.filter { $0.message.hasSuffix("was never closed") }.map(\.line).min() ?? Int.max
        let parseIssues = parser.issues.filter { $0.line < unclosedLine }
        for issue in placed + parseIssues where !seen.contains(issue.line) {
            seen.insert(issue.line)
            all.append(issue)
        }
        all.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        let diagnostics = all.map {
            Diagnostic.error("\($0.kind): \($0.message)", at: SourceLocation(file: file, line: $0.line, column: $0.column))
        }
        let issues = all
        let last = tokens.last { ![.newline, .dedent, .endOfFile, .indent].contains($0.kind) }
        return Result(
            statements: issues.isEmpty ? statements : [], issues: issues, diagnostics: diagnostics,
            endsWithSemicolon: last?.isOp(";") == true)
    }

    // MARK: - Token access

    var current: Token { tokens[min(index, tokens.count - 1)] }
    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = current
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func location(of token: Token) -> SourceLocation {
        SourceLocation(file: file, line: lineBase + token.line - 1, column: token.line == 1 ? columnBase + token.column - 1 : token.column)
    }

    var here: SourceLocation { location(of: current) }

    mutating func accept(op: String) -> Bool {
        if current.isOp(op) {
            advance()
            return true
        }
        return false
    }

    mutating func accept(keyword: String) -> Bool {
        if current.isKeyword(keyword) {
            advance()
            return true
        }
        return false
    }

    mutating func expect(op: String, _ message: String? = nil) throws {
        guard accept(op: op) else { throw fail(message ?? "expected '\(op)'") }
    }

    mutating func expectName() throws -> String {
        guard current.kind == .name else { throw fail("invalid syntax") }
        return advance().text
    }

    /// Records an issue at the current token (in the notebook's coordinates) and
    /// returns the error that unwinds the statement.
    mutating func fail(_ message: String, kind: String = "SyntaxError", at token: Token? = nil) -> Failure {
        let t = token ?? current
        let loc = location(of: t)
        issues.append(SyntaxIssue(kind: kind, message: message, line: loc.line, column: loc.column))
        return Failure()
    }

    // MARK: - Statements and blocks

    mutating func parseModule() -> [Stmt] {
        var statements: [Stmt] = []
        while current.kind != .endOfFile {
            if current.kind == .dedent || current.kind == .newline {
                advance()
                continue
            }
            parseStatementRecovering(into: &statements)
        }
        return statements
    }

    /// Parses one statement; on failure skips the rest of its line and any block
    /// that hangs off it, so the next statement starts clean.
    mutating func parseStatementRecovering(into statements: inout [Stmt]) {
        if current.kind == .indent {
            _ = fail("unexpected indent", kind: "IndentationError")
            advance()
            var discarded: [Stmt] = []
            while current.kind != .dedent && current.kind != .endOfFile {
                parseStatementRecovering(into: &discarded)
            }
            if current.kind == .dedent { advance() }
            return
        }
        do {
            statements.append(contentsOf: try parseStatement())
        } catch {
            synchronize()
        }
    }

    mutating func synchronize() {
        var level = 0
        while current.kind != .endOfFile {
            switch current.kind {
            case .newline:
                advance()
                if current.kind == .indent {
                    level += 1
                    advance()
                    continue
                }
                if level == 0 { return }
            case .indent:
                level += 1
                advance()
            case .dedent:
                if level == 0 { return }
                level -= 1
                advance()
                if level == 0 { return }
            default:
                advance()
            }
        }
    }

    mutating func parseStatement() throws -> [Stmt] {
        let t = current
        if t.kind == .keyword {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "def": return [try parseFunctionDef(decorators: [])]
            case "class": return [try parseClassDef(decorators: [])]
            default: break
            }
        }
        if t.isOp("@") { return [try parseDecorated()] }
        return try parseSimpleStatements()
    }

    /// `stmt; stmt; stmt NEWLINE`
    mutating func parseSimpleStatements() throws -> [Stmt] {
        var result = [try parseSmallStatement()]
        while accept(op: ";") {
            if current.kind == .newline { break }
            result.append(try parseSmallStatement())
        }
        guard current.kind == .newline || current.kind == .endOfFile else { throw fail("invalid syntax") }
        advance()
        return result
    }

    /// The body after a compound statement's `:` — an indented block or a simple
    /// statement list on the same line.
    mutating func parseBlock(after header: String, line: Int) throws -> [Stmt] {
        try expect(op: ":", "expected ':'")
        if current.kind != .newline { return try parseSimpleStatements() }
        advance()
        guard current.kind == .indent else {
            throw fail("expected an indented block after \(header) on line \(line)", kind: "IndentationError")
        }
        advance()
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .endOfFile {
            parseStatementRecovering(into: &body)
        }
        if current.kind == .dedent { advance() }
        return body
    }

    var lineOfCurrent: Int { here.line }
}
