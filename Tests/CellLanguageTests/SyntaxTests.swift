import Diagnostics
import Foundation
import Testing

@testable import CellLanguage

@Suite struct LexerTests {
    func kinds(_ source: String) -> [String] {
        var lexer = Lexer(source)
        return lexer.tokenize().tokens.map(\.description)
    }

    @Test func indentationBecomesIndentAndDedent() {
        #expect(kinds("if x:\n    y = 1\n    if z:\n        w\nv\n") == [
            "KW(if)", "NAME(x)", "OP(:)", "NEWLINE", "INDENT", "NAME(y)", "OP(=)", "NUM(1)", "NEWLINE",
            "KW(if)", "NAME(z)", "OP(:)", "NEWLINE", "INDENT", "NAME(w)", "NEWLINE", "DEDENT", "DEDENT",
            "NAME(v)", "NEWLINE", "EOF",
        ])
    }

    @Test func bracketsJoinLinesAndCommentsAndBlankLinesVanish() {
        #expect(kinds("f(1,\n  2)  # note\n\n   # indented comment\ng\n") == [
            "NAME(f)", "OP(()", "NUM(1)", "OP(,)", "NUM(2)", "OP())", "NEWLINE", "NAME(g)", "NEWLINE", "EOF",
        ])
        #expect(kinds("if a:\n    b = [1,\n  2]\n    c\n") == [
            "KW(if)", "NAME(a)", "OP(:)", "NEWLINE", "INDENT", "NAME(b)", "OP(=)", "OP([)", "NUM(1)", "OP(,)", "NUM(2)", "OP(])",
            "NEWLINE", "NAME(c)", "NEWLINE", "DEDENT", "EOF",
        ])
        #expect(kinds("a = 1 + \\\n    2\n") == ["NAME(a)", "OP(=)", "NUM(1)", "OP(+)", "NUM(2)", "NEWLINE", "EOF"])
    }

    @Test func operatorsNumbersAndStrings() {
        #expect(kinds("a **= b // c @ d != e -> ...") == [
            "NAME(a)", "OP(**=)", "NAME(b)", "OP(//)", "NAME(c)", "OP(@)", "NAME(d)", "OP(!=)", "NAME(e)", "OP(->)", "OP(...)",
            "NEWLINE", "EOF",
        ])
        #expect(kinds("1 1.5 .5 1e-3 0xff 1_000") == [
            "NUM(1)", "NUM(1.5)", "NUM(.5)", "NUM(1e-3)", "NUM(0xff)", "NUM(1_000)", "NEWLINE", "EOF",
        ])
        #expect(kinds("r'a\\n' f\"{x}\" '''t\nq'''") == ["STR(r'a\\n')", "STR(f\"{x}\")", "STR('''t\nq''')", "NEWLINE", "EOF"])
    }

    @Test func lexicalErrorsAreCollectedWithPositions() {
        var lexer = Lexer("x = 'open\ny = )\nz = $\n")
        let issues = lexer.tokenize().issues
        #expect(issues.map(\.description) == [
            "1:5: SyntaxError: unterminated string literal (detected at line 1)",
            "2:5: SyntaxError: unmatched ')'",
            "3:5: SyntaxError: invalid character '$' (U+24)",
        ])
    }

    @Test func unicodeColumnsCountScalars() {
        var lexer = Lexer("名字 = '中文'\n")
        let tokens = lexer.tokenize().tokens
        #expect(tokens.map(\.column).prefix(3) == [1, 4, 6])
    }
}

