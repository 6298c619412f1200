import Foundation
import NotebookRunner
import OutputChecker

/// The check results as JUnit XML: one test suite per notebook, one test case per
/// code cell that ran (with what it printed), so CI systems can show them.
struct JUnitReport {
    let report: CheckReport

    init(_ report: CheckReport) {
        self.report = report
    }

    var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let failures = report.differenceCount
        let errors = report.failedCellCount
        lines.append("<testsuites name=\"litbook\" tests=\"\(report.cellsRun)\" failures=\(quote(failures)) errors=\(quote(errors))>")
        for notebook in report.notebooks {
            let ran = notebook.executed.cells.filter { $0.status == .ran }
            lines.append("  <testsuite name=\(quote(notebook.path)) tests=\"\(ran.count)\" failures=\"\(notebook.differences.count)\" errors=\"\(notebook.failedCells.count)\">")
            let differences = Dictionary(notebook.differences.map { ($0.cellIndex, $0) }) { a, _ in a }
            for cell in ran {
                let name = "cell \(cell.cellIndex)"
                let time = String(format: "%.3f", cell.seconds)
                lines.append("    <testcase classname=\(quote(notebook.path)) name=\(quote(name)) time=\"\(time)\">")
                if cell.isFailure {
                    let message = cell.missedExpectedError ?? cell.error?.summary ?? "failed"
                    lines.append("      <error message=\(quote(message))>\(escape(cell.error?.traceback.joined(separator: "\n") ?? message))</error>")
                } else if let difference = differences[cell.cellIndex], let text = difference.report {
                    lines.append("      <failure message=\"output differs\">\(escape(text))</failure>")
                } else if notebook.verdict.cells.first(where: { $0.cellIndex == cell.cellIndex })?.outcome == .skipped {
                    lines.append("      <skipped message=\"check: skip\"/>")
                }
                // What the cell printed this run, so CI (and property checks of the cells
                // whose recorded output cannot be compared) can read it.
                if !cell.outputText.isEmpty {
                    lines.append("      <system-out>\(escape(cell.outputText))</system-out>")
                }
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    func write(to path: String) throws {
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func quote(_ value: Any) -> String { "\"" + escape("\(value)") + "\"" }

    private func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 cannot carry other control characters at all.
                if scalar.value < 0x20 { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
