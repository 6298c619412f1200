import ArgumentParser
import Foundation
import NotebookFormat
import NotebookRunner
import OutputChecker

/// The steps every subcommand starts with: find the notebooks, make a runner.
enum Launch {
    /// The notebooks in course order (one shard of them when asked); a missing
    /// path is a usage error (exit 64).
    static func notebooks(_ paths: [String], shard: Shard? = nil, console: Console) throws -> [Notebook] {
        let all: [Notebook]
        do {
            all = try CourseSources.load(paths)
        } catch {
            console.problem("litbook: \(error)")
            throw ExitCode(ExitStatus.usage.code)
        }
        guard let shard else { return all }
        return all.enumerated().filter { shard.contains(position: $0.offset) }.map(\.element)
    }

    static func runner(_ arguments: RunArguments, console: Console) -> NotebookRunner {
        // Cells run on the interpreter's own threads, so the count travels by the
        // environment variable the kernels read once, before their first use.
        if let jobs = arguments.jobs { setenv("LITBOOK_THREADS", String(jobs), 1) }
        let options = RunOptions(defaultTimeout: arguments.timeout) { event in
            switch event {
            case .notebookStarted(let path, _): console.progress("running \(path)")
            case .cellStarted(let path, let cell, let line): console.progress("running \(path) cell \(cell) (line \(line))")
            case .notebookFinished: break
            }
        }
        return NotebookRunner(options: options)
    }
}
