/// A parsed nucleus before its scripts: the node, and for operators the default
/// placement of limits (`nil` for anything that is not an operator).
struct Atom {
    var node: MathNode
    var limits: LimitsPolicy? = nil
}

extension MathParser {
    // MARK: - Characters

    /// A character in a row: runs of digits become one number, and under an explicit
    /// font (`\mathrm{max}`) runs of letters become one identifier.
    func parseCharacter(_ scalar: Unicode.Scalar, token: MathToken, _ context: MathContext) -> Atom {
        if Self.isDigit(scalar) {
            var digits = String(Character(scalar))
            while let next = nextRawCharacter() {
                if Self.isDigit(next) {
                    digits.unicodeScalars.append(next)
                    position += 1
                } else if next == ".", let after = rawCharacter(at: position + 1), Self.isDigit(after) {
                    digits.unicodeScalars.append(next)
                    position += 1
                } else {
                    break
                }
            }
            return Atom(node: .number(Self.styled(digits, font: context.font)))
        }
        if MathLexer.isLetter(scalar), let font = context.font {
            var letters = String(Character(scalar))
            while let next = nextSignificantCharacter(), MathLexer.isLetter(next) {
                letters.unicodeScalars.append(next)
                position += 1
            }
            return Atom(node: makeIdentifier(letters, font: font, uprightByDefault: false))
        }
        if Self.isTextCharacter(scalar) {
            var text = String(Character(scalar))
            while let next = nextRawCharacter(), Self.isTextCharacter(next) {
                text.unicodeScalars.append(next)
                position += 1
            }
            return Atom(node: .text(text, .plain))
        }
        return parseSingleCharacter(scalar, token: token, context)
    }