@Suite struct ParserTests {
    @Test func recoveryReportsEveryBadStatementWithItsLocation() {
        let source = """
            x = 1 +
            def f(a):
                return a
            y = = 2
            if y
                z = 3
            w = 4
            print(x y)
            ok = [1, 2
            """
        let result = Parser.parse(source + "\n", file: "nb.md", firstLine: 20)
        #expect(result.diagnostics.map(\.description) == [
            "nb.md:20:8: error: SyntaxError: invalid syntax",
            "nb.md:23:5: error: SyntaxError: invalid syntax",
            "nb.md:24:5: error: SyntaxError: expected ':'",
            "nb.md:27:9: error: SyntaxError: invalid syntax. Perhaps you forgot a comma?",
            "nb.md:28:6: error: SyntaxError: '[' was never closed",
        ])
        #expect(result.statements.isEmpty)
        let second = Parser.parse("def f(:\n    return 1\n", file: "nb.md", firstLine: 20)
        #expect(second.diagnostics.map(\.description) == ["nb.md:20:6: error: SyntaxError: '(' was never closed"])

    }

    @Test func astNodesCarryNotebookLocations() throws {
        let result = Parser.parse("a = 1\nif a:\n    print(a, b=2)\n", file: "nb.md", firstLine: 7, columnOffset: 0)
        #expect(result.diagnostics.isEmpty)
        guard result.statements.count == 2, case .if(_, let body, _) = result.statements[1].kind,
            case .expression(let call)? = body.first?.kind, case .call(let callee, let args) = call.kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(result.statements[0].location == SourceLocation(file: "nb.md", line: 7, column: 1))
        #expect(result.statements[1].location == SourceLocation(file: "nb.md", line: 8, column: 1))
        #expect(callee.location == SourceLocation(file: "nb.md", line: 9, column: 5))
        #expect(args.count == 2)
    }

    @Test func precedenceFollowsPython() {
        let interpreter = Interpreter()
        let cases: [(String, String)] = [
            ("-2 ** 2", "-4"), ("2 ** -1", "0.5"), ("not 1 == 2", "True"), ("1 + 2 * 3 ** 2", "19"),
            ("1 | 2 ^ 3 & 4", "3"), ("1 << 2 + 1", "8"), ("(1, 2) + (3,) * 2", "(1, 2, 3, 3)"),
            ("3 if 0 else 4 if 0 else 5", "5"), ("[1, 2][-1:] + [3]", "[2, 3]"), ("~-1", "0"),
            ("1 < 2 == 2 > 1", "True"), ("lambda: 0 or 1", "<function <lambda> at 0x7f0000001000>"),
        ]
        for (source, expected) in cases {
            #expect(interpreter.run(cell: source, file: "p").displayText == expected, "\(source)")
        }
    }

    @Test func fStringFieldsParseAsExpressions() {
        let result = Parser.parse("f'{a!r:>{w}} {b=} {{x}}'\n", file: "f")
        #expect(result.diagnostics.isEmpty)
        guard case .expression(let e)? = result.statements.first?.kind, case .formattedString(let parts) = e.kind else {
            Issue.record("not an f-string")
            return
        }
        #expect(parts.count == 4)
        #expect(Parser.parse("f'{}'\n", file: "f").diagnostics.first?.message == "SyntaxError: f-string: empty expression not allowed")
        #expect(Parser.parse("f'{a'\n", file: "f").diagnostics.first?.message == "SyntaxError: f-string: expecting '}'")
    }

    @Test func deepNestingIsASyntaxErrorNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + "\n"
        #expect(Parser.parse(deep, file: "d").diagnostics.first?.message == "SyntaxError: too many nested parentheses")
        let unary = String(repeating: "-", count: 5000) + "1\n"
        #expect(Parser.parse(unary, file: "d").diagnostics.first?.message == "SyntaxError: too many nested parentheses")
        let chain = "x = " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + "\n"
        #expect(Parser.parse(chain, file: "d").diagnostics.first?.message == "SyntaxError: expression too deeply nested to evaluate")
        let attributes = "x" + String(repeating: ".a", count: 100_000) + "\n"
        #expect(Parser.parse(attributes, file: "d").diagnostics.first?.message == "SyntaxError: expression too deeply nested to evaluate")
        var elifs = "x = 5\nif x == 0:\n    pass\n"
        for k in 1..<5000 { elifs += "elif x == \(k):\n    y = \(k)\n" }
        let interpreter = Interpreter()
        #expect(interpreter.run(cell: elifs + "y", file: "d").displayText == "5")
        var blocks = ""
        for level in 0..<120 { blocks += String(repeating: " ", count: level) + "if 1:\n" }
        blocks += String(repeating: " ", count: 120) + "pass\n"
        #expect(Parser.parse(blocks, file: "d").diagnostics.first?.message == "IndentationError: too many levels of indentation")
    }

    /// Every code cell of the shared notebooks (torch lessons included) must parse.
    @Test(.enabled(if: ConformanceTests.available)) func sharedNotebookCellsParse() throws {
        let shared = ConformanceTests.notebook.deletingLastPathComponent().deletingLastPathComponent()
        var count = 0
        for folder in ["conformance", "d2l"] {
            let dir = shared.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".md") {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                for cell in ConformanceTests.cells(text) {
                    let result = Parser.parse(cell.source, file: name, firstLine: cell.firstLine)
                    #expect(result.diagnostics.isEmpty, "\(name):\(cell.firstLine): \(result.diagnostics.first?.description ?? "")")
                    count += 1
                }
            }
        }
        #expect(count > 200)
    }
}
