/// A problem found while rendering a formula, with where it is in the TeX source.
///
/// `offset` counts Unicode scalars from the start of the TeX (the unit of
/// `Diagnostics` columns); `utf16Offset` counts UTF-16 code units, for callers that
/// index that way. The caller adds the position of the formula in its notebook.
public struct MathWarning: Equatable, Sendable {
    public var message: String
    public var offset: Int
    public var utf16Offset: Int
    /// Length of the offending source in Unicode scalars (0 at the end of the formula).
    public var length: Int

    public init(message: String, offset: Int, utf16Offset: Int, length: Int) {
        self.message = message
        self.offset = offset
        self.utf16Offset = utf16Offset
        self.length = length
    }
}

/// The MathML for one formula and what went wrong on the way.
public struct MathRendering: Equatable, Sendable {
    /// A complete `<math>` element, ready to embed in HTML.
    public var markup: String
    public var warnings: [MathWarning]
}

/// Renders the TeX subset of course notes (`$…$`, `$$…$$`) as MathML Core.
///
/// No JavaScript, no network: the page carries the MathML and the browser lays it
/// out. Rendering never fails: whatever it cannot read is shown as its source in an
/// `<merror>` and reported as a warning. The result depends only on the input.
///
/// ```swift
/// let rendering = MathRenderer.render(#"\frac{a}{b}"#, display: true)
/// // rendering.markup == #"<math display="block" alttext="\frac{a}{b}"><mfrac>…"#
/// ```
public enum MathRenderer {
    /// Renders `tex` (without its `$` delimiters); `display` selects block layout.
    public static func render(_ tex: String, display: Bool) -> MathRendering {
        let parser = MathParser(tex, display: display)
        let nodes = parser.parseFormula()
        var writer = MathMLWriter()
        writer.writeMath(nodes, alttext: tex.trimmingSpaces, display: display)
        return MathRendering(markup: writer.output, warnings: parser.warnings)
    }

    /// The macros that are known and deliberately not supported (see README.md): they
    /// render as their source with a warning.
    public static var unsupportedMacros: Set<String> {
        MathParser.unsupportedCommands
    }
}
