import Diagnostics
import NotebookFormat
import NotebookRunner

/// Directive figures (`{correlation}`, `{receptive-field}`, `{plot}`, `{heatmap}`):
/// the SVG the run drew in a numbered `<figure>` with its `:caption:`, or the
/// error that kept it from being drawn. `:width:` sets the figure's width (a CSS
/// length) and `:alt:` its accessible name.
extension HTMLRenderer {
    mutating func visitDirective(_ directive: Directive) {
        guard let drawn = lesson.executed.figure(for: directive) else {
            // The run drew nothing for this directive (not a figure directive): show nothing.
            return
        }
        let anchor = context.analysis.figures[directive.range.start]
        if let figure = drawn.figure {
            let kind = AnchorAllocator.slug(figure.kind.rawValue)
            var style: String?
            if let width = directive.option("width") {
                if let length = Self.cssLength(width.value) {
                    style = "--figure-width:\(length)"
                } else {
                    report(
                        .warning(
                            "The width '\(width.value)' is not a CSS length such as 400px or 50%; it is ignored.",
                            at: width.valueLocation))
                }
            }
            let alt = directive["alt"].flatMap { $0.isEmpty ? nil : $0 }
            html +=
                HTML.openTag(
                    "figure",
                    [
                        ("id", anchor?.id), ("class", "figure directive-figure figure-\(kind)"), ("style", style),
                        ("aria-label", alt),
                    ]) + "\n"
            let svg = context.analysis.svgs[directive.range.start]?.first ?? figure.svg
            html += svg + (svg.hasSuffix("\n") ? "" : "\n")
            let caption = directive.option("caption")
            writeCaption(number: anchor?.number, captionHTML: captionHTML(caption?.value, at: caption?.valueLocation))
            html += "</figure>\n"
        } else {
            let message = drawn.error?.message ?? "The directive {\(directive.name)} drew no figure."
            writeErrorBlock(
                title: strings["figure_error"], message: message,
                location: drawn.error?.location ?? directive.range.start,
                traceback: [], id: anchor?.id)
        }
    }

    /// A caption written as an option value: text with `$…$` math.
    mutating func captionHTML(_ caption: String?, at location: SourceLocation?) -> String {
        guard let caption = caption?.trimmingWhitespace, !caption.isEmpty else { return "" }
        let saved = html
        html = ""
        var text = ""
        var mathStart: Int?
        var math = ""
        var column = 0
        var escaped = false
        for scalar in caption.unicodeScalars {
            defer { column += 1 }
            if let start = mathStart {
                if scalar == "$" && !escaped {
                    let origin = location.map {
                        SourceLocation(file: $0.file, line: $0.line, column: $0.column + start)
                    }
                    writeMath(math, display: false, at: origin ?? SourceLocation(file: lesson.notebook.path, line: 1))
                    mathStart = nil
                    math = ""
                } else {
                    math.unicodeScalars.append(scalar)
                    escaped = scalar == "\\" && !escaped
                }
                continue
            }
            if scalar == "$" {
                html += HTML.escape(text)
                text = ""
                mathStart = column
                escaped = false
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        if mathStart != nil { text += "$" + math }
        html += HTML.escape(text)
        let result = html
        html = saved
        return result
    }
}
