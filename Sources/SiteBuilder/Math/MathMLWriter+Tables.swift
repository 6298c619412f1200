extension MathMLWriter {
    // MARK: - Tables

    /// Writes `<mtable>`.
    ///
    /// MathML Core aligns cells with CSS (`text-align` on `<mtd>`), so each cell that
    /// is not centred carries a style; `columnalign` is added for engines that still
    /// implement MathML 3. Equation tags get a column at the right, balanced by an
    /// empty column at the left so the equation stays centred; engines that resolve
    /// the 50% widths push the tag to the margin (Chromium keeps the table
    /// shrink-wrapped, so there the tag sits 2em after the equation).
    mutating func writeTable(_ table: MathTable) {
        let columns = table.columnCount
        let tagged = table.hasTags
        var attributes = ""
        if table.displayStyle { attributes += " displaystyle=\"true\"" }
        if let level = table.scriptLevel { attributes += " scriptlevel=\"\(level)\"" }
        let alignments = (0..<columns).map { table.alignment(ofColumn: $0) }
        if alignments.contains(where: { $0 != .center }) {
            let names = alignments.map { alignment -> String in
                switch alignment {
                case .left: return "left"
                case .center: return "center"
                case .right: return "right"
                }
            }
            attributes +=
                " columnalign=\"" + (tagged ? ["center"] + names + ["right"] : names).joined(separator: " ")
                + "\""
        }
        if tagged { attributes += " style=\"width:100%\"" }
        output += "<mtable" + attributes + ">"
        for row in table.rows {
            output += "<mtr>"
            if tagged { output += "<mtd style=\"width:50%\"></mtd>" }
            for column in 0..<columns {
                let cell = column < row.cells.count ? row.cells[column] : []
                let style = Self.cellStyle(table, row: row, column: column)
                output += style.isEmpty ? "<mtd>" : "<mtd style=\"" + style + "\">"
                let isRightHandSide = table.layout == .alignedPairs && column % 2 == 1
                writeRow(cell, leadingInfix: isRightHandSide)
                output += "</mtd>"
            }
            if tagged {
                output += "<mtd style=\"width:50%;text-align:right;padding-left:2em\">"
                writeRow(row.tag ?? [])
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }

    /// The CSS of one cell: alignment, the tight gap inside an aligned pair, rules.
    private static func cellStyle(_ table: MathTable, row: MathTableRow, column: Int) -> String {
        var properties: [String] = []
        switch table.alignment(ofColumn: column) {
        case .left: properties.append("text-align:left")
        case .right: properties.append("text-align:right")
        case .center: break
        }
        if table.layout == .alignedPairs {
            if column % 2 == 1 {
                properties.append("padding-left:0em")
            } else {
                if column > 0 { properties.append("padding-left:1em") }
                properties.append("padding-right:0em")
            }
        }
        if table.tightEdges {
            if column == 0 { properties.append("padding-left:0em") }
            if column == table.columnCount - 1 { properties.append("padding-right:0em") }
        }
        if row.ruleAbove { properties.append("border-top:0.06em solid") }
        if row.ruleBelow { properties.append("border-bottom:0.06em solid") }
        if table.columnRules.contains(column) { properties.append("border-right:0.06em solid") }
        if column == 0, table.columnRules.contains(-1) { properties.append("border-left:0.06em solid") }
        return properties.joined(separator: ";")
    }
}
