import ArgumentParser
import Foundation
import NotebookRunner
import OutputChecker

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every notebook and compare each cell's output with the recorded one.",
        discussion: "Reports every difference as `file:line: cell N: output differs` with a unified diff, keeps going, and fails once at the end with a count."
    )

    @Argument(help: "Notebooks or folders of notebooks (default: notebooks).")
    var notebooks: [String] = ["notebooks"]

    @Flag(help: "Rewrite the recorded outputs that differ (only the output fences change).")
    var update = false

    @Option(help: "Also write the results as a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "Check only shard I of N (e.g. 2/4): notebooks are dealt out in course order.")
    var shard: Shard?

    @Option(help: "Also check that this folder holds exactly the site a build would write now.")
    var site: String?

    @Option(help: "A folder of theme files overriding the built-in theme (with --site).")
    var theme: String?

    @OptionGroup var options: RunArguments

    func run() throws {
        let console = Console()
        let notebooks = try Launch.notebooks(notebooks, shard: shard, console: console)
        let runner = Launch.runner(options, console: console)
        let report = CourseCheck(runner: runner).check(notebooks, update: update) { console.report($0) }
        var status = report.status
        if let site {
            let stale = try SiteCommands.staleFiles(of: report.notebooks.map(\.executed), in: site, theme: theme, console: console)
            if !stale.isEmpty, status == .success { status = .outputsDiffer }
        }
        if let junit {
            try JUnitReport(report).write(to: junit)
        }
        console.line(report.summary)
        throw ExitCode(status.code)
    }
}

/// `I/N`: one shard of a course split N ways.
struct Shard: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, (1...n).contains(i) else { return nil }
        index = i
        count = n
    }

    func contains(position: Int) -> Bool { position % count == index - 1 }
}
