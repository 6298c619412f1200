/// Serializes `MathNode`s as MathML Core.
///
/// MathML Core spaces an `<mo>` from its operator dictionary, which knows nothing of
/// TeX's atom classes. Where the two disagree (a unary minus, `|` as an ordinary
/// symbol, a relation starting an aligned column, a function name before its
/// argument) the writer states the spacing explicitly, so the page looks like TeX in
/// every engine. Output is one line, no insignificant white space.
struct MathMLWriter {
    var output = ""

    // MARK: - Entry point

    mutating func writeMath(_ nodes: [MathNode], alttext: String, display: Bool) {
        output += "<math"
        if display { output += " display=\"block\"" }
        output += " alttext=\"" + Self.escape(alttext) + "\">"
        writeRow(nodes)
        output += "</math>"
    }

    // MARK: - Rows

    /// Writes the atoms of a row, applying TeX's spacing rules between neighbours.
    ///
    /// `leadingInfix` marks the right-hand column of an alignment (`&= x`): TeX
    /// spaces a leading relation there as if something preceded it.
    mutating func writeRow(_ rawNodes: [MathNode], leadingInfix: Bool = false) {
        let nodes = Self.mergingTexts(rawNodes)
        // Glue does not count as a neighbour for TeX's class rules.
        let classes: [MathAtomClass?] = nodes.map { node in
            if case .space = node { return nil }
            return node.atomClass
        }
        // The nearest non-glue neighbour classes on each side, in one pass each way.
        var previousClasses: [MathAtomClass?] = []
        var last: MathAtomClass? = nil
        for atomClass in classes {
            previousClasses.append(last)
            if let atomClass { last = atomClass }
        }
        var nextClasses: [MathAtomClass?] = Array(repeating: nil, count: classes.count)
        last = nil
        for index in classes.indices.reversed() {
            nextClasses[index] = last
            if let atomClass = classes[index] { last = atomClass }
        }
        for (index, node) in nodes.enumerated() {
            let previous = previousClasses[index]
            let next = nextClasses[index]
            let isFirst = previous == nil
            if case .symbol(let text, let atomClass) = node {
                var role = OperatorRole.normal
                if leadingInfix, isFirst, atomClass == .bin || atomClass == .rel {
                    role = .infix
                } else if atomClass == .bin, Self.isUnaryPosition(previous: previous, next: next) {
                    role = .unary
                }
                writeOperator(text, atomClass, role: role)
            } else {
                writeNode(node)
            }
            if node.isFunctionApplication, let next {
                switch next {
                case .ord, .op, .inner, .bin: output += "<mo rspace=\"0.1667em\">&#x2061;</mo>"
                case .open: output += "<mo>&#x2061;</mo>"
                default: break
                }
            }
        }
    }

    /// TeX turns a binary operator into an ordinary symbol when it has no left
    /// operand (start, or after an operator, relation, opening or punctuation) or
    /// no right one (TeXbook rules 5 and 6).
    private static func isUnaryPosition(previous: MathAtomClass?, next: MathAtomClass?) -> Bool {
        switch previous {
        case nil, .bin, .op, .rel, .open, .punct: return true
        default: break
        }
        switch next {
        case nil, .rel, .close, .punct: return true
        default: return false
        }
    }

    /// Adjacent text runs of one style become one `<mtext>`.
    private static func mergingTexts(_ nodes: [MathNode]) -> [MathNode] {
        var merged: [MathNode] = []
        for node in nodes {
            if case .text(let text, let style) = node, case .text(let previous, let previousStyle)? = merged.last,
                style == previousStyle
            {
                merged[merged.count - 1] = .text(previous + text, style)
            } else {
                merged.append(node)
            }
        }
        return merged
    }

    /// Writes a node as exactly one element (an `<mrow>` when it is a list).
    mutating func writeSingle(_ node: MathNode) {
        writeNode(node)
    }

    // MARK: - Nodes

