import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints the HTML report to PDF with headless Chromium (`--print-to-pdf`), the browser found on
/// `PATH`. The page size, margins, footer (report id, database digest, page numbers) and the
/// sign-off page come from the report's print style sheet; Chromium's own header and footer are
/// turned off. The HTML fetches nothing, so the browser needs no network.
public enum PDFPrinter {
    /// What the command says when no browser is found.
    public static let missingBrowser = "--format pdf needs chromium: apt-get install chromium"

    /// Names tried on `PATH`, in order.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first executable of `browserNames` on the search path, or nil.
    public static func browser(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
            for name in browserNames {
                let path = String(folder) + "/" + name
                if access(path, X_OK) == 0 { return path }
            }
        }
        return nil
    }

    /// Why printing failed.
    public struct PrintError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Prints the report (HTML, as chunks) and returns the PDF's bytes in an unlinked temporary
    /// file. The browser runs in a fresh profile inside a temporary folder, removed afterwards;
    /// it is stopped after `timeout` seconds.
    public static func print(
        _ report: ReportContent, browser: String, temporaryFolder: String,
        timeout: Double = 300
    ) throws(PrintError) -> ReportContent {
        ReportContent([.spilled(try print(report.chunks, browser: browser, temporaryFolder: temporaryFolder, timeout: timeout))])
    }

    /// The PDF of the report's chunks, in an unlinked temporary file.
    static func print(_ chunks: [ReportChunk], browser: String, temporaryFolder: String, timeout: Double) throws(PrintError) -> SpillFile {
        var template = Array(((temporaryFolder.hasSuffix("/") ? temporaryFolder : temporaryFolder + "/") + "diligence-pdf-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw PrintError(description: "error: cannot create a temporary folder in \(temporaryFolder): \(String(cString: strerror(errno)))") }
        let folder = String(cString: template.map { $0 })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = folder + "/report.html", pdf = folder + "/report.pdf"
        do throws(ReportWriter.WriteError) {
            try ReportWriter.write([(path: html, chunks: chunks)])
        } catch {
            throw PrintError(description: error.description)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        var arguments = [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder)/profile",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-crash-reporter",
            "--print-to-pdf=\(pdf)",
        ]
        // Chromium refuses to run as root with its sandbox on.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        process.arguments = arguments + [URL(fileURLWithPath: html).absoluteString]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder
        process.environment = environment
        let log = folder + "/browser.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: log)
        process.standardError = FileHandle(forWritingAtPath: log)
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PrintError(description: "error: cannot run \(browser): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw PrintError(description: "error: \(browser) did not print the report within \(Int(timeout)) seconds")
            }
            usleep(50_000)
        }
        guard let bytes = FileManager.default.contents(atPath: pdf), bytes.starts(with: Array("%PDF".utf8)) else {
            let detail = (FileManager.default.contents(atPath: log).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .split(separator: "\n").suffix(3).joined(separator: "; ")
            throw PrintError(description: "error: \(browser) made no PDF (exit \(process.terminationStatus))" + (detail.isEmpty ? "" : ": " + detail))
        }
        let file: SpillFile
        do throws(ReportWriter.WriteError) {
            file = try SpillFile(in: temporaryFolder)
        } catch {
            throw PrintError(description: error.description)
        }
        file.append(bytes: [UInt8](bytes))
        if let failure = file.failure { throw PrintError(description: "error: cannot keep the PDF: \(failure)") }
        return file
    }
}
