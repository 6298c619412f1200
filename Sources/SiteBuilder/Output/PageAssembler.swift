/// Puts a page body into the theme's templates: builds the Mustache context
/// (titles, navigation, outline, UI strings, asset links) of a lesson page and
/// of the home page.
///
/// Template variables (see `Theme/README.md`): `lang`, `title`, `siteTitle`,
/// `root`, `homeHref`, `content`, `strings.*`, `lessons` (`title`, `href`,
/// `number`, `current`), `outline` (`href`, `html`, `sub`), `previous`/`next`
/// (`title`, `href`), and on the home page `toc` (lessons with `sections`).
struct PageAssembler {
    let course: Course
    let theme: CompiledTheme

    func lessonPage(_ page: Lesson, body: String, outline: [OutlineEntry]) -> String {
        var context = baseContext(sitePath: page.sitePath, language: page.language, title: page.title)
        context["content"] = body
        context["outline"] = outline.map(outlineItem)
        context["hasOutline"] = !outline.isEmpty
        let root = SitePath.rootPrefix(of: page.sitePath)
        let index = course.lessons.firstIndex { $0.sitePath == page.sitePath }
        if let index {
            context["previous"] =
                index > 0
                ? link(course.lessons[index - 1], from: page.sitePath)
                : ["title": siteTitle(language: page.language), "href": root + Course.homeSitePath]
            if index + 1 < course.lessons.count {
                context["next"] = link(course.lessons[index + 1], from: page.sitePath)
            }
        }
        return theme.render(CompiledTheme.pageTemplate, context)
    }

    func homePage(body: (html: String, outline: [OutlineEntry])?, outlines: [String: [OutlineEntry]]) -> String {
        let language = course.language
        var context = baseContext(
            sitePath: Course.homeSitePath, language: language, title: siteTitle(language: language))
        context["content"] = body?.html ?? ""
        context["hasContent"] = body != nil
        context["isHome"] = true
        context["toc"] = course.lessons.map { lesson -> [String: Any] in
            var entry = link(lesson, from: Course.homeSitePath)
            let sections = (outlines[lesson.sitePath] ?? []).filter { $0.level == 2 }
            entry["sections"] = sections.map { section -> [String: Any] in
                [
                    "href": SitePath.href(from: Course.homeSitePath, to: lesson.sitePath) + "#"
                        + SitePath.encode(section.id), "html": section.html,
                ]
            }
            entry["hasSections"] = !sections.isEmpty
            return entry
        }
        if let first = course.lessons.first { context["next"] = link(first, from: Course.homeSitePath) }
        return theme.render(CompiledTheme.indexTemplate, context)
    }

    // MARK: - Context pieces

    private func baseContext(sitePath: String, language: String, title: String) -> [String: Any] {
        let root = SitePath.rootPrefix(of: sitePath)
        let strings = theme.strings.strings(for: language)
        return [
            "lang": language,
            "title": title,
            "siteTitle": siteTitle(language: language),
            "root": root,
            "homeHref": root + Course.homeSitePath,
            "strings": strings.values,
            "lessons": course.lessons.map { lesson -> [String: Any] in
                var entry = link(lesson, from: sitePath)
                entry["current"] = lesson.sitePath == sitePath
                return entry
            },
        ]
    }

    private func link(_ lesson: Lesson, from sitePath: String) -> [String: Any] {
        [
            "title": lesson.title,
            "href": SitePath.href(from: sitePath, to: lesson.sitePath),
            "number": lesson.number.map(String.init) ?? "",
        ]
    }

    private func outlineItem(_ entry: OutlineEntry) -> [String: Any] {
        ["href": "#" + SitePath.encode(entry.id), "html": entry.html, "sub": entry.level > 2]
    }

    private func siteTitle(language: String) -> String {
        course.title.isEmpty ? theme.strings.strings(for: language)["course"] : course.title
    }
}
