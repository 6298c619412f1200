import ArgumentParser
import NotebookRunner
import OutputChecker

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one notebook and print what each cell shows.")

    @Argument(help: "The notebook to run.")
    var notebook: String

    @OptionGroup var options: RunArguments

    func run() throws {
        let console = Console()
        let notebooks = try Launch.notebooks([notebook], console: console)
        let runner = Launch.runner(options, console: console)
        var report = CheckReport()
        for notebook in notebooks {
            let executed = runner.run(notebook)
            for cell in executed.cells where cell.status == .ran {
                let line = notebook.codeCell(cell.cellIndex)?.firstSourceLine ?? 0
                console.line("── cell \(cell.cellIndex) (line \(line)) " + String(repeating: "─", count: 40))
                let text = cell.outputText
                if !text.isEmpty { console.line(text) }
                for figure in cell.figures { console.line("[figure: \(figure.summary)]") }
            }
            console.reportRun(executed)
            report.notebooks.append(NotebookCheck(executed: executed, verdict: NotebookVerdict(path: notebook.path, cells: [])))
        }
        // `run` shows outputs; `check` compares them, so only errors set the status.
        throw ExitCode(report.status.code)
    }
}
