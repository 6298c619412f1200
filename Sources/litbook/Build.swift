import ArgumentParser
import Foundation
import OutputChecker

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the notebooks and write the course site.")

    @Argument(help: "Notebooks or folders of notebooks (default: notebooks).")
    var notebooks: [String] = ["notebooks"]

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site into.")
    var output: String = "site"

    @Option(help: "A folder of theme files overriding the built-in theme.")
    var theme: String?

    @OptionGroup var options: RunArguments

    func run() throws {
        let console = Console()
        let notebooks = try Launch.notebooks(notebooks, console: console)
        let runner = Launch.runner(options, console: console)
        var report = CheckReport()
        for notebook in notebooks {
            let executed = runner.run(notebook)
            console.reportRun(executed)
            report.notebooks.append(NotebookCheck(executed: executed, verdict: NotebookVerdict(path: notebook.path, cells: [])))
        }
        try SiteCommands.write(report.notebooks.map(\.executed), to: output, theme: theme, console: console)
        let status = report.status
        console.line("\(report.notebooks.count) notebooks, \(report.cellsRun) cells run, site written to \(output)")
        throw ExitCode(status.code)
    }
}
