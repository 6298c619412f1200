import ArgumentParser

@main
struct Litbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litbook",
        abstract: "Turn Markdown notebooks into course web pages, and check their recorded outputs.",
        discussion: """
            Exit codes:
              0   success
              1   recorded outputs differ from a fresh run (or the site is not current)
              64  usage error (unknown option, missing file)
              65  a notebook cannot be read (bad front matter, a syntax error in a cell)
              70  a cell raised an error it did not declare, or a figure could not be drawn
            """,
        subcommands: [Build.self, Check.self, Run.self]
    )
}

/// Options every subcommand that runs notebooks shares.
struct RunArguments: ParsableArguments {
    @Option(name: .long, help: "Threads the numeric kernels may use (results are identical for any value).")
    var jobs: Int?

    @Option(name: .long, help: "Seconds a cell may run when it sets no `#| timeout:`.")
    var timeout: Double = 900

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }
}