    mutating func writeNode(_ node: MathNode) {
        switch node {
        case .identifier(let text, let normal):
            output += normal ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Self.escape(text) + "</mi>"
        case .number(let text):
            output += "<mn>" + Self.escape(text) + "</mn>"
        case .symbol(let text, let atomClass):
            writeOperator(text, atomClass, role: .normal)
        case .largeOperator(let text):
            output += "<mo>" + Self.escape(text) + "</mo>"
        case .namedOperator(let text):
            let single = text.unicodeScalars.count == 1 && text.unicodeScalars.allSatisfy(MathAlphabet.isAutoItalicized)
            output += single ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Self.escape(text) + "</mi>"
        case .group(let nodes, let atomClass):
            if nodes.count == 1, case .symbol(let text, _) = nodes[0] {
                writeOperator(text, atomClass, role: .normal)
            } else if nodes.count == 1 {
                writeNode(nodes[0])
            } else {
                output += "<mrow>"
                writeRow(nodes)
                output += "</mrow>"
            }
        case .text(let text, let style):
            writeText(text, style)
        case .space(let width):
            output += "<mspace width=\"" + Self.formatEm(width) + "\"></mspace>"
        case .fraction(let numerator, let denominator, let style, let hasRule):
            writeFraction(numerator, denominator, style: style, hasRule: hasRule)
        case .root(let radicand, let index):
            if let index {
                output += "<mroot>"
                writeSingle(radicand)
                writeSingle(index)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                writeSingle(radicand)
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup, let limits):
            writeScripts(base: base, sub: sub, sup: sup, limits: limits)
        case .accent(let base, let mark, let stretchy, let under):
            writeAccent(base: base, mark: mark, stretchy: stretchy, under: under)
        case .underOver(let base, let under, let over, let atomClass, let stretchyBase):
            writeUnderOver(base: base, under: under, over: over, atomClass: atomClass, stretchyBase: stretchyBase)
        case .fenced(let open, let body, let close):
            output += "<mrow>"
            if let open { output += "<mo fence=\"true\" form=\"prefix\">" + Self.escape(open) + "</mo>" }
            writeRow(body)
            if let close { output += "<mo fence=\"true\" form=\"postfix\">" + Self.escape(close) + "</mo>" }
            output += "</mrow>"
        case .middleDelimiter(let text):
            output += "<mo fence=\"true\" form=\"infix\" stretchy=\"true\" lspace=\"0.1667em\" rspace=\"0.1667em\">"
            output += Self.escape(text) + "</mo>"
        case .sizedDelimiter(let text, let size, let atomClass):
            writeSizedDelimiter(text, size: size, atomClass: atomClass)
        case .table(let table):
            writeTable(table)
        case .styled(let nodes, let change):
            writeStyled(nodes, change)
        case .phantom(let node, let kind):
            switch kind {
            case .full: output += "<mphantom>"
            case .horizontal: output += "<mpadded height=\"0\" depth=\"0\"><mphantom>"
            case .vertical: output += "<mpadded width=\"0\"><mphantom>"
            }
            writeSingle(node)
            output += kind == .full ? "</mphantom>" : "</mphantom></mpadded>"
        case .error(let source):
            output += "<merror><mtext>" + Self.escape(source) + "</mtext></merror>"
        }
    }

