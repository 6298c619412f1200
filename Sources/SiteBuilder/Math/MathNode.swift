/// TeX's atom classes: they decide the spacing between neighbours (TeXbook ch. 18),
/// which the MathML writer reproduces where the MathML operator dictionary would not.
enum MathAtomClass: Equatable {
    case ord, op, bin, rel, open, close, punct, inner
}

/// How sub/superscripts attach to an operator: TeX's `\limits` / `\nolimits` and the
/// default of `\sum` (limits in display style only) versus `\int` (never).
enum LimitsPolicy: Equatable {
    case never, displayOnly, always
}

/// The size of a `\big`-family delimiter, as a height in em (the values KaTeX and
/// MathJax agree on for Latin Modern).
enum DelimiterSize: Double, Equatable {
    case big = 1.2
    case big2 = 1.623
    case bigg = 2.047
    case bigg2 = 2.470
}

/// Styling of `\text`-family content (CSS on `<mtext>`, since MathML Core has no
/// `mathvariant` for text).
enum TextStyle: Equatable {
    case plain, bold, italic, sansSerif, monospace
}

/// The parsed form of a formula: a tree close to MathML, but still carrying TeX's
/// atom classes so the writer can space it as TeX would.
indirect enum MathNode: Equatable {
    /// `<mi>`; `normalVariant` asks for upright rendering of a single letter that
    /// MathML would otherwise italicize (`\mathrm{d}`, `\Delta`).
    case identifier(String, normalVariant: Bool)
    /// `<mn>`.
    case number(String)
    /// `<mo>` for a symbol of the given class (`=`, `+`, `(`, `,`, `|`, `′`).
    case symbol(String, MathAtomClass)
    /// A big operator such as `∑`, `∫`; scripts placement is resolved by the parser.
    case largeOperator(String)
    /// A function name such as `sin`, `max`, `\operatorname{argmax}`.
    case namedOperator(String)
    /// A group treated as one atom of a given class (`{…}` is ord, `\mathop{…}` op, …).
    case group([MathNode], MathAtomClass)
    /// `<mtext>`; spaces are kept.
    case text(String, TextStyle)
    /// `<mspace>` of the given width in em.
    case space(Double)
    /// `\frac`, `\dfrac`, `\tfrac`, `\binom` (zero line), `\over`.
    case fraction(numerator: MathNode, denominator: MathNode, style: FractionStyle, hasRule: Bool)
    /// `\sqrt[index]{radicand}`.
    case root(radicand: MathNode, index: MathNode?)
    /// Sub/superscripts; `limits` places them under/over the base.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// Accents and `\overline`, `\underbrace`…: a mark over or under a base.
    case accent(base: MathNode, mark: String, stretchy: Bool, under: Bool)
    /// `\overset`, `\underset`, `\stackrel`, `\xrightarrow`: arbitrary content over/under;
    /// a symbol base stretches to the width of the scripts when `stretchyBase` is set.
    case underOver(base: MathNode, under: MathNode?, over: MathNode?, atomClass: MathAtomClass, stretchyBase: Bool)
    /// `\left … \middle … \right`: stretchy fences around a body (nil: `\left.`).
    case fenced(open: String?, body: [MathNode], close: String?)
    /// `\middle|`: a delimiter inside `\left … \right` that stretches with them.
    case middleDelimiter(String)
    /// `\big(`, `\Bigl[`…: a delimiter with a fixed size.
    case sizedDelimiter(String, DelimiterSize, MathAtomClass)
    /// Matrices, `aligned`, `cases`, `array` and multi-line display math.
    case table(MathTable)
    /// `\displaystyle`, `\scriptstyle`, `\dfrac`'s style, `\color`.
    case styled([MathNode], MathStyleChange)
    /// `\phantom` and friends: space without ink.
    case phantom(MathNode, PhantomKind)
    /// Source that could not be rendered, shown as text in an error box.
    case error(String)
}

enum FractionStyle: Equatable {
    /// Follows the surrounding style (`\frac`).
    case automatic
    /// `\dfrac`: display style whatever the surroundings.
    case display
    /// `\tfrac`: text style whatever the surroundings.
    case text
}

enum PhantomKind: Equatable {
    case full, horizontal, vertical
}

/// A change of math style or colour applied to a run of nodes.
struct MathStyleChange: Equatable {
    var displayStyle: Bool?
    var scriptLevel: Int?
    var color: String?
    var boxed: Bool = false
}

// MARK: - Tables

/// How the cells of one column are aligned.
enum ColumnAlignment: Equatable {
    case left, center, right
}

/// A row of a table: its cells, the equation tag shown at the right (`\tag`), and
/// whether `\hline` drew a rule above or below it.
struct MathTableRow: Equatable {
    var cells: [[MathNode]]
    var tag: [MathNode]?
    var ruleAbove: Bool = false
    var ruleBelow: Bool = false
}

/// A laid-out grid: the environments `matrix`, `aligned`, `cases`, `array` and the
/// implicit table of display math broken with `\\`.
struct MathTable: Equatable {
    enum Layout: Equatable {
        /// Column pairs right/left with no gap inside a pair (`aligned`, `align`, `split`).
        case alignedPairs
        /// Every column uses the alignment given (matrices, `cases`, `gathered`, `array`).
        case columns([ColumnAlignment])
    }

    var rows: [MathTableRow]
    var layout: Layout
    /// Rules between columns, by column index (`array`'s `|`): the rule after column i.
    var columnRules: Set<Int> = []
    var displayStyle: Bool
    var scriptLevel: Int? = nil
    /// No cell padding at the outer edges (matrices, cases).
    var tightEdges = false

    var columnCount: Int {
        rows.map(\.cells.count).max() ?? 0
    }

    var hasTags: Bool {
        rows.contains { $0.tag != nil }
    }

    func alignment(ofColumn column: Int) -> ColumnAlignment {
        switch layout {
        case .alignedPairs:
            return column % 2 == 0 ? .right : .left
        case .columns(let alignments):
            if column < alignments.count { return alignments[column] }
            return alignments.last ?? .center
        }
    }
}

// MARK: - Atom classes

extension MathNode {
    /// The TeX class of this node as a neighbour in a row.
    var atomClass: MathAtomClass {
        switch self {
        case .identifier, .number, .text, .space, .error, .table, .phantom, .root, .accent:
            return .ord
        case .symbol(_, let atomClass), .group(_, let atomClass), .sizedDelimiter(_, _, let atomClass),
            .underOver(_, _, _, let atomClass, _):
            return atomClass
        case .middleDelimiter:
            return .rel
        case .largeOperator, .namedOperator:
            return .op
        case .fraction:
            return .inner
        case .scripts(let base, _, _, _):
            return base.atomClass
        case .fenced:
            return .inner
        case .styled(let nodes, _):
            return nodes.count == 1 ? nodes[0].atomClass : .ord
        }
    }

    /// Whether this atom is (or carries scripts on) a function name, after which MathML
    /// wants an invisible function application (U+2061).
    var isFunctionApplication: Bool {
        switch self {
        case .namedOperator: return true
        case .scripts(let base, _, _, _): return base.isFunctionApplication
        default: return false
        }
    }
}
