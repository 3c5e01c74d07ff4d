import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a check's reports go, decided before anything is read: standard output, one file, or
/// a folder of one file per format.
public struct OutputPlan: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// No `--output`, or `--output -`.
        case standardOutput
        /// One format, written to this file.
        case file(String)
        /// Every format as `report.md`, `report.json`, ... in this folder, switched in as a set.
        case folder(String)
    }

    public var target: Target
    public var formats: [ReportFormat]

    /// The plan for `--output` (nil or `-`: standard output) and the formats asked for. A
    /// path that is an existing folder, ends in `/`, or receives several formats is a folder.
    public init(output: String?, formats: [ReportFormat]) throws(PlanError) {
        self.formats = formats
        guard let output, output != "-" else {
            guard formats.count == 1 else { throw PlanError("several formats need --output FOLDER (standard output takes one)") }
            target = .standardOutput
            return
        }
        guard !output.isEmpty else { throw PlanError("--output needs a path (or - for standard output)") }
        var isDirectory: ObjCBool = false
        let existsAsFolder = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue
        target = formats.count > 1 || existsAsFolder || output.hasSuffix("/") ? .folder(output) : .file(output)
    }

    /// The files the plan writes, by format (empty for standard output).
    public var paths: [String] {
        switch target {
        case .standardOutput: return []
        case .file(let path): return [path]
        case .folder(let folder): return formats.map { (folder.hasSuffix("/") ? folder : folder + "/") + $0.fileName }
        }
    }

    /// Writes each format's report (`reports` in the order of `formats`) where the plan says:
    /// the one report to standard output or its file, or every file into the folder as one set.
    public func write(_ reports: [ReportContent]) throws(ReportWriter.WriteError) {
        switch target {
        case .standardOutput:
            if let report = reports.first { try ReportWriter.writeToStandardOutput(report.chunks) }
        case .file(let path):
            try ReportWriter.write([(path: path, chunks: reports.first?.chunks ?? [])])
        case .folder(let folder):
            try ReportWriter.writeSet(folder: folder, files: zip(formats, reports).map { (name: $0.fileName, chunks: $1.chunks) })
        }
    }

    /// Outputs that are also inputs of the run (the same file, by device and inode, whatever
    /// path names it): writing the report would destroy the input. `inputs` are the policy
    /// files, the database's files and the baseline; one message per clash.
    public func clashes(withInputs inputs: [String]) -> [String] {
        var identities: [FileIdentity: String] = [:]
        for input in inputs {
            if let identity = FileIdentity(path: input), identities[identity] == nil { identities[identity] = input }
        }
        var messages: [String] = []
        for path in paths {
            if let identity = FileIdentity(path: path), let input = identities[identity] {
                let same = input == path ? "" : " (as \(input))"
                messages.append("\(path): error: --output would overwrite an input of this run\(same); write reports elsewhere")
            }
        }
        return messages
    }

    /// Why a plan cannot be made.
    public struct PlanError: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A file's device and inode: the same file under any path or link.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