    private mutating func writeText(_ text: String, _ style: TextStyle) {
        let css: String
        switch style {
        case .plain: css = ""
        case .bold: css = "font-weight:bold"
        case .italic: css = "font-style:italic"
        case .sansSerif: css = "font-family:sans-serif"
        case .monospace: css = "font-family:monospace"
        }
        output += css.isEmpty ? "<mtext>" : "<mtext style=\"" + css + "\">"
        // MathML trims white space at the ends of token elements; TeX keeps it.
        var scalars = Array(text.unicodeScalars)
        if let first = scalars.first, MathLexer.isSpace(first) { scalars[0] = "\u{A0}" }
        if let last = scalars.indices.last, MathLexer.isSpace(scalars[last]) { scalars[last] = "\u{A0}" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        output += Self.escape(String(view)) + "</mtext>"
    }

    private mutating func writeFraction(
        _ numerator: MathNode, _ denominator: MathNode, style: FractionStyle, hasRule: Bool
    ) {
        switch style {
        case .automatic: break
        case .display: output += "<mstyle displaystyle=\"true\" scriptlevel=\"0\">"
        case .text: output += "<mstyle displaystyle=\"false\">"
        }
        output += hasRule ? "<mfrac>" : "<mfrac linethickness=\"0\">"
        writeSingle(numerator)
        writeSingle(denominator)
        output += "</mfrac>"
        if style != .automatic { output += "</mstyle>" }
    }

    private mutating func writeScripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool) {
        let element: String
        switch (sub != nil, sup != nil, limits) {
        case (true, true, false): element = "msubsup"
        case (true, false, false): element = "msub"
        case (false, _, false): element = "msup"
        case (true, true, true): element = "munderover"
        case (true, false, true): element = "munder"
        case (false, _, true): element = "mover"
        }
        output += "<" + element + ">"
        writeSingle(base)
        if let sub { writeSingle(sub) }
        if let sup { writeSingle(sup) }
        output += "</" + element + ">"
    }

    private mutating func writeAccent(base: MathNode, mark: String, stretchy: Bool, under: Bool) {
        // Over- and underlines as CSS rules: browsers stretch U+203E / U+0332 only
        // with some math fonts (not Latin Modern in Chromium); a border always spans.
        if stretchy, mark == "‾" || mark == "_" {
            output +=
                under
                ? "<mrow style=\"border-bottom:0.065em solid;padding-bottom:0.1em\">"
                : "<mrow style=\"border-top:0.065em solid;padding-top:0.1em\">"
            writeSingle(base)
            output += "</mrow>"
            return
        }
        // Braces take limits like operators and are not accents (they keep their gap).
        let isBrace = mark == "⏞" || mark == "⏟"
        let element = under ? "munder" : "mover"
        output += "<" + element
        if !isBrace { output += under ? " accentunder=\"true\"" : " accent=\"true\"" }
        output += ">"
        writeSingle(base)
        output += "<mo stretchy=\"" + (stretchy ? "true" : "false") + "\">" + Self.escape(mark) + "</mo>"
        output += "</" + element + ">"
    }

    private mutating func writeUnderOver(
        base: MathNode, under: MathNode?, over: MathNode?, atomClass: MathAtomClass, stretchyBase: Bool
    ) {
        let element = under != nil && over != nil ? "munderover" : under != nil ? "munder" : "mover"
        output += "<" + element + ">"
        if stretchyBase, case .symbol(let text, _) = base {
            output += "<mo stretchy=\"true\">" + Self.escape(text) + "</mo>"
        } else {
            writeSingle(base)
        }
        if let under { writeSingle(under) }
        if let over { writeSingle(over) }
        output += "</" + element + ">"
    }

    private mutating func writeSizedDelimiter(_ text: String, size: DelimiterSize, atomClass: MathAtomClass) {
        let height = Self.formatEm(size.rawValue)
        output += "<mo"
        switch atomClass {
        case .open: output += " form=\"prefix\""
        case .close: output += " form=\"postfix\""
        case .rel: output += " form=\"infix\""
        default: output += " lspace=\"0em\" rspace=\"0em\""
        }
        output += " stretchy=\"true\" symmetric=\"true\" minsize=\"\(height)\" maxsize=\"\(height)\">"
        output += Self.escape(text) + "</mo>"
    }

    private mutating func writeStyled(_ nodes: [MathNode], _ change: MathStyleChange) {
        var attributes = ""
        if let display = change.displayStyle { attributes += " displaystyle=\"\(display)\"" }
        if let level = change.scriptLevel { attributes += " scriptlevel=\"\(level)\"" }
        if let color = change.color { attributes += " mathcolor=\"" + Self.escape(color) + "\"" }
        if change.boxed { attributes += " style=\"border:0.06em solid;padding:0.2em 0.3em\"" }
        output += "<mstyle" + attributes + ">"
        writeRow(nodes)
        output += "</mstyle>"
    }
}
