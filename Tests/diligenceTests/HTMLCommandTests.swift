import DiligenceKit
import Foundation
import Testing

/// End to end: `--format html` and `--format pdf` on the shipped policies.
@Suite(.serialized) struct HTMLCommandTests {
    static let asOf = ["--as-of", "2020-09-30"]

    /// Whether a program is on this process's PATH.
    static func onPath(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    static let chromium = PDFPrinter.browser() != nil

    /// The HTML report, written with the other formats into a folder: self-contained, with the
    /// Cabo Delgado map.
    @Test func htmlIsWrittenAlongTheOtherFormats() throws {
        let out = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "markdown,html", "--output", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("id=\"map-policies-mz-cabo-delgado-lng-logistics-yaml-1\""))
        #expect(html.contains("data-id=\"afungi-yard\""))
        #expect(!html.contains("<script") && !html.contains(" src="))
    }

    /// The "Changes since" section of `--compare-as-of` is in the HTML as in the Markdown: first,
    /// with the Mali coup, the Belarus shutdowns and the capture of Mocímboa da Praia as causes.
    @Test func changesSinceAnEarlierDayAreInTheHTML() throws {
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--compare-as-of", "2020-07-31", "--format", "html"])
        #expect(run.status == 1, "\(run.stderr)")
        let html = run.stdout
        let changes = try #require(html.range(of: "<h2>Changes since 2020-07-31</h2>"))
        let control = try #require(html.range(of: "<h2>1. Control</h2>"))
        #expect(changes.lowerBound < control.lowerBound)
        let section = html[changes.upperBound..<control.lowerBound]
        #expect(section.contains("<table>"))
        for cause in ["2020-08-18", "2020-08-09", "2020-08-12"] { #expect(section.contains(cause), "\(cause)") }
        #expect(section.contains("Mocímboa da Praia") || section.contains("Mocimboa da Praia"))
    }

    /// Without a browser on PATH, `--format pdf` says what to install, exits 2 and writes nothing.
    @Test func pdfWithoutChromiumSaysWhatToInstall() throws {
        let out = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("report.pdf").path
        let run = try Executable.run(
            ["check", "policies"] + Self.asOf + ["--format", "pdf", "--output", target],
            stdinBytes: nil, launcher: ["/usr/bin/env", "PATH=\(out.path)"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: --format pdf needs chromium: apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    /// With Chromium, the PDF has many pages, page numbers and the report id in the footer, and
    /// the sign-off on its last page (read with pdftotext when it is installed).
    @Test(.enabled(if: chromium, "chromium is not on PATH (apt-get install chromium): the PDF is not printed here"))
    func pdfHasTheSignOffOnItsLastPage() throws {
        let out = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Executable.run(["check", "policies"] + Self.asOf + ["--format", "pdf,markdown", "--output", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        let pdf = try Data(contentsOf: out.appendingPathComponent("report.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(pdf.count > 200_000)
        guard Self.onPath("pdfinfo"), Self.onPath("pdftotext") else {
            print("pdfinfo/pdftotext not on PATH (apt-get install poppler-utils): page count and last page not read")
            return
        }
        let path = out.appendingPathComponent("report.pdf").path
        let info = try Self.output(["pdfinfo", path])
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pages >= 20)
        let last = try Self.output(["pdftotext", "-layout", "-f", "\(pages)", "-l", "\(pages)", path, "-"])
        #expect(last.contains("Sign-off"))
        #expect(last.contains("Signature"))
        #expect(last.contains("Page \(pages) of \(pages)"))
        #expect(last.contains("Report DD-2020-09-30-"))
        let first = try Self.output(["pdftotext", "-f", "1", "-l", "1", path, "-"])
        #expect(first.contains("Due-diligence report") && first.contains("Page 1 of \(pages)"))
    }

    static func output(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
