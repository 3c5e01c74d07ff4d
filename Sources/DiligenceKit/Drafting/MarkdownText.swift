import Ink

/// The text of a Markdown article: parsed with Ink (JohnSundell/Ink 0.6.0, a CommonMark-style
/// parser in Swift), whose HTML is then read as any HTML article (`HTMLArticleText`), so emphasis,
/// links, code spans and headings lose their markup by a parser, not by patterns. Ink's front
/// matter (`---` … `---`) gives the title and the publication date when it has `title:` and
/// `date:` (or `published:`).
enum MarkdownText {
    static func article(_ text: String, file: String) -> Article {
        let markdown = MarkdownParser().parse(text)
        let html = "<html><body>" + markdown.html + "</body></html>"
        var article =
            (try? HTMLArticleText.article(Array(html.utf8), file: file))
            ?? Article(file: file, format: .markdown, paragraphs: [])
        article.format = .markdown
        let metadata = markdown.metadata
        if let title = metadata["title"], !title.isEmpty {
            article.title = PlainText.normalized(title)
        } else if let title = markdown.title {
            article.title = PlainText.normalized(title)
        }
        if let date = metadata["date"] ?? metadata["published"] { article.published = HTMLArticleText.day(date) }
        return article
    }
}
