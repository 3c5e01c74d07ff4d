/// Output formats. The command line turns these into `--format` values.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text
    case markdown
    case json
    case github
    case sarif
    case junit

    /// The file name used when several formats are written into a folder.
    public var fileName: String {
        switch self {
        case .text: return "report.txt"
        case .markdown: return "report.md"
        case .json: return "report.json"
        case .github: return "report.github.txt"
        case .sarif: return "report.sarif"
        case .junit: return "report.junit.xml"
        }
    }

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .markdown: return MarkdownReporter()
        case .json: return JSONReporter()
        case .github: return GitHubReporter()
        case .sarif: return SARIFReporter()
        case .junit: return JUnitReporter()
        }
    }
}

/// Renders a check result in one format. Rendering is pure: the same result gives the same bytes.
public protocol Reporter: Sendable {
    var format: ReportFormat { get }
    func render(_ result: CheckResult) -> String
    /// The same text in parts that are written one after the other, so that a report of tens of
    /// megabytes is never also held joined (by default one part, `render`'s).
    func renderParts(_ result: CheckResult) -> [String]
}

extension Reporter {
    public func renderParts(_ result: CheckResult) -> [String] { [render(result)] }
}

/// The version string printed in reports.
public enum DiligenceVersion {
    public static let current = "0.1.0"
}