    /// One character on its own (also the form of a one-token macro argument).
    func parseSingleCharacter(_ scalar: Unicode.Scalar, token: MathToken, _ context: MathContext) -> Atom {
        if MathLexer.isLetter(scalar) {
            return Atom(node: makeIdentifier(String(Character(scalar)), font: context.font, uprightByDefault: false))
        }
        if Self.isDigit(scalar) {
            return Atom(node: .number(Self.styled(String(Character(scalar)), font: context.font)))
        }
        if scalar == "~" {
            return Atom(node: .text(" ", .plain))
        }
        if scalar == "'" {
            return Atom(node: .symbol("′", .ord))
        }
        if let symbol = MathSymbols.characters[scalar] {
            return Atom(node: .symbol(symbol.text, symbol.atomClass))
        }
        let text = String(Character(scalar))
        if let atomClass = MathSymbols.unicodeOperators[text] {
            if atomClass == .op { return Atom(node: .largeOperator(text), limits: .displayOnly) }
            return Atom(node: .symbol(text, atomClass))
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter:
            return Atom(
                node: makeIdentifier(text, font: context.font, uprightByDefault: MathAlphabet.isGreekCapital(scalar)))
        case .decimalNumber:
            return Atom(node: .number(text))
        case .mathSymbol:
            return Atom(node: .symbol(text, .ord))
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                warn("Control character U+\(String(scalar.value, radix: 16, uppercase: true)) ignored.", at: token)
                return Atom(node: .group([], .ord))
            }
            return Atom(node: .text(text, .plain))
        }
    }

    /// An identifier for letters (Latin or Greek) in a font.
    ///
    /// TeX sets letters italic by default and capital Greek upright; MathML italicizes a
    /// single-letter `<mi>` by itself, so only upright single letters need marking.
    func makeIdentifier(_ letters: String, font: MathFont?, uprightByDefault: Bool) -> MathNode {
        guard let font else {
            return .identifier(letters, normalVariant: uprightByDefault && Self.isSingleItalicizable(letters))
        }
        if font == .roman {
            return .identifier(letters, normalVariant: Self.isSingleItalicizable(letters))
        }
        let mapped = Self.styled(letters, font: font)
        // Letters the font does not cover keep their default shape.
        let unchanged = mapped == letters
        return .identifier(mapped, normalVariant: unchanged && uprightByDefault && Self.isSingleItalicizable(letters))
    }

    static func styled(_ text: String, font: MathFont?) -> String {
        guard let font else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(MathAlphabet.map(scalar, font: font)) }
        return String(result)
    }

    private static func isSingleItalicizable(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return MathAlphabet.isAutoItalicized(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    /// Characters shown as text in math: CJK and other scripts' letters, non-ASCII
    /// punctuation (`。`), which have no math meaning.
    private static func isTextCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value > 0x7F else { return false }
        if MathSymbols.unicodeOperators[String(Character(scalar))] != nil { return false }
        switch scalar.properties.generalCategory {
        case .otherLetter, .modifierLetter, .connectorPunctuation, .dashPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private func nextRawCharacter() -> Unicode.Scalar? {
        rawCharacter(at: position)
    }

    private func rawCharacter(at index: Int) -> Unicode.Scalar? {
        guard index < tokens.count, case .character(let scalar) = tokens[index].kind else { return nil }
        return scalar
    }

    private func nextSignificantCharacter() -> Unicode.Scalar? {
        guard let token = peekSignificant(), case .character(let scalar) = token.kind else { return nil }
        return scalar
    }

    // MARK: - Scripts

    /// Attaches the `_`, `^`, `'`, `\limits` that follow a nucleus.
    ///
    /// A second superscript or subscript (`x^a^b`) is a TeX error; it is reported and
    /// attached to an empty base after the first, which keeps the tree flat.
    func parseScripts(on nucleus: Atom, _ context: MathContext) -> [MathNode] {
        var result: [MathNode] = []
        var base = nucleus
        var placement: LimitsPolicy? = nil
        var sub: MathNode? = nil
        var sup: MathNode? = nil
        var primes = 0

        func flush() {
            let primeNode: MathNode? = primes > 0 ? .symbol(Self.primeText(primes), .ord) : nil
            let superscript: MathNode?
            switch (primeNode, sup) {
            case (nil, nil): superscript = nil
            case (let prime?, nil): superscript = prime
            case (nil, let arg?): superscript = arg
            case (let prime?, let arg?): superscript = .group([prime, arg], .ord)
            }
            if sub == nil, superscript == nil {
                result.append(base.node)
            } else {
                let limits: Bool
                switch placement ?? base.limits ?? .never {
                case .always: limits = true
                case .never: limits = false
                case .displayOnly: limits = context.displayStyle
                }
                result.append(.scripts(base: base.node, sub: sub, sup: superscript, limits: limits))
            }
            base = Atom(node: .group([], .ord))
            placement = nil
            sub = nil
            sup = nil
            primes = 0
        }

        scanning: while let token = peekSignificant() {
            switch token.kind {
            case .command(let name) where name == "limits" || name == "nolimits" || name == "displaylimits":
                position += 1
                if base.limits == nil {
                    warn("\\\(name) is only allowed after an operator such as \\sum.", at: token)
                } else {
                    placement = name == "limits" ? .always : name == "nolimits" ? .never : .displayOnly
                }
            case .character("'"):
                if sup != nil {
                    warn("Double superscript: use braces, as in {x^a}'.", at: token)
                    flush()
                }
                position += 1
                primes += 1
            case .superscriptMark:
                position += 1
                if sup != nil {
                    warn("Double superscript: use braces, as in {x^a}^b.", at: token)
                    flush()
                }
                sup = parseScriptArgument(context, marker: token)
            case .subscriptMark:
                position += 1
                if sub != nil {
                    warn("Double subscript: use braces, as in {x_a}_b.", at: token)
                    flush()
                }
                sub = parseScriptArgument(context, marker: token)
            default:
                break scanning
            }
        }
        flush()
        return result
    }

    static func primeText(_ count: Int) -> String {
        switch count {
        case 1: return "′"
        case 2: return "″"
        case 3: return "‴"
        case 4: return "⁗"
        default: return String(repeating: "′", count: count)
        }
    }
}
