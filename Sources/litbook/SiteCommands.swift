import ArgumentParser
import Diagnostics
import Foundation
import NotebookRunner
import OutputChecker
import SiteBuilder

/// The site half of `build` and `check --site`.
enum SiteCommands {
    /// Renders the site and reports its diagnostics (broken references, links and
    /// images are errors; unsupported TeX is a warning).
    static func render(_ notebooks: [ExecutedNotebook], theme: String?, console: Console) throws -> RenderedSite {
        let builder: SiteBuilder
        do {
            builder = try SiteBuilder(theme: theme.map { try Theme(overridesAt: URL(fileURLWithPath: $0)) } ?? .default)
        } catch {
            console.problem("litbook: \(error)")
            throw ExitCode(ExitStatus.usage.code)
        }
        let site = try builder.render(notebooks)
        let renderer = DiagnosticRenderer(sources: Dictionary(notebooks.map { ($0.notebook.path, $0.notebook.source) }) { a, _ in a })
        for diagnostic in site.diagnostics { console.problem(renderer.render(diagnostic)) }
        return site
    }

    /// Writes the site — also when it has errors, so the author can look at the
    /// pages — and fails afterwards (exit 65) if it does.
    static func write(_ notebooks: [ExecutedNotebook], to directory: String, theme: String?, console: Console) throws {
        let site = try render(notebooks, theme: theme, console: console)
        try SiteWriter.write(site, to: URL(fileURLWithPath: directory))
        if site.hasErrors { throw ExitCode(ExitStatus.notebookError.code) }
    }

    /// Files of `directory` that differ from a fresh render; each is reported.
    static func staleFiles(of notebooks: [ExecutedNotebook], in directory: String, theme: String?, console: Console) throws -> [String] {
        let site = try render(notebooks, theme: theme, console: console)
        if site.hasErrors { throw ExitCode(ExitStatus.notebookError.code) }
        let stale = SiteWriter.differences(site, from: URL(fileURLWithPath: directory))
        for file in stale {
            console.problem("\(directory)/\(file) (the site is not what a build writes now; run `make site` and commit the result)")
        }
        return stale
    }
}
